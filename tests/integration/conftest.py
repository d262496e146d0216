import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("PLANQA_ARTIFACTS", ROOT / "test-artifacts"))  # screenshots
# *.test names resolve to loopback: a portal at portal.test embeds the chat at planqa.test, two
# different sites over plain http, as on an intranet.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP *.test 127.0.0.1"]


def stop_process(proc: subprocess.Popen, timeout: float) -> None:
    """Terminate a server process, killing it if it does not exit within ``timeout`` seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    """A real `chroma run` on loopback, started and stopped by the tests."""

    def __init__(self, path: Path):
        self.path, self.port, self.proc = path, free_port(), None
        self.binary = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=os.environ | {"ANONYMIZED_TELEMETRY": "False"},
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run did not become ready on port {self.port}")

    def stop(self) -> None:
        if self.proc:
            stop_process(self.proc, timeout=10)
        self.proc = None


@pytest.fixture
def chroma_server(tmp_path):
    server = ChromaServer(tmp_path / "chroma-server")
    assert server.binary, "the chroma command (from chromadb) is not installed"
    server.start()
    yield server
    server.stop()


def run_planqa(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planqa", *args], capture_output=True, text=True, encoding="utf-8",
        timeout=timeout, env=os.environ | (env or {}),
    )


@pytest.fixture(scope="session")
def built_home(tmp_path_factory) -> Path:
    """A PLANQA_HOME with the bundled plan indexed once; servers start on copies of it."""
    home = tmp_path_factory.mktemp("built-home")
    done = run_planqa("index", env={"PLANQA_HOME": str(home)})
    assert done.returncode == 0, done.stderr
    return home


class PlanqaServer:
    """A real `planqa serve` on loopback over a copy of ``built_home``."""

    def __init__(self, home: Path, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = os.environ | {"PLANQA_HOME": str(home), "PLANQA_PORT": str(self.port),
                                 "ANONYMIZED_TELEMETRY": "False"} | (env or {})
        self.proc = subprocess.Popen([sys.executable, "-m", "planqa", "serve"], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("planqa serve exited: " + self.proc.stderr.read().decode())
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("planqa serve did not become ready")

    def stop(self) -> None:
        stop_process(self.proc, timeout=20)
        self.proc.stderr.close()


@pytest.fixture(scope="session")
def start_server(built_home, tmp_path_factory):
    """start_server(env) → a running PlanqaServer; all are stopped at the end of the session."""
    servers = []

    def start(env: dict | None = None) -> PlanqaServer:
        home = tmp_path_factory.mktemp("serve-home") / "home"
        shutil.copytree(built_home, home)
        servers.append(PlanqaServer(home, env))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def planqa_server(start_server) -> PlanqaServer:
    """The default `planqa serve` (no login, no token), shared by the HTTP and browser tests."""
    return start_server()


_running: list = []  # the shared browser while it runs: (playwright, browser)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, launched once for all the browser tests of the
    session. It is closed after the last test that uses it (``pytest_runtest_teardown``): while
    the sync Playwright runs, its event loop counts as running in this thread, and a later test's
    ``asyncio.run`` (``create_app``) would fail."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    assert Path(CHROMIUM).exists(), "Debian's chromium is not installed (.ci/run installs it)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    playwright = sync_api.sync_playwright().start()
    try:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    except BaseException:
        playwright.stop()
        raise
    _running.append((playwright, launched))
    yield launched
    _close_browser()


def _close_browser() -> None:
    while _running:
        playwright, launched = _running.pop()
        try:
            launched.close()
        finally:
            playwright.stop()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """The shared browser closes as soon as no test left in the session needs it."""
    if _running and "browser" in item.fixturenames:
        later = item.session.items[item.session.items.index(item) + 1:]
        if not any("browser" in getattr(i, "fixturenames", ()) for i in later):
            _close_browser()
