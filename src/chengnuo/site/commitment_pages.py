"""One page per commitment, at a permalink made of its id: commitments/<id>/.

Readers cite these addresses, so the path depends on nothing but the
commitment id (a slug the data package guarantees stable).
"""

from __future__ import annotations

from chengnuo.i18n.amounts import amount
from chengnuo.site.data import Row, SiteData
from chengnuo.escape import md
from chengnuo.site.labels import listing, name, section_label, status_label, t, translated, \
    value_label
from chengnuo.site.markdown import front_matter, link, page_path, shorten, table


def document_title(data: SiteData, document_id: str, lang: str) -> str:
    return name(data.documents.get(document_id), lang, zh="title_zh", en="title_en")


def commitment_title(data: SiteData, row: Row, lang: str) -> str:
    """`2023 聊城市 任务 49`: enough to tell two commitments apart in a list or a tab title."""
    document = data.documents[row["document_id"]]
    area = name(data.jurisdictions.get(document["jurisdiction_id"]), lang)
    kind = value_label("commitments", "kind", row["kind"], lang)
    return f"{document['year']} {area} {kind} {row['label']}"


def source_link(data: SiteData, row: Row, lang: str, from_page: str) -> str:
    """The link every "source" on the site is: the document page, at the commitment's line."""
    a, b = row["line_start"], row["line_end"]
    where = t(lang, "line", n=a) if a == b else t(lang, "lines_range", a=a, b=b)
    return link(md(t(lang, "source_link", where=where)), from_page,
                page_path("documents", row["document_id"]), f"L{a}")


def commitment_list(data: SiteData, rows: list[Row], lang: str, from_page: str,
                    *, with_document: bool = True) -> str:
    """A table of commitments: number (linked to its page), short text, document."""
    if not rows:
        return md(t(lang, "no_data_yet")) + "\n"
    headers = [t(lang, "label"), t(lang, "text")] + ([t(lang, "document")] if with_document else [])
    body = []
    for row in rows:
        text = row.get("text_en") if lang == "en" and row.get("text_en") else row["text_zh"]
        cells = [link(md(row["label"]), from_page, page_path("commitments", row["commitment_id"])),
                 md(shorten(text))]
        if with_document:
            document = data.documents[row["document_id"]]
            cells.append(f"{document['year']} " + link(
                md(shorten(document_title(data, row["document_id"], lang), 24)),
                from_page, page_path("documents", row["document_id"])))
        body.append(cells)
    return table([md(h) for h in headers], body)


def chinese_original(text_zh: str, lang: str) -> str:
    """On an English page, the Chinese the English was made from, folded away.

    Kept out of the English search index: its Chinese words would only make the
    index larger, and the Chinese site searches them already."""
    if lang == "zh":
        return ""
    return (f'??? quote "{t(lang, "chinese_original")}"\n\n'
            f'    {md(text_zh)}\n    {{ lang="zh" data-search-exclude }}\n')


def _parties(data: SiteData, row: Row, role: str, lang: str, here: str) -> str:
    names = []
    for party in data.parties(row["commitment_id"], role):
        if party.get("person_id"):
            names.append(md(name(data.people.get(party["person_id"]), lang) or party["raw"]))
        elif party.get("unit_id"):
            unit = data.units.get(party["unit_id"])
            label = md(name(unit, lang) or party["raw"])
            if party["unit_id"] in data.lead_units:
                label = link(label, here, page_path("departments", party["unit_id"]))
            names.append(label)
    return listing(names, lang)


def _as_written(text: str | None, lang: str) -> str:
    """The figure as the Chinese text writes it: on an English page, marked as Chinese."""
    text = md(text or "")
    return f'<span lang="zh">{text}</span>' if lang == "en" and text else text


def _targets(data: SiteData, row: Row, lang: str) -> str:
    rows = data.targets.get(row["commitment_id"], [])
    if not rows:
        return ""
    body = []
    for target in rows:
        body.append([translated(target.get("indicator_zh"), target.get("indicator_en"), lang),
                     md(value_label("targets", "modifier", target.get("modifier"), lang)),
                     md(amount(target["value"], target.get("unit"), lang, target.get("value_max"))),
                     md(value_label("targets", "metric", target.get("metric"), lang)),
                     _as_written(target.get("span"), lang)])
    return (f"## {t(lang, 'targets')}\n\n"
            + table([t(lang, "indicator"), t(lang, "modifier"), t(lang, "value"),
                     t(lang, "metric"), t(lang, "span")], body) + "\n")


def _review(outcome: Row, lang: str, here: str) -> str:
    """The "checked by hand" marker, linked to how outcomes are reviewed; on Chinese
    pages the reviewer's note too (it is written in Chinese only, so English pages
    leave it out rather than show an untranslated sentence)."""
    if outcome.get("method") != "reviewed":
        return ""
    marker = link(md(value_label("outcomes", "method", "reviewed", lang)), here,
                  "methodology.md", "checked-by-hand")
    if lang != "zh":
        return f" ({marker})"
    return f"（{marker}：{md(outcome['note'])}）" if outcome.get("note") else f"（{marker}）"


