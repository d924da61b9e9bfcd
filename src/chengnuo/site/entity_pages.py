"""Topic, county/zone and department pages, and the index page of each kind.

Each section needs particular tables (topics, mentions, outcomes, allocations);
when a table is not in the package yet, its section is left out.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from chengnuo.i18n.amounts import amount
from chengnuo.site.charts import Chart, non_empty
from chengnuo.site.commitment_pages import commitment_list
from chengnuo.site.data import STATUS_ORDER, Row, SiteData
from chengnuo.escape import md
from chengnuo.site.labels import name, status_label, t, value_label
from chengnuo.site.markdown import NOT_SEARCHED, front_matter, link, page_path, table

Files = dict[str, str]


def year_kind_chart(data: SiteData, rows: list[Row], lang: str, chart_name: str) -> Chart:
    years = sorted({data.year(r) for r in rows})
    kinds = list(dict.fromkeys(r["kind"] for r in rows))
    counts = Counter((data.year(r), r["kind"]) for r in rows)
    return Chart(chart_name, t(lang, "per_year_kind"), t(lang, "year"), [str(y) for y in years],
                 [(value_label("commitments", "kind", k, lang), [counts[(y, k)] for y in years])
                  for k in kinds])


def status_chart(data: SiteData, rows: list[Row], lang: str, chart_name: str) -> Chart | None:
    if not data.has("outcomes"):
        return None
    counts = Counter(data.status(r["commitment_id"]) for r in rows)
    statuses = [s for s in STATUS_ORDER if counts[s]]
    return Chart(chart_name, t(lang, "per_status"), t(lang, "status"),
                 [status_label(s, lang) for s in statuses],
                 [(t(lang, "count"), [counts[s] for s in statuses])], horizontal=True)


def lead_chart(data: SiteData, rows: list[Row], lang: str, chart_name: str, top: int = 10) -> Chart:
    counts = Counter(a["unit_id"] for r in rows for a in data.parties(r["commitment_id"], "lead_unit")
                     if a["unit_id"])
    best = [u for u, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]]
    return Chart(chart_name, t(lang, "per_lead"), t(lang, "department"),
                 [name(data.units.get(u), lang) or u for u in best],
                 [(t(lang, "count"), [counts[u] for u in best])], horizontal=True)


def topic_chart(data: SiteData, rows: list[Row], lang: str, chart_name: str) -> Chart | None:
    if not data.topics:
        return None
    counts = Counter(r.get("topic_id") for r in rows)
    topics = [topic_id for topic_id in data.topics if counts[topic_id]]
    return Chart(chart_name, t(lang, "per_topic"), t(lang, "topic"),
                 [name(data.topics[x], lang) for x in topics],
                 [(t(lang, "count"), [counts[x] for x in topics])], horizontal=True)


def charts_markdown(charts: Iterable[Chart | None], folder: str, lang: str,
                    files: Files) -> str:
    """Markdown for the charts that have data; their JSON and CSV go into `files`."""
    out = []
    for chart in charts:
        if chart is not None and non_empty(chart):
            files.update(chart.files(folder))
            out.append(chart.markdown(lang))
    return "\n".join(out)


def _page(here: str, title: str, lead: str, charts_md: str, body: str) -> str:
    meta = {"charts": True} if charts_md else {}
    return "\n".join(p for p in (front_matter(title, **meta), f"# {md(title)}\n", lead,
                                 charts_md, body) if p)


def topic_pages(data: SiteData, lang: str, files: Files) -> None:
    if not data.topics:
        return
    index_rows = []
    for topic_id, topic in data.topics.items():
        here = page_path("topics", topic_id)
        rows = [r for r in data.commitments.values() if r.get("topic_id") == topic_id]
        folder = here.rsplit("/", 1)[0]
        charts = charts_markdown([year_kind_chart(data, rows, lang, "by-year-kind"),
                                  status_chart(data, rows, lang, "by-status"),
                                  lead_chart(data, rows, lang, "by-lead")], folder, lang, files)
        description = md(topic.get("description_en") if lang == "en" and topic.get("description_en")
                         else topic.get("description_zh") or "")
        lead = f"{description}\n\n**{t(lang, 'commitments')}:** {len(rows)}\n"
        body = f"## {t(lang, 'list')}{NOT_SEARCHED}\n\n" + commitment_list(data, rows, lang, here)
        files[here] = _page(here, name(topic, lang), lead, charts, body)
        index_rows.append([link(md(name(topic, lang)), "topics/index.md", here), md(len(rows))])
    files["topics/index.md"] = (front_matter(t(lang, "topics")) + f"# {t(lang, 'topics')}\n\n"
                                + table([t(lang, "topic"), t(lang, "commitments")], index_rows))


def _allocation_section(data: SiteData, area_id: str, lang: str) -> str:
    """The 2022 public-welfare-jobs allocation: every area's figures, this area in bold."""
    rows = data.tables.get("allocations", [])
    if not rows:
        return ""
    categories = list(dict.fromkeys(r["category"] for r in rows))
    values = {(r["jurisdiction_id"], r["category"]): r for r in rows}
    header = [t(lang, "area")] + [md(value_label("allocations", "category", c, lang)) for c in categories]
    body = []
    for jurisdiction_id in dict.fromkeys(r["jurisdiction_id"] for r in rows):
        label = md(name(data.jurisdictions.get(jurisdiction_id), lang) or jurisdiction_id)
        cells = []
        for category in categories:
            row = values.get((jurisdiction_id, category))
            cells.append(md(amount(row["value"], row.get("unit"), lang)) if row else "")
        if jurisdiction_id == area_id:
            label, cells = f"**{label}**", [f"**{c}**" if c else c for c in cells]
        body.append([label] + cells)
    document_id = rows[0]["document_id"]
    source = (link(md(t(lang, "source")), f"counties/{area_id}/index.md",
                   page_path("documents", document_id), f"L{rows[0]['line']}")
              if document_id in data.documents and rows[0].get("line") else "")
    return f"## {t(lang, 'allocation')}\n\n" + table(header, body) + (f"\n{source}\n" if source else "")


