"""Hostile input to the pure text stages: random Unicode, random bytes, enormous lines."""

from functools import cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planqa.assistant.followup import Context
from planqa.assistant.query import normalize_question, split_questions
from planqa.assistant.rules import Frame, understand
from planqa.errors import InputError, PlanStructureError, QuestionError
from planqa.index.chunk import chunk_plan
from planqa.index.glossary import Glossary
from planqa.ingest.clean import clean_text
from planqa.ingest.outline import parse_plan
from planqa.ingest.source import decode_plan_bytes

PLANISH = st.lists(
    st.one_of(
        st.sampled_from(["一、", "二、", "十二、", "1.", "2．", "3、", "（一）", "第", "项", "\n", "\n\n", "。", "，"]),
        st.text(max_size=12),
    ),
    max_size=60,
).map("".join)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@example("0\u0339 \u0334")  # a dropped space brings two combining marks together
@example('“"À0"¸÷\U000f0000\U000f0000')  # a stray quote dropped after “ leaves the next one to close it
@given(st.text(max_size=300) | PLANISH)
def test_clean_never_raises_and_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@FAST
@given(PLANISH | st.text(max_size=300))
def test_parse_either_parses_or_says_why(text):
    try:
        plan = parse_plan(clean_text(text), "fuzz")
    except PlanStructureError:
        return
    chunks = chunk_plan(plan)
    assert len({c.id for c in chunks}) == len(chunks)
    assert plan.to_json()["sections"]


@FAST
@given(st.binary(max_size=400))
def test_decoding_random_bytes_gives_text_or_a_clear_error(data):
    try:
        text, encoding = decode_plan_bytes(data, "fuzz")
    except InputError as err:
        assert str(err)
        return
    assert isinstance(text, str) and encoding


@FAST
@given(st.text(max_size=2500))
def test_questions_normalize_and_route_or_are_refused_clearly(question):
    try:
        q = normalize_question(question)
    except QuestionError as err:
        assert str(err)
        return
    assert q and "\n" not in q
    understand(q)


FOLLOWUPISH = st.lists(st.sampled_from(["第", "二", "十", "个", "项", "这部分", "最后一", "另外那", "后一个", "还有别的",
                                         "吗", "？", "the", "fourth", "one", "section", "three", "under", "剩下的"])
                       | st.text(max_size=4), max_size=12).map("".join)


@FAST
@given(FOLLOWUPISH)
def test_follow_ups_route_against_any_conversation(question):
    try:
        q = normalize_question(question)
    except QuestionError:
        return
    titles = [("一", "坚持全面从严治党"), ("二", "扎实推进科协系统深化改革")]
    for context in (None, Context("p", 5, "二", (5,)), Context("p", 5, "二", (5, 6), listed=(4, 5, 6), question="它什么时候完成？")):
        understand(q, Frame(context, tuple(titles), ("方案",), ("济南市", "济南")))


ENGLISHISH = st.lists(st.sampled_from(["think", "tanks", "academicians", "the", "-", "(科普)", "?", " "])
                      | st.text(max_size=8), max_size=20).map("".join)


@cache
def seed_glossary(text: str) -> Glossary:
    return Glossary(text)


@FAST
@given(st.text(max_size=300) | ENGLISHISH)
def test_dictionary_expansion_and_splitting_take_any_question(seed_clean, question):
    expansion = seed_glossary(seed_clean).expand(question, plan_words=set())
    assert all(0 < weight <= 1 for weight in expansion.terms.values())
    assert expansion.coverage is None or 0 <= expansion.coverage <= 1
    parts = split_questions(question)
    assert parts == [] or (2 <= len(parts) <= 4 and all(p[-1] in "？?" and p in question for p in parts))


def test_enormous_lines():
    line = "科(kē)技(jì)♦工作 " * 20_000  # ~200 k characters in one line
    cleaned = clean_text(line)
    assert cleaned.count("科技工作") == 20_000
    try:
        normalize_question(line)
    except QuestionError as err:
        assert "太长" in str(err)
