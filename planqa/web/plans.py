"""Plans brought to a running server (REST and the chat's 计划管理 tab): an uploaded file is
parsed by the same path as `planqa index FILE`, shown as an outline, then indexed under the
index lock; questions keep being answered from the previous version until the new one commits."""

import re
from pathlib import PurePath

from planqa.config import Settings
from planqa.errors import BadPlanId
from planqa.index.build import index_plans, remove_plan
from planqa.index.lock import index_lock
from planqa.index.progress import Progress
from planqa.ingest.load import Ingested, load_plan_bytes
from planqa.ingest.plan import Plan

_PLAN_ID = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff._-]{0,79}$")


def upload_name(filename: str | None) -> str:
    """The file name of an upload, without any folder a browser or client put before it."""
    name = PurePath((filename or "").replace("\\", "/")).name.strip()
    return name or "上传的文件"


def check_plan_id(plan_id: str | None) -> str | None:
    plan_id = (plan_id or "").strip()
    if plan_id and not _PLAN_ID.match(plan_id):
        raise BadPlanId("计划 ID 只能用字母、数字、汉字和 . _ -，以字母、数字或汉字开头，最多 80 个字符")
    return plan_id or None


def outline_json(plan: Plan, ingested: Ingested | None = None) -> dict:
    """What an upload returns: the plan's facts, its parts with their tasks' labels and titles,
    counts and the parser's warnings (no task text)."""
    data = {
        # unprinted facts are null, as in Plan JSON
        "plan_id": plan.plan_id, "title": plan.title, "issuer": plan.issuer or None,
        "date": plan.date or None, "doc_number": plan.doc_number or None,
        "sections": [{"number": s.number, "label": s.label, "title": s.title, "task_count": len(s.tasks),
                      "tasks": [{"number": t.number, "label": t.label, "title": t.title} for t in s.tasks],
                      "attachment": s.attachment or None}
                     for s in plan.sections],
        # the counts are the document's own; its attachments' parts follow in "sections"
        "section_count": len(plan.body), "tasks": len(plan.body_tasks), "warnings": list(plan.warnings),
        "attachments": [a.to_json() for a in plan.attachments],
    }
    if ingested is not None:
        data |= {"format": ingested.format, "encoding": ingested.encoding}
    return data


class PlanDesk:
    """Upload, list and remove plans on the running server's index."""

    def __init__(self, settings: Settings, search):
        self.settings, self.search = settings, search

    def parse(self, data: bytes, filename: str | None, plan_id: str | None = None) -> dict:
        """The outline of an uploaded file, nothing indexed (a dry run)."""
        plan, ingested = self._load(data, filename, plan_id)
        return outline_json(plan, ingested) | {"indexed": False, "replaces": self._known(plan.plan_id)}

    def add(self, data: bytes, filename: str | None, plan_id: str | None = None,
            progress=Progress) -> dict:
        """Parse, then index under the index lock; a bad file is refused before anything is written."""
        plan, ingested = self._load(data, filename, plan_id)
        replaces = self._known(plan.plan_id)
        with self.search.writing(), index_lock(self.settings.home, notice=lambda _: None):
            report = index_plans(self.search.store, [(plan, upload_name(filename))], progress)[0]
        return outline_json(plan, ingested) | {
            "indexed": True, "replaces": replaces, "changed": report.changed, "chunks": report.chunks,
            "embedded": report.embedded, "seconds": round(report.seconds, 2)}

    def remove(self, plan_id: str) -> dict:
        with self.search.writing(), index_lock(self.settings.home, notice=lambda _: None):
            records = remove_plan(self.search.store, plan_id, keep_last=True)
        return {"plan_id": plan_id, "removed": True, "records": records}

    def listing(self) -> list[dict]:
        return [plan_row(e) for e in self.search.entries.values()]

    def _known(self, plan_id: str) -> bool:
        return plan_id in self.search.entries

    def _load(self, data: bytes, filename: str | None, plan_id: str | None) -> tuple[Plan, Ingested]:
        return load_plan_bytes(data, upload_name(filename), check_plan_id(plan_id),
                               self.settings.max_file_bytes)


def plan_row(entry) -> dict:
    """One indexed plan as GET /api/plans lists it."""
    p = entry.plan
    return {"plan_id": p.plan_id, "title": p.title, "issuer": p.issuer or None, "date": p.date or None,
            "sections": len(p.body), "tasks": len(p.body_tasks), "attachments": len(p.attachments),
            "indexed_at": entry.indexed_at,
            "source": entry.source}
