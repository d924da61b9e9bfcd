"""Faults injected on purpose: kills at chosen points, a full disk, a read-only project,
symbolic links, bombs, two commands at once (issue 17, the red team's findings).

The invariants: every output is the old version or the new one, byte for byte (and
the next command finishes a half-done change and says so); nothing is written
outside the project; no process is left behind; a failure is one line, not a
traceback. Kills use the hook of chengnuo.atomic: CHENGNUO_TEST_KILL_AT names the
point at which the process sends itself SIGKILL.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from chengnuo import atomic, lock
from chengnuo.site.search import MAX_PIECE, subwords
from tests import convert
from tests.conftest import REPO, copy_project
from tests.test_add import without_source

CHENGNUO = str(Path(sys.executable).parent / "chengnuo")
ENV = {k: v for k, v in os.environ.items()
       if k not in ("SOURCE_DATE_EPOCH", atomic.KILL_AT_ENV, atomic.SIGNAL_ENV)}
PLAN = "liaocheng-2023-task-plan.txt"


def chengnuo(root: Path, *args: str, kill_at: str | None = None, **env: str) -> subprocess.CompletedProcess:
    extra = {atomic.KILL_AT_ENV: kill_at} if kill_at else {}
    return subprocess.run([CHENGNUO, "--project", str(root), *args], capture_output=True, text=True,
                          env={**ENV, **extra, **env}, cwd=root, timeout=600)


def files(folder: Path) -> dict[str, bytes] | None:
    if not folder.exists():
        return None
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# Each folder output is replaced whole; in reports/ each file is an output. (The downloads
# pages live in build/downloads/pages/, so docs/ holds no output of add.)
AREAS = ("datapackage", "build/text", "build/records", "build/downloads", "reports/registry.yaml",
         f"reports/{PLAN}")


def state(root: Path) -> dict[str, dict[str, bytes] | bytes | None]:
    return {area: (root / area).read_bytes() if (root / area).is_file() else files(root / area)
            for area in AREAS}


def processes_in(root: Path) -> list[str]:
    """Command lines of live processes that name `root`: none may outlive a command."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(root) in line:
                found.append(f"{entry.name}: {line}")
    return found


def one_line(stderr: str) -> str:
    """The last line of stderr, after checking it is the only error and no traceback came."""
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr[-3000:]
    lines = [line for line in stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, stderr[-3000:]
    return lines[0]


# --- `add` as a transaction ----------------------------------------------------------------


@pytest.fixture(scope="module")
def before_add(tmp_path_factory) -> Path:
    """A project with its package, before the 2023 plan was added; the plan waits in download/."""
    root = tmp_path_factory.mktemp("before") / "project"
    project = copy_project(root, with_package=True)
    without_source(project, "liaocheng-2023-task-plan", PLAN)
    (root.parent / "download").mkdir()
    shutil.copyfile(REPO / "reports" / PLAN, root.parent / "download" / PLAN)
    return root


def fresh(before: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(before, root, symlinks=True)
    return root


@pytest.fixture(scope="module")
def after_add(before_add, tmp_path_factory) -> dict:
    """The new state: the same add, never interrupted."""
    root = fresh(before_add, tmp_path_factory.mktemp("after"))
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN))
    assert result.returncode == 0, result.stderr[-3000:]
    return state(root)


@pytest.mark.slow
def test_a_kill_while_the_registry_is_written_leaves_the_old_project(before_add, tmp_path):
    """Finding 1: the registry was rewritten in place, and a kill cut it to a third."""
    root = fresh(before_add, tmp_path)
    old = state(root)
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN), kill_at="atomic-write")
    assert result.returncode == -signal.SIGKILL
    assert state(root) == old
    assert processes_in(root) == []
    # The next command clears what the killed one had staged, and says so.
    result = chengnuo(root, "text")
    assert result.returncode == 0, result.stderr[-3000:]
    assert ("note: an interrupted `chengnuo add` of reports/liaocheng-2023-task-plan.txt was undone: "
            "it had not changed anything yet") in result.stderr
    assert not (root / "build" / ".transaction").exists()


