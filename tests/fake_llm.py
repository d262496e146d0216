"""A fake OpenAI-compatible chat server on loopback, for LLM-mode tests (never a mock object).

It answers from the prompt it is sent: it cites the first task number found in the context, plus
a task that was never in the context, so that citation checking has something to remove. Its
``mode`` makes it fail the ways real servers fail: "error" (HTTP 500), "slow" (no answer in
time), "garbage" (not JSON), "empty" (no content).
"""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeLLM:
    def __init__(self):
        self.mode = "ok"
        self.requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> "FakeLLM":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reply_for(self, body: dict) -> str:
        prompt = "\n".join(m.get("content", "") for m in body.get("messages", []))
        context = prompt.rsplit("计划原文（节选）", 1)[-1]
        m = re.search(r"\[第(\d+)项\]", context)
        task = m.group(1) if m else "1"
        return f"根据计划原文，这项工作由第{task}项安排 [第{task}项]。另见 [第99项]。"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_POST(self):
                try:
                    self._answer()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): as a real server would see it

            def _answer(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(body)
                if fake.mode == "error":
                    return self._send(500, {"error": {"message": "boom"}})
                if fake.mode == "slow":
                    time.sleep(3)
                if fake.mode == "garbage":
                    return self._raw(200, b"<html>not json", "text/html")
                text = "" if fake.mode == "empty" else fake.reply_for(body)
                if body.get("stream"):
                    return self._stream(text, body.get("model", "fake"))
                return self._send(200, {
                    "id": "chatcmpl-1", "object": "chat.completion", "created": 0,
                    "model": body.get("model", "fake"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": text}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                })

            def _stream(self, text: str, model: str):
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                pieces = [text[i : i + 5] for i in range(0, len(text), 5)] or [""]
                for piece in pieces:
                    chunk = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0,
                             "model": model, "choices": [{"index": 0, "delta": {"content": piece},
                                                          "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                done = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0,
                        "model": model, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

            def _send(self, status: int, payload: dict):
                self._raw(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json")

            def _raw(self, status: int, data: bytes, kind: str):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler
