"""`planqa calibrate`: fit the embedder-dependent numbers (assistant/calibration.py) on question
sets whose answers are known.

Each question is searched once; the fit then weighs the same candidates many ways (``fuse`` is
pure), so a fit over two thousand questions takes about as long as asking them once.

- ``dense_weight``: the weight that puts an expected task first most often, each question
  counting once, averaged with its neighbouring weights (small sets are noisy).
- ``min_dense`` / ``min_known``: the refusal line for questions the plan does not cover — the
  one with the fewest wrong decisions (answerable questions refused, out-of-scope ones let
  through), refusing at most ``MAX_FALSE_REFUSALS`` of the answerable ones. Questions answered from the outline (第3项是什么) and those another
  check refuses (another year, province or organization) are left out: the line decides neither.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from planqa.assistant.calibration import Calibration
from planqa.assistant.chain import STRUCTURAL
from planqa.assistant.evidence import spelled_out
from planqa.assistant.query import normalize_question
from planqa.assistant.rules import plan_frame, understand
from planqa.assistant.retrieve import Candidates, HybridSearch, fuse
from planqa.assistant.scope import known_share, outside_plan
from planqa.eval.questions import Question

WEIGHTS = tuple(round(0.05 * i, 2) for i in range(2, 17))  # 0.10 … 0.80
KNOWN_SHARES = (0.2, 0.3, 0.4, 0.5, 0.6)
MAX_FALSE_REFUSALS = 0.005  # of the answerable questions, refused by the dense/known line alone
DENSE_STEP = 0.005  # resolution of the fitted cosine


@dataclass(frozen=True)
class Sample:
    plan: str
    gold: tuple[int, ...]  # tasks that answer it ((): out of scope)
    abstain: bool
    found: Candidates
    known: float  # share of its content words the plan contains
    decided: bool  # the refusal line decides it: searched, not refused by another check


@dataclass(frozen=True)
class Fit:
    calibration: Calibration
    top1: float  # retrieval: an expected task first
    refused: float  # out-of-scope questions below the line
    false: float  # answerable questions below the line
    samples: int
    plans: int


def gather(search: HybridSearch, sets: Iterable[tuple[str, Sequence[Question]]],
           tick: Callable[[int], None] = lambda n: None) -> list[Sample]:
    """Search every question once, in its plan, as the assistant would (abbreviations spelled)."""
    samples = []
    for plan_id, questions in sets:
        plan = search.entries[plan_id].plan
        text = search.plan_text.get(plan_id, "")
        for q in questions:
            if not q.abstain and not q.tasks:
                tick(1)
                continue
            asked = normalize_question(q.question)
            question = spelled_out(asked, text)
            searched = understand(asked, plan_frame(plan)).kind not in STRUCTURAL
            samples.append(Sample(
                plan_id, tuple(q.tasks), q.abstain, search.candidates(question, plan_id),
                known_share(question, text),
                searched and outside_plan(question, text, plan.title) is None))
            tick(1)
    return samples


def first_task(found: Candidates, weight: float) -> int | None:
    return next((s.chunk.task_number for s in fuse(found, weight) if s.chunk.kind == "task"), None)


def retrieval_top1(samples: Sequence[Sample], weight: float) -> float:
    """Share of answerable questions whose first task is an expected one."""
    right = [first_task(s.found, weight) in s.gold for s in samples if not s.abstain]
    return sum(right) / len(right) if right else 0.0


def fit_weight(samples: Sequence[Sample], weights: Sequence[float] = WEIGHTS) -> tuple[float, float]:
    """(weight, its top-1): the best weight after averaging each with its neighbours, so that a
    lucky grid point among noisy ones (a plan has a few dozen questions) does not win."""
    scores = [retrieval_top1(samples, w) for w in weights]
    smooth = [sum(scores[max(0, i - 1): i + 2]) / len(scores[max(0, i - 1): i + 2]) for i in range(len(scores))]
    top = max(round(v, 6) for v in smooth)
    plateau = [i for i, v in enumerate(smooth) if round(v, 6) == top]
    best = plateau[len(plateau) // 2]  # of equally good weights, the middle one
    return weights[best], scores[best]


Point = tuple[float, float, bool]  # (best hit's cosine, known share, out of scope)


def points(samples: Sequence[Sample], weight: float) -> list[Point]:
    """One point per question the refusal line decides (not those another check refuses)."""
    out = []
    for s in samples:
        if s.decided:
            ranked = fuse(s.found, weight)
            out.append(((ranked[0].dense or 0.0) if ranked else 0.0, s.known, s.abstain))
    return out


def line(found: Sequence[Point], min_dense: float, min_known: float) -> tuple[float, float]:
    """(share of out-of-scope questions refused, share of answerable ones refused)."""
    below = [p for p in found if p[0] < min_dense and p[1] < min_known]
    out_of_scope = sum(1 for p in found if p[2]) or 1
    answerable = sum(1 for p in found if not p[2]) or 1
    return sum(1 for p in below if p[2]) / out_of_scope, sum(1 for p in below if not p[2]) / answerable


def fit_refusal(samples: Sequence[Sample], weight: float,
                max_false: float = MAX_FALSE_REFUSALS) -> tuple[float, float, float, float]:
    """(min_dense, min_known, refused share, false share) of the line that decides the most
    questions right (out-of-scope ones refused minus answerable ones refused), never beyond
    the false-refusal budget; of equally good lines, the one refusing fewer answerable ones."""
    found = points(samples, weight)
    out_of_scope = sum(1 for p in found if p[2])
    answerable = len(found) - out_of_scope
    cosines = sorted({round(round(d / DENSE_STEP) * DENSE_STEP, 4) for d, _, _ in found})
    best, best_key = (0.0, KNOWN_SHARES[0], 0.0, 0.0), (0, 0)
    for known in KNOWN_SHARES:
        for cosine in cosines:
            refused, false = line(found, cosine, known)
            if false > max_false:
                break  # a higher line only refuses more of the answerable ones
            key = (round(refused * out_of_scope) - round(false * answerable), -round(false * answerable))
            if key > best_key:
                best, best_key = (cosine, known, refused, false), key
    return best


def calibrate(samples: Sequence[Sample], note: str = "") -> Fit:
    weight, top1 = fit_weight(samples)
    min_dense, min_known, refused, false = fit_refusal(samples, weight)
    plans = len({s.plan for s in samples})
    fitted_on = note or (f"{len(samples)} questions on {plans} plan{'s' if plans != 1 else ''}, "
                         f"{date.today().isoformat()}")
    return Fit(Calibration(weight, min_dense, min_known, fitted_on), top1, refused, false, len(samples), plans)


def measure(samples: Sequence[Sample], calibration: Calibration) -> Fit:
    """The same figures for a given calibration (the one in use, to compare with a fit)."""
    refused, false = line(points(samples, calibration.dense_weight), calibration.min_dense, calibration.min_known)
    return Fit(calibration, retrieval_top1(samples, calibration.dense_weight), refused, false,
               len(samples), len({s.plan for s in samples}))
