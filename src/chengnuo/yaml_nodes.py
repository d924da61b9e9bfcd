"""Read a YAML file keeping its nodes, so that every error can name the line.

Reference data, translations and the topic taxonomy are hand-edited YAML; a
maintainer's mistake must come back as one line naming the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from chengnuo.errors import ChengnuoError

# The C loader is ten times faster; the pure-Python one gives the same result.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The most values a file may hold once its aliases are expanded. Every real file
# holds far fewer; an alias or merge-key bomb of a few hundred bytes holds billions
# (each level doubles), and constructing it would take all the memory.
MAX_EXPANDED_NODES = 1_000_000
# The deepest nesting of [ ] and { } read: the C loader crashes (segmentation fault)
# on some tens of thousands of open brackets, and no real file nests more than ten.
MAX_FLOW_DEPTH = 1_000
_FLOW = re.compile(r"[\[\]{}]")


def load_with_nodes(path: Path, what: str, shown: str | Path | None = None) -> tuple[Any, Any]:
    """(root node, data) of the YAML file `path`; `what` names it in a read error.

    `shown` is the path as messages give it (default: `path`). Both are None
    for an empty file.
    """
    shown = shown if shown is not None else path
    try:
        text = Path(path).read_text(encoding="utf-8")
        check_depth(text, shown)
        loader = _Loader(text)
        try:  # compose first: the nodes carry the line numbers for messages
            root = loader.get_single_node()
            check_expansion(root, shown)
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except RecursionError:
        raise ChengnuoError("nested too deeply to read", path=shown) from None
    except OSError as exc:
        raise ChengnuoError(f"cannot read {what}: {exc.strerror}", path=shown) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ChengnuoError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=shown,
                            line=mark.line + 1 if mark else None) from exc
    return root, data


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def check_expansion(root: yaml.Node | None, shown: str | Path) -> None:
    """Refuse a file whose aliases expand beyond MAX_EXPANDED_NODES, before constructing it.

    An alias is the very node it names, so sizes are counted once per node
    (memoized, without recursion): the check takes time in proportion to the
    file, not to its expansion.
    """
    if root is None:
        return
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            if id(node) in open_nodes:
                raise ChengnuoError("an alias refers to the value that holds it", path=shown,
                                    line=node.start_mark.line + 1)
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        open_nodes.discard(id(node))
        sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
        if sizes[id(node)] > MAX_EXPANDED_NODES:
            raise ChengnuoError(f"its aliases expand to more than {MAX_EXPANDED_NODES:,} values "
                                "(an alias bomb?)", path=shown, line=node.start_mark.line + 1,
                                hint="write the values out instead of repeating aliases")


def check_depth(text: str, shown: str | Path) -> None:
    """Refuse brackets nested deeper than MAX_FLOW_DEPTH (an overestimate: quoted brackets count)."""
    depth = 0
    for match in _FLOW.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(depth - 1, 0)
        if depth > MAX_FLOW_DEPTH:
            raise ChengnuoError(f"brackets nested more than {MAX_FLOW_DEPTH:,} levels deep", path=shown,
                                line=text.count("\n", 0, match.start()) + 1)
