"""Document pages: metadata, then the full text with one anchor per line.

`documents/<id>/#L49` opens at line 49 of the original file; every "source"
link on the site lands on such an anchor, and each line a commitment was
parsed from links on to that commitment's page. The English page shows the same
Chinese lines (the official text) with the English of each record below its
last line, so an English reader who follows a source link lands on both.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from chengnuo.site.commitment_pages import commitment_list, document_title
from chengnuo.site.data import Row, SiteData
from chengnuo.escape import md
from chengnuo.site.labels import name, section_label, t, translated, value_label
from chengnuo.site.markdown import NOT_SEARCHED, front_matter, link, page_path, table

Lines = Callable[[str], list[str]]  # source_id -> lines of the original file


def _english_after(data: SiteData, document: Row, lang: str) -> dict[int, list[str]]:
    """line → the English (Markdown) of the records that end on it; none on Chinese pages.

    A work report is translated paragraph by paragraph (its commitments are
    sentences of them); a plan commitment by commitment, where a sub-item on
    its parent's line is already in the parent's English.
    """
    if lang == "zh":
        return {}
    document_id = document["document_id"]
    after: dict[int, list[str]] = defaultdict(list)
    paragraphs = [p for p in data.tables.get("paragraphs", []) if p["document_id"] == document_id]
    for section in data.sections.values():
        if section["document_id"] != document_id or not section.get("line"):
            continue
        # A report's lead sentence (社会保障日益健全。) is both a section title and
        # the start of its paragraph, whose English says it already.
        if not any(p["section_id"] == section["section_id"]
                   and p["text_zh"].startswith(section["title_zh"]) for p in paragraphs):
            after[section["line"]].append(
                " ".join(filter(None, [md(section_label(section["label"], lang)), translated(
                    section["title_zh"], section.get("title_en"), lang)])))
    covered: set[int] = set()
    for paragraph in paragraphs:
        covered.update(range(paragraph["line_start"], paragraph["line_end"] + 1))
        after[paragraph["line_end"]].append(
            translated(paragraph["text_zh"], paragraph.get("text_en"), lang))
    for row in data.by_document[document_id]:
        parent = data.commitments.get(row.get("parent_id") or "")
        inside = parent and parent["line_start"] <= row["line_start"] <= row["line_end"] \
            <= parent["line_end"]
        if row["line_start"] not in covered and not inside:
            after[row["line_end"]].append(translated(row["text_zh"], row.get("text_en"), lang))
    return after


def _text_block(data: SiteData, document: Row, lines: list[str], here: str, lang: str) -> str:
    english = _english_after(data, document, lang)
    # The official lines are Chinese on both sites; lang lets browsers and
    # screen readers treat them so on the English one.
    line_lang = ' lang="zh"' if lang != "zh" else ""
    first = document.get("line_start") or 1
    last = document.get("line_end") or len(lines)
    starts: dict[int, list[Row]] = defaultdict(list)
    for row in data.by_document[document["document_id"]]:
        starts[row["line_start"]].append(row)
    out = []
    for number in range(first, last + 1):
        text = md(lines[number - 1]) if number <= len(lines) else ""
        arrows = " ".join(link(f"→ {md(row['label'])}", here,
                               page_path("commitments", row["commitment_id"]))
                          for row in starts.get(number, []))
        # attr_list puts the anchor on the paragraph; "\u00a0" keeps an empty line's paragraph.
        out.append(f"[{number}](#L{number}){{.cn-ln}} {text or chr(0xa0)}"
                   f"{' ' + arrows if arrows else ''}\n{{: #L{number} .cn-line{line_lang} }}\n")
        out += [f"{english_md}\n{{: .cn-line-en }}\n" for english_md in english.get(number, [])]
    return "\n".join(out)


def document_page(data: SiteData, document: Row, lang: str, lines: list[str]) -> tuple[str, str]:
    here = page_path("documents", document["document_id"])
    title = document_title(data, document["document_id"], lang)
    source = data.sources.get(document["source_id"], {})
    facts = [
        (t(lang, "kind"), md(value_label("documents", "kind", document["kind"], lang))),
        (t(lang, "year"), md(document["year"])),
        (t(lang, "jurisdiction"), md(name(data.jurisdictions.get(document["jurisdiction_id"]), lang))),
    ]
    if lang == "en" and document.get("title_en"):
        facts.append((t(lang, "chinese_title"), f'<span lang="zh">{md(document["title_zh"])}</span>'))
    if document.get("doc_number"):  # an official reference, cited as printed
        facts.append((t(lang, "doc_number"), f'<span lang="zh">{md(document["doc_number"])}</span>'
                      if lang == "en" else md(document["doc_number"])))
    if document.get("issued_date"):
        facts.append((t(lang, "issued_date"), md(document["issued_date"])))
    facts.append((t(lang, "source_file"), md(source.get("path", "")) + " (sha256 "
                   + md((source.get("sha256") or "")[:12]) + "…)"))
    facts.append((t(lang, "lines"), md(f"{document.get('line_start') or 1}–"
                                        f"{document.get('line_end') or len(lines)}")))
    commitments = data.by_document[document["document_id"]]
    parts = [front_matter(title),
             f"# {md(title)}\n",
             "\n".join(f"- **{md(k)}:** {v}" for k, v in facts) + "\n"]
    if document.get("is_partial"):
        parts.append(f"!!! warning\n\n    {md(t(lang, 'is_partial_note'))}\n")
    if commitments:
        parts += [f"## {t(lang, 'commitments')} ({len(commitments)}){NOT_SEARCHED}\n",
                  commitment_list(data, commitments, lang, here, with_document=False)]
    parts += [f"## {t(lang, 'full_text')}{NOT_SEARCHED}\n", md(t(lang, "full_text_note")) + "\n",
              _text_block(data, document, lines, here, lang)]
    return here, "\n".join(parts)


def documents_table(data: SiteData, lang: str, here: str) -> str:
    """Every document with its year, kind, area and number of commitments."""
    rows = []
    for document in data.documents.values():
        rows.append([md(document["year"]),
                     link(md(document_title(data, document["document_id"], lang)), here,
                          page_path("documents", document["document_id"]))
                     + (" " + md(t(lang, "partial")) if document.get("is_partial") else ""),
                     md(value_label("documents", "kind", document["kind"], lang)),
                     md(name(data.jurisdictions.get(document["jurisdiction_id"]), lang)),
                     md(len(data.by_document[document["document_id"]]))])
    return table([t(lang, "year"), t(lang, "title"), t(lang, "kind"), t(lang, "jurisdiction"),
                  t(lang, "commitments")], rows)


def document_index(data: SiteData, lang: str) -> str:
    return (front_matter(t(lang, "documents")) + f"# {t(lang, 'documents')}\n\n"
            + documents_table(data, lang, "documents/index.md"))


def document_pages(data: SiteData, lang: str, lines_of: Lines) -> dict[str, str]:
    pages = {"documents/index.md": document_index(data, lang)}
    for document in data.documents.values():
        path, text = document_page(data, document, lang, lines_of(document["source_id"]))
        pages[path] = text
    return pages
