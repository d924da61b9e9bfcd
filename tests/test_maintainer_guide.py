"""The maintainer guide documents every command, option and format of adding a report."""

from __future__ import annotations

import pytest

from chengnuo.cli import main
from chengnuo.formats import FORMATS
from tests.conftest import REPO


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_guide_documents_adding_a_report(lang):
    guide = (REPO / "docs" / lang / "guide" / "maintainers.md").read_text(encoding="utf-8")
    for command in ("inspect", "add", "diff"):
        assert f"chengnuo {command}" in guide
        for option in main.commands[command].params:
            if option.param_type_name == "option":
                assert option.opts[0] in guide, (command, option.opts[0])
    for endings in FORMATS.values():
        for ending in endings:
            assert f"`{ending}`" in guide, ending
    assert "reports/outcome-reviews.yaml" in guide and "reports/registry.yaml" in guide
