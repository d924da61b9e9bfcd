"""Small builders for the Markdown the pages are made of.

Everything that comes from the data goes through `escape.md` before it lands
here; these helpers only add structure (links, tables, front matter). Links
point at the target page's Markdown file, so `mkdocs build --strict` checks
every one of them, anchors included.
"""

from __future__ import annotations

import html
import json
import posixpath
from typing import Iterable

from chengnuo.escape import md, slug, visible


# Appended to a heading: Material leaves that section out of the search index.
# Lists of commitments and a document's full text would otherwise outrank the
# commitment's own page (the index does not normalise for length) and make the
# index several times larger.
NOT_SEARCHED = " { data-search-exclude }"


def link(text_md: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link from one generated page to another (paths relative to docs/<lang>/)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"[{text_md}]({target}{'#' + anchor if anchor else ''})"


def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A pipe table; cells must already be Markdown (escaped, so `|` cannot split a cell)."""
    headers = list(headers)
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def front_matter(title: str, **meta: object) -> str:
    """YAML front matter: JSON is valid YAML, so any title is quoted safely.

    The theme prints the title into <title> and the nav without escaping it, so
    it is HTML-escaped here (the browser shows the references as characters).
    """
    lines = ["---", f"title: {json.dumps(html.escape(visible(title)), ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "\n".join(lines + ["---", ""]) + "\n"


def shorten(text: str | None, limit: int = 60) -> str:
    """At most `limit` characters of plain text, for lists; the full text is one click away."""
    text = (text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_path(kind: str, key: str) -> str:
    """Where a generated page lives under docs/<lang>/; its URL is the same without `.md`."""
    key = slug(key, what=f"{kind} id")
    if kind in ("commitments", "documents"):
        return f"{kind}/{key}.md"
    return f"{kind}/{key}/index.md"

