"""The topics stage: parsed records → the topic table and one topic per commitment.

read:  build/records/ (commitments and the section headings above them),
       metadata/topics.yaml (the taxonomy)
work:  assign.assign_topic for every commitment
write: build/topics/topics.json (rows of the `topics` table) and
       build/topics/commitment_topics.json (commitment_id, topic_id, rule)
"""

from __future__ import annotations

import json
from collections import Counter

from chengnuo.errors import BuildWarning, ChengnuoError
from chengnuo.project import Project
from chengnuo.records.stage import read_records, write_json
from chengnuo.stage import Progress, StageReport, no_progress, replaced_folder
from chengnuo.topics.assign import assign_topic, section_titles
from chengnuo.topics.taxonomy import TOPICS_PATH, Taxonomy, bundled_taxonomy


def folder(project: Project):
    return project.build_dir / "topics"


def commitment_topics(records: list[dict], taxonomy: Taxonomy) -> list[dict]:
    """One row per commitment, in document and reading order."""
    rows = []
    for record in records:
        for commitment in record["commitments"]:
            topic_id, rule = assign_topic(
                commitment["text_zh"], section_titles(commitment["section_id"], record["sections"]),
                taxonomy)
            rows.append({"commitment_id": commitment["commitment_id"], "topic_id": topic_id,
                         "rule": rule})
    return rows


def run(project: Project, progress: Progress = no_progress) -> StageReport:
    taxonomy = bundled_taxonomy()
    records = read_records(project)
    progress(f"{len(taxonomy.topics)} topics, "
             f"{sum(len(r['commitments']) for r in records)} commitments")
    assigned = commitment_topics(records, taxonomy)
    with replaced_folder(folder(project)) as staging:
        write_json(staging / "topics.json", taxonomy.rows())
        write_json(staging / "commitment_topics.json", assigned)
    used = Counter(row["topic_id"] for row in assigned)
    # An empty topic is not an error (a smaller corpus may leave one empty), but
    # with the bundled reports it means the taxonomy or its words need a look.
    warnings = [BuildWarning(project.relative(TOPICS_PATH), t.line,
                             f"topic {t.topic_id!r} has no commitment")
                for t in taxonomy.topics if not used[t.topic_id]]
    return StageReport("topics", counts={"topics": len(taxonomy.topics),
                                         "commitments": len(assigned)}, warnings=warnings)


def read_topics(project: Project) -> tuple[list[dict], dict[str, str]]:
    """The stage's output: rows of the topics table, and commitment_id → topic_id."""
    try:
        topics = json.loads((folder(project) / "topics.json").read_text(encoding="utf-8"))
        assigned = json.loads((folder(project) / "commitment_topics.json")
                              .read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ChengnuoError("no topics", path=project.relative(folder(project)),
                            hint="run `chengnuo topics` first") from error
    return topics, {row["commitment_id"]: row["topic_id"] for row in assigned}
