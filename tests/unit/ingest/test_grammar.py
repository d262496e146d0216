"""The examples written beside each row of grammar.toml are what that row matches."""

import re

import pytest

from planqa.ingest.grammar import grammar, numeral_value, raw_grammar

RAW = raw_grammar()


def _cases(rows, key="examples"):
    return [(r.get("name", i), ex) for i, r in enumerate(rows) for ex in r.get(key, [])]


@pytest.mark.parametrize("name, line", _cases(RAW["level"]))
def test_each_level_reads_its_examples(name, line):
    label = grammar().label(line)
    assert label is not None and label.level.name == name, line
    assert label.value >= 1 and label.rest


@pytest.mark.parametrize("name, line", _cases(RAW["level"], "not_examples"))
def test_no_level_reads_its_counter_examples(name, line):
    label = grammar().label(line)
    assert label is None or label.level.name != name, line


def test_labels_are_printed_without_spaces_and_with_ascii_digits():
    label = grammar().label("３ ．推进试点")
    assert (label.printed, label.value, label.rest) == ("3．", 3, "推进试点")
    assert grammar().label("（ 十二 ）深化改革").printed == "（十二）"
    assert [numeral_value(n) for n in ("⑤", "十二", "１２", "二十三")] == [5, 12, 12, 23]


@pytest.mark.parametrize("name, line", _cases(RAW["end"]))
def test_each_end_matter_row_matches_its_examples(name, line):
    rule = grammar().end_rule(line)
    assert rule is not None and rule.name == name


@pytest.mark.parametrize(
    "key, examples",
    [(k[: -len("_examples")], v) for k, v in RAW["front"].items() if k.endswith("_examples")]
    + [(k[: -len("_examples")], v) for k, v in RAW["dates"].items() if k.endswith("_examples")]
    + [("skip", RAW["skip"]["examples"]), ("contents", RAW["skip"]["contents_examples"])],
)
def test_front_matter_and_date_rows_match_their_examples(key, examples):
    pattern = getattr(grammar(), key.removesuffix("_not"))
    for line in examples:
        hit = pattern.search(line) if key != "skip" else pattern.match(line)
        assert bool(hit) != key.endswith("_not"), line


@pytest.mark.parametrize(
    "key, examples",
    [(k[: -len("_not_examples")], v) for k, v in RAW["front"].items() if k.endswith("_not_examples")]
    + [("skip", RAW["skip"]["not_examples"]), ("contents", RAW["skip"]["contents_not_examples"])],
)
def test_front_matter_rows_reject_their_counter_examples(key, examples):
    pattern = getattr(grammar(), key)
    for line in examples:
        assert not pattern.match(line), line


@pytest.mark.parametrize("pattern, case", [(r["pattern"], ex) for r in RAW["lead"] for ex in r["examples"]])
def test_each_lead_note_row_finds_its_units(pattern, case):
    from planqa.ingest.outline import _leads

    text, units = case
    assert re.search(pattern, text)
    assert list(_leads(text, grammar())) == units


@pytest.mark.parametrize("title, genre", RAW["genre"]["examples"])
def test_a_plan_is_called_by_the_noun_its_title_ends_with(title, genre):
    from planqa.ingest.grammar import genre_of

    assert genre_of(title) == genre


@pytest.mark.parametrize("line", RAW["items"]["examples"])
def test_the_item_opening_reads_its_examples(line):
    assert re.match(RAW["items"]["pattern"], line)


@pytest.mark.parametrize("line", RAW["items"]["not_examples"])
def test_the_item_opening_rejects_its_counter_examples(line):
    assert not re.match(RAW["items"]["pattern"], line)


@pytest.mark.parametrize("row", RAW["repair"], ids=lambda r: r["name"])
def test_each_repair_row_restores_its_examples_and_leaves_its_counter_examples(row):
    for damaged, printed in row["examples"]:
        assert grammar().repaired(damaged) == printed
        assert grammar().label(printed) is not None  # what the repair gives is a heading
    for line in row["not_examples"]:
        assert grammar().repaired(line) == line
