"""Tell from a file's text what it holds: which documents, of what kind, whose, which year.

Everything is read from the words the government prints, by fixed rules:

- a covering notice (关于印发…的通知) before a plan is a document of its own, from
  the first line to the last line before the plan's title;
- a crawler's header and a web page's frame are not the report (`report_head`);
- the kind comes from the title: 分工方案, 任务分工, 责任分解方案, 任务分解表 … →
  task_plan, 政府工作报告 → work_report; without such a title, from the shape
  (assignment brackets 牵头… → task_plan, "各位代表" → work_report);
- the jurisdiction is the most specific one named in the titles or the letterhead
  (东昌府区 beats 聊城市), else in the opening lines (the subtitle `在保定市第十五届
  人民代表大会…`, the speaker, the signature), else in the crawler's header: first
  among the project's own places (which hold the zones and towns the national
  standard lacks), then in the national gazetteer, which uses the parent where
  a name is ambiguous (长春市朝阳区);
- the year of a plan is the first `YYYY年` of its title, else of the first lines;
  a work report's year is read as `report_head.report_year` says;
- a document ends before the distribution list (抄送, 抄报) and the rules of the
  printed 版记 that follow its last item.

Nothing here is a guess by statistics, so the same file always gives the same
answer; whatever cannot be told is left None for the caller to ask for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from chengnuo import gazetteer
from chengnuo.ingest import report_head
from chengnuo.records.textclean import clean_inline, strip_markup
from chengnuo.reference import Jurisdiction, load_jurisdictions

HEAD_LINES = 30  # where titles, letterheads and dates are looked for
_PLAN_TITLE = ("分工方案", "任务分工", "责任分工", "责任分解方案", "任务分解表", "分工的意见",
               "主要目标任务责任分解")
_NOTICE_TITLE = re.compile(r"关于.*印发|印发.*的?通知")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,8}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
_ITEM = re.compile(r"^[0-9０-９]{1,3}\s*[.．、]")
_END_MATTER = re.compile(r"^(抄送|抄报|主送)[：:]|^[-—_=*]{3,}$")
_BRACKET = re.compile(r"[（(〔\[]\s*牵头(领导|单位)")
# A government named in a title: `临沂市人民政府`, `2023年临沂市政府…`; a name starts after a
# non-Chinese character or after 年, and never with 年, 月 or 日 themselves.
_GOVERNMENT = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=年))(?![年月日])"
                         r"([\u4e00-\u9fff]{1,10}?(?:省|市|区|县|旗|盟|州))(?:人民政府|政府)")


@dataclass
class DetectedDocument:
    kind: str | None
    title_zh: str
    line_start: int
    line_end: int
    year: int | None = None
    jurisdiction_id: str | None = None
    doc_number: str | None = None
    issued_date: date | None = None


@dataclass
class Detection:
    documents: list[DetectedDocument]
    publisher_zh: str | None
    unknown_places: list[str] = field(default_factory=list)  # governments named but not listed
    # Names of several places and no other name to tell which (a bare 朝阳区).
    ambiguous: list[gazetteer.Mention] = field(default_factory=list)
    # (line, message) about the file as collected: a digest, a report printed twice.
    notes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def main(self) -> DetectedDocument:
        """The document the file is about: the plan or report, not its covering notice."""
        return next((d for d in self.documents if d.kind != "notice"), self.documents[-1])


def _clean(line: str) -> str:
    return clean_inline(strip_markup(line))


def _nonblank(lines: list[str], start: int = 0, stop: int | None = None) -> list[int]:
    """0-based indexes of the non-blank lines in lines[start:stop]."""
    stop = len(lines) if stop is None else min(stop, len(lines))
    return [i for i in range(start, stop) if _clean(lines[i])]


def _join_title(lines: list[str], first: int, wants) -> tuple[str, int]:
    """The title starting at `first`, joined with the next lines while `wants(title, next)`."""
    title, last = _clean(lines[first]), first
    for i in _nonblank(lines, first + 1, min(len(lines), first + 6)):
        line = _clean(lines[i])
        if _ITEM.match(line) or len(line) > 40 or not wants(title, line):
            break
        title, last = title + line, i
    return title, last


def _title_wants(kind: str | None):
    if kind == "notice":
        return lambda title, line: not title.endswith("通知")
    if kind == "task_plan":
        return lambda title, line: not title.endswith("方案")
    if kind == "work_report":  # 政府工作报告 / ——2024年1月12日在… / …会议上
        return lambda title, line: (title.endswith("工作报告") and line.startswith("——")) or (
            "——" in title and not title.endswith("上"))
    return lambda title, line: False


def _plan_title(lines: list[str], start: int) -> int | None:
    for i in _nonblank(lines, start, min(len(lines), start + HEAD_LINES + 20)):
        line = _clean(lines[i])
        following = "".join(_clean(lines[j]) for j in _nonblank(lines, i + 1, i + 3)[:1])
        joined = line + following
        if ("印发" in line or "《" in line or len(line) > 60 or "通知" in line
                or _ITEM.match(line) or line.startswith(("一、", "（一）"))):
            continue
        if any(word in line for word in _PLAN_TITLE) or (
                any(word in joined for word in _PLAN_TITLE) and "工作报告" in line):
            return i
    return None


def _end(lines: list[str], start: int) -> int:
    """0-based index of the last line of the document starting at `start`."""
    last_item = max((i for i in range(start, len(lines)) if _ITEM.match(_clean(lines[i]))),
                    default=start)
    stop = len(lines)
    for i in range(last_item + 1, len(lines)):
        if _END_MATTER.match(strip_markup(lines[i])):
            stop = i
            break
    body = _nonblank(lines, start, stop)
    return body[-1] if body else start


def _kind_of(title: str, text: list[str]) -> str | None:
    if any(word in title for word in _PLAN_TITLE):
        return "task_plan"
    if "工作报告" in title:
        return "work_report"
    if sum(bool(_BRACKET.search(line)) for line in text) >= 3:
        return "task_plan"
    if any("各位代表" in line for line in text[:200]):
        return "work_report"
    return None


def _issued(lines: list[str]) -> date | None:
    for line in lines:
        match = _DATE.search(line)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def _signature(lines: list[str], start: int, stop: int) -> tuple[str | None, date | None]:
    """The signing government and date at the end of a notice (两行: 某某人民政府 / 日期)."""
    body = _nonblank(lines, start, stop)
    for position, i in enumerate(body):
        if _DATE_LINE.match(_clean(lines[i])):
            before = _clean(lines[body[position - 1]]) if position else ""
            publisher = before if before.endswith(("人民政府", "办公室", "政府")) else None
            return publisher, _issued([lines[i]])
    return None, None


class Places:
    """The jurisdictions this project knows, and how to find them in a title."""

    def __init__(self, jurisdictions: tuple[Jurisdiction, ...] | None = None):
        self.all = jurisdictions or load_jurisdictions()
        self.by_id = {j.jurisdiction_id: j for j in self.all}

    def depth(self, jurisdiction: Jurisdiction) -> int:
        depth = 0
        while jurisdiction.parent_id:
            jurisdiction, depth = self.by_id[jurisdiction.parent_id], depth + 1
        return depth

    def named_in(self, text: str) -> Jurisdiction | None:
        found = [j for j in self.all if j.name_zh in text]
        return max(found, key=lambda j: (self.depth(j), -text.index(j.name_zh)), default=None)

    def most_named(self, text: str) -> Jurisdiction | None:
        """For text without a title naming one: the place named most often, the wider first."""
        counts = {j: text.count(j.name_zh) for j in self.all}
        return max((j for j in counts if counts[j]), default=None,
                   key=lambda j: (counts[j], -self.depth(j)))

    def unknown_in(self, text: str) -> list[str]:
        known = {j.name_zh for j in self.all}
        names = []
        for match in _GOVERNMENT.finditer(text):
            name = match[1]
            # `聊城市东昌府区人民政府` names 东昌府区: compare the end of the name.
            if not any(name.endswith(k) or k.endswith(name) for k in known) and name not in names:
                names.append(name)
        return names


def _gazetteer_place(texts: list[str]) -> tuple[gazetteer.Place | None, list[gazetteer.Mention]]:
    """The most specific place named without ambiguity in the first of `texts` that names one.

    Each text is a tier (the titles, then the opening lines, then the crawler's
    header); a lower tier is read only when the ones above name no place. A name
    of several places that nothing else in its tier tells apart is returned as
    ambiguous when no tier names a place for sure.
    """
    places = gazetteer.load()
    ambiguous: list[gazetteer.Mention] = []
    for text in texts:
        mentions = places.named_in(text)
        sure = [m.places[0] for m in mentions if len(m.places) == 1]
        if sure:
            rank = {"province": 0, "city": 1, "prefecture": 1}
            return max(sure, key=lambda p: rank.get(p.level, 2)), []
        ambiguous += [m for m in mentions if len(m.places) > 1]
    return None, ambiguous


def detect(lines: list[str], places: Places | None = None) -> Detection:
    """The documents in `lines` and what their words say about them."""
    places = places or Places()
    header, body_start = report_head.crawler_header(lines)
    body = [i for i in _nonblank(lines, body_start)
            if not report_head.is_furniture(_clean(lines[i]))]
    first = body[0] if body else body_start
    head = [_clean(lines[i]) for i in body[:HEAD_LINES]]
    documents: list[DetectedDocument] = []
    notes: list[tuple[int, str]] = []
    notice_title = None
    start = first
    window = "".join(head[:6])
    if _NOTICE_TITLE.search(window) and "通知" in window:
        plan = _plan_title(lines, first + 1)
        if plan is not None:
            at = next(i for i in _nonblank(lines, first) if "关于" in _clean(lines[i])
                      or _NOTICE_TITLE.search(_clean(lines[i])))
            before = _nonblank(lines, first, at)
            if before and _clean(lines[before[-1]]).endswith("人民政府"):
                at = before[-1]  # the sender's name on the line above 关于…
            notice_title, _ = _join_title(lines, at, _title_wants("notice"))
            notice_end = _nonblank(lines, first, plan)[-1]
            publisher, signed = _signature(lines, first, plan)
            documents.append(DetectedDocument("notice", notice_title, first + 1, notice_end + 1,
                                              issued_date=signed))
            start = plan
    title = _clean(lines[start]) if lines else ""
    report = None
    if not documents and not any(w in title for w in _PLAN_TITLE):
        report = report_head.report_title(lines, first)
    if report is not None:
        start, title = report
        guess = "work_report"
    else:
        guess = "task_plan" if documents or any(w in title for w in _PLAN_TITLE) else (
            "work_report" if "工作报告" in title else None)
        title, _ = _join_title(lines, start, _title_wants(guess)) if lines else ("", 0)
        if guess is None and "工作报告" in header.get("标题", ""):
            # No title in the text itself (it opens with 各位代表): the crawler's, without its key.
            title, guess = header["标题"], "work_report"
            notes.append((start + 1, "the text has no title of its own: the title is the "
                                     "collector's (标题：)"))
    text = [_clean(line) for line in lines[start:]]
    end = _end(lines, start)
    kind = _kind_of(title, text)
    if kind == "work_report":
        again = report_head.repeated_from(lines, start)
        if again is not None:
            end = _nonblank(lines, start, again)[-1]
            notes.append((again + 1, f"the report is printed twice: the copy from line {again + 1} "
                                     "is not read"))
        cut = report_head.ends_mid_sentence(lines, start, end)
        if cut is not None:
            notes.append((cut + 1, "the text stops mid-sentence: the file holds only part of the "
                                   "report, and what it leaves out is not known to be unreported"))
    main = DetectedDocument(kind, title, start + 1, end + 1)
    documents.append(main)

    publisher = None
    if documents[0].kind == "notice":
        publisher, _ = _signature(lines, first, start)
    opening = report_head.opening(lines, start + 1) if kind == "work_report" else head[:3]
    named_text = " ".join(filter(None, [notice_title, title, publisher, *head[:3]]))
    jurisdiction: Jurisdiction | gazetteer.Place | None = places.named_in(named_text)
    ambiguous: list[gazetteer.Mention] = []
    if jurisdiction is None:
        jurisdiction, ambiguous = _gazetteer_place(
            [" ".join(filter(None, [notice_title, title, publisher])), " ".join(opening[:8]),
             " ".join(header.get(key, "") for key in ("标题", "发文单位", "报告人"))])
    if jurisdiction is None and not ambiguous and not places.unknown_in(named_text):
        # Only when the title names no government at all: an unknown county's plan that
        # mentions the city in its text must not be filed under the city.
        jurisdiction = places.most_named("\n".join(lines))
    if kind == "work_report":
        year = report_head.report_year(lines, start, title)
        if year is None and (match := _YEAR.search(header.get("标题", ""))):
            year = int(match[1])
        if report_head.is_digest(title, opening):
            notes.append((start + 1, "the text is a digest (摘登) of the report, not its full text: "
                                     "what it leaves out is not known to be unreported"))
    else:
        year_match = _YEAR.search(title) or _YEAR.search(notice_title or "") or _YEAR.search(" ".join(head))
        year = int(year_match[1]) if year_match else None
    doc_number = _DOC_NUMBER.search(" ".join(head))
    issued = documents[0].issued_date or (_issued([title]) if main.kind == "work_report" else None)
    for document in documents:
        document.year = year
        document.jurisdiction_id = jurisdiction.jurisdiction_id if jurisdiction else None
        document.doc_number = doc_number[0].replace(" ", "") if doc_number else None
        document.issued_date = issued
    if publisher is None and jurisdiction is not None:
        government = jurisdiction.name_zh + "人民政府"
        publisher = government if any(government in line for line in head) else None
    return Detection(documents, publisher, places.unknown_in(named_text), ambiguous, notes)
