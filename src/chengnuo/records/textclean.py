"""Undo the marks that Word, PDF and Markdown extraction leave in Chinese text.

The cleaned text is what readers see and search; the verbatim lines are kept
separately (`source_text`), so cleaning may be generous but must never change
the words or numbers themselves.
"""

from __future__ import annotations

import re
import unicodedata

from chengnuo.zh.text import CJK

# Word leaves bookmarks such as `[bookmark: _GoBack]` when it exports text.
_WORD_ARTEFACT = re.compile(r"\[bookmark:[^\]]*\]")
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
_BOLD = re.compile(r"\*\*|__")

_SPACE_NEXT_TO_CJK = re.compile(rf"\s+(?=[{CJK}])|(?<=[{CJK}])\s+")
_RUN_OF_SPACES = re.compile(r"\s+")


def strip_markup(line: str) -> str:
    """A source line without Markdown heading marks, bold marks and Word artefacts."""
    line = _WORD_ARTEFACT.sub("", line)
    line = _MARKDOWN_HEADING.sub("", line)
    line = _BOLD.sub("", line)
    return line.strip()


def clean_inline(text: str) -> str:
    """Text with the spaces that PDF extraction puts around numbers and words removed.

    `增长 5.5% 以上` becomes `增长5.5%以上`; spaces between two Latin words or
    numbers (`5G and 千兆`) stay, reduced to one.  Idempotent.
    """
    text = strip_markup_inline(text)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    text = _SPACE_NEXT_TO_CJK.sub("", text)
    return _RUN_OF_SPACES.sub(" ", text).strip()


def strip_markup_inline(text: str) -> str:
    return _BOLD.sub("", _WORD_ARTEFACT.sub("", text))