def area_pages(data: SiteData, lang: str, files: Files) -> None:
    index_rows = []
    for area in data.areas():
        area_id = area["jurisdiction_id"]
        here = page_path("counties", area_id)
        folder = here.rsplit("/", 1)[0]
        own_documents = [d for d in data.documents.values() if d["jurisdiction_id"] == area_id]
        own = [r for d in own_documents for r in data.by_document[d["document_id"]]]
        named = [r for r in data.commitments.values()
                 if area_id in data.area_ids(r["commitment_id"]) and r not in own]
        sections = []
        if data.has("mentions") and area["level"] != "city":
            sections.append(f"## {t(lang, 'city_plan_here')} ({len(named)}){NOT_SEARCHED}\n\n"
                            + commitment_list(data, named, lang, here))
        for document in own_documents:
            rows = data.by_document[document["document_id"]]
            if rows:
                sections.append(f"## {t(lang, 'own_plan')}: " + link(
                    md(name(document, lang, zh="title_zh", en="title_en")), here,
                    page_path("documents", document["document_id"])) + f" ({len(rows)}){NOT_SEARCHED}\n\n"
                    + commitment_list(data, rows, lang, here, with_document=False))
        allocation = _allocation_section(data, area_id, lang)
        if allocation:
            sections.insert(0, allocation)
        everything = own + named
        charts = charts_markdown([topic_chart(data, everything, lang, "by-topic"),
                                  year_kind_chart(data, everything, lang, "by-year-kind")],
                                 folder, lang, files)
        lead = (f"**{md(value_label('jurisdictions', 'level', area['level'], lang))}** · "
                f"{t(lang, 'commitments')}: {len(everything)}\n")
        files[here] = _page(here, name(area, lang), lead, charts, "\n".join(sections))
        index_rows.append([link(md(name(area, lang)), "counties/index.md", here),
                           md(value_label("jurisdictions", "level", area["level"], lang)),
                           md(len(everything))])
    files["counties/index.md"] = (front_matter(t(lang, "areas")) + f"# {t(lang, 'areas')}\n\n"
                                  + table([t(lang, "area"), t(lang, "kind"), t(lang, "commitments")],
                                          index_rows))


def department_pages(data: SiteData, lang: str, files: Files) -> None:
    index_rows = []
    for unit_id in data.lead_unit_ids():
        unit = data.units[unit_id]
        here = page_path("departments", unit_id)
        folder = here.rsplit("/", 1)[0]
        roles: dict[str, list[Row]] = {"lead_unit": [], "responsible_unit": []}
        for commitment_id, assignments in data.assignments.items():
            for role in {a["role"] for a in assignments if a["unit_id"] == unit_id}:
                if role in roles:
                    roles[role].append(data.commitments[commitment_id])
        led, supported = roles["lead_unit"], roles["responsible_unit"]
        lead = (f"**{md(name(data.jurisdictions.get(unit['jurisdiction_id']), lang))}** · "
                f"{t(lang, 'lead_count')}: {len(led)} · {t(lang, 'support_count')}: {len(supported)}\n")
        charts = charts_markdown([topic_chart(data, led, lang, "by-topic")], folder, lang, files)
        body = (f"## {t(lang, 'lead_units')} ({len(led)}){NOT_SEARCHED}\n\n" + commitment_list(data, led, lang, here)
                + (f"\n## {t(lang, 'responsible_units')} ({len(supported)}){NOT_SEARCHED}\n\n"
                   + commitment_list(data, supported, lang, here) if supported else ""))
        files[here] = _page(here, name(unit, lang), lead, charts, body)
        index_rows.append([link(md(name(unit, lang)), "departments/index.md", here),
                           md(name(data.jurisdictions.get(unit["jurisdiction_id"]), lang)),
                           md(len(led)), md(len(supported))])
    files["departments/index.md"] = (
        front_matter(t(lang, "departments")) + f"# {t(lang, 'departments')}\n\n"
        + table([t(lang, "department"), t(lang, "jurisdiction"), t(lang, "lead_count"),
                 t(lang, "support_count")], index_rows))
