"""The Answer every front end returns (DESIGN.md, "Answer JSON"), and its citations."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    plan: str
    task: int | None  # None: the notice/overview, or a section of a plan without numbered tasks
    section: str
    title: str
    quote: str  # exact sentences of the cleaned plan
    score: float

    def to_json(self) -> dict:
        return {"plan": self.plan, "task": self.task, "section": self.section,
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
