"""The numbers that depend on the embedding model, fitted rather than hand-set.

How much the dense side weighs against BM25, and below which cosine (with few of the question's
words in the plan) a question is about something the plan does not cover: both move with the
model (e5's cosines crowd between 0.8 and 0.95, bge's spread from 0.3). ``planqa calibrate``
fits them on the bundled question sets for the model in use and writes them under PLANQA_HOME;
the bundled model's values ship in ``calibration.json`` next to this file.
"""

import json
from dataclasses import asdict, dataclass, fields
from importlib import resources
from pathlib import Path

from planqa.errors import PlanqaError

FILE_NAME = "calibration.json"


@dataclass(frozen=True)
class Calibration:
    dense_weight: float = 0.5  # share of the fused score the dense side carries (BM25 the rest)
    min_dense: float = 0.88  # best passage cosine below which, with min_known, nothing matches
    min_known: float = 0.4  # share of the question's content words that the plan contains
    fitted_on: str = ""  # which questions, how many, when ("" = defaults, never fitted)

    @property
    def fitted(self) -> bool:
        return bool(self.fitted_on)


def parse_calibrations(text: str) -> dict[str, Calibration]:
    """embedder id → its calibration, from the JSON of a calibration file; unknown keys are
    ignored so that an older planqa reads a newer file."""
    data = json.loads(text)
    names = {f.name for f in fields(Calibration)}
    return {model: Calibration(**{k: v for k, v in values.items() if k in names})
            for model, values in data.items()}


def dump_calibrations(found: dict[str, Calibration]) -> str:
    return json.dumps({model: asdict(c) for model, c in sorted(found.items())},
                      ensure_ascii=False, indent=2) + "\n"


def bundled_calibrations() -> dict[str, Calibration]:
    return parse_calibrations(resources.files("planqa.assistant").joinpath(FILE_NAME).read_text("utf-8"))


def home_file(home: Path) -> Path:
    return Path(home).expanduser() / FILE_NAME


def load_calibration(embedder_id: str, home: Path | None) -> Calibration:
    """The calibration fitted for this embedder: PLANQA_HOME's first (``planqa calibrate``),
    then the bundled one; defaults (``fitted`` false) when there is none."""
    found = bundled_calibrations()
    if home is not None and (path := home_file(home)).is_file():
        try:
            found |= parse_calibrations(path.read_text("utf-8"))
        except (ValueError, TypeError, AttributeError):
            raise PlanqaError(f"校准文件 {path} 已损坏，请删除它后重新运行 planqa calibrate") from None
    return found.get(embedder_id, Calibration())


def save_calibration(embedder_id: str, calibration: Calibration, home: Path) -> Path:
    """Add or replace this embedder's entry in PLANQA_HOME's file, keeping the others."""
    path = home_file(home)
    found = {}
    if path.is_file():
        try:
            found = parse_calibrations(path.read_text("utf-8"))
        except (ValueError, TypeError, AttributeError):
            found = {}  # a damaged file is replaced: it held only fitted numbers
    found[embedder_id] = calibration
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(dump_calibrations(found), "utf-8")
    tmp.replace(path)
    return path
