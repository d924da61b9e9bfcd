"""The file formats a source may come in, as the registry names them.

The registry checks a source's `format` and `encoding` against these, and the
text stage reads each format (text/extract.py); both stand on this floor so
that neither imports the other.
"""

from __future__ import annotations

from pathlib import PurePath

from chengnuo.errors import ChengnuoError

# format -> file name endings, the first one being what `chengnuo add` names copies.
FORMATS = {"txt": (".txt",), "md": (".md", ".markdown"), "docx": (".docx",),
           "html": (".html", ".htm"), "pdf": (".pdf",)}
# What a PDF's text is stored as has no single character encoding.
PDF_ENCODING = "binary"


def format_of(path: str | PurePath) -> str:
    """The format a file name says, or a ChengnuoError listing the supported ones."""
    suffix = PurePath(path).suffix.lower()
    for name, endings in FORMATS.items():
        if suffix in endings:
            return name
    known = ", ".join(ending for endings in FORMATS.values() for ending in endings)
    hint = ("save it from Word as .docx" if suffix == ".doc" else f"supported: {known}")
    raise ChengnuoError(f"unsupported file type '{suffix or '(none)'}'", path=str(path), hint=hint)
