"""Quality gates for every page a browser test visits: WCAG 2.1 A/AA (axe-core) and valid HTML (vnu).

While a test runs, every HTML document the server sends is captured as it was sent
(GET pages, but also a form re-rendered with errors after a POST). After the test each
distinct document is rendered again in the same browser context (the captured body is
served for its own URL, so stylesheets and scripts load as before), axe-core checks it,
and the Nu Html Checker validates the bodies in one run. `sideways_scroll` tells whether a page
scrolls sideways (WCAG 1.4.10 reflow) and which elements cause it.
"""

import base64
import contextlib
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.base import AXE_FILE_PATH
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VNU_JAR = Path(os.environ.get("VNU_JAR", Path(__file__).resolve().parents[2] / ".venv" / "vnu" / "vnu.jar"))


# Documents that passed a gate earlier in this test process (axe also per viewport): the same bytes
# pass again, so the login page and the home pages that every journey opens are checked once.
META_REFRESH = re.compile(r'<meta http-equiv="refresh"[^>]*>')
_PASSED_AXE: set[tuple[str, str]] = set()
_PASSED_VNU: set[str] = set()


@dataclass
class Document:
    url: str
    body: str


@dataclass
class PageAudit:
    documents: dict[str, Document] = field(default_factory=dict)

    def capture(self, response):
        """Playwright 'response' handler: keep every HTML document the server sent."""
        if response.request.resource_type != "document":
            return
        if "text/html" not in response.headers.get("content-type", ""):
            return
        try:
            body = response.text()
        except Exception:  # a redirect or aborted navigation has no body
            return
        self.documents.setdefault(_digest(body), Document(url=response.url, body=body))

    def accessibility_violations(self, context) -> list[str]:
        """Render each captured document again and return axe-core's WCAG A/AA violations."""
        axe = Axe()
        problems = []
        page = context.new_page()
        # Every document this page opens is checked: Chromium loads axe-core with each of them,
        # instead of 570 kB of script crossing from Python to the browser once per document.
        page.add_init_script(path=str(AXE_FILE_PATH))
        viewport = "{width}x{height}".format(**page.viewport_size) if page.viewport_size else "?"
        documents = DocumentServer(context, page)
        try:
            for digest, document in self.documents.items():
                if (digest, viewport) in _PASSED_AXE:
                    continue
                documents.serve(document)
                page.goto(document.url)
                found = axe_violations(page, axe, label=document.url)
                if not found:
                    _PASSED_AXE.add((digest, viewport))
                problems += found
        finally:
            documents.close()
            page.close()
        return problems

    def html_errors(self, directory: Path) -> list[str]:
        """Validate the captured documents with the Nu Html Checker (vnu.jar, from npm's vnu-jar)."""
        if not self.documents:
            return []
        if not VNU_JAR.exists():
            return [f"vnu.jar not found at {VNU_JAR}: run `make test`, it installs the Nu Html Checker"]
        directory.mkdir(parents=True, exist_ok=True)
        for digest, document in self.documents.items():
            # Kept on disk so a failing document can be opened and checked by hand.
            (directory / f"{digest[:12]}.html").write_text(document.body, encoding="utf-8")
        unchecked = [(digest, document) for digest, document in self.documents.items() if digest not in _PASSED_VNU]
        if not unchecked:
            return []
        server = vnu_server()
        # The checker answers several requests at once; a sweep of many pages waits less.
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(lambda item: server.check(item[1].body), unchecked))
        problems = []
        for (digest, document), messages in zip(unchecked, answers):
            errors = [message for message in messages if message.get("type") == "error"]
            if not errors:
                _PASSED_VNU.add(digest)
            problems += [f"{document.url}:{error.get('lastLine', '?')}: {error['message']}" for error in errors]
        return problems


