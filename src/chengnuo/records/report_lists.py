"""The commitments a work report states as lists: expected targets and its attachments.

read:    the sections and paragraphs `work_report` found in one report
produce: commitments of kind
         expected_target     one per indicator of `主要预期目标是：A，B，C。`
         livelihood_project  one per item of 附件 重点民生实事/民生事项清单, or of the
                             `；`-separated list that follows `民生实事` in a report
                             printed without that attachment (2022)
         policy              one per item of 拟制发主要政策清单, its lead department
                             (the bracket that ends the item) as a `lead_unit` party
         action_plan         one per item of 重点行动计划清单
         statement           one per other sentence of the plan part that holds a
                             quantity (`report_statements`)

Item numbers are checked, not trusted: the newspaper prints `7.` twice and skips
`15.`; each gets a warning naming the line, and a repeated number a distinct id.
"""

from __future__ import annotations

import re
from typing import Protocol, Sequence

from chengnuo.errors import BuildWarning
from chengnuo.records.brackets import split_top_level
from chengnuo.records.report_statements import quantified_sentences
from chengnuo.records.task_plan import Commitment, Section, first_free_id
from chengnuo.zh.text import sentence_around

# `经济社会发展主要预期目标是：`, `今年全市经济社会发展主要预期目标是：`, and as other places
# print it: `主要目标是：`, `主要目标包括：`, `预期性指标：`.
_TARGETS_INTRO = re.compile(r"(?:预期目标|主要目标|预期性指标)(?:任务)?(?:是|为|包括|如下)?[：:]")
# The list may go on over several sentences (`…增长9%左右。全部财政收入增长13.5%…。`)
# until a sentence that speaks about the targets instead of stating one.
_ABOUT_THE_TARGETS = re.compile(r"^(?:上述|以上|这些|实现|完成|确定|提出|做好|各位代表)")
_FIGURE = re.compile(r"[0-9０-９]")
# A glossary (名词解释) after a report explains words: neither commitments nor a list to warn about.
_GLOSSARY = ("名词解释", "名词注释", "名词说明")
_ITEM_NUMBER = re.compile(r"^(?:[0-9０-９]{1,3}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*、)\s*")
# The department that drafts a policy, in the bracket that ends the item: `（市发展改革委）`.
_LEAD_UNIT = re.compile(r"[（(](?P<unit>[^（）()]+)[）)]$")
# What closes a list item or a whole list without being part of the item.
_ITEM_END = "；;。，,"
_LIST_END = re.compile(r"等?[。；;]*$")
# The intro to an inline livelihood list: `谋划实施一批民生实事`.
_LIVELIHOOD_INTRO = ("民生实事", "民生事项")

ID_WORD = {"expected_target": "target", "livelihood_project": "livelihood",
           "policy": "policy", "action_plan": "action-plan", "statement": "statement"}
LIST_KINDS = ("livelihood_project", "policy", "action_plan")
_HALF_WIDTH = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "？": "?", "！": "!"}


class ParagraphLike(Protocol):
    paragraph_id: str
    section_id: str | None
    part: str
    item_number: int | None
    source_text: str

    @property
    def text_zh(self) -> str: ...

    @property
    def line_start(self) -> int: ...

    @property
    def line_end(self) -> int: ...

    def lines_of(self, start: int, end: int) -> tuple[int, int]: ...


def split_indicators(text: str) -> list[tuple[int, int, str]]:
    """The clauses of a list of indicators, as (start, end, clause) in `text`.

    `地区生产总值增长5.5%以上，一般公共预算收入增长5.5%，…` → one clause per
    indicator; commas inside brackets or quotes do not split.
    """
    clauses, offset = [], 0
    for part in split_top_level(text, "，；,;"):
        stripped = part.strip().rstrip("。.")
        if stripped:
            start = offset + part.index(stripped)
            clauses.append((start, start + len(stripped), stripped))
        offset += len(part) + 1
    return clauses


def verbatim(source: str, clean: str) -> str | None:
    """The stretch of `source` (original lines) that cleans to `clean`, or None.

    Cleaning removes spaces, line breaks and `**` and writes half-width
    punctuation full-width, so each character may stand after any of those.
    """
    if not clean:
        return None
    gap = r"(?:\s|\*\*)*"
    pattern = gap.join(
        f"[{re.escape(ch)}{re.escape(_HALF_WIDTH[ch])}]" if ch in _HALF_WIDTH else re.escape(ch)
        for ch in clean if not ch.isspace())
    match = re.search(pattern, source)
    return match.group(0) if match else None


