"""The article of a web page saved from a government website, as lines of text.

A saved page holds the article and the site's chrome around it: navigation,
header, breadcrumbs, sharing buttons, footer.  The article is found in two steps,
with the standard library's HTML parser only (no network, no script runs):

1. Drop what is never article text: script, style, nav, header, footer, aside,
   form and the like, and elements whose id or class names chrome (nav, menu,
   breadcrumb, footer, share, copyright…).
2. The article is the element whose own paragraphs hold the most text
   (`<div id="zoom">`, `<div class="TRS_Editor">`, `<article>`…), together with a
   heading (h1-h3) just before it: gov.cn pages print the title above the body.

"Line" in an HTML source means a line of the extracted text: each paragraph,
heading, list item, table row or `<br>`-separated run is one line; blank lines
are not kept.  The line map gives, for every extracted line, the line of the
HTML file where its text starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements whose content is never article text.
_DROPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer",
                      "aside", "form", "iframe", "select", "button", "svg", "object", "head",
                      "menu", "dialog"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# Elements that start and end a line of text.
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "pre",
                    "blockquote", "section", "article", "main", "table", "ul", "ol", "dl",
                    "dt", "dd", "center", "address", "figure", "figcaption", "body", "html",
                    "tbody", "thead", "tfoot", "caption", "hr"})
# Not `table`: old government sites lay out the whole page with tables, and a layout
# table holding the article must not outscore the cell that holds it.
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"})
_HEADING = frozenset({"h1", "h2", "h3"})
_CELL = frozenset({"td", "th"})
# id/class words of site chrome, matched as whole words of the attribute.
_CHROME = re.compile(r"(?:^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|header|"
                     r"head|sidebar|share|copyright|banner|toolbar|pagination|pager|search|"
                     r"login|topbar|bottom|links|related|qrcode|print|fontsize)(?:$|[\s_-])",
                     re.IGNORECASE)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list["Node | Text"] = field(default_factory=list)


@dataclass
class Text:
    text: str
    line: int


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed elements close with their parent, stray end tags are ignored."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, self.getpos()[0]))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        # getpos() is where the data starts; leading line ends move its first text down.
        line = self.getpos()[0] + data[:len(data) - len(data.lstrip())].count("\n")
        self.stack[-1].children.append(Text(data, line))


def _is_chrome(node: Node) -> bool:
    if node.tag in _DROPPED:
        return True
    names = " ".join((node.attrs.get("id", ""), node.attrs.get("class", ""),
                      node.attrs.get("role", "")))
    return bool(_CHROME.search(names)) or node.attrs.get("role") == "navigation" or (
        "hidden" in node.attrs or "display:none" in node.attrs.get("style", "").replace(" ", ""))


def _prune(node: Node) -> Node:
    node.children = [_prune(child) if isinstance(child, Node) else child
                     for child in node.children
                     if not (isinstance(child, Node) and _is_chrome(child))]
    return node


def _text_length(node: Node | Text) -> int:
    if isinstance(node, Text):
        return len(_HTML_SPACE.sub("", node.text))
    return sum(_text_length(child) for child in node.children)


def _own_paragraph_text(node: Node) -> int:
    """Text in the element's direct paragraphs and direct text: what an article body holds."""
    total = 0
    for child in node.children:
        if isinstance(child, Text) or child.tag in _PARAGRAPH or child.tag in ("span", "font", "br"):
            total += _text_length(child)
        elif child.tag == "div" and not any(isinstance(c, Node) and c.tag in _BLOCK
                                             for c in child.children):
            total += _text_length(child)  # a div used as a paragraph
    return total


def _walk(node: Node):
    yield node
    for child in node.children:
        if isinstance(child, Node):
            yield from _walk(child)


def _article(root: Node) -> list[Node]:
    """The article body and, when there is one, its title heading just before it."""
    best = max(_walk(root), key=_own_paragraph_text)
    if _own_paragraph_text(best) == 0:
        return [root]
    parents = {id(child): node for node in _walk(root) for child in node.children}
    title = None
    node = best
    while title is None and id(node) in parents:
        parent = parents[id(node)]
        before = parent.children[:parent.children.index(node)]
        title = next((c for c in reversed(before) if isinstance(c, Node) and c.tag in _HEADING), None)
        node = parent
        if node is root:
            break
    return [title, best] if title is not None else [best]


class _Lines:
    """Collects text into lines, breaking at block elements and <br>."""

    def __init__(self):
        self.lines: list[tuple[str, int]] = []
        self.parts: list[str] = []
        self.line = 0

    def add(self, text: str, line: int, pre: bool) -> None:
        if pre:
            for number, piece in enumerate(text.split("\n")):
                if number:
                    self.end()
                self.add(piece, line + number, False)
            return
        text = _HTML_SPACE.sub(" ", text)
        if text.strip() and not "".join(self.parts).strip():
            self.line = line
        self.parts.append(text)

    def end(self) -> None:
        text = "".join(self.parts).strip(" ")
        if text.strip():
            self.lines.append((text, self.line))
        self.parts = []

    def render(self, node: Node | Text, pre: bool = False) -> None:
        if isinstance(node, Text):
            self.add(node.text, node.line, pre)
            return
        if node.tag == "br":
            self.end()
            return
        block = node.tag in _BLOCK
        if block:
            self.end()
        for position, child in enumerate(node.children):
            if node.tag == "tr" and position and isinstance(child, Node) and child.tag in _CELL:
                self.parts.append("\t")
            self.render(child, pre or node.tag == "pre")
        if block:
            self.end()


def article_lines(html: str) -> tuple[list[str], list[int]]:
    """The article's lines, and for each the line of the HTML source where it starts."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    root = _prune(builder.root)
    collector = _Lines()
    for node in _article(root):
        collector.render(node)
        collector.end()
    return [text for text, _ in collector.lines], [line for _, line in collector.lines]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, as a codec name."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    # GB2312 and GBK pages routinely hold characters only GB18030 has names for.
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        return "gb18030"
    if name in ("utf-8", "utf8"):
        return "utf-8"
    return None
