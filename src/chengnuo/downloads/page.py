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
from chengnuo.i18n.ui import ui_strings
from chengnuo.project import METADATA_DIR

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


WORDS_PATH = METADATA_DIR / "downloads.yaml"
GROUPS = ("package", "tables", "topics", "counties")
CHANGELOG_NOTE_ZH = "（英文）"  # the changelog is written in English; only the Chinese page says so


def word(key: str, language: str, **values: object) -> str:
    """The page's text `key` (metadata/downloads.yaml) in `language`, slots filled."""
    zh, en = ui_strings(WORDS_PATH)[key]
    return (zh if language == "zh" else en).format(**values)


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
    title = package.descriptor.get("title_zh" if language == "zh" else "title") or package.name
    lines = [f"# {word('title', language)}", "",
             word("intro", language, title=md(title), version=md(package.version)), ""]
    lines += files_section(files, language)
    lines += reference_sections(package, language)
    if changelog.strip():
        lines += [f"## {word('changelog', language)}", ""]
        if language == "zh":
            lines += [CHANGELOG_NOTE_ZH, ""]
        lines += [demoted(changelog, drop_title=True), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def files_section(files: Sequence[FileEntry], language: str) -> list[str]:
    lines = []
    for group in GROUPS:
        entries = [f for f in files if f.group == group]
        if not entries:
            continue
        lines += [f"## {word('group_' + group, language)}", "", word("table_header", language),
                  "|---|---|--:|---|"]
        for entry in entries:
            description = entry.zh if language == "zh" else entry.en
            lines.append(f"| [{md(entry.path)}]({LINK_BASE}{entry.path}) | {description} | "
                         f"{human_size(entry.size)} | `{entry.sha256}` |")
        lines.append("")
        if group == "package":
            lines += [word("checksums", language), "", word("spreadsheet", language), ""]
    return lines


def reference_sections(package: Package, language: str) -> list[str]:
    """What does not depend on the built bytes: SQLite use, citation, licence, dictionary."""
    descriptor = package.descriptor
    title = descriptor.get("title_zh" if language == "zh" else "title") or package.name
    lines = []
    if "commitments" in package.tables:
        lines += [f"## {word('sqlite', language)}", "", word("sqlite_text", language), "",
                  "```sh", f"pip install datasette",
                  f"datasette {package.name}.db --metadata datasette-metadata.json", "```", "",
                  word("sqlite_query", language), "", "```sql",
                  "SELECT commitment_id, text_zh FROM commitments WHERE rowid IN",
                  "  (SELECT rowid FROM commitments_fts WHERE commitments_fts MATCH '\"农村公路\"');",
                  "```", ""]
    commitments = package.tables.get("commitments")
    example_id = (commitments.rows[0]["commitment_id"] if commitments and commitments.rows
                  else "<commitment_id>")
    lines += [f"## {word('cite', language)}", "", word(
        "cite_text", language, title=md(title), name=code(package.name), version=md(package.version),
        pattern=code(COMMITMENT_URL.format(commitment_id="<commitment_id>")),
        example=code(COMMITMENT_URL.format(commitment_id=example_id))), ""]
    lines += [f"## {word('licence', language)}", "", word("licence_text", language), ""]
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
