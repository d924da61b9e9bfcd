"""The text stage: encoding detection, line splitting, build/text output."""

from __future__ import annotations

import codecs
import hashlib
import json
import shutil

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from chengnuo.errors import ChengnuoError
from chengnuo.registry import load_registry
from chengnuo.text import stage
from chengnuo.text.decode import decode_bytes, looks_like_utf8, split_lines
from tests.conftest import MAIN, reregister

NAME = "reports/x.txt"
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
        codecs.BOM_UTF32_BE)
HINT = " (save the file as UTF-8 text)"


# --- round trips -------------------------------------------------------------------------

# Any character but surrogates and control characters (binary detection refuses those);
# TAB, VT, FF and NEL are allowed back in, and U+2028/U+2029 are included anyway, because
# they must stay inside their line.
LINE_CHARS = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\x0b\x0c\x85")
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


def gb18030_round_trips(char: str) -> bool:
    try:
        return char.encode("gb18030").decode("gb18030") == char
    except UnicodeError:
        return False


@st.composite
def texts_with_lines(draw, chars=LINE_CHARS):
    """(text, lines): lines joined by any mix of line ends, the last one optionally unended."""
    lines = draw(st.lists(st.text(chars, max_size=30), min_size=1, max_size=12))
    ends = draw(st.lists(LINE_ENDS, min_size=len(lines), max_size=len(lines)))
    # A final line end closes the last line, so an empty last line needs its own line end.
    if not draw(st.booleans()) and lines[-1]:
        ends[-1] = ""
    for i in range(len(lines) - 1):
        # "a" CR, "" LF is the same text as "a" CRLF: by the rule it is one line end.
        assume(not (ends[i] == "\r" and lines[i + 1] == "" and ends[i + 1] == "\n"))
    text = "".join(line + end for line, end in zip(lines, ends))
    assume(text)
    return text, lines


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-16", "utf-16"),  # Python writes a byte-order mark in the machine's order
    ("utf-16-be+bom", "utf-16"),
    ("utf-32", "utf-32"),
])
@given(case=texts_with_lines())
def test_any_text_round_trips_through_unicode_encodings(encoding, expected, case):
    text, lines = case
    if encoding == "utf-16-be+bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    if encoding == "utf-8":
        assume(not text.startswith("\ufeff"))  # U+FEFF first in a UTF-8 file *is* a BOM
    decoded = decode_bytes(data, NAME)
    assert decoded.encoding == expected
    assert decoded.lines == lines
    assert len(decoded.lines) == len(lines)


@settings(max_examples=300)
@given(case=texts_with_lines(LINE_CHARS.filter(gb18030_round_trips)))
def test_any_gb18030_text_round_trips(case):
    text, lines = case
    data = text.encode("gb18030")
    # Bytes that are also (damaged) UTF-8 or start like a BOM are read as such, by the rules.
    assume(not looks_like_utf8(data) and not data.startswith(BOMS))
    decoded = decode_bytes(data, NAME)
    assert decoded.encoding == "gb18030"
    assert decoded.lines == lines


@given(case=texts_with_lines())
def test_split_lines_then_join_with_lf_gives_the_same_lines(case):
    _, lines = case
    assert split_lines("\n".join(lines) + "\n") == lines


# --- detection rules ---------------------------------------------------------------------

@pytest.mark.parametrize("text, lines", [
    ("a\r\nb", ["a", "b"]),
    ("a\rb\nc", ["a", "b", "c"]),
    ("a\n", ["a"]),
    ("a\n\n", ["a", ""]),
    ("\n", [""]),
    ("a\r\r\nb", ["a", "", "b"]),
    ("a\n\rb", ["a", "", "b"]),
    ("a\u2028b\u2029c\x85d\x0be\x0cf", ["a\u2028b\u2029c\x85d\x0be\x0cf"]),
    ("\u3000\u3000 一、 \t", ["\u3000\u3000 一、 \t"]),  # no stripping
    ("(１）ｆｕｌｌ", ["(１）ｆｕｌｌ"]),  # no NFKC
])
def test_line_ends_are_crlf_cr_and_lf_only(text, lines):
    assert decode_bytes(text.encode("utf-8"), NAME).lines == lines


def test_gbk_file_is_read_as_gb18030():
    data = "聊城市人民政府\r\n关于印发2023年市政府工作报告\r\n".encode("gbk")
    assert decode_bytes(data, NAME) == decode_bytes(data, NAME)  # deterministic
    decoded = decode_bytes(data, NAME)
    assert (decoded.encoding, decoded.lines) == ("gb18030", ["聊城市人民政府", "关于印发2023年市政府工作报告"])


def test_bytes_valid_in_utf8_and_gb18030_are_utf8():
    data = "é".encode("utf-8")
    assert data.decode("gb18030")  # also GB18030, but UTF-8 wins
    assert decode_bytes(data, NAME).encoding == "utf-8"


