"""Parse a government work report (政府工作报告) into sections, paragraphs and commitments.

read:    the lines of one registered work report (a PDF extraction, a newspaper
         print or the pages of a gazette), with their original line numbers
produce: sections (parts 一、…, subsections （一）…, lead-in phrases, attachments),
         paragraphs with the lines and columns they came from, and the
         commitments of `report_lists` (expected targets, livelihood projects,
         policies, action plans)

A report is read line by line. Blank lines mean nothing in these extractions
(every paragraph and every page break leaves one), so a line continues the
open paragraph exactly when that paragraph has not ended its sentence
(`。！？；：`, or a closing quote after one) and the line does not start a
heading or a list item. Page furniture is dropped before that decision, so a
page number between the two halves of a sentence does not cut it.

Structure:
    一、2023年工作回顾                       part (level 1) and its kind
    （一）全力以赴稳定经济大盘。强化……        subsection (level 2): title up to the
                                             first 。, the rest is its first paragraph
    **千方百计促消费。**出台……                lead-in (level 3): bold anywhere at a
    在集群化布局上实现新跃升。实施……          sentence start, or a short first sentence
                                             of a paragraph; its paragraph follows
    附件1 / 2024年重点民生实事清单             attachment (level 1) titled by the next line

A paragraph keeps its lead-in phrase (without `**`): the phrase is part of what
the report says, and `source_text` then reads the same as `text_zh`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chengnuo.errors import BuildWarning
from chengnuo.records.report_lists import report_commitments
from chengnuo.records.report_text import (CONTINUED_FROM, CONTINUED_ON, clean_text,
                                          ends_sentence, ends_weakly, find_bold_lead_ins,
                                          is_page_furniture)
from chengnuo.records.task_plan import Commitment, LineReader, Section, section_kind
from chengnuo.zh.numerals import parse_numeral
from chengnuo.zh.text import ascii_figures

_PART = re.compile(r"^(?P<num>[一二三四五六七八九十]+)\s*、\s*(?P<title>[^。]{1,40})$")
_SUBSECTION = re.compile(r"^[（(]\s*(?P<num>[一二三四五六七八九十]+)\s*[）)]\s*(?P<title>.+)$")
_ATTACHMENT = re.compile(r"^附\s*件\s*(?:(?P<num>[0-9０-９]{1,2})\s*|[：:]\s*(?P<title>.*))$")
# An attachment's item numbered like a part: `一、提高低保…标准。`
_CHINESE_ITEM = re.compile(r"^(?P<num>[一二三四五六七八九十]+)\s*、")
# A part heading printed without a number: `2022年政府工作回顾`, `“十五五”时期主要目标任务`.
_UNNUMBERED_PART = re.compile(r"^(?:(?:19|20)\d\d\s*年|“[^”]{2,8}”)[^，,。；;：:！？!?]{2,28}$")
# A glossary printed after the report, with or without 附件: `名词解释`, `《政府工作报告》有关内容名词注释`.
_GLOSSARY = re.compile(r"^(?:《政府工作报告》[^，。]{0,8})?名词(?:解释|注释|说明)$")
_ITEM = re.compile(r"^(?P<num>[0-9０-９]{1,3})\s*[.．、](?![0-9０-９])\s*(?P<text>.*)$")
# 聊城市市长 张百顺: the speaker line of the opening.
_SPEAKER = re.compile(r"(市长|区长|县长|州长)\s*[\u4e00-\u9fff]{2,4}$")
# A paragraph that opens with a short sentence names its topic: `筑牢产业之基。扛牢……`.
_PLAIN_LEAD_IN = re.compile(r"^(?P<title>[^，、；：,;:。！？!?\s0-9——][^，、；：,;:。！？!?\s]{1,15})。(?P<rest>.+)$")
# How the speaker opens a paragraph of his own: `各位代表，…`, `——经济发展取得新成效。`
_PARAGRAPH_OPENERS = ("各位代表", "——")
_PUNCTUATION = set("，。、；：！？,.;:!?")

# The kind of a part, from words of its title. `other` is the opening and any part
# that neither reviews the past nor sets this year's work (今后五年工作的总体要求).
PART_KINDS = (
    ("回顾", "review"),
    ("过去", "review"),
    ("自身建设", "self_building"),
    ("目标任务", "plan"),
    ("工作安排", "plan"),
    ("重点工作", "plan"),
    ("主要任务", "plan"),
    ("主要目标", "plan"),
    ("主要工作", "plan"),
    ("成就", "review"),  # 一、“十一五”时期经济社会发展取得重大成就
    ("进展", "review"),  # 一、一年接着一年干，新福建建设持续取得新进展
)
# The order of parts in every report, for a print that starts mid-way.
PART_ORDER = ("other", "review", "plan", "self_building", "attachment")


def part_kind(title: str) -> str:
    for words, kind in PART_KINDS:
        if words in title:
            return kind
    return "other"


@dataclass
class Segment:
    """The piece of one source line that a paragraph is made of."""

    line: int
    start: int  # column of its first character in the original line
    end: int  # column just after its last character
    text: str  # the cleaned text it gives the paragraph


@dataclass
class Paragraph:
    paragraph_id: str
    section_id: str | None
    seq: int
    part: str
    segments: list[Segment] = field(default_factory=list)
    item_number: int | None = None  # the printed number of a list item in an attachment
    closed: bool = False  # a title line of the opening: nothing joins it
    awaits_body: bool = False  # `**建强产业链条。**` ends its line: the next line is its body
    chinese_item: bool = False  # an attachment item numbered 一、: its body is the lines below
    source_text: str = ""

    @property
    def text_zh(self) -> str:
        return "".join(s.text for s in self.segments)

    @property
    def line_start(self) -> int:
        return self.segments[0].line

    @property
    def line_end(self) -> int:
        return self.segments[-1].line

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """The first and last line holding characters start…end-1 of text_zh."""
        spanning, offset = [], 0
        for segment in self.segments:
            if offset < end and offset + len(segment.text) > start:
                spanning.append(segment.line)
            offset += len(segment.text)
        return (spanning[0], spanning[-1]) if spanning else (self.line_start, self.line_end)


@dataclass
class ParsedReport:
    document_id: str
    sections: list[Section]
    commitments: list[Commitment]
    paragraphs: list[Paragraph]
    warnings: list[BuildWarning]
    allocations: list = field(default_factory=list)


def opens_paragraph(text: str) -> bool:
    """True when `text` reads like the start of a paragraph, not the rest of a sentence."""
    return text.startswith(_PARAGRAPH_OPENERS) or bool(_PLAIN_LEAD_IN.match(text))


class _ReportReader(LineReader):
    repeat_hint = ""

    def __init__(self, document_id: str, path: str, lines: list[str], first_line: int):
        super().__init__(document_id, path, lines, first_line)
        self.paragraphs: list[Paragraph] = []
        self.part: Section | None = None
        self.part_name: str | None = None  # None: the opening, before the first part
        self.subsection: Section | None = None
        self.lead_in: Section | None = None
        self.lead_in_waiting = False  # a lead-in whose paragraph has not started yet
        self.paragraph: Paragraph | None = None
        self.attachment_untitled: Section | None = None
        # A print that starts with `(上接4版)` starts inside a part it does not name.
        self.starts_mid_way = False
        self.unnamed_part: list[Paragraph] = []
        self.under_unnumbered = False  # the last part heading without a number is still open

    # ---------------------------------------------------------------- reading

    def read(self) -> None:
        for offset, raw in enumerate(self.lines):
            number = self.first_line + offset
            line = raw.strip()
            if not line or is_page_furniture(line) or set(line) <= set("-*_="):
                continue
            self.read_line(number, line, raw.index(line))
        self.name_unnamed_part("other")
        for paragraph in self.paragraphs:
            paragraph.source_text = self.source_text(paragraph)

    def read_line(self, number: int, line: str, column: int) -> None:
        if match := CONTINUED_FROM.match(line):
            self.close_paragraph()
            line, column = line[match.end():], column + match.end()
            if self.part_name is None and self.only_titles_so_far():
                self.starts_mid_way = True
        ends_here = CONTINUED_ON.search(line)
        if ends_here:
            line = line[:ends_here.start()]
        bare = line.replace("**", "").strip()
        if not bare:
            pass
        elif self.part_name == "attachment" and (match := _CHINESE_ITEM.match(bare)) \
                and parse_numeral(match["num"]) and not self.attachment_untitled:
            # 附件1 2026年省十件民生实事 / 一、提高低保…: an attachment's items may be numbered 一、
            self.close_paragraph()
            self.start_paragraph(self.segment(number, line, column),
                                 item=parse_numeral(match["num"])).chinese_item = True
        elif (match := _PART.match(bare)) and parse_numeral(match["num"]):
            self.start_part(number, parse_numeral(match["num"]), match["num"], match["title"])
        elif _GLOSSARY.match(bare) and self.part_name != "attachment":
            self.start_attachment(number, None, clean_text(bare))
        elif (match := _SUBSECTION.match(bare)) and parse_numeral(match["num"]):
            self.start_subsection(number, match["num"], line, column)
        elif match := _ATTACHMENT.match(bare):
            self.start_attachment(number, match["num"], match["title"])
        elif self.attachment_untitled is not None and not _ITEM.match(bare):
            self.attachment_untitled.title_zh = clean_text(bare)
            self.attachment_untitled.kind = section_kind(self.attachment_untitled.title_zh)
            self.attachment_untitled = None
        elif self.part_name == "attachment" and (match := _ITEM.match(bare)):
            self.close_paragraph()
            self.start_paragraph(self.segment(number, line, column),
                                 item=int(ascii_figures(match["num"])))
        elif self.unnumbered_part(number, bare):
            pass
        else:
            self.read_text(number, line, column)
        if ends_here:
            self.close_paragraph()

    def unnumbered_part(self, number: int, bare: str) -> bool:
        """A line that is a part heading without its number; True when it started one."""
        if not (_UNNUMBERED_PART.match(bare) and part_kind(bare) != "other"
                and self.part_name != "attachment"):
            return False
        count = sum(1 for s in self.sections if s.level == 1 and s.label is None) + 1
        self.start_part(number, count, None, bare)
        return True

    def only_titles_so_far(self) -> bool:
        return all(p.part == "other" and p.closed for p in self.paragraphs)

    def segment(self, number: int, piece: str, column: int) -> Segment:
        """The segment of `piece`, found at `column` of line `number`, without its spaces."""
        start = column + len(piece) - len(piece.lstrip())
        return Segment(number, start, column + len(piece.rstrip()), clean_text(piece))

    def read_text(self, number: int, line: str, column: int, *, fresh: bool = False,
                  plain_lead_in: bool = True) -> None:
        lead_ins = find_bold_lead_ins(line)
        cuts = [0] + [lead_in.start for lead_in in lead_ins] + [len(line)]
        self.add_text(self.segment(number, line[:cuts[1]], column),
                      fresh=fresh, plain_lead_in=plain_lead_in)
        for lead_in, start, end in zip(lead_ins, cuts[1:], cuts[2:]):
            self.close_paragraph()
            self.start_lead_in(number, lead_in.title)
            self.add_text(self.segment(number, line[start:end], column + start),
                          fresh=True, plain_lead_in=False)
            if self.paragraph is not None and self.paragraph.text_zh.rstrip("。") == lead_in.title:
                self.paragraph.awaits_body = True

    def continues(self, text: str) -> bool:
        """True when `text`, the next piece of the report, goes on with the open paragraph."""
        paragraph = self.paragraph
        if paragraph is None or paragraph.closed:
            return False
        if paragraph.awaits_body:
            return True
        if paragraph.chinese_item:
            return True  # 一、提高低保…标准。 / 农村低保标准…: the item's figures follow its title
        before = paragraph.text_zh
        return not ends_sentence(before) or (ends_weakly(before) and not opens_paragraph(text))

    def add_text(self, segment: Segment, *, fresh: bool, plain_lead_in: bool) -> None:
        text = segment.text
        if not text:
            return
        opening = self.part_name is None and not self.starts_mid_way
        title_line = opening and (_SPEAKER.search(text) or text.startswith("——"))
        if not fresh and not title_line and self.continues(text):
            self.paragraph.segments.append(segment)
            self.paragraph.awaits_body = False
            return
        self.close_paragraph()
        if plain_lead_in and (self.part_name in ("review", "plan", "self_building")
                              or (self.part_name is None and self.starts_mid_way)):
            if (match := _PLAIN_LEAD_IN.match(text)) and not match["title"].startswith("—"):
                self.start_lead_in(segment.line, match["title"])
        paragraph = self.start_paragraph(segment)
        if opening and not text.startswith("——") and len(text) <= 30 \
                and not _PUNCTUATION & set(text):
            paragraph.closed = True  # 政府工作报告, 聊城市市长 张百顺: a title is whole

    def start_paragraph(self, segment: Segment, item: int | None = None) -> Paragraph:
        if self.lead_in_waiting:
            self.lead_in_waiting = False
        else:
            self.lead_in = None
        section = self.lead_in or self.subsection or self.part
        seq = len(self.paragraphs) + 1
        part = self.part_name or ("other" if not self.starts_mid_way else "")
        paragraph = Paragraph(f"{self.document_id}-p{seq}",
                              section.section_id if section else None, seq, part,
                              [segment], item_number=item)
        if not part:
            self.unnamed_part.append(paragraph)
        self.paragraphs.append(paragraph)
        self.paragraph = paragraph
        return paragraph

    def close_paragraph(self) -> None:
        self.paragraph = None

    def source_text(self, paragraph: Paragraph) -> str:
        """The original text from the paragraph's first character to its last, line breaks kept."""
        first, last = paragraph.segments[0], paragraph.segments[-1]
        lines = self.lines[first.line - self.first_line:last.line - self.first_line + 1]
        if len(lines) == 1:
            return lines[0][first.start:last.end]
        return "\n".join([lines[0][first.start:], *lines[1:-1], lines[-1][:last.end]])

    # ---------------------------------------------------------------- sections

    def add_section(self, wanted: str, parent: Section | None, level: int, label: str | None,
                    title: str, number: int, kind: str) -> Section:
        section = Section(self.unique_id(wanted, number, f"section {label or title}"),
                          parent.section_id if parent else None, level, label, title, number, kind)
        self.sections.append(section)
        return section

    def start_part(self, number: int, index: int, label: str | None, title: str) -> None:
        """Part `index` of the report, labelled as printed (一) or not at all (None).

        Under an unnumbered part (“十五五”时期主要目标和2026年重点工作), parts numbered 一、
        that name no kind of their own are its chapters and keep its kind.
        """
        self.close_paragraph()
        kind = part_kind(title)
        inherits = kind == "other" and label is not None and self.under_unnumbered
        if inherits:
            kind = self.part_name or kind
        else:
            self.under_unnumbered = label is None
        self.name_unnamed_part(_part_before(kind))
        self.part = self.add_section(f"{self.document_id}-{'s' if label else 'h'}{index}", None, 1,
                                     label, clean_text(title), number, kind)
        self.part_name = kind
        self.subsection = self.lead_in = self.attachment_untitled = None
        self.lead_in_waiting = False

    def start_subsection(self, number: int, numeral: str, line: str, column: int) -> None:
        """A `（一）` line: its title runs to the first 。, and any text after it is a paragraph."""
        self.close_paragraph()
        title, _, body = _after_label(line).partition("。")
        body_column = column + len(line) - len(body)
        if line[:len(line) - len(body)].count("**") % 2:  # `**（一）标题。**正文`
            body, body_column = body[2:], body_column + 2
        if self.part is None and not self.starts_mid_way:
            self.warn(number, f"subsection （{numeral}） comes before any part")
        prefix = self.part.section_id if self.part else f"{self.document_id}-s0"
        self.subsection = self.add_section(
            f"{prefix}-{parse_numeral(numeral)}", self.part, 2, f"（{numeral}）",
            clean_text(title), number, self.part.kind if self.part else "")
        self.lead_in, self.lead_in_waiting = None, False
        if body.strip():
            self.read_text(number, body, body_column, fresh=True, plain_lead_in=False)

    def start_lead_in(self, number: int, title: str) -> None:
        parent = self.subsection or self.part
        prefix = parent.section_id if parent else f"{self.document_id}-s0"
        count = sum(1 for s in self.sections if s.parent_id == (parent.section_id if parent else None)
                    and s.level == 3) + 1
        self.lead_in = self.add_section(f"{prefix}-l{count}", parent, 3, None, title, number,
                                        parent.kind if parent else "")
        self.lead_in_waiting = True

    def start_attachment(self, number: int, digits: str | None, title: str | None) -> None:
        self.close_paragraph()
        self.name_unnamed_part(_part_before("attachment"))
        value = int(ascii_figures(digits)) if digits else 1
        label = f"附件{value}" if digits else "附件"
        title = clean_text(title or "")
        self.part = self.add_section(f"{self.document_id}-a{value}", None, 1, label,
                                     title or label, number, section_kind(title))
        self.part_name = "attachment"
        self.subsection = self.lead_in = None
        self.lead_in_waiting = False
        self.attachment_untitled = None if title else self.part

    def name_unnamed_part(self, kind: str) -> None:
        for paragraph in self.unnamed_part:
            paragraph.part = kind
        self.unnamed_part = []


def _after_label(line: str) -> str:
    """A subsection line without its label `（一）` and any bold marks before it."""
    return re.sub(r"^[*\s]*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*", "", line)


def _part_before(kind: str) -> str:
    """The part a report prints just before a part of `kind`."""
    position = PART_ORDER.index(kind) if kind in PART_ORDER else 0
    return PART_ORDER[max(position - 1, 0)] if kind != "other" else "other"


def parse_work_report(document_id: str, path: str, lines: list[str],
                      first_line: int) -> ParsedReport:
    """Sections, paragraphs and commitments of the report held in `lines` (line `first_line` first)."""
    reader = _ReportReader(document_id, path, lines, first_line)
    reader.read()
    if not reader.paragraphs:
        reader.warn(first_line, "no paragraph found: is this a work report?")
    commitments = report_commitments(document_id, path, reader.sections, reader.paragraphs,
                                     reader.warnings)
    return ParsedReport(document_id, reader.sections, commitments, reader.paragraphs,
                        reader.warnings)
