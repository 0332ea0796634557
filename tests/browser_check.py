"""`make browser-check`: open index.html in headless Chromium and fail on any console error or
image that does not load; save a screenshot of the whole page.

Chromium is driven through its DevTools protocol over a WebSocket (a minimal client on the
standard library: no driver, no extra package). Not part of `make test`: CI has no Chromium.

    python tests/browser_check.py figures/index.html --screenshot /tmp/index.png
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1280,900",
    "--remote-debugging-port=0",
]
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
IMAGES = """JSON.stringify(Array.from(document.images).map(i => ({
  src: i.getAttribute('src'), alt: i.alt, ok: i.complete && i.naturalWidth > 0})))"""


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: masked text frames out, frames in."""

    def __init__(self, url: str, timeout: float = 60):
        rest = url.removeprefix("ws://")
        host_port, path = rest.split("/", 1)
        host, port = host_port.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the handshake")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(f"DevTools refused the WebSocket: {head.decode(errors='replace').splitlines()[0]}")

    def _exact(self, n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            buf += chunk
        return bytes(buf)

    def _frame(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x80 | opcode])
        if n < 126:
            head += bytes([0x80 | n])
        elif n < 1 << 16:
            head += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", n)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def send(self, text: str) -> None:
        self._frame(0x1, text.encode("utf-8"))

    def recv(self) -> str:
        parts = []
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            mask = self._exact(4) if b1 & 0x80 else None
            data = self._exact(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode == 0x9:  # ping
                self._frame(0xA, data)
                continue
            if opcode in (0x0, 0x1, 0x2):
                parts.append(data)
                if b0 & 0x80:
                    return b"".join(parts).decode("utf-8")


class DevTools:
    def __init__(self, ws: WebSocket):
        self.ws, self.next_id, self.events = ws, 0, []

    def call(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, method: str, timeout: float) -> None:
        end = time.monotonic() + timeout
        while not any(e["method"] == method for e in self.events):
            if time.monotonic() > end:
                raise TimeoutError(f"no {method} within {timeout:.0f} s")
            self.events.append(json.loads(self.ws.recv()))


def problems_from(events) -> list[str]:
    """Console errors, uncaught exceptions, error log entries and failed loads."""
    out = []
    urls = {e["params"]["requestId"]: e["params"]["request"]["url"] for e in events if e["method"] == "Network.requestWillBeSent"}
    for e in events:
        m, p = e["method"], e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append("console error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Runtime.exceptionThrown":
            out.append("exception: " + p.get("exceptionDetails", {}).get("text", ""))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            entry = p["entry"]
            out.append(f"console error: {entry.get('text', '')} {entry.get('url', '')}".strip())
        elif m == "Network.loadingFailed" and not p.get("canceled"):
            out.append(f"failed to load: {urls.get(p.get('requestId'), p.get('requestId'))} ({p.get('errorText', '')})")
    return out


def _browser() -> str:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser-check: no Chromium found (make browser-check installs Debian's chromium)")


def _endpoint(profile: Path, proc, timeout: float = 60) -> str:
    """The page's WebSocket URL, from the port Chromium writes into its profile."""
    port_file = profile / "DevToolsActivePort"
    end = time.monotonic() + timeout
    while not port_file.exists() or not port_file.read_text().strip():
        if proc.poll() is not None or time.monotonic() > end:
            sys.exit(f"browser-check: Chromium did not start (exit {proc.poll()})")
        time.sleep(0.1)
    port = port_file.read_text().split()[0]
    while True:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            pages = [t for t in json.load(r) if t.get("type") == "page"]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        if time.monotonic() > end:
            sys.exit("browser-check: Chromium opened no page")
        time.sleep(0.1)


def check(index: Path, screenshot: Path, timeout: float = 120) -> list[str]:
    """Open `index` headless; return every problem (empty: the page is clean); save a screenshot."""
    with tempfile.TemporaryDirectory(prefix="cproc-browser-") as tmp:
        profile = Path(tmp) / "profile"
        proc = subprocess.Popen(
            [_browser(), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            tools = DevTools(WebSocket(_endpoint(profile, proc), timeout=timeout))
            for domain in ("Runtime", "Log", "Network", "Page"):
                tools.call(f"{domain}.enable")
            tools.call("Page.navigate", url=index.resolve().as_uri())
            tools.wait_for("Page.loadEventFired", timeout)
            images = json.loads(tools.call("Runtime.evaluate", expression=IMAGES, returnByValue=True)["result"]["value"])
            size = tools.call("Page.getLayoutMetrics")["cssContentSize"]
            shot = tools.call(
                "Page.captureScreenshot",
                format="png",
                captureBeyondViewport=True,
                clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
            )
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
            problems = problems_from(tools.events)
            problems += [f"image did not load: {i['src']}" for i in images if not i["ok"]]
            problems += [f"image without alt text: {i['src']}" for i in images if not i["alt"].strip()]
            if not images:
                problems.append("the page shows no image")
            print(f"browser-check: {index}: {len(images)} images, {sum(i['ok'] for i in images)} loaded; screenshot {screenshot}")
            return problems
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("index", type=Path)
    p.add_argument("--screenshot", type=Path, default=Path(tempfile.gettempdir()) / "cproc-data-browser-check.png")
    args = p.parse_args(argv)
    if not args.index.is_file():
        print(f"browser-check: {args.index} does not exist (run make figures)", file=sys.stderr)
        return 2
    problems = check(args.index, args.screenshot)
    for line in problems:
        print(f"browser-check: {line}", file=sys.stderr)
    if problems:
        print(f"browser-check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("browser-check: no console error, every image loaded")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
