"""The Answer every front end returns (DESIGN.md, "Answer JSON"), and its citations."""

from dataclasses import dataclass

from planqa.ingest.grammar import grammar


def place(task: int | None, label: str = "", section: str = "") -> str:
    """How an answer names a task: 第9项 where the printed number is the plan's number; where
    numbering restarts per part, the part and the printed label (第三部分（二）, 第二部分第1项);
    an article as printed (第十二条)."""
    if task is None:
        return f"第{section}部分" if section else "总体部分"
    printed = grammar().label(f"{label}题") if label else None
    if printed is not None and printed.level.name == "article":
        return label  # 第三十四条: a regulation's articles are named as printed
    if printed is None or printed.value == task or not section:
        return f"第{task}项"
    if label.startswith(("（", "(")):
        return f"第{section}部分{label}"
    return f"第{section}部分第{printed.value}项"


@dataclass(frozen=True)
class Citation:
    plan: str
    task: int | None  # None: the notice/overview, or a section of a plan without numbered tasks
    section: str
    title: str
    quote: str  # exact sentences of the cleaned plan
    score: float
    label: str = ""  # the task's number as printed: "（二）", "3．"

    @property
    def place(self) -> str:
        return place(self.task, self.label, self.section)

    def to_json(self) -> dict:
        return {"plan": self.plan, "task": self.task, "label": self.label, "section": self.section,
                "title": self.title, "quote": self.quote, "score": round(self.score, 4)}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool = False
    citations: tuple[Citation, ...] = ()
    latency_ms: float = 0.0
    id: str | int | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "latency_ms": round(self.latency_ms, 1),
        }
