"""REST API for portals (FastAPI), with the Gradio chat mounted at "/".

    GET  /healthz                      → {"status": "ok", "plans": [...]}
    POST /api/ask                      {"question", "plan"?, "history"?} → Answer JSON
    GET  /api/plans                    → the indexed plans
    GET  /api/plans/{plan}/tasks/{n}   → one task's full text

Errors are JSON {"error": "…"} with a 4xx status (503 when the index or its server is down);
never a traceback.
"""

import secrets
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from planqa.assistant.config import Settings
from planqa.assistant.query import QuestionError, QuestionTooLong
from planqa.assistant.retrieve import IndexDamaged, UnknownPlan
from planqa.errors import PlanqaError
from planqa.index.build import EmbedderMismatch
from planqa.index.store import StoreUnavailable

MAX_BODY_BYTES = 64 * 1024  # a question is at most 2,000 characters; history adds a little
MAX_HISTORY = 50


class AskRequest(BaseModel):
    question: str = Field(description="问题，最多 2000 字")
    plan: str | None = Field(default=None, description="计划 ID；不给则在全部计划中查找")
    history: list[dict[str, Any]] = Field(default_factory=list, max_length=MAX_HISTORY,
                                          description="此前的回答（Answer JSON），用于追问")


def _error(code: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=code)


STATUS = [(QuestionTooLong, 413), (QuestionError, 422), (UnknownPlan, 404), (StoreUnavailable, 503),
          (EmbedderMismatch, 503), (IndexDamaged, 503), (PlanqaError, 400)]


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413) before anything reads them whole."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            return await _error(413, f"请求太大：最多 {self.limit // 1024} KB")(scope, receive, send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _error(413, f"请求太大：最多 {self.limit // 1024} KB")(scope, receive, send)


class _TooLarge(Exception):
    pass


def create_api(settings: Settings, assistant) -> FastAPI:
    """The REST app over a built ``Assistant`` (the chat is mounted by ``create_app``)."""
    app = FastAPI(title="planqa", docs_url="/api/docs",
                  openapi_url="/api/openapi.json", redoc_url=None)
    search = assistant.search

    def check_token(request: Request) -> None:
        token = settings.api_token.get_secret_value() if settings.api_token else ""
        if not token:
            return
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise _Unauthorized()

    @app.exception_handler(_Unauthorized)
    async def unauthorized(request, exc):
        response = _error(401, "需要有效的访问令牌（Authorization: Bearer …）")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        if first.get("type") == "json_invalid":
            return _error(400, "请求体不是有效的 JSON")
        return _error(422, f"请求格式不对：{where or '请求体'} {first.get('msg', '')}".strip())

    @app.exception_handler(PlanqaError)
    async def planqa_error(request, exc: PlanqaError):
        return _error(next(code for kind, code in STATUS if isinstance(exc, kind)), str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request, exc: Exception):
        return _error(500, "服务器内部错误，请稍后再试")

    @app.get("/healthz")
    def healthz():
        try:
            search.store.versions()  # metadata only: probes stay cheap
        except StoreUnavailable as err:
            return _error(503, str(err), status="unavailable")
        return {"status": "ok", "plans": list(search.entries)}

    @app.post("/api/ask", dependencies=[Depends(check_token)])
    def ask(body: AskRequest):
        return assistant.ask(body.question, plan=body.plan, history=body.history).to_json()

    @app.get("/api/plans", dependencies=[Depends(check_token)])
    def plans():
        return [
            {"plan_id": e.plan.plan_id, "title": e.plan.title, "issuer": e.plan.issuer,
             "date": e.plan.date, "sections": len(e.plan.sections), "tasks": len(e.plan.tasks)}
            for e in search.entries.values()
        ]

    @app.get("/api/plans/{plan}/tasks/{number}", dependencies=[Depends(check_token)])
    def task(plan: str, number: int):
        search.plan_ids(plan)  # unknown plan → 404
        p = search.entries[plan].plan
        found = [t for t in p.tasks if t.number == number]
        if not found:
            raise UnknownPlan(f"《{p.title}》没有第{number}项（共{len(p.tasks)}项任务）")
        t = found[0]
        section = p.section_of(t)
        return {"plan": plan, "task": t.number, "title": t.title, "text": t.text,
                "section": section.number, "section_title": section.title}

    if settings.cors_origin_list:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origin_list,
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    return app


class _Unauthorized(Exception):
    pass
