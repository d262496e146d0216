"""One FastAPI app: the REST API plus the Gradio chat mounted at "/"; ``serve`` runs it."""

import asyncio
import socket

from fastapi import FastAPI

from planqa.config import Settings
from planqa.errors import PlanqaError


def create_app(settings: Settings, assistant=None) -> FastAPI:
    """Build everything once: store, index (first run), assistant, API, chat."""
    import gradio as gr

    from planqa.services import build_assistant, open_store
    from planqa.web.api import create_api
    from planqa.web.login import Login, add_login
    from planqa.web.manage import upload_i18n
    from planqa.web.plans import PlanDesk
    from planqa.web.ui import CSS, HEAD, build_ui

    if assistant is None:
        assistant = build_assistant(open_store(settings), settings)
    app = create_api(settings, assistant)

    login = None
    if settings.ui_user and settings.ui_password:
        login = Login(settings.ui_user, settings.ui_password.get_secret_value())
        add_login(app, login)
    root = settings.root_path
    # The 计划管理 tab: behind the login when there is one; without a login only where the API
    # itself is open (no PLANQA_API_TOKEN), so that the page is no way around the token. Never on
    # the embed address, which anyone who sees the portal's page source can open.
    desk = PlanDesk(settings, assistant.search) if login or not settings.api_token else None

    async def in_loop():  # Gradio makes event loops of its own when built outside one
        common = dict(footer_links=[], show_error=False, css=CSS, head=HEAD, i18n=upload_i18n())
        if settings.embed_token:  # the chat without login, for portals where a login cannot work
            prefix = f"/embed/{settings.embed_token.get_secret_value()}"
            gr.mount_gradio_app(app, build_ui(assistant), path=prefix,
                                root_path=(root + prefix) if root else None, **common)
        return gr.mount_gradio_app(app, build_ui(assistant, desk), path="/", root_path=root or None,
                                   auth_dependency=login.user_of if login else None,
                                   max_file_size=settings.max_file_bytes + 1024 * 1024, **common)

    return asyncio.run(in_loop())


def check_port(host: str, port: int) -> None:
    """Say so before loading anything when the address is taken (uvicorn would only exit 3)."""
    try:
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as err:
        raise PlanqaError(f"无法监听 {host}:{port}（{err.strerror or err}）：换一个端口（--port 或 PLANQA_PORT）") from None


def serve(settings: Settings) -> None:
    import uvicorn

    check_port(settings.host, settings.port)
    app = create_app(settings)
    uvicorn.run(app, host=settings.host, port=settings.port, root_path=settings.root_path,
                log_level="warning", timeout_graceful_shutdown=5)
