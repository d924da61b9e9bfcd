"""The one place the downloads pages escape text: through the one shared escape.

`md` makes any text Markdown inline content that shows literally: whitespace
runs become one space (so text cannot end a paragraph or a table row) and every
ASCII punctuation character that Markdown, its extensions or HTML use becomes a
numeric character reference, which no Markdown or HTML pattern matches and the
browser shows as the character. `code` makes a code span, shown as typed.
"""

from __future__ import annotations

from chengnuo import escape as shared_escape


def md(text: object) -> str:
    """`text` as Markdown inline text that renders as exactly the text (the site's escape)."""
    return shared_escape.md(text)


def code(text: object) -> str:
    """`text` as a code span; a backtick inside would end it, so it becomes a quote."""
    return "`" + shared_escape.visible(text).replace("`", "'") + "`"
