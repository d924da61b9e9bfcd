"""Turn the names in an assignment bracket into canonical people and units.

The alias tables live in `metadata/units.yaml` and `metadata/people.yaml`.  A
name they do not know still gets a row, with an id derived from the name, and
a warning: the data stays complete and the maintainer learns what to add.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chengnuo.errors import BuildWarning
from chengnuo.ids import unlisted_id
from chengnuo.reference import Person, Reference, Unit, normalise_name
from chengnuo.records.brackets import ROLES


@dataclass
class Assignment:
    commitment_id: str
    role: str
    position: int
    person_id: str | None
    unit_id: str | None
    raw: str


@dataclass
class Unlisted:
    """Names the reference tables do not know yet, kept so no assignment is lost."""

    units: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)


def resolve_assignments(commitment_id: str, parties: list[tuple[str, str]], jurisdiction_id: str,
                        reference: Reference, unlisted: Unlisted, path: str, line: int,
                        warnings: list[BuildWarning]) -> list[Assignment]:
    """Assignments of one commitment, in the order the bracket names them."""
    assignments = []
    positions = dict.fromkeys(ROLES, 0)
    for role, raw in parties:
        name = normalise_name(raw)
        if not name:
            continue
        positions[role] += 1
        found: Person | Unit | None
        if role == "lead_leader":
            found = reference.resolve_leader(name, jurisdiction_id)
        else:
            found = reference.resolve_unit(name, jurisdiction_id)
        if isinstance(found, Person):
            person_id, unit_id = found.person_id, None
        elif found is not None:
            person_id, unit_id = None, found.unit_id
        elif role == "lead_leader":
            person_id, unit_id = unlisted_id("person", jurisdiction_id, name), None
            unlisted.people[person_id] = {"person_id": person_id, "name_zh": name,
                                          "jurisdiction_id": jurisdiction_id}
            warnings.append(BuildWarning(path, line, f"unknown leader {name!r}: add to metadata/people.yaml"))
        else:
            person_id, unit_id = None, unlisted_id("unit", jurisdiction_id, name)
            unlisted.units[unit_id] = {"unit_id": unit_id, "name_zh": name,
                                       "jurisdiction_id": jurisdiction_id}
            warnings.append(BuildWarning(path, line, f"unknown unit {name!r}: add to metadata/units.yaml"))
        assignments.append(Assignment(commitment_id, role, positions[role], person_id, unit_id, raw))
    return assignments
