"""The Answer every front end returns (DESIGN.md, "Answer JSON"), and its citations."""

from dataclasses import dataclass

from planqa.ingest.grammar import grammar
from planqa.ingest.plan import split_ref


def place(task: int | None, label: str = "", section: str = "") -> str:
    """How an answer names a task: 第9项 where the printed number is the plan's number; where
    numbering restarts per part, the part and the printed label (第三部分（二）, 第二部分第1项);
    an article as printed (第十二条); in an attachment, whose task numbers are never printed,
    its name and the labels (附件2第一部分（三）). ``section`` is the section's ``ref``."""
    attachment, number = split_ref(section)
    if task is None:
        return attachment + (f"第{number}部分" if number else "" if attachment else "总体部分")
    printed = grammar().label(f"{label}题") if label else None
    if printed is not None and printed.level.name == "article":
        return attachment + label  # 第三十四条: a regulation's articles are named as printed
    if printed is None or not (attachment or number and printed.value != task):
        return attachment + f"第{task}项"
    part = f"第{number}部分" if number else ""
    return attachment + part + (label if label.startswith(("（", "(")) else f"第{printed.value}项")


@dataclass(frozen=True)
class Citation:
    plan: str
    task: int | None  # None: the notice/overview, or a section of a plan without numbered tasks
    section: str  # the section's ref: its numeral, "附件2/一" in an attachment (JSON: both apart)
    title: str
    quote: str  # exact sentences of the cleaned plan
    score: float
    label: str = ""  # the task's number as printed: "（二）", "3．"
    related: bool = False  # offered beside a list ("内容相关的还有"), not one of the tasks it counts

    @property
    def place(self) -> str:
        return place(self.task, self.label, self.section)

    def to_json(self) -> dict:
        attachment, section = split_ref(self.section)
        return {"plan": self.plan, "task": self.task, "label": self.label, "section": section,
                "title": self.title, "quote": self.quote, "score": round(self.score, 4),
                "attachment": attachment or None, "related": self.related}


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
