"""Question sets: JSONL lines {"id", "question", "tasks", "kind"?, "answer_any"?, "abstain"?}.
A bad line is a ``PlanqaError`` naming the file and line."""

import json
from dataclasses import dataclass
from pathlib import Path

from planqa.errors import PlanqaError

HERE = Path(__file__).resolve().parent
# Kinds answered from the plan's structure, not by retrieval.
STRUCTURAL = frozenset({"task_number", "section", "meta"})


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    tasks: tuple[int, ...]
    kind: str = ""
    answer_any: tuple[str, ...] = ()
    abstain: bool = False


def load_questions(path: str | Path) -> list[Question]:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise PlanqaError(f"无法读取问题集 {path}：{err}") from None
    questions = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            questions.append(
                Question(
                    id=str(data.get("id", f"{path.stem}:{n}")),
                    question=data["question"],
                    tasks=tuple(int(t) for t in data.get("tasks", [])),
                    kind=str(data.get("kind", "")),
                    answer_any=tuple(data.get("answer_any", [])),
                    abstain=bool(data.get("abstain", False)),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
            raise PlanqaError(f"{path} 第 {n} 行不是有效的问题：{type(err).__name__} {err}") from None
    return questions


def bundled_sets() -> list[Path]:
    return sorted(p for p in HERE.glob("*.jsonl") if p.name != "conversations.jsonl")
