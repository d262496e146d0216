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


def _lines(path: str | Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise PlanqaError(f"无法读取问题集 {path}：{err}") from None


def _question(data: dict, default_id: str) -> Question:
    if not isinstance(data.get("question"), str):
        raise ValueError("缺少字符串字段 question")
    return Question(
        id=str(data.get("id", default_id)),
        question=data["question"],
        tasks=tuple(int(t) for t in data.get("tasks", [])),
        kind=str(data.get("kind", "")),
        answer_any=tuple(str(a) for a in data.get("answer_any", [])),
        abstain=bool(data.get("abstain", False)),
    )


@dataclass(frozen=True)
class Conversation:
    id: str
    turns: tuple[Question, ...]
    kind: str = "followup"


def bundled_conversations() -> Path:
    return HERE / "conversations.jsonl"


def bundled_sets() -> list[Path]:
    return sorted(p for p in HERE.glob("*.jsonl") if p.name != "conversations.jsonl")


def load_any(path: str | Path) -> tuple[list[Question], list[Conversation]]:
    """A question file whose lines are questions or conversations ({"turns": [...]}) or both."""
    questions, conversations = [], []
    for n, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("每行应是一个 JSON 对象")
            if "turns" in data:
                turns = tuple(_question(t, f"{data.get('id', n)}.{i}") for i, t in enumerate(data["turns"], 1))
                if not turns:
                    raise ValueError("turns 是空的")
                conversations.append(Conversation(str(data.get("id", n)), turns, str(data.get("kind", "followup"))))
            else:
                questions.append(_question(data, f"{Path(path).stem}:{n}"))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
            raise PlanqaError(f"{path} 第 {n} 行不是有效的问题：{type(err).__name__} {err}") from None
    return questions, conversations


def load_questions(path: str | Path) -> list[Question]:
    """The single questions of a file (its conversation lines, if any, are left out)."""
    return load_any(path)[0]


def load_conversations(path: str | Path) -> list[Conversation]:
    """The conversations of a file: each turn is asked after the ones before it."""
    return load_any(path)[1]
