"""The downloads page, in Chinese and English: files, data dictionary, citation, licence, changelog.

Written to build/downloads/pages/<language>.md with the files it lists; the site
publishes it as downloads.md. File links are relative, `downloads/<file>`: the
site publishes build/downloads/ as a `downloads/` folder beside the page (as
files of the MkDocs build, so that `--strict` checks every link).

Text that comes from the data (topic and area names, titles, licence titles)
goes through `md` (escape.py), so nothing in it can act as Markdown or HTML.
The data dictionary is generated from the package's datapackage.json
(dictionary.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chengnuo.downloads.dictionary import render_dictionary
from chengnuo.downloads.escape import code, md
from chengnuo.datapackage.read import Package

LINK_BASE = "downloads/"
COMMITMENT_URL = "commitments/{commitment_id}/"

@dataclass(frozen=True)
class FileEntry:
    """One downloadable file, as the page lists it."""

    path: str  # relative to build/downloads/
    group: str  # package, tables, topics or counties
    zh: str  # what it holds, in Chinese (already Markdown)
    en: str
    size: int
    sha256: str


WORDS = {
    "zh": {
        "title": "下载数据",
        "intro": "《{title}》数据包，版本 {version}。全部数据可以整体下载，也可以逐表下载。"
                 "许可：数据采用 CC-BY-4.0，引用时请注明出处（见下文“如何引用”）。",
        "groups": {"package": "整个数据包", "tables": "逐表下载",
                   "topics": "按主题摘录的承诺", "counties": "按地区摘录的承诺"},
        "columns": ["文件", "内容", "大小", "SHA-256"],
        "checksums": "校验：下载后在同一目录运行 `sha256sum -c SHA256SUMS`。",
        "spreadsheet": (
            "在电子表格中打开：XLSX 文件中的文本单元格一律按文本保存，不会被当作公式执行。"
            "单独提供的 CSV 文件（逐表下载，以及按主题和按地区的摘录）带有 UTF-8 BOM（Excel 据此识别中文），"
            "并在以 `=`、`+`、`-`、`@` 开头的文本前加一个单引号 `'`，防止被当作公式执行。"
            "数据包（zip）中的 CSV 文件是原始数据，文本原样保存，供程序读取；"
            "不要直接用电子表格打开它们。"),
        "sqlite": "SQLite 数据库与 datasette",
        "sqlite_text": (
            "数据库中每张表都有主键和外键。承诺的全文检索：`commitments_fts`（trigram 分词，"
            "三个字及以上的任意片段）和 `commitments_bigrams`（两个字的词）。"
            "用 datasette 浏览："),
        "sqlite_query": "在 SQL 中检索三个字及以上的词：",
        "cite": "如何引用",
        "cite_text": (
            "请注明数据包名称和版本：chengnuo 贡献者，《{title}》（数据包 {name}，版本 {version}），"
            "CC-BY-4.0。引用单条承诺时，请使用它的固定网址：本站地址后加 {pattern}，"
            "例如 {example}。标识符由文件和原文中的编号构成，重新生成数据时不会改变。"),
        "licence": "许可",
        "licence_text": "数据包中的表格采用以下许可；原始文件是政府公开发布的政务信息（此件公开发布），"
                        "原样保存，校验和见 `sources` 表。",
        "changelog": "更新记录",
        "changelog_text": "（英文）",
    },
    "en": {
        "title": "Downloads",
        "intro": "The data package *{title}*, version {version}. Take it whole or one table "
                 "at a time. Licence: the data is CC-BY-4.0; please credit it as shown under "
                 "\"How to cite\".",
        "groups": {"package": "The whole package", "tables": "One table at a time",
                   "topics": "Commitments by topic", "counties": "Commitments by area"},
        "columns": ["File", "Contents", "Size", "SHA-256"],
        "checksums": "To check the files, run `sha256sum -c SHA256SUMS` in their folder.",
        "spreadsheet": (
            "In a spreadsheet: text cells in the XLSX file are stored as text and never run as "
            "formulas. The CSV files offered on their own (one table at a time, and the extracts "
            "by topic and by area) start with a UTF-8 byte order mark (so Excel reads the Chinese "
            "correctly) and put an apostrophe `'` before text that starts with `=`, `+`, `-` or "
            "`@`, so that it cannot run as a formula. The CSV files inside the package zip are "
            "the raw data, text unchanged, for programs: do not open them directly in a "
            "spreadsheet."),
        "sqlite": "SQLite and datasette",
        "sqlite_text": (
            "Every table of the database has its primary key and foreign keys. Full-text search "
            "of commitments: `commitments_fts` (trigram tokenizer: any piece of three or more "
            "characters) and `commitments_bigrams` (two-character Chinese words). "
            "To browse it with datasette:"),
        "sqlite_query": "To search for three or more characters in SQL:",
        "cite": "How to cite",
        "cite_text": (
            "Please name the data package and its version: chengnuo contributors, *{title}* "
            "(data package {name}, version {version}), CC-BY-4.0. To cite one commitment, use "
            "its permanent address: this site's address followed by {pattern}, for example "
            "{example}. Ids are made from the document and the number printed in it, so they "
            "do not change when the data is rebuilt."),
        "licence": "Licence",
        "licence_text": "The tables of the package are licensed as follows; the source documents "
                        "are public government information released for publication "
                        "(此件公开发布), kept unchanged, with their checksums in the `sources` table.",
        "changelog": "Changelog",
        "changelog_text": "",
    },
}


def human_size(size: int) -> str:
    """Bytes in the unit a reader expects: 812 B, 45.3 kB, 1.2 MB (powers of 1000)."""
    if size < 1000:
        return f"{size} B"
    if size < 1000 * 1000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1000 / 1000:.1f} MB"


def render_page(package: Package, files: Sequence[FileEntry], language: str,
                changelog: str = "") -> str:
    """The whole downloads page for `language` ("zh" or "en")."""
    words = WORDS[language]
    title = package.descriptor.get("title_zh" if language == "zh" else "title") or package.name
    lines = [f"# {words['title']}", "",
             words["intro"].format(title=md(title), version=md(package.version)), ""]
    lines += files_section(files, language)
    lines += reference_sections(package, language)
    if changelog.strip():
        lines += [f"## {words['changelog']}", ""]
        if words["changelog_text"]:
            lines += [words["changelog_text"], ""]
        lines += [demoted(changelog, drop_title=True), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def files_section(files: Sequence[FileEntry], language: str) -> list[str]:
    words = WORDS[language]
    lines = []
    for group, heading in words["groups"].items():
        entries = [f for f in files if f.group == group]
        if not entries:
            continue
        lines += [f"## {heading}", "", "| " + " | ".join(words["columns"]) + " |",
                  "|---|---|--:|---|"]
        for entry in entries:
            description = entry.zh if language == "zh" else entry.en
            lines.append(f"| [{md(entry.path)}]({LINK_BASE}{entry.path}) | {description} | "
                         f"{human_size(entry.size)} | `{entry.sha256}` |")
        lines.append("")
        if group == "package":
            lines += [words["checksums"], "", words["spreadsheet"], ""]
    return lines


def reference_sections(package: Package, language: str) -> list[str]:
    """What does not depend on the built bytes: SQLite use, citation, licence, dictionary."""
    words = WORDS[language]
    descriptor = package.descriptor
    title = descriptor.get("title_zh" if language == "zh" else "title") or package.name
    lines = []
    if "commitments" in package.tables:
        lines += [f"## {words['sqlite']}", "", words["sqlite_text"], "",
                  "```sh", f"pip install datasette",
                  f"datasette {package.name}.db --metadata datasette-metadata.json", "```", "",
                  words["sqlite_query"], "", "```sql",
                  "SELECT commitment_id, text_zh FROM commitments WHERE rowid IN",
                  "  (SELECT rowid FROM commitments_fts WHERE commitments_fts MATCH '\"农村公路\"');",
                  "```", ""]
    commitments = package.tables.get("commitments")
    example_id = (commitments.rows[0]["commitment_id"] if commitments and commitments.rows
                  else "<commitment_id>")
    lines += [f"## {words['cite']}", "", words["cite_text"].format(
        title=md(title), name=code(package.name), version=md(package.version),
        pattern=code(COMMITMENT_URL.format(commitment_id="<commitment_id>")),
        example=code(COMMITMENT_URL.format(commitment_id=example_id))), ""]
    lines += [f"## {words['licence']}", "", words["licence_text"], ""]
    for licence in descriptor.get("licenses") or []:
        name = md(licence.get("name", ""))
        link = licence.get("path", "")
        label = f"[{name}](<{link}>)" if link.startswith("https://") else name
        lines.append(f"- {label}: {md(licence.get('title', ''))}")
    lines.append("")
    lines += [demoted(render_dictionary(package, language)), ""]
    return lines


def demoted(markdown: str, drop_title: bool = False) -> str:
    """`markdown` with every heading one level lower (and its first `# ` title dropped)."""
    out = []
    fenced = False
    for line in markdown.strip("\n").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if drop_title and not fenced and line.startswith("# "):
            drop_title = False
            continue
        out.append("#" + line if line.startswith("#") and not fenced else line)
    return "\n".join(out).strip("\n")
