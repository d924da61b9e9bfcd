"""The import contract of pyproject.toml (`lint-imports`): no module imports from a floor
above its own, every module has a floor, and no import is exempted."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import REPO

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_contract_is_kept():
    result = subprocess.run([str(LINT_IMPORTS), "--config", str(REPO / "pyproject.toml"),
                             "--no-cache", "--no-logo"], cwd=REPO, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_contract_exempts_an_import_and_every_module_has_a_floor():
    config = tomllib.loads(REPO.joinpath("pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    assert [c["type"] for c in contracts] == ["layers", "acyclic_siblings"]
    assert [c for c in contracts if "ignore_imports" in c or "exhaustive_ignores" in c] == []
    assert all(c["exhaustive"] for c in contracts if c["type"] == "layers")
