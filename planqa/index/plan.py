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
    # A （一）-style heading above the task inside its section, if the plan has one.
    subheading: str = ""

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

    def to_json(self) -> dict:
        return {
            "plan_id": self.plan_id,
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "overview": self.overview,
            "sections": [s.to_json() for s in self.sections],
        }
