"""The datapackage stage on the bundled reports: every table filled, and valid."""

from __future__ import annotations

import shutil
from pathlib import Path

from chengnuo.datapackage import stage as datapackage_stage
from chengnuo.datapackage import validate_package
from chengnuo.links import stage as links_stage
from chengnuo.mentions import stage as mentions_stage
from chengnuo.outcomes import stage as outcomes_stage
from chengnuo.project import Project
from chengnuo.records import stage as records_stage
from chengnuo.reference import Reference
from chengnuo.registry import Registry
from chengnuo.targets import stage as targets_stage
from chengnuo.text import stage as text_stage
from chengnuo.topics import stage as topics_stage

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_stage_builds_a_valid_package_from_the_bundled_reports(tmp_path: Path):
    shutil.copytree(PROJECT_ROOT / "reports", tmp_path / "reports")
    # The translations too: the stage's English coverage gate holds every document.
    shutil.copytree(PROJECT_ROOT / "translations", tmp_path / "translations")
    project = Project(tmp_path)
    text_stage.run(project)
    records_stage.run(project)
    targets_stage.run(project)
    outcomes_stage.run(project)
    topics_stage.run(project)
    mentions_stage.run(project)
    links_stage.run(project)
    report = datapackage_stage.run(project)
    assert validate_package(project.datapackage_dir) == []
    assert all(report.counts[name] > 0 for name in
               ("jurisdictions", "sources", "documents", "sections", "commitments",
                "assignments", "units", "people", "targets", "results", "topics",
                "mentions", "outcomes", "indicator_series", "indicators", "links",
                "discrepancies")), report.counts
    before = {p: p.read_bytes() for p in project.datapackage_dir.rglob("*.csv")}
    datapackage_stage.run(project)
    assert {p: p.read_bytes() for p in project.datapackage_dir.rglob("*.csv")} == before


def test_names_missing_from_the_reference_lists_still_get_a_row():
    unlisted = {
        "sections": [], "commitments": [], "assignments": [],
        "unlisted_units": [{"unit_id": "unlisted-unit-0123456789", "name_zh": "区某某中心",
                            "jurisdiction_id": "dongchangfu"}],
        "unlisted_people": [{"person_id": "unlisted-person-0123456789", "name_zh": "某某",
                             "jurisdiction_id": "dongchangfu"}],
    }
    # Two documents naming the same unknown unit give one row.
    tables = datapackage_stage.gather_tables(Registry(()), Reference.load(), [unlisted, unlisted])
    units = [u for u in tables["units"] if u["unit_id"].startswith("unlisted-")]
    people = [p for p in tables["people"] if p["person_id"].startswith("unlisted-")]
    assert units == [{"unit_id": "unlisted-unit-0123456789", "jurisdiction_id": "dongchangfu",
                      "name_zh": "区某某中心", "name_en": None, "unit_type": None, "aliases": None}]
    assert people == [{"person_id": "unlisted-person-0123456789", "name_zh": "某某",
                       "name_en": None, "jurisdiction_id": "dongchangfu"}]
