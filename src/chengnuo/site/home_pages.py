"""The home page and the explorer (all commitments, filtered in the browser)."""

from __future__ import annotations

import json
from collections.abc import Callable

from chengnuo.site.commitment_pages import commitment_title, document_title
from chengnuo.site.data import SiteData
from chengnuo.site.document_pages import documents_table
from chengnuo.site.entity_pages import Files, charts_markdown, lead_chart, status_chart, \
    topic_chart, year_kind_chart
from chengnuo.escape import md, visible
from chengnuo.site.labels import name, status_label, t, value_label
from chengnuo.site.markdown import front_matter, page_path

_INTRO = {
    "zh": ("本站把聊城市及其区县公开发布的政府工作报告和重点工作任务责任分工方案整理成开放数据："
           "每一项承诺承诺了什么、由谁负责、在哪里实施、有哪些数字目标，以及后来的报告怎么说。"
           "每条记录都链接到原文的具体行。"),
    "en": ("This site turns the government work reports and task-division plans that Liaocheng "
           "and its counties published into open data: for every commitment, what was promised, "
           "who is responsible, where, with which numbers, and what a later report said about it. "
           "Every record links to the line of the official text it came from."),
}

_HOW = {
    "zh": ["用[承诺检索](explorer/index.md)按年份、文件、类型、主题、地区、部门和进展筛选全部承诺。",
           "按[主题](topics/index.md)、[区县和功能区](counties/index.md)或[牵头部门](departments/index.md)浏览。",
           "每项承诺都有固定网址，可直接引用；“查看原文”打开[文件](documents/index.md)全文中的对应行。",
           "右上角的搜索框可搜索全部页面。"],
    "en": ["Filter every commitment by year, document, kind, topic, area, department and status in "
           "the [explorer](explorer/index.md).",
           "Browse by [topic](topics/index.md), [county or zone](counties/index.md) or "
           "[lead department](departments/index.md).",
           "Every commitment has a permanent address you can cite; “Read the official text” opens "
           "the line in the [document](documents/index.md)'s full text.",
           "The search box at the top searches every page."],
}


def _figures(data: SiteData, lang: str) -> str:
    commitments = list(data.commitments.values())
    figures = [(len(data.documents), t(lang, "n_documents")),
               (len({d["year"] for d in data.documents.values()}), t(lang, "n_years")),
               (len(commitments), t(lang, "n_commitments")),
               (len([a for a in data.areas() if a["level"] != "city"]), t(lang, "n_areas"))]
    if data.has("outcomes") and commitments:
        share = sum(1 for c in commitments if data.status(c["commitment_id"])) / len(commitments)
        figures.append((f"{share:.0%}", t(lang, "n_with_outcome")))
    cells = "".join(f'<div class="cn-figure"><strong>{md(value)}</strong><span>{md(label)}</span></div>'
                    for value, label in figures)
    return f'<div class="cn-figures">{cells}</div>\n'


def home_page(data: SiteData, lang: str, files: Files, extra_links: list[tuple[str, str]]) -> None:
    rows = list(data.commitments.values())
    charts = charts_markdown([year_kind_chart(data, rows, lang, "home-by-year-kind"),
                              topic_chart(data, rows, lang, "home-by-topic"),
                              status_chart(data, rows, lang, "home-by-status"),
                              lead_chart(data, rows, lang, "home-by-lead")], "", lang, files)
    how = _HOW[lang] + [f"[{md(label)}]({target})" for label, target in extra_links]
    files["index.md"] = "\n".join([
        front_matter(t(lang, "site_name"), **({"charts": True} if charts else {})),
        f"# {t(lang, 'site_name')}\n", _INTRO[lang] + "\n",
        f"## {t(lang, 'figures')}\n", _figures(data, lang), charts,
        "## " + ("如何使用" if lang == "zh" else "How to use") + "\n",
        "\n".join(f"- {line}" for line in how) + "\n",
        "## " + ("收录的文件" if lang == "zh" else "Documents covered") + "\n",
        documents_table(data, lang, "index.md")])


