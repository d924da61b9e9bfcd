"""How the generated pages name things in the page's language.

The site's own words are metadata/ui.yaml (read through chengnuo.i18n.ui);
names of fields' allowed values (kinds, roles, statuses…) come from the field
metadata (`values` in fields.yaml), where each field is defined once.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from chengnuo.schema import table_specs
from chengnuo.i18n.ui import label
from chengnuo.escape import md
from chengnuo.zh.numerals import parse_numeral

LANGS = ("zh", "en")

_NUMBERED = re.compile(r"(?P<open>（?)(?P<num>[一二三四五六七八九十]+)(?P<close>）?)")
_ANNEX = re.compile(r"附件(?P<n>\d+)")


def t(lang: str, key: str, **values: Any) -> str:
    """The site's word for `key` in `lang`, with `{name}` slots filled (not escaped)."""
    return label(key, lang, **values)


def value_label(table: str, column: str, value: Any, lang: str) -> str:
    """The reader's name for an allowed value, from fields.yaml; the value itself if none.

    A page cell takes the value's short label (short_en: "at least") where it has
    one; the long zh/en label is the value's full explanation.
    """
    if value is None:
        return ""
    spec = table_specs().get(table)
    try:
        names = spec.field(column).values.get(str(value), {}) if spec else {}
    except StopIteration:
        names = {}
    return names.get(f"short_{lang}") or names.get(lang) or str(value)


def status_label(status: str | None, lang: str) -> str:
    """A commitment's status: the outcome statuses of fields.yaml, and the site's own
    summary `partly_met` for a commitment some of whose targets were met."""
    if status == "partly_met":
        return t(lang, "status_partly_met")
    return value_label("outcomes", "status", status, lang)


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


def listing(items: Iterable[str], lang: str) -> str:
    """Names (already Markdown) in a row. English names contain commas
    ("… Counties, County-level Cities and Districts"), so they are set apart by semicolons."""
    return ("、" if lang == "zh" else "; ").join(items)


def section_label(label: str | None, lang: str) -> str:
    """A section's number as the page's language writes it: 十三 → 13, （二） → (2), 附件3 → Annex 3."""
    if not label or lang == "zh":
        return label or ""
    if match := _ANNEX.fullmatch(label):
        return t(lang, "annex", n=match["n"])
    match = _NUMBERED.fullmatch(label)
    number = parse_numeral(match["num"]) if match and bool(match["open"]) == bool(match["close"]) \
        else None
    if number is None:
        return label
    return f"({number})" if match["open"] else f"{number}."