@pytest.mark.parametrize("codec, expected", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_without_bom_is_found_by_its_nul_bytes(codec, expected):
    text = "1.地区生产总值增长5.5%以上。\n2.一般公共预算收入增长6%以上。\n"
    decoded = decode_bytes(text.encode(codec), NAME)
    assert (decoded.encoding, decoded.lines) == (expected, text.splitlines())


# --- refusals: one line each, naming the file and the line -------------------------------

GOOD = "聊城市人民政府\n2023年1月11日\n（此件公开发布）\n"


@pytest.mark.parametrize("data, message", [
    (b"", "reports/x.txt: the file is empty (restore the original file)"),
    (codecs.BOM_UTF8, "reports/x.txt: the file is empty (it holds only a byte-order mark) "
                      "(restore the original file)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
     "reports/x.txt:3: looks like a binary file, not text: it holds NUL bytes" + HINT),
    (b"ab\ncd\n\x01\x02\x03\x04\x05\x06",
     "reports/x.txt:3: looks like a binary file, not text: 6 of 12 characters are control "
     "characters" + HINT),
    (GOOD.encode("gbk") + b"\xff\xfe\n",
     "reports/x.txt:4: neither UTF-8 nor GB18030 text: undecodable byte 0xff (read as gb18030)" + HINT),
    (GOOD.encode("utf-8") + "第四行".encode("utf-8")[:-1] + b"\n",
     "reports/x.txt:4: not valid UTF-8 text, although it is UTF-8 up to here: undecodable byte "
     "0xe8 (read as utf-8)" + HINT),
    (codecs.BOM_UTF8 + b"ok\n\xff",
     "reports/x.txt:2: not valid UTF-8 text, although it starts with a UTF-8 byte-order mark: "
     "undecodable byte 0xff (read as utf-8)" + HINT),
    (codecs.BOM_UTF16_BE + "ab\ncd\n".encode("utf-16-be") + b"\xdc\x00",
     "reports/x.txt:3: not valid UTF-16 text, although it starts with a UTF-16 byte-order mark: "
     "undecodable byte 0xdc (read as utf-16-be)" + HINT),
], ids=["empty", "bom-only", "png", "controls", "gbk-bad-byte", "damaged-utf8", "bom-utf8-bad",
        "bom-utf16-lone-surrogate"])
def test_refusals_are_one_line_messages(data, message):
    with pytest.raises(ChengnuoError) as caught:
        decode_bytes(data, NAME)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_utf8_with_a_stray_nul_is_not_read_as_utf16_gibberish():
    data = GOOD.encode("utf-8") + "第四行\x00有一个空字节。\n".encode("utf-8")  # even length
    assert len(data) % 2 == 0
    assert str(pytest.raises(ChengnuoError, decode_bytes, data, NAME).value) == (
        "reports/x.txt:4: looks like a binary file, not text: it holds NUL bytes" + HINT)


def test_damaged_utf8_is_not_read_as_gb18030_gibberish():
    data = ("聊城市人民政府关于印发\n" * 3).encode("utf-8") + b"\x80\n"
    with pytest.raises(ChengnuoError, match=r"^reports/x.txt:4: not valid UTF-8 text"):
        decode_bytes(data, NAME)


# --- the real sources --------------------------------------------------------------------

@pytest.mark.parametrize("source_id, encoding, line_count, first, last", [
    ("liaocheng-2023-task-plan", "utf-8", 241, "聊城市人民政府", " "),
    ("dongchangfu-2024-task-plan", "utf-8", 400, "", "---"),
    ("liaocheng-2024-work-report", "utf-8", 314, "", "(市供销合作社)"),
    ("liaocheng-2023-work-report-newspaper", "utf-8", 188, "",
     "16. 基层卫生服务机构提档升级计划:持续开展基层医疗卫生服务能力提升和优质服务基层行活动,"
     "乡镇卫生院、社区卫生服务站达到国家基本标准、国家推荐标准,省提升标准的比例分别不低于95%、30%、60%。"),
    ("liaocheng-gazette-2022-02", "utf-8", 481, "",
     "21日，中国共产党聊城市第十四次代表大会胜利闭幕。孙爱军同志主持大会并(下转第21页)"),
])
def test_real_sources_decode_as_expected(source_id, encoding, line_count, first, last):
    source = load_registry(MAIN).source(source_id)
    decoded = decode_bytes((MAIN.reports_dir / source.path).read_bytes(), source.path)
    assert decoded.encoding == encoding == source.encoding
    assert len(decoded.lines) == line_count
    assert (decoded.lines[0], decoded.lines[-1]) == (first, last)


# --- the stage ---------------------------------------------------------------------------

def test_run_writes_text_and_metadata_for_every_source(project):
    messages = []
    report = stage.run(project, progress=messages.append)
    assert report.counts == {"sources": 5, "documents": 13, "lines": 1624}
    assert report.warnings == []
    assert messages[-1] == "[5/5] liaocheng-gazette-2022-02: utf-8, 481 lines"
    names = sorted(path.name for path in project.stage_dir("text").iterdir())
    assert names == sorted(f"{s}.{ext}" for s in (
        "liaocheng-2023-task-plan", "dongchangfu-2024-task-plan", "liaocheng-2024-work-report",
        "liaocheng-2023-work-report-newspaper", "liaocheng-gazette-2022-02") for ext in ("txt", "json"))
    original = (project.reports_dir / "liaocheng-gazette-2022-02.txt").read_bytes()
    assert json.loads((project.stage_dir("text") / "liaocheng-gazette-2022-02.json").read_text()) == {
        "source_id": "liaocheng-gazette-2022-02", "format": "txt", "encoding": "utf-8", "line_count": 481,
        "sha256": hashlib.sha256(original).hexdigest()}
    # The original has no final newline; the copy ends every line with LF, nothing else differs.
    built = (project.stage_dir("text") / "liaocheng-gazette-2022-02.txt").read_bytes()
    assert built == original + b"\n"
    assert [p.name for p in project.build_dir.iterdir()] == ["text"]  # no temporary folders left


def test_build_text_line_n_is_line_n_of_a_crlf_gb18030_original(project):
    original = "第一行\r\n\r\n第三行\u2028仍是第三行\r第四行".encode("gb18030")
    reregister(project, "liaocheng-2024-work-report.txt", original)
    registry = project.registry_path.read_text(encoding="utf-8")
    registry = registry.replace("encoding: utf-8\n    publisher_zh: 聊城市人民政府\n    publisher_en: "
                                "Liaocheng Municipal People's Government\n    # The file gives",
                                "encoding: gb18030\n    publisher_zh: 聊城市人民政府\n    publisher_en: "
                                "Liaocheng Municipal People's Government\n    # The file gives")
    registry = registry.replace("line_start: 3\n        line_end: 314", "line_start: 3\n        line_end: 4")
    project.registry_path.write_text(registry, encoding="utf-8")
    stage.run(project)
    built = (project.stage_dir("text") / "liaocheng-2024-work-report.txt").read_text(encoding="utf-8")
    assert built == "第一行\n\n第三行\u2028仍是第三行\n第四行\n"
    assert stage.source_lines(project, "liaocheng-2024-work-report") == [
        "第一行", "", "第三行\u2028仍是第三行", "第四行"]


def test_source_lines_reads_fresh_build_and_ignores_stale_build(project):
    stage.run(project)
    text_file = project.stage_dir("text") / "liaocheng-2024-work-report.txt"
    lines = stage.source_lines(project, "liaocheng-2024-work-report")
    assert lines[2] == "政府工作报告"
    # A marked copy with the right metadata is used as is: the build is read, not re-decoded.
    text_file.write_text(text_file.read_text(encoding="utf-8").replace("政府工作报告\n", "BUILT\n", 1),
                         encoding="utf-8")
    assert stage.source_lines(project, "liaocheng-2024-work-report")[2] == "BUILT"
    # Once the metadata no longer matches the registered file, the original is decoded again.
    meta_file = project.stage_dir("text") / "liaocheng-2024-work-report.json"
    meta = json.loads(meta_file.read_text())
    meta_file.write_text(json.dumps({**meta, "sha256": "0" * 64}))
    assert stage.source_lines(project, "liaocheng-2024-work-report") == lines
    shutil.rmtree(project.stage_dir("text"))
    assert stage.source_lines(project, "liaocheng-2024-work-report") == lines


def test_failed_write_keeps_the_previous_build_whole(project, monkeypatch):
    stage.run(project)
    before = {p.name: p.read_bytes() for p in project.stage_dir("text").iterdir()}

    def broken(self):
        raise OSError("disk full")

    monkeypatch.setattr(stage.SourceText, "text", broken)
    with pytest.raises(OSError):
        stage.run(project)
    assert {p.name: p.read_bytes() for p in project.stage_dir("text").iterdir()} == before
    assert [p.name for p in project.build_dir.iterdir()] == ["text"]


def test_stage_refuses_a_registered_binary_file_with_one_line(project):
    elf_header = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"
    reregister(project, "liaocheng-2024-work-report.txt", elf_header)
    with pytest.raises(ChengnuoError) as caught:
        stage.run(project)
    assert str(caught.value) == ("reports/liaocheng-2024-work-report.txt:1: looks like a binary "
                                 "file, not text: it holds NUL bytes" + HINT)
    assert not project.stage_dir("text").exists()


def test_stage_refuses_an_undecodable_file_naming_its_line(project):
    reregister(project, "liaocheng-2024-work-report.txt",
               (MAIN.reports_dir / "liaocheng-2024-work-report.txt").read_bytes().replace(
                   "各位代表：".encode(), b"\xff\xfe", 1))
    with pytest.raises(ChengnuoError) as caught:
        stage.run(project)
    assert str(caught.value) == (
        "reports/liaocheng-2024-work-report.txt:11: not valid UTF-8 text, although it is UTF-8 up "
        "to here: undecodable byte 0xff (read as utf-8)" + HINT)