@pytest.mark.slow
@pytest.mark.parametrize("point, moved", [("add-before-commit", False), ("transaction-committed", False),
                                          ("transaction-move-9", True), ("transaction-move-10", True)])
def test_add_killed_at_each_step_of_its_commit_is_old_or_new_then_new(before_add, after_add, tmp_path,
                                                                     point, moved):
    """Findings 2 and 3: a kill left the registry new and datapackage/ old, and a retry said
    "nothing to do". Move 9 is datapackage/, move 10 the report's copy, 11 the registry."""
    root = fresh(before_add, tmp_path)
    old = state(root)
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN), kill_at=point)
    assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]
    assert processes_in(root) == []
    now = state(root)
    assert all(now[area] in (old[area], after_add[area]) for area in AREAS)
    assert (now["datapackage"] == after_add["datapackage"]) is moved
    assert now["reports/registry.yaml"] == old["reports/registry.yaml"]  # the last move
    # The next command (here the retry) finishes a committed add, or drops an uncommitted one.
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN))
    committed = point.startswith("transaction-")
    if committed:
        assert "note: an interrupted `chengnuo add` of reports/liaocheng-2023-task-plan.txt was " \
               "finished: its 11 outputs are now in place" in result.stderr
        assert one_line(result.stderr).endswith("this file is already registered as source "
                                                "'liaocheng-2023-task-plan' (reports/liaocheng-2023-"
                                                "task-plan.txt) (nothing to do; to replace that file, "
                                                "remove its entry first)")
    else:
        assert result.returncode == 0, result.stderr[-3000:]
    assert state(root) == after_add
    assert not (root / "build" / ".transaction").exists()


@pytest.mark.slow
def test_a_late_failure_of_add_changes_nothing(before_add, tmp_path):
    """Finding 2: a commitment longer than an XLSX cell failed in the downloads stage after
    datapackage/ had been swapped in; the registry was rolled back, the package was not, and
    the error named a generated CSV line. Now the records stage names the report's line."""
    root = fresh(before_add, tmp_path)
    old = state(root)
    text = (before_add.parent / "download" / PLAN).read_text(encoding="utf-8")
    long = text.replace("地区生产总值增长5.5%以上。", "地区生产总值增长5.5%以上" + "，推进" * 12000 + "。", 1)
    assert long != text
    plan = tmp_path / PLAN
    plan.write_text(long, encoding="utf-8")
    result = chengnuo(root, "add", str(plan))
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        f"error: reports/{PLAN}:19: a text of 36,015 characters starts here, more than the 32,767 a "
        "spreadsheet cell holds (check that its numbered items are each on their own line)")
    assert state(root) == old
    assert not (root / "build" / ".transaction").exists()
    # A failure in the last stage (downloads), once the new package is written.
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN),
                      SOURCE_DATE_EPOCH="99999999999")
    assert result.returncode == 1
    assert one_line(result.stderr).startswith("error: SOURCE_DATE_EPOCH 99999999999 is after 2107")
    assert state(root) == old
    assert not (root / "build" / ".transaction").exists()


@pytest.mark.slow
def test_ctrl_c_once_the_new_package_is_written_changes_nothing(before_add, tmp_path):
    """Finding 4: Ctrl-C during add left datapackage/ new while the registry was rolled back."""
    root = fresh(before_add, tmp_path)
    old = state(root)
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN),
                      kill_at="folder-swapped:datapackage", CHENGNUO_TEST_SIGNAL="SIGINT")
    assert (result.returncode, result.stderr.splitlines()[-1]) == (1, "Aborted!")
    assert "Traceback" not in result.stderr
    assert state(root) == old
    assert not (root / "build" / ".transaction").exists()
    assert processes_in(root) == []


