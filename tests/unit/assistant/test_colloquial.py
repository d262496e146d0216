import tomllib
from importlib.resources import files

import pytest

from planqa.assistant.abbreviations import terms
from planqa.assistant.colloquial import pairs, said_spans
from planqa.assistant.evidence import spelled_out
from planqa.index.lexical import word_edges

def said_words(question):
    return [(question[start:end], printed) for start, end, printed in said_spans(question, word_edges(question))]


ROWS = tomllib.loads(files("planqa.assistant").joinpath("colloquial.toml").read_text("utf-8"))["pair"]


def test_the_table_is_words_with_their_corpus_counts():
    said = [w for row in ROWS for w in row["said"]]
    printed = {w for row in ROWS for w in row["printed"]}
    assert len(said) == len(set(said)) and not set(said) & printed
    abbreviated = {w for t in terms() for w in (*t.short, *t.full)}
    assert not set(said) & abbreviated  # abbreviations.toml spells those
    for row in ROWS:
        assert all(2 <= len(w) <= 6 for w in (*row["said"], *row["printed"])), row
        assert len(row["count"]) == len(row["printed"]) and min(row["count"]) >= 2, row  # printed by 2+ plans


@pytest.mark.parametrize("row", ROWS, ids=[r["said"][0] for r in ROWS])
def test_every_example_is_spelled_as_plans_print_it(row):
    example = row["example"]
    found = dict(said_words(example))
    word = next(w for w in row["said"] if w in example)
    assert found.get(word) == tuple(row["printed"])
    assert row["printed"][0] in spelled_out(example, "，".join(row["printed"]))


def test_a_verb_and_its_object_are_read_split_as_well():
    assert said_words("准备先摸个底再定方案") == [("摸个底", ("调查", "调研", "摸清"))]
    assert said_words("先摸一下底再说") == [("摸一下底", ("调查", "调研", "摸清"))]
    assert spelled_out("准备先摸个底再定方案", "调查") == "准备先调查再定方案"


def test_a_word_inside_another_word_is_not_read():
    assert said_words("大学生科技节什么时候办") == []
    assert spelled_out("大学能不能参与", "高校") == "高校能不能参与"
    assert spelled_out("大学能不能参与", "高校，大学") == "大学能不能参与"  # the plan prints it: kept
    assert len(pairs()) == len(ROWS)


def test_words_are_spelled_where_the_question_says_them():
    assert spelled_out("大学生和大学能参与吗", "高校") == "大学生和高校能参与吗"  # the whole word, not the first
    assert spelled_out("摸底调查什么时候开始", "调查") == "摸底调查什么时候开始"  # its plan form is there
    assert spelled_out("哪些事能网上办事", "网上办理") == "哪些事能网上办理"  # the longer word wins
