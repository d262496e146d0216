"""REST API for portals (FastAPI), with the Gradio chat mounted at "/".

    GET  /healthz                      → {"status": "ok", "plans": [...]}
    POST /api/ask                      {"question", "plan"?, "history"?} → Answer JSON
    GET  /api/plans                    → the indexed plans
    GET  /api/plans/{plan}/tasks/{n}   → one task's full text
    POST /api/plans[?dry_run=1]        multipart file (+ plan_id) → the plan's outline; indexed
                                       unless a dry run
    DELETE /api/plans/{plan}           → {"plan_id", "removed": true, "records"}

Errors are JSON {"error": "…"} with a 4xx status (503 when the index or its server is down);
never a traceback.
"""

import secrets
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from planqa.config import Settings
from planqa.errors import PlanqaError, StoreUnavailable, UnknownPlan
from planqa.web.plans import PlanDesk, plan_row

MAX_BODY_BYTES = 64 * 1024  # a question is at most 2,000 characters; history adds a little
MAX_DRAIN_BYTES = 16 * 1024 * 1024  # read and dropped before a 413, so that the client reads it
MAX_HISTORY = 50


class AskRequest(BaseModel):
    question: str = Field(description="问题，最多 2000 字")
    plan: str | None = Field(default=None, description="计划 ID；不给则在全部计划中查找")
    history: list[dict[str, Any]] = Field(default_factory=list, max_length=MAX_HISTORY,
                                          description="此前的回答（Answer JSON），用于追问")


def _error(code: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=code)


