"""The topics stage: parsed records → the topic table and one topic per commitment.

read:  build/records/ (commitments and the section headings above them),
       metadata/topics.yaml (the taxonomy)
work:  assign.assign_topic for every commitment
write: build/topics/topics.json (rows of the `topics` table) and
       build/topics/commitment_topics.json (commitment_id, topic_id, rule)
"""

from __future__ import annotations

from collections import Counter

from chengnuo.errors import BuildWarning
from chengnuo.project import Project
from chengnuo.stage import Progress, StageReport, no_progress, read_outputs, write_outputs
from chengnuo.topics.assign import assign_topic, section_titles
from chengnuo.topics.taxonomy import TOPICS_PATH, Taxonomy, bundled_taxonomy


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
    records = list(read_outputs(project, "records").values())
    progress(f"{len(taxonomy.topics)} topics, "
             f"{sum(len(r['commitments']) for r in records)} commitments")
    assigned = commitment_topics(records, taxonomy)
    write_outputs(project, "topics", {"topics": taxonomy.rows(), "commitment_topics": assigned})
    used = Counter(row["topic_id"] for row in assigned)
    # An empty topic is not an error (a smaller corpus may leave one empty), but
    # with the bundled reports it means the taxonomy or its words need a look.
    warnings = [BuildWarning(project.relative(TOPICS_PATH), t.line,
                             f"topic {t.topic_id!r} has no commitment")
                for t in taxonomy.topics if not used[t.topic_id]]
    return StageReport("topics", counts={"topics": len(taxonomy.topics),
                                         "commitments": len(assigned)}, warnings=warnings)
