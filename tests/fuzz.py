"""Hypothesis strategies that damage the real reports the way files get damaged.

Text mutations: cut the text off, splice in a piece of another report, delete
brackets, insert control and invisible characters, duplicate, drop or swap lines.
Line mutations (for the parsers, which read lines): delete, insert, cut off, swap or
blank at random places of a report's lines.  Byte mutations: save in another encoding with other line ends, then flip, insert
or cut bytes (an odd cut breaks UTF-16); or delete whole stretches of a registered
report before a build.  File formats: the damaged text as .txt,
.md, a saved .html page or a .docx; PDFs and .docx files are also damaged as bytes.

`CHENGNUO_FUZZ_EXAMPLES` sets how many examples each fuzz test runs: a few dozen
in the test suite, 10,000 and more with scripts/fuzz.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from chengnuo.project import Project
from tests import convert
from tests.conftest import ONE_LINE_ERROR, REPO, build, copy_project, package_bytes, reregister

REPORTS = {path.name: path.read_text(encoding="utf-8")
           for path in sorted((REPO / "reports").iterdir()) if path.suffix in (".txt", ".md")}
BRACKETS = "（）()〔〕[]【】［］"
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\u0085", "\u2028",
           "\u2029", "\ufeff", "\u200b", "\u200e", "\u202e", "\ufffd", "\r", "\t"]
CODECS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
LINE_ENDS = ["\n", "\r\n", "\r"]


def examples(default: int, cost: int = 1) -> int:
    """`default` in the test suite; with CHENGNUO_FUZZ_EXAMPLES, that budget over `cost`."""
    budget = os.environ.get("CHENGNUO_FUZZ_EXAMPLES")
    return max(1, int(budget) // cost) if budget else default


def fuzz_settings(default: int, cost: int = 1):
    return settings(max_examples=examples(default, cost), deadline=None,
                    suppress_health_check=list(HealthCheck))


def _apply(text: str, op: tuple) -> str:
    kind, at, size, extra = op
    i = at % (len(text) + 1)
    lines = text.split("\n")
    n = at % max(len(lines), 1)
    if kind == "cut":
        return text[:i]
    if kind == "splice":  # a piece of another report, as a bad copy-paste leaves it
        other = REPORTS[sorted(REPORTS)[extra % len(REPORTS)]]
        j = (at * 7919) % (len(other) + 1)
        return text[:i] + other[j:j + size * 20] + text[i:]
    if kind == "delete":
        return text[:i] + text[i + size * 10:]
    if kind == "debracket":  # every bracket in a stretch of the text gone
        stretch = text[i:i + size * 200]
        return text[:i] + "".join(ch for ch in stretch if ch not in BRACKETS) + text[i + size * 200:]
    if kind == "bracket":
        return text[:i] + BRACKETS[extra % len(BRACKETS)] + text[i:]
    if kind == "control":
        return text[:i] + CONTROL[extra % len(CONTROL)] * (1 + size % 3) + text[i:]
    if kind == "dupline":
        return "\n".join(lines[:n + 1] + lines[n:])
    if kind == "dropline":
        return "\n".join(lines[:n] + lines[n + 1:])
    if kind == "swapline":
        m = (n + size) % max(len(lines), 1)
        lines[n], lines[m] = lines[m], lines[n]
        return "\n".join(lines)
    raise AssertionError(kind)


TEXT_OPS = st.tuples(
    st.sampled_from(["cut", "splice", "delete", "debracket", "bracket", "control", "dupline",
                     "dropline", "swapline"]),
    st.integers(0, 10**7), st.integers(1, 12), st.integers(0, 1000))


@st.composite
def damaged_text(draw, names=tuple(REPORTS)) -> tuple[str, str]:
    """(report name, its text after a few damaging edits)."""
    name = draw(st.sampled_from(sorted(names)))
    text = REPORTS[name]
    for op in draw(st.lists(TEXT_OPS, min_size=1, max_size=5)):
        text = _apply(text, op)
    return name, text


def mutate_lines(lines: list[str], mutations, seed: int, *, width: int, split: bool
                 ) -> list[str]:
    """A copy of `lines` after each (op, at, piece): `delete` `width` characters, `insert`
    the piece (with `split`, a line break in it breaks the line), `cut` the text off
    mid-line, `swap` two lines, anything else inserts a blank line. `seed` picks where
    in the line and the other line of a swap."""
    lines = list(lines)
    rng = random.Random(seed)
    for op, at, piece in mutations:
        i = at % len(lines)
        line = lines[i]
        j = rng.randrange(len(line) + 1)
        if op == "delete":
            lines[i] = line[:j] + line[j + width:]
        elif op == "insert":
            inserted = line[:j] + piece + line[j:]
            lines[i:i + 1] = inserted.split("\n") if split else [inserted]
        elif op == "cut":
            lines = lines[:i + 1]
            lines[i] = line[:j]
        elif op == "swap":
            k = rng.randrange(len(lines))
            lines[i], lines[k] = lines[k], lines[i]
        else:
            lines.insert(i, "")
    return lines


BYTE_OPS = st.tuples(st.sampled_from(["flip", "insert", "cut", "drop"]), st.integers(0, 10**7),
                     st.binary(min_size=1, max_size=4))
# For whole builds: stretches of 40-160 bytes deleted, bytes inserted, the file cut off.
BUILD_BYTE_OPS = st.lists(st.tuples(st.sampled_from(["delete", "insert", "cut"]),
                                    st.integers(0, 10**9), st.binary(min_size=1, max_size=4)),
                          min_size=1, max_size=4)


def damage_bytes(data: bytes, ops) -> bytes:
    data = bytearray(data)
    for kind, at, chunk in ops:
        i = at % (len(data) + 1)
        if kind == "flip" and i < len(data):
            data[i] ^= chunk[0] or 0xFF
        elif kind == "insert":
            data[i:i] = chunk
        elif kind == "cut":
            del data[i:]
        elif kind == "drop":
            del data[i:i + len(chunk)]
        elif kind == "delete":
            del data[i:i + len(chunk) * 40]
    return bytes(data)


def check_build(root: Path) -> None:
    """Build the project in `root`, whose reports were damaged: never a traceback.

    Either the build goes through to its summary line, or it stops with exit 1 and
    one line naming the file, and the published package stays as it was.
    """
    before = package_bytes(root)
    result = build(root)
    assert "Traceback" not in result.output and "internal error" not in result.output
    if result.exit_code == 0:
        assert result.stdout.splitlines()[-1].startswith("summary: ")
    else:
        assert result.exit_code == 1
        assert ONE_LINE_ERROR.fullmatch(result.stderr.splitlines(True)[-1]), result.stderr
        assert package_bytes(root) == before


def build_fuzz(max_examples: int):
    """Decorates a whole-build fuzz test: `max_examples` runs of BUILD_BYTE_OPS, slow lane."""
    def decorate(test):
        return settings(max_examples=max_examples, deadline=None,
                        suppress_health_check=[HealthCheck.too_slow,
                                               HealthCheck.function_scoped_fixture])(
            pytest.mark.slow(given(BUILD_BYTE_OPS)(test)))
    return decorate


def check_damaged_build(tmp_path_factory, name: str, mutations) -> None:
    """check_build on a copy of the project whose report `name` has `mutations` in its bytes."""
    root = copy_project(tmp_path_factory.mktemp("fuzz"), with_package=True).root
    reregister(Project(root), name, damage_bytes((REPO / "reports" / name).read_bytes(), mutations))
    check_build(root)


@st.composite
def damaged_file(draw, names=tuple(REPORTS)) -> tuple[str, bytes]:
    """(file name with its format's ending, bytes): damaged text saved as a maintainer gets it."""
    name, text = draw(damaged_text(names))
    form = draw(st.sampled_from(["txt", "txt", "txt", "md", "html", "docx"]))
    if form == "html":
        data = convert.as_html(text) if text.strip() else b""
    elif form == "docx":
        data = convert.as_docx(_xml_safe(text))
    else:
        codec = draw(st.sampled_from(CODECS))
        end = draw(st.sampled_from(LINE_ENDS))
        data = end.join(text.split("\n")).encode(codec, errors="replace")
    data = damage_bytes(data, draw(st.lists(BYTE_OPS, max_size=3))) if form != "docx" else data
    return f"{name.rsplit('.', 1)[0]}.{form}", data


def _xml_safe(text: str) -> str:
    # Word cannot hold C0 control characters at all: python-docx refuses them, as Word would.
    return "".join(ch for ch in text if ch in "\t\n" or not (ord(ch) < 32 or ch == "\x7f"))
