"""Every enum is defined once, in fields.yaml: code reads it through chengnuo.schema."""

from __future__ import annotations

import ast
from pathlib import Path

from chengnuo.schema import allowed_values, metadata
from chengnuo.site.data import PARTLY_MET, STATUS_ORDER

SOURCE = Path(__file__).resolve().parents[1] / "src" / "chengnuo"
# Lists of an enum's values that code may hold, as (file, values); an entry that
# no longer matches fails too, so the list only shrinks.
KNOWN: set[tuple[str, frozenset[str]]] = {
    # PART_ORDER: the order in which a report prints its parts, a fact of its own.
    ("records/work_report.py", frozenset({"other", "review", "plan", "self_building", "attachment"})),
}


def _enums() -> set[frozenset[str]]:
    return {frozenset(f.values) for t in metadata().tables.values() for f in t.fields if f.values}


def _string_collections(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            yield frozenset(e.value for e in node.elts)


def test_no_code_restates_an_enum_of_fields_yaml():
    enums = _enums()
    found = {(str(path.relative_to(SOURCE)), values)
             for path in sorted(SOURCE.rglob("*.py"))
             for values in _string_collections(ast.parse(path.read_text(encoding="utf-8")))
             if values in enums}
    assert found == KNOWN


def test_the_site_orders_statuses_as_fields_yaml_with_partly_met_after_met():
    assert STATUS_ORDER == ("met", "partly_met", "not_met", "reported", "no_evidence")
    assert STATUS_ORDER == (allowed_values("outcomes", "status")[0], PARTLY_MET,
                            *allowed_values("outcomes", "status")[1:])
    # partly_met is the site's summary of several targets, never an outcome's status.
    assert PARTLY_MET not in allowed_values("outcomes", "status")
