import pytest

from planqa.eval.metrics import (
    mean,
    percentile,
    precision,
    recall_at,
    reciprocal_rank,
    refusal_precision,
    refusal_recall,
    top1,
)


def test_top1():
    assert top1([9, 14], [9, 14]) == 1.0
    assert top1([9, 14], [14, 9]) == 0.0
    assert top1([9, 14], [14, 9], any_of=True) == 1.0
    assert top1([9], []) == 0.0 and top1([], [9]) == 0.0


def test_recall_and_reciprocal_rank():
    assert recall_at([9, 14], [1, 9, 2, 14], 3) == 0.5
    assert recall_at([9, 14], [14, 9], 3) == 1.0
    assert reciprocal_rank([14], [1, 2, 14]) == pytest.approx(1 / 3)
    assert reciprocal_rank([14], [1, 2]) == 0.0


def test_refusal_precision_and_recall():
    pairs = [(True, True), (True, False), (False, True), (False, False), (True, True)]
    assert refusal_precision(pairs) == pytest.approx(2 / 3)
    assert refusal_recall(pairs) == pytest.approx(2 / 3)
    assert refusal_precision([(True, False)]) is None
    assert refusal_recall([(False, True)]) is None


def test_mean_and_percentile():
    assert mean([]) == 0.0 and mean([1, 2, 3]) == 2.0
    values = list(range(1, 101))
    assert percentile(values, 95) == 95 and percentile(values, 50) == 50
    assert percentile([7], 95) == 7 and percentile([], 95) == 0.0


def test_precision_of_a_list():
    assert precision([9, 14], [9, 14]) == 1.0
    assert precision([9, 14], [9, 3, 3, 4]) == pytest.approx(1 / 3)  # repeats count once
    assert precision([9], []) == 0.0


def test_an_expected_phrase_keeps_no_label_before_a_year():
    from planqa.eval.runner import unlabelled

    assert unlabelled("3.2022年底前建成平台") == "2022年底前建成平台"  # item 3, dated
    assert unlabelled("2.5亿元") == "2.5亿元" and unlabelled("7.完善议事规则") == "完善议事规则"
