"""Every word the generated pages print, in both languages.

Names of fields' allowed values (kinds, roles, statuses…) come from the field
metadata, the same place the data dictionary takes them from; this file only
holds the site's own words.
"""

from __future__ import annotations

from typing import Any

from chengnuo.datapackage.metadata import table_specs
from chengnuo.site.escape import md

LANGS = ("zh", "en")

_LABELS: dict[str, tuple[str, str]] = {
    "site_name": ("聊城市政府工作承诺", "Liaocheng government commitments"),
    "home": ("首页", "Home"),
    "topics": ("主题", "Topics"),
    "topic": ("主题", "Topic"),
    "areas": ("区县和功能区", "Counties and zones"),
    "area": ("地区", "Area"),
    "departments": ("部门", "Departments"),
    "department": ("部门", "Department"),
    "documents": ("文件", "Documents"),
    "document": ("文件", "Document"),
    "commitments": ("承诺", "Commitments"),
    "commitment": ("承诺", "Commitment"),
    "explorer": ("承诺检索", "Explorer"),
    "downloads": ("数据下载", "Downloads"),
    "methodology": ("方法说明", "Methodology"),
    "methodology_topics": ("主题分类规则", "Topic rules"),
    "count": ("数量", "Count"),
    "year": ("年份", "Year"),
    "kind": ("类型", "Kind"),
    "label": ("编号", "Number"),
    "status": ("进展", "Status"),
    "text": ("内容", "Text"),
    "title": ("标题", "Title"),
    "lines": ("行", "Lines"),
    "line": ("第 {n} 行", "line {n}"),
    "lines_range": ("第 {a}–{b} 行", "lines {a}–{b}"),
    "source": ("原文", "Source"),
    "source_link": ("查看原文（{where}）", "Read the official text ({where})"),
    "lead_leaders": ("牵头领导", "Lead leaders"),
    "lead_units": ("牵头单位", "Lead units"),
    "responsible_units": ("责任单位", "Responsible units"),
    "counties": ("涉及地区", "Counties and zones"),
    "targets": ("量化目标", "Targets"),
    "outcome": ("完成情况", "Outcome"),
    "evidence": ("依据", "Evidence"),
    "reported_value": ("报告数值", "Reported value"),
    "indicator": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "modifier": ("限定", "Bound"),
    "metric": ("口径", "Measure"),
    "span": ("原文", "As written"),
    "none": ("无", "none"),
    "parent": ("上级任务", "Part of"),
    "sub_items": ("分项", "Sub-items"),
    "section": ("章节", "Section"),
    "translation_pending": ("译文待补", "translation pending"),
    "doc_number": ("文号", "Document number"),
    "issued_date": ("日期", "Date"),
    "jurisdiction": ("发布地区", "Issued by"),
    "partial": ("（不完整）", "(partial)"),
    "is_partial_note": ("本文件只保存了部分原文。", "Only part of this document's original text is available."),
    "source_file": ("原始文件", "Original file"),
    "full_text": ("全文", "Full text"),
    "full_text_note": ("行号与原始文件一致；点击行号可得到该行的链接；“→”指向从该行解析出的承诺。",
                       "Line numbers are those of the original file; click a number for a link to "
                       "that line; “→” leads to the commitment parsed from the line."),
    "data_table": ("数据表", "Data table"),
    "csv": ("下载 CSV", "Download CSV"),
    "share": ("占比", "Share"),
    "figures": ("主要数字", "Headline figures"),
    "n_documents": ("份文件", "documents"),
    "n_years": ("个年度", "years"),
    "n_commitments": ("项承诺", "commitments"),
    "n_areas": ("个区县和功能区", "counties, districts and zones"),
    "n_with_outcome": ("有报告进展的承诺", "of commitments with a reported outcome"),
    "per_year_kind": ("按年份和类型统计的承诺数", "Commitments by year and kind"),
    "per_topic": ("按主题统计的承诺数", "Commitments by topic"),
    "per_status": ("承诺进展", "Outcome status of commitments"),
    "per_lead": ("牵头最多的部门", "Departments leading the most commitments"),
    "per_area_topic": ("按主题统计", "By topic"),
    "leads": ("牵头", "leads"),
    "supports": ("参与", "supports"),
    "own_plan": ("本地区的分工方案", "The area's own plan"),
    "city_plan_here": ("市级文件涉及本地区的承诺", "City commitments that name or assign work here"),
    "allocation": ("2022年城乡公益性岗位分配", "2022 public-welfare jobs allocated by area"),
    "other_areas": ("各地区比较", "Compared across areas"),
    "list": ("承诺列表", "List of commitments"),
    "all_commitments": ("全部承诺", "All commitments"),
    "lead_count": ("牵头承诺数", "Commitments led"),
    "support_count": ("参与承诺数", "Commitments supported"),
    "explorer_all": ("全部", "All"),
    "explorer_search": ("关键词", "Words"),
    "explorer_shown": ("显示 {shown} / {total} 项", "{shown} of {total} shown"),
    "explorer_reset": ("清除筛选", "Clear filters"),
    "explorer_noscript": ("承诺检索需要 JavaScript。全部承诺也列在各文件页面上。",
                          "The explorer needs JavaScript. Every commitment is also listed on its document's page."),
    "no_data_yet": ("暂无数据。", "No data yet."),
}


def t(lang: str, key: str, **values: Any) -> str:
    """The site's word for `key` in `lang`, with `{name}` slots filled (not escaped)."""
    zh, en = _LABELS[key]
    return (zh if lang == "zh" else en).format(**values)


def value_label(table: str, column: str, value: Any, lang: str) -> str:
    """The reader's name for an allowed value, from fields.yaml; the value itself if none."""
    if value is None:
        return ""
    spec = table_specs().get(table)
    try:
        names = spec.field(column).values.get(str(value), {}) if spec else {}
    except StopIteration:
        names = {}
    return names.get(lang) or str(value)


def name(row: dict[str, Any] | None, lang: str, *, zh: str = "name_zh", en: str = "name_en") -> str:
    """A name in the page's language, falling back to Chinese (names are not translated later)."""
    if row is None:
        return ""
    return str((row.get(en) if lang == "en" else None) or row.get(zh) or "")


def translated(text_zh: str | None, text_en: str | None, lang: str) -> str:
    """Markdown for a translatable text: English pages mark a missing translation visibly."""
    if lang == "zh" or text_en:
        return md(text_en if lang == "en" else text_zh)
    return (f'<span class="cn-pending">{t(lang, "translation_pending")}</span> '
            f'<span lang="zh">{md(text_zh)}</span>')