@pytest.mark.slow
def test_a_failed_add_leaves_no_staging_and_a_good_message_for_a_bad_year(before_add, tmp_path):
    """Findings 25-26: --year 0 was ignored, --year -5 blamed a registry line that was gone."""
    root = fresh(before_add, tmp_path)
    for year in ("0", "-5"):
        result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN), "--year", year)
        assert result.returncode == 2
        assert f"Invalid value for '--year': {year} is not in the range 1949<=x<=2100." in result.stderr
    assert not (root / "build").exists()


# --- folders are swapped, never missing ------------------------------------------------------


@pytest.mark.slow
def test_a_kill_right_after_the_folder_swap_leaves_the_new_folder(tmp_path):
    """Finding 5: a kill between the two renames of the swap left no datapackage/ at all."""
    root = copy_project(tmp_path, with_package=True).root
    registry = root / "reports" / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "        title_en: Government Work Report\n",
        "        title_en: Government Work Report (newspaper print)\n", 1), encoding="utf-8")
    old = files(root / "datapackage")
    result = chengnuo(root, "build", kill_at="folder-swapped:datapackage")
    assert result.returncode == -signal.SIGKILL
    # Killed the instant after the exchange: datapackage/ is the new package, whole, and the
    # old one waits in the staging folder that the next run removes.
    new = files(root / "datapackage")
    assert new != old and new.keys() == old.keys()
    assert [files(p) for p in root.glob(".datapackage.new-*")] == [old]
    result = chengnuo(root, "datapackage")
    assert result.returncode == 0, result.stderr[-3000:]
    assert files(root / "datapackage") == new
    assert not list(root.glob(".datapackage.*"))


def test_files_are_written_whole_or_not_at_all(tmp_path):
    path = tmp_path / "registry.yaml"
    path.write_text("old\n")
    atomic.write_text(path, "new\n" * 1000)
    assert path.read_text() == "new\n" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["registry.yaml"]
    with pytest.raises(FileNotFoundError):
        atomic.copy_file(tmp_path / "missing.txt", tmp_path / "copy.txt")
    assert [p.name for p in tmp_path.iterdir()] == ["registry.yaml"]


# --- a lock per project ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_second_command_refuses_while_the_first_holds_the_lock(tmp_path):
    """Finding 23: two builds deleted each other's staging folders and failed oddly."""
    root = copy_project(tmp_path, with_package=True).root
    with lock.project_lock(root / "build"):
        for command in (["build"], ["text"], ["add", str(REPO / "reports" / PLAN)]):
            result = chengnuo(root, *command)
            assert (result.returncode, result.stdout) == (1, "")
            assert result.stderr == (f"error: build/.lock: another chengnuo command (pid {os.getpid()}) is "
                                     "working on this project (wait for it to finish, or stop it)\n")
    # Released with its holder: the next command runs.
    assert chengnuo(root, "text").returncode == 0