class DocumentServer:
    """Answers a page's navigation to a captured document's URL with the captured body, through the
    DevTools protocol's Fetch domain for documents only. Playwright's own page.route() would do the
    same but switches the browser's HTTP cache off: every re-rendered document then fetched its 500 kB
    of stylesheets and scripts from the live server again (measured: 130 of the 150 ms a document took)."""

    def __init__(self, context, page):
        self.document: Document | None = None
        self.session = context.new_cdp_session(page)
        self.session.on("Fetch.requestPaused", self._answer)
        self.session.send("Fetch.enable", {"patterns": [{"resourceType": "Document", "requestStage": "Request"}]})

    def serve(self, document: Document) -> None:
        self.document = document

    def _answer(self, event) -> None:
        document = self.document
        if document is None or event["request"]["url"] != document.url:
            self.session.send("Fetch.continueRequest", {"requestId": event["requestId"]})
            return
        # A page that goes on at once (the provider logout) is checked as it is, not left.
        body = META_REFRESH.sub("", document.body).encode("utf-8")
        self.session.send(
            "Fetch.fulfillRequest",
            {
                "requestId": event["requestId"],
                "responseCode": 200,
                "responseHeaders": [{"name": "Content-Type", "value": "text/html; charset=utf-8"}],
                "body": base64.b64encode(body).decode("ascii"),
            },
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.session.detach()


def axe_violations(page, axe: Axe, *, label: str) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now, one line each."""
    # Only violations come back in full: collecting and sending every pass of a large page takes time.
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    response = page.evaluate("options => axe.run(options)", options)
    problems = []
    for violation in response["violations"]:
        targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:3])
        problems.append(f"{label}: {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return problems


# The outermost elements that stick out on the right, so a failure says where to look.
_WIDER_THAN_VIEWPORT = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const describe = (element) => element.tagName.toLowerCase()
        + (element.id ? "#" + element.id : "")
        + [...element.classList].slice(0, 3).map((name) => "." + name).join("");
    const sticksOut = (rect) => rect.width > 0 && rect.right > width + 1;
    // Content of a box that scrolls or clips on its own does not widen the page; but an absolutely
    // positioned element (a visually hidden label) escapes every box up to its containing block.
    const scrollsInside = (element) => {
        let position = getComputedStyle(element).position;
        for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (position === "absolute" && style.position === "static") continue;
            if (style.overflowX !== "visible") return true;
            position = style.position;
        }
        return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter(
        (element) => sticksOut(element.getBoundingClientRect()) && !scrollsInside(element)
            && getComputedStyle(element).position !== "fixed");
    if (!wide.length) {  // text that runs out of its box (a long word, a line that may not wrap)
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        while (walker.nextNode()) {
            range.selectNodeContents(walker.currentNode);
            const parent = walker.currentNode.parentElement;
            if (sticksOut(range.getBoundingClientRect()) && !scrollsInside(parent)) wide.push(parent);
        }
    }
    const outermost = wide.filter((element) => !wide.includes(element.parentElement));
    const names = outermost.slice(0, 3).map(describe);
    return `${document.documentElement.scrollWidth} px wide: ${names.join(", ") || "?"}`;
}"""


def sideways_scroll(page) -> str | None:
    """Whether the page scrolls sideways at its current width (WCAG 1.4.10 reflow), and what causes it."""
    return page.evaluate(_WIDER_THAN_VIEWPORT)


# Django masks the CSRF token anew for every response: without it, a page seen twice is one document.
_CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')


def _digest(body: str) -> str:
    return hashlib.sha1(_CSRF_TOKEN.sub(r'\1"', body).encode()).hexdigest()


class _VnuServer:
    """One Nu Html Checker web service for the whole test run, shared by the xdist workers.

    Java takes seconds of CPU to start and to warm up: the first worker that needs the checker
    starts it (under a file lock) and writes its port; the others use it. The process that ends the
    run stops it (stop_shared_vnu_server, called from tests/conftest.py).
    """

    def __init__(self):
        directory = shared_directory()
        with open(directory / "vnu.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            port_file = directory / "vnu.port"
            if port_file.exists():
                self.port = int(port_file.read_text())
            else:
                self.port = self._start(directory)
                port_file.write_text(str(self.port))

    @staticmethod
    def _start(directory: Path) -> int:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            ["java", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", str(VNU_JAR)]
            + ["nu.validator.servlet.Main", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # survives the worker that started it, until the run ends
        )
        (directory / "vnu.pid").write_text(str(process.pid))
        for _ in range(240):  # attempts of half a second: Java starts slowly on a busy machine
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return port
            except OSError:
                if process.poll() is not None:
                    break
                threading.Event().wait(0.5)
        raise RuntimeError("The Nu Html Checker did not start (java -cp vnu.jar nu.validator.servlet.Main).")

    def check(self, body: str) -> list[dict]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json",
            data=body.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.loads(response.read().decode("utf-8"))["messages"]


@functools.cache
def vnu_server() -> _VnuServer:
    return _VnuServer()


SHARED_DIRECTORY = "COMPETENTIE_TEST_SHARED_DIR"


def shared_directory() -> Path:
    """A directory for the whole test run, set by the first process (tests/conftest.py) for its workers."""
    if SHARED_DIRECTORY not in os.environ:
        os.environ[SHARED_DIRECTORY] = tempfile.mkdtemp(prefix="competentie-tests-")
    return Path(os.environ[SHARED_DIRECTORY])


def stop_shared_vnu_server() -> None:
    pid_file = shared_directory() / "vnu.pid"
    if pid_file.exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
    shutil.rmtree(shared_directory(), ignore_errors=True)
