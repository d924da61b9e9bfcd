"""The site's own words in both languages: metadata/ui.yaml, checked once on load."""

from __future__ import annotations

import functools
import string
from pathlib import Path

import yaml

from chengnuo.errors import ChengnuoError
from chengnuo.project import METADATA_DIR

UI_PATH = METADATA_DIR / "ui.yaml"


def slots(text: str) -> set[str]:
    """The `{name}` slots of a label."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@functools.lru_cache(maxsize=None)
def ui_strings(path: Path = UI_PATH) -> dict[str, tuple[str, str]]:
    """key → (zh, en) for every label of ui.yaml; an incomplete entry is an error."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels = {}
    for key, entry in data.items():
        if not isinstance(entry, dict) or set(entry) != {"zh", "en"} or not all(
                isinstance(entry[lang], str) and entry[lang].strip() for lang in ("zh", "en")):
            raise ChengnuoError(f"label {key!r} needs a non-empty zh and en, nothing else", path=path)
        if slots(entry["zh"]) != slots(entry["en"]):
            raise ChengnuoError(f"label {key!r}: zh and en have different {{slots}}: "
                                f"{sorted(slots(entry['zh']))} vs {sorted(slots(entry['en']))}",
                                path=path)
        labels[key] = (entry["zh"], entry["en"])
    return labels


def label(key: str, lang: str, **values: object) -> str:
    """The label `key` in `lang` ("zh" or "en") with its slots filled (not escaped)."""
    zh, en = ui_strings()[key]
    return (zh if lang == "zh" else en).format(**values)
