"""Generated pages from the committed data package, without running MkDocs:
golden files for a few pages, and the rules every page kind follows."""

from __future__ import annotations

import subprocess

import pytest

from chengnuo.site.data import SiteData
from chengnuo.escape import md
from chengnuo.site.labels import translated
from chengnuo.site.pages import generate
from tests.conftest import MAIN, REPO

GOLDEN_PAGES = ["commitments/liaocheng-2023-task-plan-49.md", "commitments/dongchangfu-2024-task-plan-24.md",
                # targets in 万亩, 米 and classifiers; outcomes checked by hand, with a note
                "commitments/dongchangfu-2024-task-plan-116.md", "commitments/liaocheng-2023-task-plan-3.md",
                "counties/dongchangfu/index.md", "departments/index.md", "documents/index.md"]


@pytest.fixture(scope="module")
def pages() -> dict[str, dict[str, str]]:
    data = SiteData.load(MAIN.datapackage_dir)
    return {lang: generate(MAIN, data, lang, lambda path: True) for lang in ("zh", "en")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_generated_page_matches_its_golden_file(pages, golden, lang, path):
    golden(f"site/{lang}/{path}", pages[lang][path])


def test_both_languages_have_the_same_pages(pages):
    assert sorted(pages["zh"]) == sorted(pages["en"])


def test_every_commitment_has_a_permalink_named_after_its_id(pages):
    data = SiteData.load(MAIN.datapackage_dir)
    for lang in ("zh", "en"):
        assert {f"commitments/{cid}.md" for cid in data.commitments} <= set(pages[lang])


def test_english_pages_show_the_translation_or_mark_it_pending(pages):
    data = SiteData.load(MAIN.datapackage_dir)
    for row in list(data.commitments.values())[:200]:
        page = pages["en"][f"commitments/{row['commitment_id']}.md"]
        if row.get("text_en"):
            assert md(row["text_en"]) in page and "translation pending" not in page.split("\n\n")[2]
        else:
            assert f'<span class="cn-pending">translation pending</span> <span lang="zh">{md(row["text_zh"])}' in page


def test_a_missing_translation_is_marked_and_shows_the_chinese():
    assert translated("新改建农村公路500公里。", None, "en") == (
        '<span class="cn-pending">translation pending</span> <span lang="zh">新改建农村公路500公里。</span>')
    assert translated("新改建农村公路500公里。", "Build 500 km", "en") == "Build 500 km"
    assert translated("新改建农村公路500公里。", "Build 500 km", "zh") == "新改建农村公路500公里。"


def test_every_source_link_lands_on_a_line_anchor_of_the_document(pages):
    data = SiteData.load(MAIN.datapackage_dir)
    for row in data.commitments.values():
        page = pages["zh"][f"commitments/{row['commitment_id']}.md"]
        assert f"../documents/{row['document_id']}.md#L{row['line_start']}" in page
        document = pages["zh"][f"documents/{row['document_id']}.md"]
        assert f"{{: #L{row['line_start']} .cn-line }}" in document


def test_pages_with_charts_ask_for_plotly_and_others_do_not(pages):
    for path, text in pages["zh"].items():
        if path.endswith(".md"):
            assert ('class="cn-chart"' in text) == ('charts: true' in text.split("---", 2)[1]), path


def test_hand_written_pages_are_not_ignored():
    for lang in ("zh", "en"):
        result = subprocess.run(["git", "check-ignore", "-q", f"docs/{lang}/methodology.md"],
                                cwd=REPO, check=False)
        assert result.returncode == 1


@pytest.mark.parametrize("commitment_id, status, met, reviewed", [
    ("liaocheng-2023-task-plan-1", "met", 1, 1),
    ("liaocheng-2023-task-plan-4", "not_met", 2, 3),         # met, met, not_met
    ("liaocheng-2023-task-plan-3", "not_met", 1, 3),         # met, no_evidence, not_met
    ("liaocheng-2023-task-plan-6", "partly_met", 1, 2),      # met, no_evidence
    ("liaocheng-2023-task-plan-31", "reported", 0, 4),       # 3 × no_evidence, reported
    ("liaocheng-2023-task-plan-9", "no_evidence", 0, 2),
    ("dongchangfu-2024-task-plan-1", None, 0, 0),            # no review of 2024 yet
])
def test_a_commitment_status_sums_up_all_its_targets(commitment_id, status, met, reviewed):
    data = SiteData.load(MAIN.datapackage_dir)
    assert data.status(commitment_id) == status
    assert data.targets_met(commitment_id) == (met, reviewed)


def test_a_partly_met_commitment_says_how_many_targets_were_met(pages):
    assert "- **Status:** partly met &#40;1 of 2 targets met&#41;" in pages["en"][
        "commitments/liaocheng-2023-task-plan-6.md"]
    assert "- **进展:** 部分完成（1/2 个目标已完成）" in pages["zh"][
        "commitments/liaocheng-2023-task-plan-6.md"]