def test_two_builds_started_together_one_runs_one_refuses(tmp_path):
    root = copy_project(tmp_path).root
    first = subprocess.Popen([CHENGNUO, "--project", str(root), "text"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=ENV)
    second = chengnuo(root, "text")
    out, err = first.communicate(timeout=300)
    codes = sorted([first.returncode, second.returncode])
    assert codes in ([0, 0], [0, 1]), (err, second.stderr)  # the first may be done before the second
    if codes == [0, 1]:
        refused = err if first.returncode else second.stderr
        assert "another chengnuo command (pid " in one_line(refused)
    assert files(root / "build" / "text")


# --- the machine: a full disk, a read-only project -------------------------------------------


def _in_namespace(script: str, *args: str) -> subprocess.CompletedProcess:
    """Run `script` (sh) as root of a private mount namespace, where tmpfs and bind mounts work."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux)")
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode:
        pytest.skip(f"user namespaces are not available: {probe.stderr.decode().strip()}")
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", *args], capture_output=True,
                          text=True, env=ENV, timeout=600)


def test_a_full_disk_during_add_is_one_line_and_changes_nothing(before_add, tmp_path):
    """Finding 6: a truncated copy stayed in reports/, and the retry invited registering it."""
    project = tmp_path / "disk"
    out = tmp_path / "after"
    project.mkdir()
    out.mkdir()
    plan = before_add.parent / "download" / PLAN
    # The project fits; the copy of the new report (28 KB) and the rebuild do not.
    result = _in_namespace(
        'mount -t tmpfs -o size=3600k tmpfs "$1" && cp -a "$2"/. "$1"/ && df -k "$1" >&2; '
        '"$3" --project "$1" add "$4"; echo "exit $?" >&2; cp -a "$1"/reports "$1"/datapackage "$5"/',
        str(project), str(before_add), CHENGNUO, str(plan), str(out))
    assert "exit 1" in result.stderr, result.stderr[-3000:]
    assert one_line(result.stderr).startswith("error: ")
    # Where the space runs out depends on the sizes of the outputs; today in the records stage.
    assert re.fullmatch(r"error: no space left on the device in the \w+ stage \(free some space, "
                        r"then run the command again\)", one_line(result.stderr))
    assert files(out / "reports") == files(before_add / "reports")
    assert files(out / "datapackage") == files(before_add / "datapackage")


def test_a_read_only_project_is_one_line(tmp_path):
    """Finding 20: "internal error … please report it" for a read-only project."""
    root = copy_project(tmp_path / "project", with_package=True).root
    result = _in_namespace('mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && '
                           '"$2" --project "$1" build; echo "exit $?" >&2', str(root), CHENGNUO)
    assert "exit 1" in result.stderr, result.stderr[-3000:]
    assert one_line(result.stderr) == ("error: build: the file system is read-only (run chengnuo in a "
                                       "writable copy of the project)")


# --- paths stay inside reports/ --------------------------------------------------------------


@pytest.mark.slow
def test_add_refuses_to_write_through_a_symbolic_link(before_add, tmp_path):
    """Finding 7: add wrote the report through a dangling link to a file outside the project."""
    root = fresh(before_add, tmp_path)
    victim = tmp_path / "outside" / "victim.txt"
    victim.parent.mkdir()
    (root / "reports" / PLAN).symlink_to(victim)
    result = chengnuo(root, "add", str(before_add.parent / "download" / PLAN))
    assert result.returncode == 1
    assert one_line(result.stderr).endswith("reports/liaocheng-2023-task-plan.txt is a symbolic link "
                                            "(remove it: add writes only plain files inside reports/)")
    assert not victim.exists()


def test_a_registered_file_that_leads_outside_reports_is_refused(tmp_path):
    """Finding 8: a registered symlink published an outside file's contents on the site."""
    root = copy_project(tmp_path / "project").root
    secret = tmp_path / "secret.txt"
    shutil.move(root / "reports" / PLAN, secret)
    (root / "reports" / PLAN).symlink_to(secret)
    result = chengnuo(root, "text")
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith("error: reports/registry.yaml:")
    assert line.endswith(": reports/liaocheng-2023-task-plan.txt leads outside reports/ (a symbolic "
                         "link?) (put the file itself in reports/)") or "leads outside reports/" in line
    assert not (root / "build" / "text").exists()


def test_the_same_file_under_two_spellings_is_one_path(tmp_path):
    """Finding 31: x.txt and ./x.txt were accepted as two sources."""
    root = copy_project(tmp_path).root
    registry = root / "reports" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    start = text.index(f"  - source_id: liaocheng-2023-task-plan\n")
    end = text.index("  - source_id: ", start + 1)
    entry = text[start:end].replace("source_id: liaocheng-2023-task-plan",
                                    "source_id: liaocheng-2023-task-plan-again").replace(
        f"path: {PLAN}", f"path: ./{PLAN}").replace("document_id: liaocheng-2023-task-plan",
                                                     "document_id: again-2023-task-plan")
    registry.write_text(text.rstrip("\n") + "\n" + entry, encoding="utf-8")
    result = chengnuo(root, "text")
    assert result.returncode == 1
    assert f"duplicate path '{PLAN}' (first used at line" in one_line(result.stderr)


# --- bounded inputs --------------------------------------------------------------------------


def test_a_yaml_merge_key_bomb_in_a_translation_file_is_refused_at_once(tmp_path):
    """Finding 12: 806 bytes of merge keys took 139 s and 3 GB, then "internal error"."""
    root = copy_project(tmp_path, with_package=True).root
    lines = ["- &a0 {id: x, zh_sha256: '000000000000', en: x}"]
    lines += [f"- &a{i} {{<<: [*a{i - 1}, *a{i - 1}], k{i}: {i}}}" for i in range(1, 40)]
    bomb = root / "translations" / "commitments" / "zz-bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = chengnuo(root, "i18n", "status")
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        "error: translations/commitments/zz-bomb.yaml:18: its aliases expand to more than 1,000,000 "
        "values (an alias bomb?) (write the values out instead of repeating aliases)")


