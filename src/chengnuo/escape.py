"""One escape for every value from the data that goes into a generated page.

Report text is untrusted input: a commitment could read `<script>…`,
`[x](javascript:…)`, `{: onclick=… }` (attr_list), `{{ x }}` or start with `# `
or `1. `. `md` turns any string into Markdown inline text that the Markdown
engine shows literally, whatever extensions mkdocs.yml enables:

- ASCII whitespace runs become one space and the ends are stripped (as a browser
  shows them anyway), so a value can never end a paragraph, start a list or an
  indented code block, or end a table row;
- control characters are dropped (STX/ETX are python-markdown's own placeholder
  markers, and controls are not allowed in HTML);
- every ASCII punctuation character that any Markdown syntax, extension or HTML
  uses becomes a numeric character reference (`*` -> `&#42;`): no Markdown or
  HTML pattern can match a reference, and the browser shows the character.

`, ; / %` stay as they are: no syntax we enable uses them, and they are
common in data. (`?` is escaped: `??? note` at the start of a line opens a
pymdownx.details block.) tests/test_site_escape.py renders arbitrary text through
the engine with mkdocs.yml's extensions and checks this claim.
"""

from __future__ import annotations

import re

from chengnuo.errors import ChengnuoError

_SPECIAL = "&<>\\`*_{}[]()#+-.!?|~^=:\"'$@"
_TABLE = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
# C0 and C1 controls other than whitespace, DEL, and the two noncharacters
# U+FFFE/U+FFFF: none of them has a visible form in HTML.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def visible(text: object) -> str:
    """What a reader sees of `text` once escaped and rendered."""
    text = "" if text is None else str(text)
    return _WHITESPACE.sub(" ", _CONTROLS.sub("", text)).strip(" ")


def md(text: object) -> str:
    """`text` as Markdown inline content that renders as exactly `visible(text)`."""
    return visible(text).translate(_TABLE)


def chart_text(text: object) -> str:
    """A label for plotly.js, which reads `<b>`, `<a href>` and entities in labels."""
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slug(value: object, *, what: str = "id") -> str:
    """An id that goes into a URL or a file name; anything else is a data error."""
    value = str(value)
    if not _SLUG.fullmatch(value):
        raise ChengnuoError(f"{what} {value!r} is not a lowercase ASCII slug; "
                            "it cannot become a page address")
    return value
