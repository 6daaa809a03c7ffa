"""Headless Chromium for the tests of the HTML report, through the DevTools protocol.

A page is opened in a fresh profile with every background service off, and the test reads
what a reviewer's browser would see: the DOM after the page's own script ran, the console
messages and uncaught errors, every network request the page made, and a full-page
screenshot. Only the ``websocket-client`` package is needed besides Chromium itself.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio")


def chromium() -> str | None:
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@dataclass
class PageVisit:
    dom: str
    console: list[dict] = field(default_factory=list)  # console calls and log entries
    errors: list[dict] = field(default_factory=list)  # uncaught exceptions
    requests: list[str] = field(default_factory=list)  # URLs the page asked for
    values: dict[str, object] = field(default_factory=dict)  # results of the expressions


class _Session:
    def __init__(self, url: str) -> None:
        import websocket  # the test dependency websocket-client

        self.socket = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        ident = self.next_id
        self.socket.settimeout(120)
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(event.get("method") == method for event in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(method)
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            self.events.append(json.loads(self.socket.recv()))

    def drain(self, seconds: float) -> None:
        """Collect the events that arrive within ``seconds`` (late requests or errors)."""
        self.socket.settimeout(seconds)
        try:
            while True:
                self.events.append(json.loads(self.socket.recv()))
        except Exception:  # noqa: BLE001 - the timeout ends the collection
            return


def visit(page: Path, screenshot: Path | None = None, expressions: dict[str, str] | None = None,
          javascript: bool = True, width: int = 1280,
          clips: dict[Path, tuple[int, int]] | None = None) -> PageVisit:
    """Open ``page`` (a local file) and report what happened; with ``screenshot``, write a
    PNG of the whole page there, and one PNG per ``clips`` entry (path: top, height) of that
    band of the page; ``expressions`` are evaluated in the page afterwards."""
    binary = chromium()
    assert binary is not None, "chromium is not installed"
    # chromium's helper processes may still write its profile after the browser has ended:
    # the whole process group is ended, and what they leave behind does not fail the test
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
             f"--window-size={width},900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            port_file = Path(profile) / "DevToolsActivePort"
            deadline = time.monotonic() + 60
            while not port_file.exists() or not port_file.read_text().strip():
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("chromium did not start")
                time.sleep(0.1)
            port = int(port_file.read_text().split()[0])
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as answer:
                targets = json.load(answer)
            target = next(t for t in targets if t.get("type") == "page")
            session = _Session(target["webSocketDebuggerUrl"])
            try:
                return _run(session, page, screenshot, expressions or {}, javascript, width,
                            clips or {})
            finally:
                session.socket.close()
        finally:
            _end(process)


def _end(process: subprocess.Popen) -> None:
    """End the browser and every process it started (its own process group)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, None)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        try:  # the helpers of the group, once the browser itself is gone
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return


def _run(session: _Session, page: Path, screenshot: Path | None, expressions: dict[str, str],
         javascript: bool, width: int, clips: dict[Path, tuple[int, int]]) -> PageVisit:
    for domain in ("Page", "Runtime", "Network", "Log"):
        session.call(f"{domain}.enable")
    if not javascript:
        session.call("Emulation.setScriptExecutionDisabled", value=True)
    session.events.clear()
    session.call("Page.navigate", url=page.resolve().as_uri())
    session.wait_for("Page.loadEventFired")
    session.drain(1.0)
    dom = session.call("Runtime.evaluate", expression="document.documentElement.outerHTML",
                       returnByValue=True)["result"]["value"]
    values = {name: session.call("Runtime.evaluate", expression=expression,
                                 returnByValue=True)["result"].get("value")
              for name, expression in expressions.items()}
    if screenshot is not None:
        shot = session.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        screenshot.write_bytes(base64.b64decode(shot["data"]))
    for path, (top, height) in clips.items():
        shot = session.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                            clip={"x": 0, "y": top, "width": width, "height": height, "scale": 1})
        path.write_bytes(base64.b64decode(shot["data"]))
    page_url = page.resolve().as_uri()
    visit_ = PageVisit(dom=dom, values=values)
    for event in session.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            visit_.console.append({"type": params.get("type"),
                                   "text": " ".join(str(a.get("value", a.get("description", "")))
                                                    for a in params.get("args", []))})
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            visit_.console.append({"type": entry.get("level"), "text": entry.get("text"),
                                   "source": entry.get("source")})
        elif method == "Runtime.exceptionThrown":
            visit_.errors.append(params.get("exceptionDetails", {}))
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if url != page_url:
                visit_.requests.append(url)
    return visit_
