"""The fit on made-up candidates: which weight and which refusal line the evidence calls for."""

from planqa.assistant.retrieve import Candidates, fuse
import planqa.eval.calibrate as calibrate_module
from planqa.eval.calibrate import Sample, calibrate, fit_refusal, fit_weight, line, measure, points
from planqa.index.chunk import Chunk
from planqa.index.lexical import LexicalHit

CHUNKS = {f"t{n}": Chunk(f"t{n}", "p", f"task-{n}", "task", f"任务{n}", f"任务{n}", "一", "", n)
          for n in (1, 2, 3)}


def found(dense: dict[int, float], bm25: dict[int, float], coverage: float = 1.0) -> Candidates:
    return Candidates(CHUNKS, {f"t{n}": (d, ()) for n, d in dense.items()},
                      {f"t{n}": LexicalHit(n, s, frozenset()) for n, s in bm25.items()}, coverage)


def sample(gold, dense, bm25, known=1.0, abstain=False, plan="p", decided=True):
    return Sample(plan, tuple(gold), abstain, found(dense, bm25), known, decided)


def test_fuse_scales_both_sides_and_weighs_them():
    ranked = fuse(found({1: 0.90, 2: 0.80}, {2: 10.0, 3: 5.0}, coverage=1.0), 0.5)
    assert [s.chunk.task_number for s in ranked] == [1, 2, 3]  # 0.5 against 0.5: the dense side breaks the tie
    assert fuse(found({1: 0.9, 2: 0.8}, {2: 10.0}), 1.0)[0].chunk.task_number == 1
    assert fuse(found({1: 0.9, 2: 0.8}, {2: 10.0}), 0.0)[0].chunk.task_number == 2
    # the lexical side counts only as far as the plan's words cover the question
    assert fuse(found({1: 0.9, 2: 0.8}, {2: 10.0}, coverage=0.1), 0.3)[0].chunk.task_number == 1


def test_the_weight_follows_the_side_that_is_right():
    lexical_right = [sample([2], {1: 0.90, 2: 0.85}, {2: 9.0, 1: 2.0}) for _ in range(5)]
    dense_right = [sample([1], {1: 0.90, 2: 0.85}, {2: 9.0, 1: 2.0}) for _ in range(5)]
    assert fit_weight(lexical_right)[0] < 0.5 < fit_weight(dense_right)[0]
    assert fit_weight(lexical_right)[1] == 1.0


def test_a_lucky_weight_among_worse_neighbours_loses_to_a_steady_run(monkeypatch):
    scores = {0.1: 0.70, 0.2: 0.92, 0.3: 0.70, 0.4: 0.90, 0.5: 0.91, 0.6: 0.90, 0.7: 0.80}
    monkeypatch.setattr(calibrate_module, "retrieval_top1", lambda samples, w: scores[w])
    assert fit_weight([], sorted(scores)) == (0.5, 0.91)


def test_the_refusal_line_stays_within_the_false_refusal_budget():
    answerable = [sample([1], {1: 0.80 + i * 0.001}, {}, known=0.0) for i in range(100)]
    outside = [sample([], {1: 0.70 + i * 0.001}, {}, known=0.0, abstain=True) for i in range(50)]
    min_dense, min_known, refused, false = fit_refusal(answerable + outside, 0.5, max_false=0.01)
    assert refused == 1.0 and false <= 0.01
    assert 0.749 < min_dense <= 0.802
    assert line(points(answerable + outside, 0.5), min_dense, min_known) == (refused, false)


def test_questions_another_check_refuses_do_not_move_the_line():
    answerable = [sample([1], {1: 0.80}, {}, known=0.0) for _ in range(10)]
    other_year = [sample([], {1: 0.95}, {}, known=0.0, abstain=True, decided=False) for _ in range(10)]
    min_dense, _, refused, _ = fit_refusal(answerable + other_year, 0.5, max_false=0.0)
    assert min_dense <= 0.80 and refused == 0.0


def test_calibrate_reports_the_fitted_figures_and_measure_the_current_ones():
    data = ([sample([2], {1: 0.90, 2: 0.85}, {2: 9.0, 1: 2.0}) for _ in range(5)]
            + [sample([], {1: 0.60}, {}, known=0.0, abstain=True) for _ in range(5)])
    fit = calibrate(data, note="test")
    assert fit.calibration.fitted_on == "test" and fit.top1 == 1.0 and fit.refused == 1.0
    again = measure(data, fit.calibration)
    assert (again.top1, again.refused, again.false) == (fit.top1, fit.refused, fit.false)
