"""chengnuo.zh.text: sentence cutting, the comparable form, figures in ASCII, bigrams."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from chengnuo.zh.text import (ascii_figures, bigrams, comparable, sentence_around, sentence_spans,
                              sentences)

# Chinese text as the reports print it: stops of both widths, quotes, brackets, spaces.
TEXT = st.lists(st.sampled_from(list("增长亿元聊城市胜筹“”‘’（）()《》，,；;：:。！？!? ") + ["**", "5.5", "\n"]),
                max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_sentences_joined_give_back_the_text(text, clauses):
    spans = sentence_spans(text, clauses=clauses)
    assert "".join(text[start:end] for start, end in spans) == text
    assert all(start < end for start, end in spans)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_the_sentence_around_a_stretch_holds_it(text, data):
    start = data.draw(st.integers(0, max(len(text) - 1, 0)))
    end = data.draw(st.integers(start, len(text)))
    first, last = sentence_around(text, start, end, clauses=True)
    spans = sentence_spans(text, clauses=True)
    assert first <= start and end <= last
    if text:
        assert first in {s for s, _ in spans} and last in {e for _, e in spans}


@pytest.mark.parametrize("text, clauses, expected", [
    ("新建公路500公里。改造小区175个！", False, ["新建公路500公里。", "改造小区175个！"]),
    # A stop inside quotes is part of a brand name, not the end of the sentence.
    ("做优“聊·胜一筹！”“聊城新三宝”品牌。", False, ["做优“聊·胜一筹！”“聊城新三宝”品牌。"]),
    # A run of stops ends one sentence; the closing quote after it belongs to it.
    ("他说：“好！？”再见", False, ["他说：“好！？”再见"]),
    ("真好！？”再见", False, ["真好！？”", "再见"]),
    # Quotes that never close: every stop counts.
    ("一是“加快。二是推进。", False, ["一是“加快。", "二是推进。"]),
    ("新增就业4.5万人；完成改造。", False, ["新增就业4.5万人；完成改造。"]),
    ("新增就业4.5万人；完成改造。", True, ["新增就业4.5万人；", "完成改造。"]),
    ("  。 ", False, ["  。", " "]),
])
def test_sentences(text, clauses, expected):
    assert [text[s:e] for s, e in sentence_spans(text, clauses=clauses)] == expected


def test_blank_sentences_are_left_out():
    assert sentences("增长5%。  ") == [(0, 5, "增长5%。")]


@given(st.text(max_size=30))
def test_comparable_is_idempotent(text):
    assert comparable(comparable(text)) == comparable(text)


@given(st.text(max_size=30))
def test_comparable_text_has_no_spaces_or_markup(text):
    assert not any(ch.isspace() or ch in "*\u200b\ufeff" for ch in comparable(text))


@pytest.mark.parametrize("text, expected", [
    ("区 商务和投资\n促进局", "区商务和投资促进局"),
    ("**PM₁₀** 浓度", "PM10浓度"),
    ("１２３ 项(含),同比!", "123项（含），同比！"),
    ("聊城\u200b市\ufeff", "聊城市"),
])
def test_comparable(text, expected):
    assert comparable(text) == expected


@given(st.text(max_size=30))
def test_ascii_figures_keep_offsets(text):
    assert len(ascii_figures(text)) == len(text)


@given(st.integers(min_value=0, max_value=10**9))
def test_ascii_figures_of_full_width_numbers(value):
    full_width = "".join(chr(0xFF10 + int(d)) for d in str(value))
    assert ascii_figures(full_width) == str(value)


def test_ascii_figures():
    assert ascii_figures("增长１２．５％，第３项") == "增长12.5%，第3项"


@given(st.text(min_size=1, max_size=30))
def test_a_text_of_n_characters_has_n_minus_one_bigrams(text):
    pairs = bigrams(text)
    assert len(pairs) == len(text) - 1
    assert all(len(pair) == 2 and pair in text for pair in pairs)
    assert text[0] + "".join(pair[1] for pair in pairs) == text


def test_bigrams():
    assert bigrams("农村公路") == ["农村", "村公", "公路"]
    assert bigrams("县") == bigrams("") == []
