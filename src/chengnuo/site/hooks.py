"""MkDocs hooks (mkdocs.yml `hooks:`): the search additions of search.py.

They run in every build of the site, whether `chengnuo site` starts it or a
maintainer runs `mkdocs build -f mkdocs.zh.yml` by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import jieba
from mkdocs.plugins import event_priority

from chengnuo.i18n.ui import label
from chengnuo.project import Project
from chengnuo.site.data import SiteData
from chengnuo.site.search import add_search_fields, dictionary_words


def on_config(config):
    project = Project.find(Path(config.config_file_path).parent)
    # jieba is one tokenizer per process; adding a word twice is harmless.
    for word in dictionary_words(SiteData.load(project.datapackage_dir)):
        jieba.add_word(word, freq=20000)
    # The English edition is an unofficial translation: every English page says so
    # (theme/main.html shows it as Material's announcement bar).
    if config.theme["language"] == "en":
        config.extra["translation_notice"] = label("unofficial_translation", "en")
    return config


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.is_file():
        index = add_search_fields(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")
