"""Check every registered file against the registry, and decode it: the text stage's first step.

A source must be present, unchanged (its sha256), decode with the registered
encoding, and hold each of its documents' line ranges, with no range starting or
ending on a blank line. Every problem is a one-line ChengnuoError naming the
registry entry's line.
"""

from __future__ import annotations

import hashlib

from chengnuo.errors import ChengnuoError
from chengnuo.project import Project
from chengnuo.registry import Document, Registry
from chengnuo.text.extract import Extracted, extract


def _check_inside(file, project: Project, name: str, where: str, line: int) -> None:
    """A registered file must be inside reports/ once links are followed: a symbolic link
    out of it would publish whatever it points to."""
    if not file.resolve().is_relative_to(project.reports_dir.resolve()):
        raise ChengnuoError(f"{name} leads outside reports/ (a symbolic link?)", path=where,
                            line=line, hint="put the file itself in reports/")


def verify_files(project: Project, registry: Registry) -> dict[str, Extracted]:
    """Check every registered file: present, unchanged, encoding and line ranges as registered.

    Returns the decoded text of each source by source_id, so callers need not decode again.
    """
    decoded = {}
    for source in registry.sources:
        file = project.reports_dir / source.path
        name = project.relative(file)
        _check_inside(file, project, name, registry.where, source.line)
        if not file.is_file():
            raise ChengnuoError(f"source file {name} does not exist", path=registry.where,
                                line=source.line, hint="restore it, or remove its entry")
        data = file.read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != source.sha256:
            raise ChengnuoError(
                f"{name} has changed: its sha256 is {actual}, the registry records {source.sha256}",
                path=registry.where, line=source.sha256_line,
                hint=f"if the change is intended, re-register the file with sha256: {actual}; "
                     "otherwise restore the original")
        text = extract(data, name, source.format)
        if text.encoding != source.encoding:
            raise ChengnuoError(f"{name} decodes as {text.encoding}, but the registry records "
                                f"encoding {source.encoding}", path=registry.where, line=source.line,
                                hint=f"set encoding: {text.encoding}")
        for document in source.documents:
            _check_range_in_file(document, text.lines, name, registry.where)
        decoded[source.source_id] = text
    return decoded


def _check_range_in_file(document: Document, lines: list[str], name: str, where: str) -> None:
    label = f"document '{document.document_id}'"
    if document.line_end > len(lines):
        raise ChengnuoError(f"{label} ends at line {document.line_end}, but {name} has only "
                            f"{len(lines)} lines", path=where, line=document.line)
    # Tight ranges make the first and last line of a document meaningful (and catch off-by-one).
    for edge, number in (("starts", document.line_start), ("ends", document.line_end)):
        if not lines[number - 1].strip():
            raise ChengnuoError(f"{label} {edge} on a blank line ({name} line {number})", path=where,
                                line=document.line, hint="start and end each document on a non-blank line")
