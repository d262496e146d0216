"""The parsed plan: notice header, overview, sections and their numbered tasks.

``Plan.to_json`` is a contract (DESIGN.md, "Plan JSON"): other tools read exactly these fields.
The other attributes serve the assistant (document facts, warnings) and stay out of the JSON.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Task:
    number: int
    title: str
    text: str

    def to_json(self) -> dict:
        return {"number": self.number, "title": self.title, "text": self.text}


@dataclass(frozen=True)
class Section:
    number: str  # Chinese numeral as printed: "一" … "十二"
    title: str
    text: str  # the section's own paragraphs (all of it when it has no numbered tasks)
    tasks: tuple[Task, ...] = ()

    def to_json(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "tasks": [t.to_json() for t in self.tasks],
        }


@dataclass(frozen=True)
class Plan:
    plan_id: str
    title: str
    issuer: str
    date: str  # ISO date of publication (or of signing when no publication date is given)
    overview: str
    sections: tuple[Section, ...]
    notice: str = ""  # the covering notice as printed, one paragraph a line
    notice_title: str = ""
    addressees: str = ""
    signed_date: str = ""  # ISO date under the issuer's signature
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def tasks(self) -> list[Task]:
        return [t for s in self.sections for t in s.tasks]

    def section_of(self, task: Task) -> Section:
        return next(s for s in self.sections if task in s.tasks)

    def to_record(self) -> dict:
        """Everything, for storing the plan beside its index (the JSON contract plus the rest)."""
        return self.to_json() | {
            "notice": self.notice,
            "notice_title": self.notice_title,
            "addressees": self.addressees,
            "signed_date": self.signed_date,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_record(cls, data: dict) -> "Plan":
        sections = tuple(
            Section(
                s["number"], s["title"], s["text"],
                tuple(Task(t["number"], t["title"], t["text"]) for t in s["tasks"]),
            )
            for s in data["sections"]
        )
        return cls(
            plan_id=data["plan_id"], title=data["title"], issuer=data["issuer"],
            date=data["date"], overview=data["overview"], sections=sections,
            notice=data.get("notice", ""), notice_title=data.get("notice_title", ""),
            addressees=data.get("addressees", ""), signed_date=data.get("signed_date", ""),
            warnings=tuple(data.get("warnings", ())),
        )

    def to_json(self) -> dict:
        return {
            "plan_id": self.plan_id,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "overview": self.overview,
            "sections": [s.to_json() for s in self.sections],
        }
