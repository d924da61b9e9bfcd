"""One reader and one writer for every stage's output (chengnuo.stage)."""

from __future__ import annotations

import json

import pytest

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.stage import decimal_text, read_output, read_outputs, write_outputs


def test_written_tables_read_back_as_they_were(tmp_path):
    project = Project(tmp_path)
    tables = {"targets": [{"value": "4.5", "unit": "万人"}], "results": []}
    assert write_outputs(project, "targets", tables) == tmp_path / "build" / "targets"
    assert read_output(project, "targets", "targets") == tables["targets"]
    assert read_outputs(project, "targets") == {"results": [], "targets": tables["targets"]}
    # Chinese kept as it is, keys sorted: a diff of two builds shows what changed.
    assert (tmp_path / "build" / "targets" / "targets.json").read_text(encoding="utf-8") == (
        '[\n {\n  "unit": "万人",\n  "value": "4.5"\n }\n]\n')


def test_the_folder_is_replaced_whole(tmp_path):
    project = Project(tmp_path)
    write_outputs(project, "records", {"doc-a": {"n": 1}, "doc-b": {"n": 2}})
    write_outputs(project, "records", {"doc-a": {"n": 3}})
    assert read_outputs(project, "records") == {"doc-a": {"n": 3}}  # doc-b does not linger
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == ["records"]


def test_texts_are_written_byte_for_byte(tmp_path):
    write_outputs(Project(tmp_path), "text", {"s": {"line_count": 2}},
                  texts={"s": "一\u2028行\r\n二\n"})
    assert (tmp_path / "build" / "text" / "s.txt").read_bytes() == "一\u2028行\r\n二\n".encode()
    assert json.loads((tmp_path / "build" / "text" / "s.json").read_bytes()) == {"line_count": 2}


def test_a_missing_table_is_one_error_naming_the_file_and_the_stage_to_run(tmp_path):
    project = Project(tmp_path)
    with pytest.raises(ChengnuoError) as error:
        read_output(project, "topics", "topics")
    assert str(error.value) == ("build/topics/topics.json: the topics stage's output is missing "
                                "(run `chengnuo topics` first)")
    write_outputs(project, "links", {"links": []})
    with pytest.raises(ChengnuoError) as error:
        read_output(project, "links", "discrepancies")
    assert str(error.value) == ("build/links/discrepancies.json: the links stage's output is "
                                "missing (run `chengnuo links` first)")


def test_a_stage_without_output_is_the_same_error_for_the_folder(tmp_path):
    with pytest.raises(ChengnuoError) as error:
        read_outputs(Project(tmp_path), "records")
    assert str(error.value) == ("build/records: the records stage's output is missing "
                                "(run `chengnuo records` first)")


def test_the_published_package_is_the_datapackage_stage_s_folder(tmp_path):
    assert Project(tmp_path).stage_dir("datapackage") == tmp_path / "datapackage"
    assert Project(tmp_path).stage_dir("site") == tmp_path / "build" / "site"


@pytest.mark.parametrize(("value", "text"), [
    (None, None), ("4.50", "4.50"), (3, "3"), ("1E+3", "1000"), ("0.000001", "0.000001")])
def test_numbers_are_kept_as_exact_decimal_strings(value, text):
    assert decimal_text(value) == text
