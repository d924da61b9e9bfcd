"""The downloads pages: every file with its size and checksum, the dictionary (golden), escaping."""

from __future__ import annotations

import hashlib
import html as html_module
import json
import re
from pathlib import Path

import markdown
import pytest

from chengnuo.schema import load_metadata
from chengnuo.downloads.archive import build_timestamp
from chengnuo.downloads.dictionary import render_dictionary
from chengnuo.datapackage.read import read_package
from chengnuo.downloads.escape import code, md
from chengnuo.downloads.page import demoted, human_size, reference_sections, render_page
from chengnuo.downloads.stage import write_downloads
from chengnuo.project import DOWNLOADS_PAGES, downloads_page
from tests.conftest import REPO
from tests.downloads_fixtures import built_copy, write_small_package

DESCRIPTOR = json.loads((REPO / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))


def page_of(project, language: str) -> Path:
    return project.stage_dir("downloads") / downloads_page(language)


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "fenced_code"])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return built_copy(tmp_path_factory.mktemp("pages"))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_reference_part_of_the_page_matches_its_golden_file(language, golden):
    # Citation, licence, SQLite use and the data dictionary: everything but the
    # file sizes and checksums, which depend on the machine's zlib and SQLite.
    package = read_package(REPO / "datapackage")
    golden(f"downloads/reference.{language}.md", "\n".join(reference_sections(package, language)))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_file_is_listed_with_its_size_and_checksum(project, language):
    page = page_of(project, language).read_text("utf-8")
    folder = project.stage_dir("downloads")
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                   if p.is_file() and p.relative_to(folder).parts[0] != DOWNLOADS_PAGES)
    rows = {m.group(1): m for m in re.finditer(
        r"^\| \[[^]]+\]\(downloads/([^)]+)\) \| .+ \| ([0-9.]+ k?M?B) \| `([0-9a-f]{64})` \|$",
        page, flags=re.M)}
    assert sorted(rows) == files
    for name, match in rows.items():
        data = (folder / name).read_bytes()
        assert match.group(2) == human_size(len(data))
        assert match.group(3) == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_dictionary_names_every_table_and_field_of_datapackage_json(project, language):
    page = page_of(project, language).read_text("utf-8")
    for resource in DESCRIPTOR["resources"]:
        section = page.split(f"(`{resource['name']}`)", 1)[1].split("\n### ", 1)[0]
        assert f"`{resource['path']}`" in section
        for field in resource["schema"]["fields"]:
            row = next(line for line in section.splitlines()
                       if line.startswith(f"| `{field['name']}` |"))
            cells = row.split(" | ")
            assert cells[1] == field["type"]
            assert cells[4] == md(field["description_zh"])
            assert cells[5] == md(field["description"]) + " |"
            constraints = field.get("constraints", {})
            if constraints.get("required"):
                assert ("必填" if language == "zh" else "required") in cells[2]
            for value in constraints.get("enum", []):
                assert code(value) in cells[2]
            if "pattern" in constraints:
                assert code(constraints["pattern"]) in cells[2]


@pytest.mark.parametrize("language, heading", [("zh", "# 数据字典"), ("en", "# Data dictionary")])
def test_dictionary_lists_every_column_with_both_descriptions(language, heading):
    # Columns are defined in fields.yaml and tables.yaml; the dictionary is rendered
    # from the descriptor made from them and must list every one, in table order.
    page = render_dictionary(read_package(REPO / "datapackage"), language)
    assert page.startswith(heading + "\n") and page.endswith("|\n")
    for table in load_metadata().tables.values():
        section = page.split(f"(`{table.name}`)\n", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert [row.split(" | ")[0] for row in rows] == [f"| `{c}`" for c in table.columns]
        for row, field in zip(rows, table.fields):
            assert md(field.description_zh) in row and md(field.description_en) in row
            # Unescaped pipes would split the Markdown cell.
            assert row.count(" | ") == 5, row


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_page_includes_the_changelog_with_its_headings_demoted(project, language):
    page = page_of(project, language).read_text("utf-8")
    changelog = (REPO / "CHANGELOG.md").read_text("utf-8")
    first_entry = re.search(r"^## (.+)$", changelog, flags=re.M).group(1)
    assert f"\n### {first_entry}\n" in page
    assert "\n# Changelog" not in page and page.count("\n# ") == 0 and page.startswith("# ")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_page_renders_as_tables_and_links(project, language):
    page = html(page_of(project, language).read_text("utf-8"))
    names = {r["name"] for r in DESCRIPTOR["resources"]}
    # One table per resource, two more, and one per extract group the package allows:
    # by topic (the topics table) and by area (the mentions table).
    groups = ("topics" in names) + ("mentions" in names)
    assert page.count("<table>") == 2 + len(DESCRIPTOR["resources"]) + groups
    assert 'href="downloads/chengnuo-liaocheng.zip"' in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in page


def test_data_text_cannot_act_as_markdown_or_html(tmp_path):
    package = read_package(write_small_package(tmp_path / "package"))
    out = tmp_path / "downloads"
    out.mkdir()
    entries = write_downloads(package, out, build_timestamp())
    zh, en = (html(render_page(package, entries, language)) for language in ("zh", "en"))
    assert "<b>" not in zh and html_module.unescape("&#60;b&#62;教育&#60;&#47;b&#62;") in \
        html_module.unescape(zh)
    assert "<em>schools</em>" not in en and "Education & *schools*" in html_module.unescape(en)
    assert 'href="downloads/extracts/topics/education.csv"' in en


@pytest.mark.parametrize("text, shown", [
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
    ("# not a heading\n\n- nor a list", "# not a heading - nor a list"),
    ("*a* _b_ `c` | d &amp;", "*a* _b_ `c` | d &amp;"),
    ("1. 新建\x02农村公路", "1. 新建农村公路"),
])
def test_md_shows_text_literally(text, shown):
    rendered = html(md(text))
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert "<" not in inner, "no tag comes from the text"
    assert html_module.unescape(inner) == shown


def test_code_spans_show_text_as_typed():
    assert html(code("a|b <c> `d`")) == "<p><code>a|b &lt;c&gt; 'd'</code></p>"


def test_demoted_lowers_headings_but_not_code():
    assert demoted("# T\n\n## A\n\n```sh\n# comment\n```\n### B", drop_title=True) == \
        "### A\n\n```sh\n# comment\n```\n#### B"


@pytest.mark.parametrize("size, text", [(0, "0 B"), (999, "999 B"), (1000, "1.0 kB"),
                                        (70890, "70.9 kB"), (1_234_567, "1.2 MB")])
def test_human_size(size, text):
    assert human_size(size) == text


def test_pages_are_written_with_the_files_and_nothing_into_docs(project: Path):
    assert sorted(p.name for p in (project.stage_dir("downloads") / DOWNLOADS_PAGES).iterdir()) == \
        ["en.md", "zh.md"]
    assert not (project.root / "docs").exists()
