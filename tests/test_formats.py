"""The 2023 city plan in every format and encoding gives exactly the commitments of the original.

Each copy is made here, from the bundled original, by tests/convert.py.
"""

from __future__ import annotations

import html
import re

import pytest

from chengnuo.ingest.inspect import inspect_file
from chengnuo.text.extract import extract
from tests import convert
from tests.conftest import REPO

PLAN = REPO / "reports" / "liaocheng-2023-task-plan.txt"
TEXT = PLAN.read_text(encoding="utf-8")


def _copies() -> dict[str, tuple[str, callable]]:
    copies = {name: (".txt", lambda name=name: convert.as_encoding(TEXT, name))
              for name in convert.ENCODINGS}
    copies["docx"] = (".docx", lambda: convert.as_docx(TEXT))
    copies["html-utf-8"] = (".html", lambda: convert.as_html(TEXT))
    copies["html-gbk"] = (".htm", lambda: convert.as_html(TEXT, "gbk"))
    copies["pdf"] = (".pdf", lambda: convert.as_pdf(TEXT))
    return copies


COPIES = _copies()


@pytest.fixture(scope="module")
def original() -> dict:
    return inspect_file(PLAN, "reports/liaocheng-2023-task-plan.txt").as_json()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Every copy written once to a file, by name."""
    folder = tmp_path_factory.mktemp("copies")
    files = {}
    for name, (suffix, write) in COPIES.items():
        files[name] = folder / f"plan-{name}{suffix}"
        files[name].write_bytes(write())
    return files


@pytest.fixture(scope="module")
def inspected(made):
    """Every copy inspected once (a PDF takes seconds to read)."""
    return {name: inspect_file(file, file.name) for name, file in made.items()}


def test_the_original_holds_what_its_covering_notice_says(original):
    # The notice: "目标任务细化分解为158项"; 5 has two sub-items, 20 policies are split.
    assert original["counts"]["commitments"] == 180 and original["warnings"] == []
    assert len([c for c in original["commitments"] if c["parent"] is None]) == 158


@pytest.mark.parametrize("name", COPIES)
def test_every_copy_gives_the_commitments_of_the_original(made, inspected, original, name):
    found = inspected[name].as_json()
    assert found["commitments"] == original["commitments"]
    assert found["warnings"] == []
    for key in ("kind", "title", "year", "jurisdiction", "publisher", "issued_date", "counts"):
        assert found[key] == original[key], key
    assert [d["kind"] for d in found["documents"]] == ["notice", "task_plan"]
    assert found["format"] == {".txt": "txt", ".docx": "docx", ".html": "html", ".htm": "html",
                               ".pdf": "pdf"}[made[name].suffix]


@pytest.mark.parametrize("name, encoding", [
    ("utf-8", "utf-8"), ("utf-8-bom-crlf", "utf-8-sig"), ("gbk-crlf", "gb18030"),
    ("gb18030-cr", "gb18030"), ("utf-16-crlf", "utf-16"), ("utf-16-le-no-bom", "utf-16-le"),
    ("utf-16-be-no-bom", "utf-16-be"), ("docx", "utf-8"), ("html-utf-8", "utf-8"),
    ("html-gbk", "gb18030"), ("pdf", "binary"),
])
def test_the_encoding_is_detected(inspected, name, encoding):
    assert inspected[name].text.encoding == encoding


@pytest.mark.parametrize("name", COPIES)
def test_every_commitment_points_at_the_line_that_starts_it(inspected, name):
    found = inspected[name]
    lines = found.text.lines
    for commitment in found.records["commitments"]:
        first = lines[commitment["line_start"] - 1].strip()
        if commitment["parent_id"] is None:
            assert re.match(rf"{commitment['label']}\s*[.．]", first), (commitment["label"], first)
        assert commitment["source_text"] == "\n".join(
            lines[commitment["line_start"] - 1:commitment["line_end"]])


def test_text_copies_keep_the_line_numbers_of_the_original(inspected, original):
    for name in convert.ENCODINGS:
        found = inspected[name].as_json()
        assert (found["line_start"], found["line_end"]) == (original["line_start"], original["line_end"])


def test_a_docx_paragraph_is_a_line_and_its_header_and_footer_are_not_text(inspected):
    extracted = inspected["docx"].text
    assert extracted.lines == convert.lines_of(TEXT)
    assert extracted.origins[:2] == ["paragraph 1", "paragraph 2"]


def test_html_keeps_the_article_and_drops_the_site_around_it(made, inspected):
    extracted = inspected["html-utf-8"].text
    text = "\n".join(extracted.lines)
    for chrome in ("首页", "政民互动", "当前位置", "相关链接", "分享到", "打印本页", "网站标识码",
                   "统计代码", "float", "发布日期", "欢迎您"):
        assert chrome not in text and chrome not in TEXT
    assert extracted.lines[0] == ("聊城市人民政府关于印发2023年市政府工作报告重点工作任务"
                                  "责任分工方案的通知")  # the page's <h1> above the article
    assert extracted.lines[1:] == [line.strip() for line in convert.lines_of(TEXT) if line.strip()]
    # The line map gives the line of the HTML file where each line's text starts.
    html_lines = made["html-utf-8"].read_text(encoding="utf-8").split("\n")
    for line, origin in zip(extracted.lines, extracted.origins):
        number = int(origin.split()[1])
        assert line[:10] in html_lines[number - 1].replace("&quot;", '"'), (line, origin)


def test_pdf_drops_page_numbers_and_running_headers(inspected):
    extracted = inspected["pdf"].text
    assert not [line for line in extracted.lines
                if re.fullmatch(r"-\s*\d+\s*-", line) or line.startswith("聊城市人民政府文件")]
    # Page 1's running header takes lines 1 (and the date beside it on the same line).
    assert extracted.origins[0] == "page 1, line 2"
    # Nothing else is lost or added: the text is the original's, but for line breaks and spaces.
    assert re.sub(r"\s", "", "".join(extracted.lines)) == re.sub(r"\s", "", TEXT)


def _snippet() -> list[str]:
    return [line.strip() for line in convert.lines_of(TEXT)[14:40] if line.strip()]


@pytest.mark.parametrize("layout", [
    # An old table layout: the title in one cell, the text in another, a menu in a third.
    '<table><tr><td class="menu"><a href="/">首页</a> <a href="/x">机构设置</a></td></tr>'
    '<tr><td class="bt">标题</td></tr><tr><td id="zoom">{paragraphs}</td></tr>'
    '<tr><td class="bottom">版权所有 聊城市人民政府办公室</td></tr></table>',
    # Lines separated by <br> only, in a div, after a header and before a footer element.
    '<header>聊城市人民政府 门户网站</header><div class="content">{br}</div>'
    '<footer>网站地图 | 联系我们</footer>',
    # An <article> with a <section> per part and stray unclosed <p> tags.
    '<nav>首页 &gt; 政策</nav><article><section>{unclosed}</section></article>',
])
def test_html_layouts_of_government_sites(layout):
    lines = _snippet()
    page = layout.format(
        paragraphs="".join(f"<p>{html.escape(line)}</p>" for line in lines),
        br="<br>\n".join(html.escape(line) for line in lines),
        unclosed="".join(f"<p>{html.escape(line)}\n" for line in lines))
    extracted = extract(f"<html><body>{page}</body></html>".encode("utf-8"), "page.html", "html")
    assert extracted.lines == lines