def test_deeply_nested_yaml_is_refused_before_the_parser_overflows(tmp_path):
    """Finding 17: 100,000 `[` in the registry was a RecursionError; the C loader even crashes."""
    root = copy_project(tmp_path, with_package=True).root
    (root / "translations" / "commitments" / "zz-deep.yaml").write_text("[" * 100_000, encoding="utf-8")
    result = chengnuo(root, "i18n", "status")
    assert (result.returncode, one_line(result.stderr)) == (
        1, "error: translations/commitments/zz-deep.yaml:1: brackets nested more than 1,000 levels deep")
    registry = root / "reports" / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "x: " + "[" * 100_000, encoding="utf-8")
    result = chengnuo(root, "text")
    assert result.returncode == 1
    assert one_line(result.stderr).startswith("error: reports/registry.yaml:")


def test_a_docx_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    """Finding 13: 3 MB of docx inflated to 4.3 GB before any limit."""
    bomb = tmp_path / "bomb.docx"
    real = zipfile.ZipFile(io.BytesIO(convert.as_docx("2025年工作报告\n一、测试\n")))
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in real.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, real.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    assert bomb.stat().st_size < 2_000_000
    result = subprocess.run([CHENGNUO, "inspect", str(bomb)], capture_output=True, text=True, env=ENV)
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        f"error: {bomb}: unzipped it would take {sum(i.file_size for i in zipfile.ZipFile(bomb).infolist()):,} "
        "bytes, more than the 268,435,456 a report can be (a zip bomb?) (save the document from Word "
        "again, or save it as .txt)")


