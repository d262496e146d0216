"""The parsed plan: front matter, overview, parts and their numbered tasks, end matter.

``Plan.to_json`` is a contract (DESIGN.md, "Plan JSON"): fields may be added, never renamed.
The other attributes serve the assistant (document facts, warnings) and stay out of the JSON.
Text fields hold "" when the document does not print them; the JSON says null.
"""

from dataclasses import dataclass, field

from planqa.ingest.grammar import genre_of
from planqa.ingest.numerals import to_int


@dataclass(frozen=True)
class Task:
    number: int  # unique in the plan: printed when numbering runs across, else the position
    title: str
    text: str  # the task's paragraphs after its title, sub-items included
    label: str = ""  # as printed: "3．", "（二）", "第五条"
    leads: tuple[str, ...] = ()  # responsible units named by its lead notes

    def to_json(self) -> dict:
        return {"number": self.number, "label": self.label, "title": self.title,
                "text": self.text, "leads": list(self.leads)}

    @classmethod
    def from_json(cls, data: dict) -> "Task":
        return cls(data["number"], data["title"], data["text"], data.get("label", ""),
                   tuple(data.get("leads", ())))


@dataclass(frozen=True)
class Section:
    number: str  # Chinese numeral as printed: "一" … "十二"; "" when the plan has no parts
    title: str
    text: str  # the part's own paragraphs (all of it when it has no numbered tasks)
    tasks: tuple[Task, ...] = ()
    label: str = ""  # as printed: "一、", "第二章"
    attachment: str = ""  # the attachment it stands in ("附件1"); "" in the document's body

    @property
    def ref(self) -> str:
        """Names the section uniquely in its plan: the numeral in the body ("三"), the attachment
        and the numeral in an attachment ("附件2/一", "附件2/" for its unnumbered part)."""
        return join_ref(self.attachment, self.number)

    def to_json(self) -> dict:
        return {"number": self.number, "label": self.label, "title": self.title,
                "text": self.text, "tasks": [t.to_json() for t in self.tasks],
                "attachment": self.attachment or None}

    @classmethod
    def from_json(cls, data: dict) -> "Section":
        return cls(data["number"], data["title"], data["text"],
                   tuple(Task.from_json(t) for t in data["tasks"]), data.get("label", ""),
                   data.get("attachment") or "")


def join_ref(attachment: str, number: str) -> str:
    """(attachment, numeral) → a section's ``ref``: ("附件2", "一") → "附件2/一", ("", "三") → "三"."""
    return f"{attachment}/{number}" if attachment else number


def split_ref(ref: str) -> tuple[str, str]:
    """A section's ``ref`` → (attachment, numeral): "附件2/一" → ("附件2", "一"), "三" → ("", "三")."""
    attachment, _, number = ref.rpartition("/")
    return attachment, number


def attachment_key(label: str) -> tuple[str, int | None]:
    """"附件2", "附件二", "附件 2", "附件" → (noun, number): one attachment however it is written."""
    number = label[2:].strip().split("-")[0].split("－")[0]
    return label[:2], to_int(number) if number else None


@dataclass(frozen=True)
class Attachment:
    label: str  # as printed, spaces removed: "附件1", "附件"
    title: str  # its own title line, "" when it prints none

    @property
    def name(self) -> str:
        """How answers name it: 附件2“核心课程参考建议”, or its title alone where that is its label."""
        return f"{self.label}“{self.title}”" if self.title and self.title != self.label else self.label

    def to_json(self) -> dict:
        return {"label": self.label, "title": self.title}


@dataclass(frozen=True)
class Plan:
    plan_id: str
    title: str
    issuer: str  # the printed signature or 印发 line's organization
    date: str  # ISO date of the signature or 印发 line
    overview: str
    sections: tuple[Section, ...]
    notice: str = ""  # the covering notice as printed, one paragraph a line
    notice_title: str = ""
    addressees: str = ""
    published: str = ""  # ISO date a web page gives as 发布时间
    doc_number: str = ""  # 文号: 济工信装备字〔2022〕1号
    end_matter: str = ""  # signature, date, 抄送, 印发, 附件, contacts …, one line each
    attachments: tuple[Attachment, ...] = ()  # their parts stand in ``sections`` after the body's
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def name(self) -> str:
        """How answers name the plan: 《its title》, or 本文件 when it prints none."""
        return f"《{self.title}》" if self.title else "本文件"

    @property
    def genre(self) -> str:
        """The document noun its title ends with (要点, 方案, 意见 …), else 文件."""
        return genre_of(self.title)

    @property
    def tasks(self) -> list[Task]:
        """Every task, the attachments' included: what can be searched and cited."""
        return [t for s in self.sections for t in s.tasks]

    def sections_of(self, attachment: str) -> tuple[Section, ...]:
        """The sections of one attachment by its label; "" for the document's own."""
        return tuple(s for s in self.sections if s.attachment == attachment)

    @property
    def body(self) -> tuple[Section, ...]:
        """The document's own parts, without its attachments: what "how many parts" counts."""
        return self.sections_of("")

    @property
    def body_tasks(self) -> list[Task]:
        return [t for s in self.body for t in s.tasks]

    def attachment_title(self, label: str) -> str:
        return next((a.title for a in self.attachments if a.label == label), "")

    def section_of(self, task: Task) -> Section:
        return next(s for s in self.sections if task in s.tasks)

    def to_record(self) -> dict:
        """Everything, for storing the plan beside its index (the JSON contract plus the rest)."""
        return self.to_json() | {
            "issuer": self.issuer,
            "date": self.date,
            "doc_number": self.doc_number,
            "notice": self.notice,
            "notice_title": self.notice_title,
            "addressees": self.addressees,
            "published": self.published,
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_record(cls, data: dict) -> "Plan":
        date, published = data.get("date") or "", data.get("published") or ""
        if "signed_date" in data:  # a record written before `published` existed
            published = date if date != data["signed_date"] else ""
            date = data["signed_date"]
        return cls(
            plan_id=data["plan_id"], title=data["title"], issuer=data.get("issuer") or "",
            date=date, overview=data["overview"],
            sections=tuple(Section.from_json(s) for s in data["sections"]),
            notice=data.get("notice", ""), notice_title=data.get("notice_title", ""),
            addressees=data.get("addressees", ""), published=published,
            doc_number=data.get("doc_number") or "", end_matter=data.get("end_matter") or "",
            attachments=tuple(Attachment(a["label"], a.get("title") or "") for a in data.get("attachments") or ()),
            warnings=tuple(data.get("warnings", ())),
        )

    def to_json(self) -> dict:
        return {
            "plan_id": self.plan_id,
            "title": self.title,
            "issuer": self.issuer or None,
            "date": self.date or None,
            "doc_number": self.doc_number or None,
            "overview": self.overview,
            "sections": [s.to_json() for s in self.sections],
            "end_matter": self.end_matter,
            "attachments": [a.to_json() for a in self.attachments],
        }