def _outcome(data: SiteData, row: Row, lang: str, here: str) -> str:
    """What a later report said, per target: status, reported figure, the sentence and its line."""
    rows = data.outcomes.get(row["commitment_id"], [])
    if not rows:
        return ""
    parts = [f"## {t(lang, 'outcome')}\n"]
    targets = {target["target_id"]: target for target in data.targets.get(row["commitment_id"], [])}
    colon, semicolon = ("：", "；") if lang == "zh" else (": ", "; ")
    for outcome in rows:
        status = value_label("outcomes", "status", outcome.get("status"), lang)
        # A commitment with several targets has one outcome per target: name it.
        target = targets.get(outcome.get("target_id") or "")
        what = (translated(target.get("indicator_zh"), target.get("indicator_en"), lang)
                if target else md(t(lang, "status")))
        line = f"- **{what}{colon.strip()}** {md(status)}"
        if outcome.get("reported_value") is not None:
            figure = amount(outcome["reported_value"], outcome.get("reported_unit"), lang)
            line += f"{semicolon}{md(t(lang, 'reported_value'))}{colon}{md(figure)}"
        # A blank line before each item: without it Markdown reads the item as
        # the continuation of the previous item's last paragraph (its source link).
        parts.append(("\n" if len(parts) > 1 else "") + line + _review(outcome, lang, here))
        evidence = translated(outcome.get("evidence_text"), outcome.get("evidence_en"), lang) \
            if outcome.get("evidence_text") else ""
        if evidence:
            parts.append(f"\n    > {evidence}")
        evidence_doc = outcome.get("evidence_document_id")
        if evidence_doc in data.documents and outcome.get("evidence_line"):
            where = t(lang, "line", n=outcome["evidence_line"])
            parts.append("\n    " + link(md(t(lang, "source_link", where=where)), here,
                                         page_path("documents", evidence_doc),
                                         f"L{outcome['evidence_line']}"))
    return "\n".join(parts) + "\n\n"


def commitment_page(data: SiteData, row: Row, lang: str) -> tuple[str, str]:
    here = page_path("commitments", row["commitment_id"])
    document = data.documents[row["document_id"]]
    title = commitment_title(data, row, lang)
    facts = [
        (t(lang, "document"), link(md(document_title(data, row["document_id"], lang)), here,
                                   page_path("documents", row["document_id"]))),
        (t(lang, "year"), md(document["year"])),
        (t(lang, "kind"), md(value_label("commitments", "kind", row["kind"], lang))),
        (t(lang, "label"), md(row["label"])),
    ]
    section = data.sections.get(row.get("section_id") or "")
    if section:
        facts.append((t(lang, "section"), md(section_label(section["label"], lang)) + " "
                      + translated(section["title_zh"], section.get("title_en"), lang)))
    if row.get("parent_id") in data.commitments:
        parent = data.commitments[row["parent_id"]]
        facts.append((t(lang, "parent"), link(md(parent["label"]), here,
                                              page_path("commitments", parent["commitment_id"]))))
    topic = data.topics.get(row.get("topic_id") or "")
    if topic:
        facts.append((t(lang, "topic"), link(md(name(topic, lang)), here,
                                             page_path("topics", topic["topic_id"]))))
    for role, key in (("lead_leader", "lead_leaders"), ("lead_unit", "lead_units"),
                      ("responsible_unit", "responsible_units")):
        parties = _parties(data, row, role, lang, here)
        if parties:
            facts.append((t(lang, key), parties))
    areas = data.area_ids(row["commitment_id"])
    if areas:
        facts.append((t(lang, "counties"), listing((
            link(md(name(data.jurisdictions[a], lang)), here, page_path("counties", a))
            if a in data.area_pages else md(name(data.jurisdictions.get(a), lang) or a)
            for a in areas), lang)))
    status = data.status(row["commitment_id"])
    if status:
        met, reviewed = data.targets_met(row["commitment_id"])
        count = t(lang, "targets_met", met=met, total=reviewed)
        count = ("" if reviewed < 2 else f"（{count}）" if lang == "zh" else f" ({count})")
        facts.append((t(lang, "status"), md(status_label(status, lang) + count)))
    children = [c for c in data.by_document[row["document_id"]]
                if c.get("parent_id") == row["commitment_id"]]
    if children:
        facts.append((t(lang, "sub_items"), " ".join(
            link(md(c["label"]), here, page_path("commitments", c["commitment_id"])) for c in children)))
    text = [
        front_matter(title),
        f"# {md(title)}\n",
        f"{translated(row['text_zh'], row.get('text_en'), lang)}\n",
        chinese_original(row["text_zh"], lang) if row.get("text_en") else "",
        source_link(data, row, lang, here) + "\n",
        "\n".join(f"- **{md(k)}:** {v}" for k, v in facts) + "\n",
        _targets(data, row, lang),
        _outcome(data, row, lang, here),
    ]
    return here, "\n".join(part for part in text if part)


def commitment_pages(data: SiteData, lang: str) -> dict[str, str]:
    return dict(commitment_page(data, row, lang) for row in data.commitments.values())
