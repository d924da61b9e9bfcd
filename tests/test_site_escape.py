"""Report text is untrusted: through the real Markdown engine, with the extensions
mkdocs.yml enables, an escaped value must render as exactly its visible text."""

from __future__ import annotations

import html.parser

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.escape import chart_text, md, slug, visible
from tests.conftest import REPO


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: None)


def _extensions() -> tuple[list, dict]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    names, settings_ = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings_[name] = options or {}
    return names, settings_


EXTENSIONS, SETTINGS = _extensions()


class _Reader(html.parser.HTMLParser):
    """The text a browser shows, and every tag and attribute it would create."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append(("comment", [("data", data)]))


def render(source: str) -> _Reader:
    reader = _Reader()
    reader.feed(markdown.markdown(source, extensions=EXTENSIONS, extension_configs=SETTINGS))
    reader.close()
    return reader


def assert_literal(text: str, wrapper: str = "{}", tags: tuple = (("p", []),)) -> None:
    reader = render(wrapper.format(md(text)))
    assert "".join(reader.text).strip() == visible(text).strip()
    assert reader.tags == list(tags)


NASTY = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    "<http://example.com>",
    "text {: onclick=alert(1) }",
    "{#id .class}",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "    not code",
    "```\nnot a fence\n```",
    "!!! warning\n    not an admonition",
    "??? note\n    not a details block",
    "| a | b |\n|---|---|",
    "***bold*** __x__ ~~y~~",
    "<!-- comment -->",
    "&amp; &lt; &#60;",
    "a\\*b",
    "line\n\nnew paragraph",
    "[^1] footnote",
    "\u0002placeholder\u0003",
    "<div markdown=\"1\">*x*</div>",
    "新改建农村公路500公里。（牵头领导：王峰）",
    "[TOC]",
    "--8<-- \"/etc/passwd\"",
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_renders_as_itself(text):
    assert_literal(text)


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_stays_in_its_table_cell(text):
    source = "| a | b |\n|---|---|\n| {} | x |\n"
    reader = render(source.format(md(text)))
    cells = [tag for tag, _ in reader.tags if tag == "td"]
    assert cells == ["td", "td"]
    assert visible(text).strip() in "".join(reader.text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_renders_as_its_visible_text(text):
    reader = render(md(text))
    assert "".join(reader.text).strip() == visible(text).strip()
    assert all(tag == "p" and not attrs for tag, attrs in reader.tags)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc"))))
def test_any_text_is_literal_inside_a_link(text):
    reader = render(f"[{md(text)}](target.md)")
    assert [tag for tag, _ in reader.tags] == ["p", "a"]
    assert reader.tags[1][1] == [("href", "target.md")]
    assert "".join(reader.text).strip() == visible(text).strip()


@given(st.text())
def test_chart_labels_cannot_carry_markup(text):
    assert "<" not in chart_text(text) and ">" not in chart_text(text)


@pytest.mark.parametrize("bad", ["", "A", "a_b", "../x", "a--b", "-a", "a/b", "ab "])
def test_only_slugs_become_addresses(bad):
    with pytest.raises(ChengnuoError):
        slug(bad)


def test_a_slug_is_itself():
    assert slug("liaocheng-2023-task-plan-5-1") == "liaocheng-2023-task-plan-5-1"
