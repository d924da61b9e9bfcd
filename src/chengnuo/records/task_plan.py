"""Parse a task-division plan (重点工作任务责任分工方案) into sections and commitments.

A plan is a list of numbered tasks under numbered sections:

    一、主要预期目标                      section
    （一）培大扶强先进制造业              subsection
    1.地区生产总值增长5.5%以上。（牵头领导：…；牵头单位：…；责任单位：…）
    (１）安全生产。（…）                  sub-item of the task above

The parser reads line by line and decides what each line is from its first
characters alone, after removing Markdown and Word marks; headings carry
random Markdown levels in PDF conversions, so the level comes from the label
(`一、` or `（一）`), never from `#`.  Any other line continues the open task:
page breaks cut tasks, and even unit names, anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chengnuo.errors import BuildWarning
from chengnuo.records.brackets import find_assignment_bracket, split_top_level
from chengnuo.records.textclean import clean_inline, strip_markup
from chengnuo.zh.numerals import parse_numeral
from chengnuo.zh.text import ascii_figures

_SECTION = re.compile(r"^(?P<num>[一二三四五六七八九十]+)\s*、\s*(?P<title>.+)$")
_SUBSECTION = re.compile(r"^[（(]\s*(?P<num>[一二三四五六七八九十]+)\s*[）)]\s*(?P<title>.+)$")
# `1.`, `100.` and `1．`, but not `3.5亿元` at the start of a continuation line.
_ITEM = re.compile(r"^(?P<num>[0-9０-９]{1,3})\s*[.．](?![0-9０-９])\s*(?P<text>.*)$")
_SUB_ITEM = re.compile(r"^[（(]\s*(?P<num>[0-9０-９]{1,2})\s*[）)]\s*(?P<text>.*)$")
# What follows the last task: the distribution list of the printed document.
_END_MATTER = re.compile(r"^(抄送|抄报|主送)[：:]")

# The commitment kind of every task in a section, decided by the section title.
KIND_BY_SECTION_TITLE = (
    ("主要预期目标", "expected_target"),
    ("民生事项", "livelihood_project"),
    ("民生实事", "livelihood_project"),
    ("拟制发", "policy"),
    ("主要政策", "policy"),
    ("行动计划", "action_plan"),
)


# The last words of a policy's title say what kind of document it will be.
POLICY_GENRES = ("意见", "方案", "措施", "办法", "预案", "规定", "计划", "细则", "通知",
                 "政策", "条例", "规划", "指引", "清单", "标准", "机制", "决定")


@dataclass
class Section:
    section_id: str
    parent_id: str | None
    level: int
    label: str
    title_zh: str
    line: int
    kind: str


@dataclass
class Commitment:
    commitment_id: str
    label: str
    parent_id: str | None
    kind: str
    section_id: str | None
    line_start: int
    line_end: int
    text_zh: str = ""
    source_text: str = ""
    seq: int = 0
    parties: list[tuple[str, str]] = field(default_factory=list)
    # The text as read, bracket included; kept until the task is complete.
    _raw: list[str] = field(default_factory=list, repr=False)


@dataclass
class ParsedPlan:
    document_id: str
    sections: list[Section]
    commitments: list[Commitment]
    warnings: list[BuildWarning]
    paragraphs: list = field(default_factory=list)  # a plan's items are its text
    allocations: list = field(default_factory=list)  # allocations.Cell of a table attachment


def first_free_id(taken: set[str], wanted: str) -> str:
    """`wanted`, or `wanted-r2`, `wanted-r3`… when it is taken; the id returned is taken too.

    Printed documents repeat a number now and then (the newspaper prints `7.` twice):
    the suffix keeps every id unique in its document while the label stays as printed.
    """
    found, n = wanted, 2
    while found in taken:
        found, n = f"{wanted}-r{n}", n + 1
    taken.add(found)
    return found


def section_kind(title: str) -> str:
    for words, kind in KIND_BY_SECTION_TITLE:
        if words in title:
            return kind
    return "task"


class LineReader:
    """What the plan and the work-report readers share: the lines, warnings and ids given."""

    # What a repeated number's warning asks of the maintainer (the report reader asks nothing).
    repeat_hint = " (check the numbering against the original)"

    def __init__(self, document_id: str, path: str, lines: list[str], first_line: int):
        self.document_id = document_id
        self.path = path
        self.lines = lines
        self.first_line = first_line
        self.sections: list[Section] = []
        self.warnings: list[BuildWarning] = []
        self.ids: set[str] = set()

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(BuildWarning(self.path, line, message))

    def unique_id(self, wanted: str, line: int, what: str) -> str:
        """`wanted`, or `wanted-r2`… with a warning when a repeated label has already taken it."""
        found = first_free_id(self.ids, wanted)
        if found != wanted:
            self.warn(line, f"{what} is numbered like an earlier one; its id is {found}"
                            + self.repeat_hint)
        return found


class _PlanReader(LineReader):
    def __init__(self, document_id: str, path: str, lines: list[str], first_line: int):
        super().__init__(document_id, path, lines, first_line)
        self.items: list[Commitment] = []
        self.section: Section | None = None
        self.subsection: Section | None = None
        self.task: Commitment | None = None  # the numbered task being read
        self.open: Commitment | None = None  # the task or sub-item that continues

    def read(self) -> None:
        for offset, raw in enumerate(self.lines):
            number = self.first_line + offset
            line = strip_markup(raw)
            if not line or set(line) <= set("-*_="):
                continue
            if _END_MATTER.match(line):
                break
            self.read_line(number, line)
        self.finish_open()

    def read_line(self, number: int, line: int) -> None:
        if match := _ITEM.match(line):
            self.start_task(number, int(ascii_figures(match["num"])), match["text"])
        elif (match := _SUB_ITEM.match(line)) and self.task is not None:
            self.start_sub_item(number, int(ascii_figures(match["num"])), match["text"])
        elif (match := _SECTION.match(line)) and parse_numeral(match["num"]):
            self.start_section(number, 1, match["num"], match["title"])
        elif (match := _SUBSECTION.match(line)) and parse_numeral(match["num"]):
            self.start_section(number, 2, match["num"], match["title"])
        elif self.open is not None and self.is_open(self.open):
            self.open._raw.append(line)
            self.open.line_end = number
        elif self.task is not None:
            self.warn(number, f"text after a complete task is not part of any task: {line[:30]!r} "
                              "(is its item number missing? compare with the original)")
        # Before the first task: the plan's title and preamble, which hold no commitment.

    @staticmethod
    def is_open(item: Commitment) -> bool:
        bracket = find_assignment_bracket("".join(item._raw))
        return bracket is None or not bracket.closed

    def start_section(self, number: int, level: int, numeral: str, title: str) -> None:
        self.finish_open()
        title = clean_inline(title)
        value = parse_numeral(numeral)
        if level == 1:
            parent = None
            wanted = f"{self.document_id}-s{value}"
            label = numeral
            kind = section_kind(title)
        else:
            parent = self.section
            if parent is None:
                self.warn(number, f"subsection （{numeral}） comes before any section "
                                  "(check the section headings against the original)")
            wanted = f"{parent.section_id if parent else self.document_id + '-s0'}-{value}"
            label = f"（{numeral}）"
            kind = parent.kind if parent else "task"
        section = Section(self.unique_id(wanted, number, f"section {label}"),
                          parent.section_id if parent else None, level, label, title, number, kind)
        self.sections.append(section)
        if level == 1:
            self.section, self.subsection = section, None
        else:
            self.subsection = section
        self.task = None

    def start_task(self, number: int, value: int, text: str) -> None:
        self.finish_open()
        tops = [c for c in self.items if c.parent_id is None]
        expected = int(tops[-1].label) + 1 if tops else 1
        if value > expected:
            missing = (f"number {expected} is" if value == expected + 1
                       else f"numbers {expected}–{value - 1} are")
            self.warn(number, f"task {value} follows task {expected - 1}: {missing} missing "
                              "(a page break or the extraction may have dropped it: compare with the original)")
        elif value < expected and not any(int(c.label) == value for c in tops):
            self.warn(number, f"task {value} is out of order: {expected} was expected (check the numbering against the original)")
        section = self.subsection or self.section
        if section is None:
            self.warn(number, f"task {value} comes before any section "
                              "(check the section headings against the original)")
        item = Commitment(
            commitment_id=self.unique_id(f"{self.document_id}-{value}", number, f"task {value}"),
            label=str(value), parent_id=None, kind=self.section.kind if self.section else "task",
            section_id=section.section_id if section else None,
            line_start=number, line_end=number, _raw=[text])
        self.items.append(item)
        self.task = self.open = item

    def start_sub_item(self, number: int, value: int, text: str) -> None:
        self.finish_open()
        parent = self.task
        siblings = [c for c in self.items if c.parent_id == parent.commitment_id]
        if value != len(siblings) + 1:
            self.warn(number, f"sub-item ({value}) of task {parent.label} where "
                              f"({len(siblings) + 1}) was expected"
                              " (check the numbering against the original)")
        label = f"{parent.label}({value})"
        item = Commitment(
            commitment_id=self.unique_id(f"{parent.commitment_id}-{value}", number, f"item {label}"),
            label=label, parent_id=parent.commitment_id, kind=parent.kind,
            section_id=parent.section_id, line_start=number, line_end=number, _raw=[text])
        self.items.append(item)
        self.open = item

    def finish_open(self) -> None:
        """Split the open item's text from its bracket, now that no line can continue it."""
        item, self.open = self.open, None
        if item is None:
            return
        text = "".join(item._raw)
        bracket = find_assignment_bracket(text)
        if bracket is not None:
            for problem in bracket.problems:
                self.warn(item.line_end, f"{item.label}: {problem} (a line may be cut off or missing: "
                                          "compare with the original)")
            item.parties = list(bracket.parties)
            text = text[:bracket.start]
        elif item.kind != "policy" and not self.is_parent_of_sub_items(item):
            self.warn(item.line_start, f"{item.label}: no assignment bracket (牵头领导/牵头单位): "
                      "copy it from the original, or check the document's kind")
        item.text_zh = clean_inline(text)
        item.source_text = "\n".join(
            self.lines[item.line_start - self.first_line:item.line_end - self.first_line + 1])
        if item.kind == "policy" and item.parent_id is None:
            self.add_policy_children(item)

    def is_parent_of_sub_items(self, item: Commitment) -> bool:
        # A parent's sub-items come later; its own line then ends without a bracket.
        following = self.lines[item.line_end - self.first_line + 1:]
        next_line = next((strip_markup(line) for line in following if strip_markup(line)), "")
        return bool(_SUB_ITEM.match(next_line))

    def add_policy_children(self, item: Commitment) -> None:
        """One child per policy when a policy item lists several (joined by `、`)."""
        titles: list[str] = []
        pending = ""
        for part in split_top_level(item.text_zh, "、"):
            pending += ("、" if pending else "") + clean_inline(part).rstrip("。；;")
            # `聊城化工产业园、茌平化工产业园扩区行动方案` is one plan for two parks:
            # a title is complete only when it names what kind of document it is.
            if pending.endswith(POLICY_GENRES):
                titles.append(pending)
                pending = ""
        if pending:
            titles.append(pending)
        if len(titles) < 2:
            return
        for position, title in enumerate(titles, start=1):
            self.items.append(Commitment(
                commitment_id=self.unique_id(f"{item.commitment_id}-{position}", item.line_start,
                                             f"policy {item.label}({position})"),
                label=f"{item.label}({position})", parent_id=item.commitment_id, kind=item.kind,
                section_id=item.section_id, line_start=item.line_start, line_end=item.line_end,
                text_zh=title, source_text=item.source_text))


def parse_task_plan(document_id: str, path: str, lines: list[str], first_line: int) -> ParsedPlan:
    """Sections and commitments of the plan held in `lines` (line `first_line` of `path` first)."""
    reader = _PlanReader(document_id, path, lines, first_line)
    reader.read()
    for seq, item in enumerate(reader.items, start=1):
        item.seq = seq
    if not reader.items:
        reader.warn(first_line, "no numbered task found: is this a task-division plan?")
    return ParsedPlan(document_id, reader.sections, reader.items, reader.warnings)
