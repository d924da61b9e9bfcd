"""The datapackage stage on the bundled reports: every table filled, and valid."""

from __future__ import annotations

from chengnuo.datapackage import stage as datapackage_stage
from chengnuo.datapackage import validate_package
from chengnuo.project import Project
from chengnuo.reference import Reference
from chengnuo.registry import Registry


def test_stage_builds_a_valid_package_from_the_bundled_reports(corpus_copy: Project):
    # The stages before the package ran on the bundled reports, with the translations
    # (the stage's English coverage gate holds every document).
    project = corpus_copy
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
