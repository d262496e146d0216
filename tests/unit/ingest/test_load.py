import pytest

from planqa.errors import InputError
from planqa.ingest.load import bundled_plan_paths, clean_file, load_plan
from tests.conftest import SEED


def test_bundled_plan_is_the_seed():
    assert bundled_plan_paths() == [SEED]


def test_load_plan_defaults_the_id_to_the_file_name():
    plan, ingested = load_plan(SEED)
    assert plan.plan_id == "sdast-2017-work-plan"
    assert ingested.encoding == "utf-8"
    assert load_plan(SEED, "other")[0].plan_id == "other"


def test_a_file_of_noise_only_is_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_text("♦ € ↓\n×\n", encoding="utf-8")
    with pytest.raises(InputError, match="清洗后没有剩下任何文字"):
        clean_file(path)
