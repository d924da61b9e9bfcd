"""The site's labels (metadata/ui.yaml): complete in both languages, with matching slots."""

from __future__ import annotations

import pytest

from chengnuo.errors import ChengnuoError
from chengnuo.i18n.ui import label, ui_strings


def test_every_label_has_both_languages_and_the_same_slots():
    labels = ui_strings()
    assert len(labels) >= 90
    assert label("lines_range", "en", a=3, b=5) == "lines 3–5"
    assert label("lines_range", "zh", a=3, b=5) == "第 3–5 行"
    assert label("unofficial_translation", "en") == (
        "The English is an unofficial translation; the Chinese original prevails.")


def test_english_labels_carry_no_chinese_except_the_language_switch():
    chinese = [key for key, (_, en) in ui_strings().items()
               if any("\u4e00" <= c <= "\u9fff" for c in en) and key != "language_zh"]
    assert chinese == []


@pytest.mark.parametrize("text, message", [
    ("a: {zh: 甲}\n", "label 'a' needs a non-empty zh and en, nothing else"),
    ("a: {zh: '第 {n} 行', en: line}\n", "label 'a': zh and en have different {slots}: ['n'] vs []"),
])
def test_a_broken_label_is_named(tmp_path, text, message):
    path = tmp_path / "ui.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChengnuoError) as error:
        ui_strings(path)
    assert str(error.value) == f"{path}: {message}"