def test_a_password_protected_pdf_says_so(tmp_path):
    """Finding 24: `PdfminerException: ` with no reason."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(pdf), encrypt=pdfencrypt.StandardEncryption("user", ownerPassword="owner"))
    page.drawString(100, 700, "2025")
    page.save()
    result = subprocess.run([CHENGNUO, "inspect", str(pdf)], capture_output=True, text=True, env=ENV)
    assert (result.returncode, one_line(result.stderr)) == (
        1, f"error: {pdf}: the PDF is password-protected (open it with its password and save an "
           "unprotected copy, or save its text as .txt)")


def test_a_pdf_of_too_many_pages_is_refused(tmp_path):
    from reportlab.pdfgen import canvas

    from chengnuo.text.pdf_layer import MAX_PAGES

    pdf = tmp_path / "long.pdf"
    pages = canvas.Canvas(str(pdf))
    for _ in range(MAX_PAGES + 1):
        pages.drawString(100, 700, "1")
        pages.showPage()
    pages.save()
    result = subprocess.run([CHENGNUO, "inspect", str(pdf)], capture_output=True, text=True, env=ENV)
    assert (result.returncode, one_line(result.stderr)) == (
        1, f"error: {pdf}: the PDF has 1,001 pages, more than the 1,000 a report can have (split out "
           "the report, or save its text as .txt)")


def test_search_subwords_grow_linearly_with_a_long_run():
    """Finding 11: a 1,000-character run of rare characters gave a 508 MB search index."""
    rare = "".join(chr(0x3400 + i) for i in range(1000))
    pieces = subwords(rare)
    assert len(pieces) == sum(min(MAX_PIECE, 1000 - start) - 1 for start in range(999))
    assert max(map(len, pieces)) == MAX_PIECE
    # Tokens as long as the data's (25 characters at most) keep every piece, as before.
    token = rare[:25]
    assert sorted(subwords(token)) == sorted({token[i:j] for i in range(24) for j in range(i + 2, 26)
                                              if j - i < 25})


# --- ordinary failures, ordinary messages ----------------------------------------------------


@pytest.mark.parametrize("value", ["99999999999", "99999999999999999999"])
def test_source_date_epoch_after_2107_is_one_line(tmp_path, value):
    """Finding 22: "internal error … ushort format requires …"."""
    root = copy_project(tmp_path, with_package=True).root
    result = chengnuo(root, "downloads", SOURCE_DATE_EPOCH=value)
    assert (result.returncode, one_line(result.stderr)) == (
        1, f"error: SOURCE_DATE_EPOCH {value} is after 2107, the last year a zip file can record "
           "(give a time in seconds since 1970, e.g. `git log -1 --format=%ct`)")


def test_a_registry_number_of_5001_digits_names_its_line(tmp_path):
    """Finding 15: "internal error in text: ValueError: Exceeds the limit (4300 digits)…"."""
    root = copy_project(tmp_path).root
    registry = root / "reports" / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("line_end: 223", "line_end: " + "9" * 5001, 1), encoding="utf-8")
    result = chengnuo(root, "text")
    assert result.returncode == 1
    assert one_line(result.stderr).startswith("error: reports/registry.yaml:")
    assert "line_end has a value YAML cannot read" in result.stderr


def test_a_registry_path_too_long_for_the_file_system_names_its_line(tmp_path):
    """Finding 16: a 10,000-character path was "internal error … File name too long"."""
    root = copy_project(tmp_path).root
    registry = root / "reports" / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        f"path: {PLAN}", "path: " + "a" * 10_000 + ".txt", 1), encoding="utf-8")
    result = chengnuo(root, "text")
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith("error: reports/registry.yaml:") and line.endswith(
        "has a name longer than a file system allows (255 bytes)")
    assert len(line) < 200


@pytest.mark.parametrize("error, message", [
    (OSError(28, "No space left on device", "/p/build/.text.new-x/a.json"),
     "build/.text.new-x/a.json: no space left on the device (free some space, then run the command again)"),
    (OSError(30, "Read-only file system", "/elsewhere/x"),
     "/elsewhere/x: the file system is read-only (run chengnuo in a writable copy of the project)"),
    (OSError(28, "No space left on device"),
     "no space left on the device (free some space, then run the command again)"),
    (sqlite3.OperationalError("database or disk is full"),
     "no space left on the device while writing the SQLite database (free some space, then run the "
     "command again)"),
    (ModuleNotFoundError("No module named 'jieba'", name="jieba"),
     "the Python package 'jieba' is missing from the environment (run `make build` to reinstall it)"),
    (KeyError("a bug"), None),
    (OSError(2, "No such file or directory", "x"), None),
])
def test_failures_of_the_machine_are_told_apart_from_bugs(error, message):
    """Finding 8: disk full, read-only, a missing package were "internal error … please report it"."""
    from chengnuo.failures import ordinary_failure

    assert ordinary_failure(error, Path("/p")) == message
