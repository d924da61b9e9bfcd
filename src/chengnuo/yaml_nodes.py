"""Read a YAML file keeping its nodes, so that every error can name the line.

Reference data, translations and the topic taxonomy are hand-edited YAML; a
maintainer's mistake must come back as one line naming the file and line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from chengnuo.errors import ChengnuoError

# The C loader is ten times faster; the pure-Python one gives the same result.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_with_nodes(path: Path, what: str, shown: str | Path | None = None) -> tuple[Any, Any]:
    """(root node, data) of the YAML file `path`; `what` names it in a read error.

    `shown` is the path as messages give it (default: `path`). Both are None
    for an empty file.
    """
    shown = shown if shown is not None else path
    try:
        loader = _Loader(Path(path).read_text(encoding="utf-8"))
        try:  # compose first: the nodes carry the line numbers for messages
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except OSError as exc:
        raise ChengnuoError(f"cannot read {what}: {exc.strerror}", path=shown) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ChengnuoError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=shown,
                            line=mark.line + 1 if mark else None) from exc
    return root, data
