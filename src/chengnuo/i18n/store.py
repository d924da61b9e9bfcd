"""The translation store: translations/<table>/<document>.yaml, and what the build reads of it.

Each file is a YAML list of entries {id, zh_sha256, en} (optionally zh, note);
translations/README.md is the format's documentation. An entry is matched to
its record by id, and is current only while zh_sha256 still matches the
record's Chinese, so a changed Chinese text never shows an outdated English.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR
from chengnuo.yaml_nodes import load_with_nodes

I18N_PATH = METADATA_DIR / "i18n.yaml"
HASH_LENGTH = 12
HASH = re.compile(r"[0-9a-f]{12}")
ENTRY_KEYS = {"id": True, "zh_sha256": True, "en": True, "zh": False, "note": False}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def zh_hash(text: str) -> str:
    """The key a translation records of its Chinese: 12 hex digits of SHA-256 (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Translated:
    """A table whose rows are translated in translations/<name>/."""

    name: str
    id_columns: tuple[str, ...]
    zh: str
    en: str
    document: str | None  # the table's own document column, or
    via: tuple[str, str] | None  # (column, table) whose row gives the document
    # A table whose current English a row with the very same Chinese takes when
    # it has no entry of its own: an outcome's evidence is often a result's sentence.
    same_text_as: str | None = None


@dataclass(frozen=True)
class Settings:
    required_coverage_percent: float
    gated_tables: tuple[str, ...]
    translated: dict[str, Translated]
    named: dict[str, tuple[str, ...]]
    # named table → its id column in `assignments`, for names not listed in the metadata yet
    unlisted: dict[str, str]


@functools.lru_cache(maxsize=None)
def settings(path: Path = I18N_PATH) -> Settings:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    translated = {}
    for name, spec in data["translated"].items():
        via = tuple(next(iter(spec["via"].items()))) if "via" in spec else None
        if ("document" in spec) == (via is not None):
            raise ChengnuoError(f"table {name!r} needs exactly one of `document` and `via`",
                                path=path)
        same = spec.get("same_text_as")
        if same is not None and same not in translated:
            raise ChengnuoError(f"table {name!r}: same_text_as {same!r} must be a translated "
                                "table listed above it", path=path)
        translated[name] = Translated(name, tuple(spec["id"]), spec["zh"], spec["en"],
                                      spec.get("document"), via, same)
    percent = data["required_coverage_percent"]
    if not isinstance(percent, (int, float)) or not 0 <= percent <= 100:
        raise ChengnuoError("required_coverage_percent must be a number from 0 to 100", path=path)
    named = {name: tuple(cols) for name, cols in data["named"].items()}
    unlisted = dict(data["unlisted"])
    if not set(unlisted) <= set(named):
        raise ChengnuoError("every table under `unlisted` must be a `named` table", path=path)
    return Settings(float(percent), tuple(data["gated_tables"]), translated, named, unlisted)


@dataclass(frozen=True)
class Entry:
    id: str
    zh_sha256: str
    en: str | None  # None: left empty (a skeleton not filled in yet)
    zh: str | None
    note: str | None
    path: str
    line: int


def read_file(path: Path, shown: str | None = None) -> list[Entry]:
    """The entries of one translation file, checked; errors name the file and line."""
    shown = shown or str(path)
    root, data = load_with_nodes(path, "translations", shown)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ChengnuoError("expected a list of {id, zh_sha256, en} entries", path=shown, line=1)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for item, node in zip(data, root.value):
        line = node.start_mark.line + 1
        entries.append(_entry(item, shown, line))
        if entries[-1].id in seen:
            raise ChengnuoError(f"id {entries[-1].id!r} already has an entry at line "
                                f"{seen[entries[-1].id]}", path=shown, line=line)
        seen[entries[-1].id] = line
    return entries


def _entry(item: Any, path: str, line: int) -> Entry:
    if not isinstance(item, dict):
        raise ChengnuoError("entry is not a mapping", path=path, line=line)
    for key in item:
        if key not in ENTRY_KEYS:
            raise ChengnuoError(f"unknown key {key!r}", path=path, line=line,
                                hint="allowed: " + ", ".join(ENTRY_KEYS))
    for key, required in ENTRY_KEYS.items():
        if required and key not in item:
            raise ChengnuoError(f"missing key {key!r}", path=path, line=line)
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise ChengnuoError(f"{key!r} must be text, not {type(value).__name__}",
                                path=path, line=line, hint="quote it")
    if not item["id"]:
        raise ChengnuoError("empty id", path=path, line=line)
    if not HASH.fullmatch(item["zh_sha256"] or ""):
        raise ChengnuoError(f"zh_sha256 {item['zh_sha256']!r} is not 12 lowercase hex digits",
                            path=path, line=line)
    if item.get("zh") is not None and zh_hash(item["zh"]) != item["zh_sha256"]:
        raise ChengnuoError(f"id {item['id']!r}: the zh given does not hash to its zh_sha256 "
                            f"(it hashes to {zh_hash(item['zh'])})", path=path, line=line)
    en = (item["en"] or "").strip() or None
    return Entry(item["id"], item["zh_sha256"], en, item.get("zh"), item.get("note"), path, line)


def load_table(translations_dir: Path, table: str,
               root: Path | None = None) -> dict[str, dict[str, Entry]]:
    """document → id → entry, for every file of translations/<table>/."""
    folder = translations_dir / table
    found: dict[str, dict[str, Entry]] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        shown = str(path.relative_to(root)) if root else str(path)
        found[path.stem] = {e.id: e for e in read_file(path, shown)}
    return found


def skeleton(rows: list[tuple[str, str, Entry | None]],
             hints: Callable[[str], list[str]] | None = None) -> str:
    """YAML entries for (id, Chinese, stale entry or None), ready to be filled in.

    `hints` gives comment lines for a Chinese text (its numbers converted, its
    glossary terms), written above the entry.
    """
    out = []
    for record_id, zh, old in rows:
        if old is not None and old.en:
            out.append("# stale: the Chinese changed since this was translated as: "
                       + " ".join(old.en.split()) + "\n")
        out += [f"# {hint}\n" for hint in (hints(zh) if hints else [])]
        out.append(yaml.safe_dump([{"id": record_id, "zh_sha256": zh_hash(zh), "zh": zh, "en": ""}],
                                  allow_unicode=True, sort_keys=False, width=10_000))
    return "".join(out)
