"""Read datapackage/ into the indexes the pages need.

The site is built from the published package only, so a reader can rebuild
every page from the data they download. The rows are typed as the package's
one reader types them (chengnuo.datapackage.read): a figure is a Decimal with
the CSV's own digits, so 500 never shows as 500.0. Tables that other stages have not
produced yet are simply absent: `SiteData.has(name)` tells a page to leave that
section out instead of failing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chengnuo.datapackage.read import read_rows
from chengnuo.schema import allowed_values

Row = dict[str, Any]

# The city and its eleven counties, districts and zones: the areas that get a page.
AREA_LEVELS = ("city", "district", "county_city", "county", "zone")


PARTLY_MET = "partly_met"
# Best to worst, the order of every status chart and list: the outcome statuses
# in their fields.yaml order, with the site's own `partly_met` (a commitment some
# of whose targets were met, see `status`) right after `met`.
_MET, *_WORSE = allowed_values("outcomes", "status")
STATUS_ORDER = (_MET, PARTLY_MET, *_WORSE)


@dataclass
class SiteData:
    """The package's tables plus the lookups every page kind shares."""

    tables: dict[str, list[Row]]
    documents: dict[str, Row] = field(default_factory=dict)
    commitments: dict[str, Row] = field(default_factory=dict)
    units: dict[str, Row] = field(default_factory=dict)
    people: dict[str, Row] = field(default_factory=dict)
    jurisdictions: dict[str, Row] = field(default_factory=dict)
    topics: dict[str, Row] = field(default_factory=dict)
    sections: dict[str, Row] = field(default_factory=dict)
    sources: dict[str, Row] = field(default_factory=dict)
    assignments: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    by_document: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    targets: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    outcomes: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    lead_units: set[str] = field(default_factory=set)   # units that get a department page
    area_pages: set[str] = field(default_factory=set)   # jurisdictions that get an area page

    @classmethod
    def load(cls, package_dir: Path) -> "SiteData":
        tables = read_rows(package_dir)
        data = cls(tables)
        keyed = {"documents": "document_id", "commitments": "commitment_id", "units": "unit_id",
                 "people": "person_id", "jurisdictions": "jurisdiction_id",
                 "topics": "topic_id", "sections": "section_id", "sources": "source_id"}
        for table, key in keyed.items():
            setattr(data, table, {row[key]: row for row in tables.get(table, [])})
        for row in tables.get("assignments", []):
            data.assignments[row["commitment_id"]].append(row)
        for row in tables.get("commitments", []):
            data.by_document[row["document_id"]].append(row)
        for table in ("mentions", "targets", "outcomes"):
            for row in tables.get(table, []):
                getattr(data, table)[row["commitment_id"]].append(row)
        data.lead_units = set(data.lead_unit_ids())
        data.area_pages = {row["jurisdiction_id"] for row in data.areas()}
        return data

    def has(self, table: str) -> bool:
        return table in self.tables

    def areas(self) -> list[Row]:
        """The city first, then its counties, districts and zones, in package order."""
        return [row for row in self.tables["jurisdictions"] if row["level"] in AREA_LEVELS]

    def parties(self, commitment_id: str, role: str) -> list[Row]:
        return [a for a in self.assignments.get(commitment_id, []) if a["role"] == role]

    def year(self, commitment: Row) -> int:
        return self.documents[commitment["document_id"]]["year"]

    def area_ids(self, commitment_id: str) -> list[str]:
        """Counties and zones a commitment names or assigns work to (needs `mentions`)."""
        return list(dict.fromkeys(m["jurisdiction_id"] for m in self.mentions.get(commitment_id, [])))

    def status(self, commitment_id: str) -> str | None:
        """One status for the commitment, from the outcomes of all its targets.

        Every target met is `met`; one target falling short is `not_met`; some
        met and others not shown to be is `partly_met` (a site-only status: the
        package keeps one status per target); otherwise the strongest evidence
        there is, `reported` before `no_evidence`. None: no target was reviewed.
        """
        statuses = {r["status"] for r in self.outcomes.get(commitment_id, [])}
        if not statuses:
            return None
        if "not_met" in statuses:
            return "not_met"
        if statuses == {"met"}:
            return "met"
        if "met" in statuses:
            return PARTLY_MET
        return "reported" if "reported" in statuses else "no_evidence"

    def targets_met(self, commitment_id: str) -> tuple[int, int]:
        """(targets met, targets reviewed) of a commitment."""
        rows = self.outcomes.get(commitment_id, [])
        return sum(r["status"] == "met" for r in rows), len(rows)

    def lead_unit_ids(self) -> list[str]:
        """Every unit that leads at least one commitment, in units-table order."""
        leads = {a["unit_id"] for rows in self.assignments.values() for a in rows
                 if a["role"] == "lead_unit" and a["unit_id"]}
        return [unit_id for unit_id in self.units if unit_id in leads]
