"""Stage outputs are replaced whole: a failed or killed run leaves the previous output."""

import pytest

from chengnuo import atomic
from chengnuo.stage import replaced_folder


@pytest.fixture(autouse=True, params=["one-step exchange", "two renames"])
def swap(request, monkeypatch):
    """Each test runs with renameat2's exchange and, as where it is missing, with two renames."""
    if request.param == "two renames":
        monkeypatch.setattr(atomic, "_renameat2_function", None)
    return request.param


def test_success_replaces_the_folder_whole(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "stale.csv").write_text("old")
    with replaced_folder(target) as staging:
        (staging / "new.csv").write_text("new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in target.iterdir()) == ["new.csv"]


def test_failure_keeps_the_previous_output(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "kept.csv").write_text("old")
    with pytest.raises(RuntimeError):
        with replaced_folder(target) as staging:
            (staging / "half.csv").write_text("half")
            raise RuntimeError("stopped")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (target / "kept.csv").read_text() == "old"


def test_a_run_killed_between_the_renames_is_repaired_by_the_next(tmp_path):
    # What a SIGKILL after `target → .old` and before `staging → target` leaves.
    (tmp_path / ".out.old").mkdir()
    (tmp_path / ".out.old" / "kept.csv").write_text("old")
    (tmp_path / ".out.new-abc").mkdir()
    with pytest.raises(RuntimeError):
        with replaced_folder(tmp_path / "out"):
            # The old output is put back before the run starts.
            assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["kept.csv"]
            raise RuntimeError("this run fails too")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (tmp_path / "out" / "kept.csv").read_text() == "old"