# `地区生产总值增长4.5%，在实际工作中努力争取更好结果`: a proviso of the target before it.
_PROVISO = re.compile(r"^在实际工作中")


def _with_provisos(clauses: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, stop, clause in clauses:
        if out and _PROVISO.match(clause):
            first, _, text = out[-1]
            out[-1] = (first, stop, text + "，" + clause)
        else:
            out.append((start, stop, clause))
    return out


def _first_sentence(text: str, start: int) -> str:
    end = text.find("。", start)
    return text[start:end if end >= 0 else len(text)]


class _ListReader:
    def __init__(self, document_id: str, path: str, sections: Sequence[Section],
                 paragraphs: Sequence[ParagraphLike], warnings: list[BuildWarning]):
        self.document_id = document_id
        self.path = path
        self.sections = {s.section_id: s for s in sections}
        self.paragraphs = paragraphs
        self.warnings = warnings
        self.items: list[Commitment] = []
        self.ids: set[str] = set()
        # Stretches of paragraph text (paragraph_id → [(start, end)]) that a commitment
        # already holds, so that no sentence also becomes a statement.
        self.claimed: dict[str, list[tuple[int, int]]] = {}

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(BuildWarning(self.path, line, message))

    def add(self, kind: str, label: int, section_id: str | None, text: str, source_text: str,
            lines: tuple[int, int], parties: list[tuple[str, str]] | None = None) -> Commitment:
        commitment_id = first_free_id(self.ids, f"{self.document_id}-{ID_WORD[kind]}-{label}")
        item = Commitment(commitment_id=commitment_id, label=str(label), parent_id=None, kind=kind,
                          section_id=section_id, line_start=lines[0], line_end=lines[1],
                          text_zh=text, source_text=source_text, parties=parties or [])
        self.items.append(item)
        return item

    def clause(self, paragraph: ParagraphLike, start: int, end: int, text: str
               ) -> tuple[str, tuple[int, int]]:
        """Verbatim text and lines of characters start…end of a paragraph's text."""
        return (verbatim(paragraph.source_text, text) or paragraph.source_text,
                paragraph.lines_of(start, end))

    # ------------------------------------------------------------ expected targets

    def expected_targets(self) -> None:
        found = [(paragraph, intro) for paragraph in self.paragraphs
                 if paragraph.part in ("plan", "other")
                 and (intro := _TARGETS_INTRO.search(paragraph.text_zh))]
        # A new term's report states the term's goals first (“十五五”时期…主要目标是：高质量
        # 发展取得显著成效…), then the year's: the year's list is the one of 预期目标, with figures.
        found.sort(key=lambda f: ("预期" not in f[1][0],
                                  not _FIGURE.search(_first_sentence(f[0].text_zh, f[1].end()))))
        for paragraph, intro in found[:1]:
            text = paragraph.text_zh
            end = text.find("。", intro.end())
            while end >= 0:  # the next sentence goes on with the list when it states a figure
                following = text.find("。", end + 1)
                sentence = text[end + 1:following if following >= 0 else len(text)]
                if not sentence or not _FIGURE.search(sentence) or _ABOUT_THE_TARGETS.match(sentence):
                    break
                end = following if following >= 0 else len(text)
            body = text[intro.end():end if end >= 0 else len(text)].replace("。", "；")
            sentence_start, _ = sentence_around(text, intro.start(), intro.end())
            self.claimed.setdefault(paragraph.paragraph_id, []).append(
                (sentence_start, end + 1 if end >= 0 else len(text)))
            for n, (start, stop, clause) in enumerate(_with_provisos(split_indicators(body)), start=1):
                source, lines = self.clause(paragraph, intro.end() + start, intro.end() + stop,
                                            clause)
                self.add("expected_target", n, paragraph.section_id, clause, source, lines)
            return

    # ------------------------------------------------------------ attachments

    def attachments(self) -> None:
        for section in self.sections.values():
            if section.level != 1 or not section.label or not section.label.startswith("附件"):
                continue
            items = [p for p in self.paragraphs
                     if p.section_id == section.section_id and p.item_number is not None]
            if section.kind not in LIST_KINDS:
                if items and not any(word in section.title_zh for word in _GLOSSARY):
                    self.warn(section.line, f"{section.label} {section.title_zh!r} is not a list "
                                            "of livelihood projects, policies or action plans")
                continue
            self.check_numbers(section, items)
            for paragraph in items:
                self.list_item(section, paragraph)

    def check_numbers(self, section: Section, items: Sequence[ParagraphLike]) -> None:
        expected = 1
        for paragraph in items:
            number = paragraph.item_number
            if number == expected - 1:
                self.warn(paragraph.line_start, f"{section.label}: item {number} is numbered "
                                                "like the item before it")
            elif number > expected:
                missing = (f"number {expected} is" if number == expected + 1
                           else f"numbers {expected}–{number - 1} are")
                self.warn(paragraph.line_start, f"{section.label}: item {number} follows item "
                                                f"{expected - 1}: {missing} missing")
            elif number < expected - 1:
                self.warn(paragraph.line_start, f"{section.label}: item {number} is out of "
                                                f"order: {expected} was expected")
            expected = max(expected, number + 1)

    def list_item(self, section: Section, paragraph: ParagraphLike) -> None:
        text = _ITEM_NUMBER.sub("", paragraph.text_zh).rstrip(_ITEM_END)
        parties = []
        if section.kind == "policy":
            if match := _LEAD_UNIT.search(text):
                parties = [("lead_unit", match["unit"].strip())]
                text = text[:match.start()].rstrip()
            else:
                self.warn(paragraph.line_end, f"{section.label}: policy {paragraph.item_number} "
                                              "names no lead department in brackets")
        if not text:
            self.warn(paragraph.line_start, f"{section.label}: item {paragraph.item_number} is empty")
            return
        self.add(section.kind, paragraph.item_number, section.section_id, text,
                 paragraph.source_text, (paragraph.line_start, paragraph.line_end), parties)

    # ------------------------------------------------------------ inline livelihood list

    def inline_livelihood(self) -> None:
        """`民生实事` followed by paragraphs of `；`-separated projects (the 2022 report)."""
        if any(s.kind == "livelihood_project" and s.level == 1 for s in self.sections.values()):
            return  # the report lists them in an attachment
        label, listing = 0, False
        for paragraph in self.paragraphs:
            text = paragraph.text_zh
            if listing and paragraph.part == "plan" and text.count("；") >= 2:
                body = _LIST_END.sub("", text)
                self.claimed.setdefault(paragraph.paragraph_id, []).append((0, len(text)))
                for start, stop, clause in _split_projects(body):
                    label += 1
                    source, lines = self.clause(paragraph, start, stop, clause)
                    self.add("livelihood_project", label, paragraph.section_id, clause,
                             source, lines)
                continue
            listing = paragraph.part == "plan" and any(w in text for w in _LIVELIHOOD_INTRO)


    # ------------------------------------------------------------ statements

    def statements(self) -> None:
        for n, (paragraph, start, end, sentence) in enumerate(
                quantified_sentences(self.paragraphs, self.claimed), start=1):
            source, lines = self.clause(paragraph, start, end, sentence)
            self.add("statement", n, paragraph.section_id, sentence, source, lines)


def _split_projects(text: str) -> list[tuple[int, int, str]]:
    projects, offset = [], 0
    for part in split_top_level(text, "；;"):
        stripped = part.strip()
        if stripped:
            start = offset + part.index(stripped)
            projects.append((start, start + len(stripped), stripped))
        offset += len(part) + 1
    return projects


def report_commitments(document_id: str, path: str, sections: Sequence[Section],
                       paragraphs: Sequence[ParagraphLike],
                       warnings: list[BuildWarning]) -> list[Commitment]:
    """The listed commitments of one report, in reading order, numbered by `seq`."""
    reader = _ListReader(document_id, path, sections, paragraphs, warnings)
    reader.expected_targets()
    reader.inline_livelihood()
    reader.attachments()
    reader.statements()
    items = sorted(reader.items, key=lambda c: c.line_start)  # stable: list order kept
    for seq, item in enumerate(items, start=1):
        item.seq = seq
    return items
