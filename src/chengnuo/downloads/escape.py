"""The one place the downloads pages escape text (swap for chengnuo.site.escape when it lands).

`md` makes any text Markdown inline content that shows literally: whitespace
runs become one space (so text cannot end a paragraph or a table row) and every
ASCII punctuation character that Markdown, its extensions or HTML use becomes a
numeric character reference, which no Markdown or HTML pattern matches and the
browser shows as the character. `code` makes a code span, shown as typed.
"""

from __future__ import annotations

import re

_SPECIAL = "&<>\\`*_{}[]()#+-.!|~^=:\"'$@"
_ESCAPES = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_WHITESPACE = re.compile(r"\s+")
# Controls other than whitespace have no visible form in HTML.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _one_line(text: object) -> str:
    text = "" if text is None else str(text)
    return _WHITESPACE.sub(" ", _CONTROLS.sub("", text)).strip()


def md(text: object) -> str:
    """`text` as Markdown inline text that renders as exactly the text."""
    return _one_line(text).translate(_ESCAPES)


def code(text: object) -> str:
    """`text` as a code span; a backtick inside would end it, so it becomes a quote."""
    return "`" + _one_line(text).replace("`", "'") + "`"