UPLOAD_PATH = "/api/plans"
MULTIPART_SLACK = 1024 * 1024  # the form's own bytes around the file
UPLOAD_FORM = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {
        "file": {"type": "string", "format": "binary", "description": "计划文件：.txt（任意编码）、.docx、.pdf、.html"},
        "plan_id": {"type": "string", "description": "计划 ID；不给则取文件名"}}}}}}}


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413.

    The body is read (and thrown away) up to ``drain`` bytes before answering: a client that is
    still sending when the server answers and closes gets "Broken pipe" instead of the answer.
    Past ``drain`` the connection is closed after the answer."""

    def __init__(self, app, limit: int, drain: int = MAX_DRAIN_BYTES, upload_limit: int = 0):
        self.app, self.limit, self.drain, self.upload_limit = app, limit, drain, upload_limit

    def _too_large(self, closing: bool, upload: bool = False) -> JSONResponse:
        if upload:
            mb = f"{(self.upload_limit - MULTIPART_SLACK) / 1024 / 1024:.2f}".rstrip("0").rstrip(".")
            response = _error(413, f"文件过大：上传的计划文件最多 {mb} MB（可用 PLANQA_MAX_FILE_MB 调整）")
        else:
            response = _error(413, f"请求太大：最多 {self.limit // 1024} KB（问题最多 2000 字）")
        if closing:
            response.headers["connection"] = "close"
        return response

    async def _discard(self, receive, received: int, drain: int) -> bool:
        """Read the rest of the body; False when it runs past ``drain``."""
        while received <= drain:
            message = await receive()
            if message["type"] != "http.request":
                return False
            received += len(message.get("body", b""))
            if not message.get("more_body", False):
                return received <= drain
        return False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        upload = bool(self.upload_limit) and scope["method"] == "POST" and scope["path"].endswith(UPLOAD_PATH)
        limit = self.upload_limit if upload else self.limit
        drain = limit + self.drain if upload else self.drain
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            drained = length.isdigit() and int(length) <= drain and await self._discard(receive, 0, drain)
            return await self._too_large(not drained, upload)(scope, receive, send)
        # Read the (small) body here, then hand it on: the framework turns any error raised
        # while it reads a body into a 400, so the limit cannot be enforced from inside it.
        body, received = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            received += len(message.get("body", b""))
            if received > limit:
                drained = not message.get("more_body", False) or await self._discard(receive, received, drain)
                return await self._too_large(not drained, upload)(scope, receive, send)
            body.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_api(settings: Settings, assistant) -> FastAPI:
    """The REST app over a built ``Assistant`` (the chat is mounted by ``create_app``)."""
    app = FastAPI(title="planqa 计划问答助手 API", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")
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
        return _error(exc.status, str(exc))  # each error carries its status (planqa/errors.py)

    @app.exception_handler(Exception)
    async def unexpected(request, exc: Exception):
        return _error(500, "服务器内部错误，请稍后再试")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return _not_found(request)
        if exc.status_code == 405:
            return _not_allowed(request, exc.headers.get("allow", "") if exc.headers else "")
        message = exc.detail if isinstance(exc.detail, str) else "请求无法处理"
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=exc.headers)

    add_docs(app)

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

    desk = PlanDesk(settings, search)

    @app.get("/api/plans", dependencies=[Depends(check_token)])
    def plans():
        return [plan_row(e) for e in search.entries.values()]

    @app.post("/api/plans", dependencies=[Depends(check_token)], status_code=201, openapi_extra=UPLOAD_FORM)
    async def upload(request: Request, dry_run: bool = False, confirm: bool = True):
        """Upload a plan file; ?dry_run=1 (or confirm=false) returns its outline without indexing."""
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            return _error(415, "请用 multipart/form-data 上传计划文件（文件放在字段 file 里）")
        try:
            form = await request.form(max_files=1, max_fields=10)
        except Exception:  # a broken multipart body, or more than one file
            return _error(400, "上传的表单无法解析：请用 multipart/form-data，只放一个文件（字段 file）")
        try:
            file, plan_id = form.get("file"), form.get("plan_id")
            if file is None or isinstance(file, str):
                return _error(422, "没有收到文件：请把计划文件放在表单字段 file 里")
            data, filename = await file.read(), file.filename
        finally:
            await form.close()
        plan_id = plan_id if isinstance(plan_id, str) else None
        if dry_run or not confirm:
            return JSONResponse(await run_in_threadpool(desk.parse, data, filename, plan_id))
        return await run_in_threadpool(desk.add, data, filename, plan_id)

    @app.delete("/api/plans/{plan}", dependencies=[Depends(check_token)])
    def remove(plan: str):
        return desk.remove(plan)

    @app.get("/api/plans/{plan}/tasks/{number}", dependencies=[Depends(check_token)])
    def task(plan: str, number: int):
        search.plan_ids(plan)  # unknown plan → 404
        p = search.entries[plan].plan
        found = [t for t in p.tasks if t.number == number]
        if not found:
            raise UnknownPlan(f"{p.name}没有第{number}项（共{len(p.body_tasks)}项任务）")
        t = found[0]
        section = p.section_of(t)
        return {"plan": plan, "task": t.number, "title": t.title, "text": t.text,
                "section": section.number, "section_title": section.title,
                "attachment": section.attachment or None}

    add_fallback(app)
    if settings.cors_origin_list:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origin_list,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES, upload_limit=settings.max_file_bytes + MULTIPART_SLACK)
    return app


class _Unauthorized(Exception):
    pass


def _not_found(request: Request) -> JSONResponse:
    return _error(404, f"没有这个地址：{request.url.path}（API 见 /api/docs）")


def _not_allowed(request: Request, allow: str) -> JSONResponse:
    response = _error(405, f"{request.url.path} 不接受 {request.method} 请求" + (f"，应使用 {allow}" if allow else ""))
    if allow:
        response.headers["allow"] = allow
    return response


METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def add_fallback(app: FastAPI) -> None:
    """JSON 404/405 for /api/* and /healthz even where the chat is mounted at "/" (it would
    otherwise take every unknown path and answer {"detail": "Not Found"})."""

    async def fallback(request: Request):
        allowed = sorted({m for route in app.router.routes if getattr(route, "endpoint", None) is not fallback
                          and getattr(route, "methods", None)
                          and route.matches(request.scope)[0] == Match.PARTIAL
                          for m in route.methods})
        return _not_allowed(request, ", ".join(allowed)) if allowed else _not_found(request)

    for path in ("/api/{rest:path}", "/healthz"):
        app.add_api_route(path, fallback, methods=METHODS, include_in_schema=False)


DOCS_ASSETS = "/api/docs/assets"


def _docs_static() -> str:
    """Swagger UI files bundled in the fastapi-offline wheel (MIT; Swagger UI itself is
    Apache-2.0): the docs render with no network. (Its ReDoc loads a logo from a CDN: not used.)"""
    from importlib.resources import files

    return str(files("fastapi_offline") / "static")


def add_docs(app: FastAPI) -> None:
    from fastapi.openapi.docs import get_swagger_ui_html

    app.mount(DOCS_ASSETS, StaticFiles(directory=_docs_static()), name="docs-assets")

    @app.get("/api/docs", include_in_schema=False)
    def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}", title=app.title,
            swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon.png")
