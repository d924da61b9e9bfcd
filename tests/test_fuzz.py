"""Damaged reports against every reader, every parser and the whole pipeline: never a traceback.

A short run in the test suite; `scripts/fuzz` runs the long one (see tests/fuzz.py).
Each test's examples are the budget divided by its cost, so the slow ones (a PDF
to read, a whole build) run fewer examples than the fast ones.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.formats import format_of
from chengnuo.ingest.detect import detect
from chengnuo.ingest.inspect import inspect_file, render
from chengnuo.project import Project
from chengnuo.records.brackets import find_assignment_bracket
from chengnuo.records.stage import PARSERS
from chengnuo.text.extract import extract
from tests import convert
from tests.conftest import copy_project, reregister
from tests.fuzz import (BYTE_OPS, CODECS, REPORTS, check_build, damage_bytes, damaged_file,
                        damaged_text, examples, fuzz_settings)

PLAN = "liaocheng-2023-task-plan.txt"
ONE_LINE = re.compile(r"[^\n]+")


def check_error(error: ChengnuoError, name: str) -> None:
    assert ONE_LINE.fullmatch(str(error)) and str(error).startswith(name), str(error)


@fuzz_settings(40)
@given(damaged_file())
def test_reading_a_damaged_file_gives_lines_or_one_clear_error(file):
    name, data = file
    try:
        extracted = extract(data, name, format_of(name))
    except ChengnuoError as error:
        check_error(error, name)
        return
    assert not any("\n" in line or "\r" in line for line in extracted.lines)
    assert extracted.origins is None or len(extracted.origins) == len(extracted.lines)


@fuzz_settings(40)
@given(damaged_text(), st.sampled_from(sorted(PARSERS)))
def test_every_parser_survives_damaged_reports(report, kind):
    _, text = report
    lines = text.split("\n")
    parsed = PARSERS[kind]("doc", "x.txt", lines, 1)
    for item in parsed.commitments:
        assert 1 <= item.line_start <= item.line_end <= len(lines), item
    for warning in parsed.warnings:
        assert 1 <= warning.line <= max(len(lines), 1) and "\n" not in warning.message
    for line in lines[:400]:
        find_assignment_bracket(line)
    found = detect(lines)
    for document in found.documents:
        assert 1 <= document.line_start <= document.line_end <= max(len(lines), 1)


_SCRATCH = tempfile.mkdtemp(prefix="chengnuo-fuzz-")


@fuzz_settings(15, cost=4)
@given(damaged_file())
def test_inspecting_a_damaged_file_gives_a_result_or_one_clear_error(file):
    name, data = file
    path = Path(_SCRATCH) / name
    path.write_bytes(data)
    try:
        found = inspect_file(path, name)
    except ChengnuoError as error:
        check_error(error, name)
        return
    json.dumps(found.as_json(), ensure_ascii=False)
    render(found)


_SMALL = "\n".join(REPORTS[PLAN].split("\n")[:60])
_BINARY = {}


def _binary(form: str) -> bytes:
    if form not in _BINARY:
        _BINARY[form] = convert.as_pdf(_SMALL) if form == "pdf" else convert.as_docx(_SMALL)
    return _BINARY[form]


@fuzz_settings(10, cost=4)
@given(st.sampled_from(["pdf", "docx"]), st.lists(BYTE_OPS, min_size=1, max_size=4))
def test_a_damaged_pdf_or_docx_gives_lines_or_one_clear_error(form, ops):
    name = f"plan.{form}"
    try:
        extract(damage_bytes(_binary(form), ops), name, form)
    except ChengnuoError as error:
        check_error(error, name)


@pytest.mark.slow
@fuzz_settings(3, cost=500)
@given(damaged_text(names=(PLAN,)), st.sampled_from(CODECS))
def test_a_build_with_a_damaged_registered_plan_never_gives_a_traceback(report, codec):
    _, text = report
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_project(Path(scratch), with_package=True).root
        data = text.encode(codec, errors="replace")
        reregister(Project(root), PLAN, data)
        try:  # the maintainer records the encoding the detector names, as its message says
            encoding = extract(data, PLAN, "txt").encoding
            registry = root / "reports" / "registry.yaml"
            registry.write_text(registry.read_text(encoding="utf-8").replace(
                "encoding: utf-8", f"encoding: {encoding}", 1), encoding="utf-8")
        except ChengnuoError:
            pass
        check_build(root)


def test_the_budget_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("CHENGNUO_FUZZ_EXAMPLES", "10000")
    assert (examples(40), examples(15, cost=4), examples(3, cost=500)) == (10000, 2500, 20)
    monkeypatch.delenv("CHENGNUO_FUZZ_EXAMPLES")
    assert examples(40) == 40
