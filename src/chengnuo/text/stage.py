"""The text stage: registered files -> build/text/<source_id>.txt and .json.

read  - load the registry and verify every file (present, sha256, encoding, line ranges)
work  - turn each decoded file into its output text and metadata
write - put build/text in place whole (chengnuo.stage.write_outputs), so a failed run
        never leaves a half-written build/text behind

The .txt holds the decoded lines joined by LF (with a final LF), so its line n is line n
of the original file (for .docx, .html and .pdf: of the text extracted from it, and the
.json's `line_map` says where each line sits in the original; see text/extract.py). Read it back with `source_lines`, or split on "\\n" only:
str.splitlines() would also break at U+2028, NEL and FF, which are characters here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chengnuo.project import Project
from chengnuo.registry import Registry, Source, load_registry
from chengnuo.stage import Progress, StageReport, no_progress, write_outputs
from chengnuo.text.extract import Extracted
from chengnuo.text.verify import verify_files


@dataclass(frozen=True)
class SourceText:
    """One source's output: its lines and what build/text/<source_id>.json records."""

    source_id: str
    encoding: str
    sha256: str  # of the original file's bytes, so a rebuilt text can be told fresh or stale
    lines: list[str]
    format: str = "txt"
    origins: list[str] | None = None  # converted formats: where each line is in the original

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)

    def metadata(self) -> dict:
        meta = {"source_id": self.source_id, "format": self.format, "encoding": self.encoding,
                "line_count": len(self.lines), "sha256": self.sha256}
        if self.origins is not None:
            meta["line_map"] = self.origins
        return meta


def read(project: Project, *, today: date | None = None) -> tuple[Registry, dict[str, Extracted]]:
    registry = load_registry(project, today=today)
    return registry, verify_files(project, registry)


def work(registry: Registry, decoded: dict[str, Extracted]) -> list[SourceText]:
    return [SourceText(source.source_id, decoded[source.source_id].encoding, source.sha256,
                       decoded[source.source_id].lines, source.format,
                       decoded[source.source_id].origins)
            for source in registry.sources]


def write(project: Project, texts: list[SourceText]) -> Path:
    return write_outputs(project, "text", {item.source_id: item.metadata() for item in texts},
                         texts={item.source_id: item.text() for item in texts})


def run(project: Project, progress: Progress = no_progress, *, today: date | None = None) -> StageReport:
    """Run the stage; the report's counts are for the CLI to print."""
    registry, decoded = read(project, today=today)
    texts = work(registry, decoded)
    for number, item in enumerate(texts, start=1):
        progress(f"[{number}/{len(texts)}] {item.source_id}: {item.encoding}, {len(item.lines)} lines")
    write(project, texts)
    return StageReport("text", counts={
        "sources": len(texts),
        "documents": len(registry.documents),
        "lines": sum(len(item.lines) for item in texts),
    })


def source_lines(project: Project, source_id: str, *, registry: Registry | None = None) -> list[str]:
    """The lines of a source (`lines[n - 1]` is line n of the original file).

    Read from build/text when that copy was made from the registered bytes; otherwise
    the original is verified and decoded again.
    """
    registry = registry or load_registry(project)
    source = registry.source(source_id)
    built = _built_lines(project, source)
    if built is not None:
        return built
    return verify_files(project, Registry((source,), registry.where))[source_id].lines


def _built_lines(project: Project, source: Source) -> list[str] | None:
    text_file = project.stage_dir("text") / f"{source.source_id}.txt"
    meta_file = project.stage_dir("text") / f"{source.source_id}.json"
    try:
        meta = json.loads(meta_file.read_bytes())
        text = text_file.read_bytes().decode("utf-8")  # bytes: text mode would translate CRs
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or (meta.get("source_id"), meta.get("sha256")) != (
            source.source_id, source.sha256):
        return None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines if len(lines) == meta.get("line_count") else None
