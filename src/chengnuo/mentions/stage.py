"""The mentions stage: parsed records → the counties and zones each commitment concerns.

read:  build/records/ (commitment texts and assignments), the registry (each
       document's jurisdiction), metadata/{jurisdictions,units,mentions}.yaml
work:  find.find_mentions for every parsed document
write: build/mentions/mentions.json (rows of the `mentions` table)
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from chengnuo.mentions.find import HOW, find_mentions, load_finder
from chengnuo.project import Project
from chengnuo.reference import Reference
from chengnuo.registry import load_registry
from chengnuo.stage import Progress, StageReport, no_progress, read_outputs, write_outputs


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    reference = Reference.load()
    finder = load_finder(reference)
    jurisdiction_of = {d.document_id: d.jurisdiction_id for d in load_registry(project).documents}
    rows = []
    for record in read_outputs(project, "records").values():
        found = find_mentions(record, jurisdiction_of[record["document_id"]], reference, finder)
        progress(f"{record['document_id']}: {len(found)} mentions")
        rows += [dataclasses.asdict(m) for m in found]
    write_outputs(project, "mentions", {"mentions": rows})
    per_how = Counter(row["how"] for row in rows)
    return StageReport("mentions", counts={"mentions": len(rows),
                                           **{how: per_how[how] for how in HOW}})
