"""The English site reads as English: on every generated English page, Chinese
appears only where the page shows an original and says so (an element with
lang="zh"), and the Chinese original of each commitment is one click away.

The hand-written pages (methodology, maintainers' guide, downloads with its data
dictionary) are left out: they quote Chinese words on purpose, as examples of
what the parsers read.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chengnuo.site.labels import listing, section_label

# Han, CJK punctuation and full-width forms: what an English reader cannot read.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
HAND_WRITTEN = ("methodology", "methodology-links", "methodology-mentions", "methodology-topics",
                "guide", "downloads")


class UnmarkedChinese(HTMLParser):
    """Collects text with Chinese characters outside lang="zh" elements and scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, bool]] = []  # (tag, inside Chinese or script)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        marked = dict(attrs).get("lang", "") or ""
        inside = bool(self.open and self.open[-1][1])
        self.open.append((tag, inside or marked.startswith("zh") or tag in ("script", "style")))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if not (self.open and self.open[-1][1]) and CJK.search(data):
            self.found.append(" ".join(data.split())[:80])


def unmarked_chinese(page: Path) -> list[str]:
    parser = UnmarkedChinese()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


@pytest.fixture(scope="module")
def english(built) -> Path:
    return built / "build" / "site" / "en"


def test_chinese_on_generated_english_pages_is_always_a_marked_original(english):
    pages = [p for p in sorted(english.rglob("*.html"))
             if p.relative_to(english).parts[0] not in HAND_WRITTEN]
    assert len(pages) > 700
    found = {str(p.relative_to(english)): hits for p in pages if (hits := unmarked_chinese(p))}
    assert found == {}, f"{len(found)} pages, e.g. {dict(list(found.items())[:3])}"


def test_the_check_sees_unmarked_chinese(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<p>Build roads <span lang="zh">农村公路</span></p><p>Units: 公里<br>km</p>'
                    '<script>var a = "中文";</script>', encoding="utf-8")
    assert unmarked_chinese(page) == ["Units: 公里"]


def test_every_translated_commitment_page_folds_in_its_chinese_original(english, built):
    page = (english / "commitments" / "liaocheng-2023-task-plan-49" / "index.html").read_text(
        encoding="utf-8")
    original = re.search(r'<details class="quote">\s*<summary>Chinese original</summary>\s*'
                         r'<p data-search-exclude lang="zh">([^<]+)</p>', page)
    assert original is not None
    zh_page = (built / "build" / "site" / "commitments" / "liaocheng-2023-task-plan-49"
               / "index.html").read_text(encoding="utf-8")
    assert original[1] in zh_page  # the same Chinese the Chinese page shows
    assert "Chinese original" not in zh_page


def test_an_english_document_page_gives_each_line_its_translation(english):
    page = (english / "documents" / "liaocheng-2023-task-plan" / "index.html").read_text(
        encoding="utf-8")
    line_19 = re.search(r'<p class="cn-line" id="L19" lang="zh">.*?</p>\s*'
                        r'<p class="cn-line-en">([^<]+)</p>', page, re.S)
    assert line_19 is not None
    assert html.unescape(line_19[1]) == "Gross regional product to grow by at least 5.5%."


def test_a_report_line_gives_its_section_title_then_each_paragraph_once(english):
    page = (english / "documents" / "liaocheng-2024-work-report" / "index.html").read_text(
        encoding="utf-8")
    after_53 = page.split('id="L53"', 1)[1].split('id="L54"', 1)[0]
    english_53 = [html.unescape(p) for p in re.findall(r'<p class="cn-line-en">([^<]+)</p>', after_53)]
    assert [p[:50] for p in english_53] == [
        "(6) We developed livelihood services with dedicati",
        "We firmly established a view of performance that b",
        "Social security became more complete. 46,000 new u",
        "Public services were optimised and improved. 23 ki"]  # the next one ends on line 55


@pytest.mark.parametrize("label, english_label", [
    ("一", "1."), ("十三", "13."), ("（二）", "(2)"), ("（十）", "(10)"), ("附件3", "Annex 3"),
    ("", ""), ("（二", "（二"), ("5(1)", "5(1)")])
def test_section_numbers_are_written_the_english_way(label, english_label):
    assert section_label(label, "en") == english_label
    assert section_label(label, "zh") == label


def test_names_in_a_row_are_set_apart_by_the_languages_separator():
    names = ["People's Governments of All Counties, County-level Cities and Districts", "X"]
    assert listing(names, "en") == "People's Governments of All Counties, County-level " \
                                   "Cities and Districts; X"
    assert listing(["市财政局", "市教育局"], "zh") == "市财政局、市教育局"
