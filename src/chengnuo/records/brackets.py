"""The assignment bracket that ends a task: who leads it and who helps.

`（牵头领导：刘文强、王刚；牵头单位：市发展改革委；责任单位：各县〔市、区〕人民政府）`

Extraction from PDF and Word leaves every kind of bracket (`（…）`, `〔…〕`,
`[…]`, `(…)`) and closers that do not match their opener (`〔…]`), so the
bracket is found by its first words (牵头领导 / 牵头单位), not by its brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chengnuo.schema import allowed_values

OPENERS = "（(〔[【"
CLOSERS = "）)〕]】"
_QUOTES = {"“": "”", "‘": "’", "《": "》"}

ROLE_BY_LABEL = {
    "牵头领导": "lead_leader",
    "牵头单位": "lead_unit",
    "责任单位": "responsible_unit",
    "配合单位": "responsible_unit",
}
ROLES = allowed_values("assignments", "role")

_BRACKET_START = re.compile(rf"[{re.escape(OPENERS)}]\s*(?=牵头领导|牵头单位)")
_ROLE_SEGMENT = re.compile(r"^\s*(牵头领导|牵头单位|责任单位|配合单位)\s*[：:]\s*(.*)$", re.S)
# `市关工委等与此项目标有关的市政府组成部门` names a unit and then a collective.
_AND_OTHERS_RELATED = re.compile(r"等(?=与此项)")
# `侯营、广平、沙镇、梁水镇、道口铺等5个镇政府（街道办事处）`: the count closes a list.
_COUNTED_LIST_TAIL = re.compile(r"^(?P<last>.+?)等(?P<count>\d+)个(?P<what>.+)$")


@dataclass(frozen=True)
class AssignmentBracket:
    start: int  # index in the item text where the bracket opens
    closed: bool
    parties: tuple[tuple[str, str], ...]  # (role, name as written), in order
    problems: tuple[str, ...]


def find_assignment_bracket(text: str) -> AssignmentBracket | None:
    """The last assignment bracket in `text`, split into (role, name) pairs."""
    starts = [m.start() for m in _BRACKET_START.finditer(text)]
    if not starts:
        return None
    start = starts[-1]
    # A full stop after the closer is a typo, not text of the task.
    body = text[start + 1:].rstrip().rstrip("。.")
    # Closed only when the closer balances the opener: a line that a page break ends
    # right after `各县〔市、区〕` has not closed the bracket yet.
    closed = bool(body) and body[-1] in CLOSERS and not _unclosed(text[start:])
    problems = []
    if closed:
        body = body[:-1].rstrip()
        # `开发区管委会] ]`: a closer typed twice; a closer that ends a name such as
        # `各镇政府（街道办事处）` is balanced by its opener and stays.
        while body and body[-1] in CLOSERS and _unbalanced(body):
            body = body[:-1].rstrip()
    else:
        problems.append("the assignment bracket is not closed")
    parties, role = [], None
    for segment in re.split(r"[；;]", body):
        if not segment.strip():
            continue
        match = _ROLE_SEGMENT.match(segment)
        if match:
            role, names = ROLE_BY_LABEL[match.group(1)], match.group(2)
        elif role is not None:
            # `责任单位：市科技局；各县〔市、区〕人民政府`: a `；` typed for `，`
            # continues the same list.
            names = segment
        else:
            problems.append(f"cannot read the assignment part {segment.strip()!r}")
            continue
        parties.extend((role, name) for name in split_names(names))
    return AssignmentBracket(start, closed, tuple(parties), tuple(problems))


def _unclosed(text: str) -> bool:
    return sum(text.count(c) for c in OPENERS) > sum(text.count(c) for c in CLOSERS)


def _unbalanced(text: str) -> bool:
    return sum(text.count(c) for c in CLOSERS) > sum(text.count(c) for c in OPENERS)


def split_top_level(text: str, separators: str) -> list[str]:
    """`text` split on `separators` that are not inside brackets or quotes."""
    parts, current, depth = [], [], []
    for ch in text:
        if ch in OPENERS:
            depth.append(ch)
        elif ch in _QUOTES:
            depth.append(ch)
        elif depth and (ch in CLOSERS or ch == _QUOTES.get(depth[-1])):
            depth.pop()
        elif ch in separators and not depth:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def split_names(text: str) -> list[str]:
    """The names in one role's list, as written (whitespace inside a name removed).

    A name cut by a page break (`区` + newline + `商务和投资促进局`) is joined
    because whitespace never separates two names: only `、`, `，` and `,` do.
    """
    names = []
    for part in split_top_level(text, "、，,"):
        part = re.sub(r"\s+", "", part)
        if not part:
            continue
        for piece in _AND_OTHERS_RELATED.split(part):
            counted = _COUNTED_LIST_TAIL.match(piece)
            names.append(counted.group("last") if counted else piece)
    return [name for name in names if name]