def explorer_data(data: SiteData, lang: str) -> dict:
    """What explorer.js filters: one compact record per commitment, labels in `lang`."""
    facets: dict[str, dict[str, str]] = {"year": {}, "document": {}, "kind": {}, "topic": {},
                                         "area": {}, "unit": {}, "status": {}}
    items = []
    for row in data.commitments.values():
        cid = row["commitment_id"]
        year = str(data.year(row))
        facets["year"][year] = year
        facets["document"][row["document_id"]] = visible(document_title(data, row["document_id"], lang))
        facets["kind"][row["kind"]] = value_label("commitments", "kind", row["kind"], lang)
        topic = row.get("topic_id") if row.get("topic_id") in data.topics else None
        if topic:
            facets["topic"][topic] = visible(name(data.topics[topic], lang))
        areas = data.area_ids(cid)
        for area in areas:
            facets["area"][area] = visible(name(data.jurisdictions.get(area), lang) or area)
        units = [a["unit_id"] for a in data.assignments.get(cid, [])
                 if a["unit_id"] and a["role"] in ("lead_unit", "responsible_unit")]
        for unit in units:
            if unit in data.lead_units:
                facets["unit"][unit] = visible(name(data.units[unit], lang))
        status = data.status(cid)
        if status:
            facets["status"][status] = status_label(status, lang)
        text = row.get("text_en") if lang == "en" and row.get("text_en") else row["text_zh"]
        items.append({"id": cid, "url": f"../{page_path('commitments', cid)[:-3]}/",
                      "title": visible(commitment_title(data, row, lang)), "text": visible(text),
                      "zh": visible(row["text_zh"]) if lang == "en" else "",
                      "year": year, "document": row["document_id"], "kind": row["kind"],
                      "topic": topic or "", "area": areas,
                      "unit": [u for u in dict.fromkeys(units) if u in data.lead_units],
                      "status": status or ""})
    facets["year"] = dict(sorted(facets["year"].items()))
    return {"facets": {k: v for k, v in facets.items() if v}, "items": items}


def explorer_page(data: SiteData, lang: str, files: Files) -> None:
    payload = explorer_data(data, lang)
    files["explorer/commitments.json"] = json.dumps(payload, ensure_ascii=False,
                                                     separators=(",", ":"), sort_keys=True) + "\n"
    names = {"year": "year", "document": "document", "kind": "kind", "topic": "topic",
             "area": "area", "unit": "department", "status": "status"}
    controls = "".join(
        f'<label class="cn-filter">{md(t(lang, label))}'
        f'<select data-facet="{facet}"><option value="">{md(t(lang, "explorer_all"))}</option>'
        f"</select></label>"
        for facet, label in names.items() if facet in payload["facets"])
    strings = json.dumps({"shown": t(lang, "explorer_shown", shown="{shown}", total="{total}")},
                         ensure_ascii=False)
    files["explorer/index.md"] = "\n".join([
        front_matter(t(lang, "explorer"), explorer=True, search={"exclude": True}),
        f"# {t(lang, 'explorer')}\n",
        f'<form class="cn-explorer" data-source="commitments.json" data-strings="{md(strings)}">'
        f'<label class="cn-filter cn-filter-text">{md(t(lang, "explorer_search"))}'
        f'<input type="search" data-facet="q" autocomplete="off"></label>{controls}'
        f'<button type="reset">{md(t(lang, "explorer_reset"))}</button></form>\n',
        f'<p class="cn-count" aria-live="polite"></p>\n',
        f'<ol class="cn-results"></ol>\n',
        f'<noscript><p>{md(t(lang, "explorer_noscript"))}</p></noscript>\n'])


def other_page_links(exists: Callable[[str], bool], lang: str) -> list[tuple[str, str]]:
    """Links from the home page to the downloads and methodology pages, where the
    site has them (`exists` is asked for each page's path in the docs folder)."""
    pages = [("downloads.md", "downloads"), ("methodology.md", "methodology")]
    return [(t(lang, key), path) for path, key in pages if exists(path)]
