"""The documentation: every code block runs, and the built site holds what readers look for.

Python blocks of one page run in order in one namespace (a tutorial builds on its earlier steps),
in a scratch folder holding a copy of ``examples/``. Blocks that only include a file with
``--8<--`` show ``examples/*.py``, which ``test_examples.py`` runs.
"""

from __future__ import annotations

import html
import io
import json
import re
import shlex
import shutil
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import coordagree
from coordagree.cli import cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [*sorted(DOCS.rglob("*.md")), ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
EXIT = re.compile(r"\s+# exit (\d+)$")
INCLUDE = re.compile(r'^\s*--8<-- "([^"]+)"\s*$')


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """(first line number, code) of every Python block that is not only an include."""
    text = page.read_text("utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        code = match.group(1)
        if all(INCLUDE.match(line) for line in code.splitlines() if line.strip()):
            continue
        blocks.append((text.count("\n", 0, match.start(1)), code))
    return blocks


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_code_blocks_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for line, code in python_blocks(page):
        # Leading newlines make tracebacks point at the page's own line numbers.
        exec(compile("\n" * line + code, str(page), "exec"), namespace)
    capsys.readouterr()


def console_sessions(page: Path) -> list[tuple[str, int, list[str]]]:
    """(command line, expected exit code, expected output lines) of each ``$ coordagree``."""
    sessions: list[tuple[str, int, list[str]]] = []
    for match in CONSOLE.finditer(page.read_text("utf-8")):
        for line in match.group(1).splitlines():
            if line.startswith("$ "):
                command = line[2:]
                code = EXIT.search(command)
                sessions.append((EXIT.sub("", command), int(code.group(1)) if code else 0, []))
            elif line.strip() and line.strip() != "..." and sessions:
                sessions[-1][2].append(line.strip())
    return sessions


@pytest.mark.parametrize(
    "page", [p for p in PAGES if console_sessions(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_console_sessions_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ``$ coordagree ...`` line runs, exits as shown, and prints the lines shown."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shutil.copytree(ROOT / "tests" / "data" / "invalid", tmp_path / "invalid")
    monkeypatch.chdir(tmp_path)
    for command, code, expected in console_sessions(page):
        words = shlex.split(command)
        assert words[0] == "coordagree", command
        result = CliRunner().invoke(cli, words[1:])
        assert result.exit_code == code, (command, result.output)
        for line in expected:
            assert line in result.output, (command, line, result.output)


def test_pages_have_code_blocks_to_run() -> None:
    assert sum(len(python_blocks(page)) for page in PAGES) >= 30


def test_every_example_script_is_shown_in_the_docs() -> None:
    included = {
        INCLUDE.match(line).group(1).split(":")[0]  # type: ignore[union-attr]
        for page in PAGES
        for line in page.read_text("utf-8").splitlines()
        if INCLUDE.match(line)
    }
    scripts = {f"examples/{p.name}" for p in (ROOT / "examples").glob("*.py")}
    assert scripts <= included


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly: a warning (a broken link, a missing include) fails it."""
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(target)],
        cwd=ROOT,
        check=True,
    )
    return target


def inventory(site: Path) -> set[str]:
    raw = (site / "objects.inv").read_bytes()
    header_end = 0
    for _ in range(4):  # four header lines, then zlib-compressed entries
        header_end = raw.index(b"\n", header_end) + 1
    entries = zlib.decompress(raw[header_end:]).decode("utf-8").splitlines()
    return {entry.split(" ", 1)[0] for entry in entries}


def test_every_public_name_is_in_the_inventory(site: Path) -> None:
    names = inventory(site)
    public = {f"coordagree.{name}" for name in coordagree.__all__ if name != "__version__"}
    assert public - names == set()
    assert "coordagree.strategies.agreements" in names
    assert "coordagree.errors.DocumentError" in names


def test_search_finds_what_readers_ask_for(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    for term in ("Period", "overdue", "Ban Dân vận"):
        assert term in text


def test_codes_page_documents_exactly_the_rules(site: Path) -> None:
    html = (site / "reference" / "codes" / "index.html").read_text("utf-8")
    anchors = set(re.findall(r'<h3 id="([a-z-]+)"', html))
    assert anchors == set(coordagree.RULES)


def test_cli_page_documents_every_command(site: Path) -> None:
    html = (site / "reference" / "cli" / "index.html").read_text("utf-8")
    for name in cli.commands:
        assert f"Usage: coordagree {name}" in html


def test_format_page_and_published_schema(site: Path) -> None:
    html = (site / "reference" / "format" / "index.html").read_text("utf-8")
    for name in coordagree.json_schema()["$defs"]:
        assert f'id="{name.lower()}"' in html
    published = site / "schema" / f"coordagree-{coordagree.FORMAT_VERSION}.schema.json"
    assert json.loads(published.read_text("utf-8")) == coordagree.json_schema()


def test_the_gantt_chart_script_is_served_with_the_site(site: Path) -> None:
    """Material fetches Mermaid from a CDN unless one is loaded: the site loads its own."""
    html = (site / "tutorial" / "index.html").read_text("utf-8")
    (script,) = re.findall(r'<script src="([^"]*mermaid[^"]*\.js)"', html)
    served = (site / "tutorial" / script).resolve()
    assert served.is_file() and served.stat().st_size > 1_000_000
    assert served.read_text("utf-8").find("mermaid") >= 0


def test_pages_load_no_web_fonts(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert "fonts.googleapis.com" not in page.read_text("utf-8"), page


def test_tutorial_renders_the_seed_gantt_chart(site: Path) -> None:
    html = (site / "tutorial" / "index.html").read_text("utf-8")
    assert '<pre class="mermaid">' in html
    assert "Tuyên truyền" in html


def test_docstring_examples_run() -> None:
    """The ``Examples:`` sections of docstrings are doctests, shown on the reference pages."""
    import doctest
    import importlib
    import pkgutil

    attempted = 0
    for module in pkgutil.iter_modules(coordagree.__path__, "coordagree."):
        if module.name.endswith("__main__"):
            continue
        result = doctest.testmod(importlib.import_module(module.name), raise_on_error=False)
        assert result.failed == 0, module.name
        attempted += result.attempted
    assert attempted >= 10


def test_every_code_has_an_example_on_the_codes_page() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "scripts" / "docs_hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    corpus = hooks._corpus_examples()
    shown = {*corpus, *hooks.PYTHON_EXAMPLES, *hooks.PYTHON_FINDINGS, *hooks.LOADING_EXAMPLES}
    assert shown == set(coordagree.RULES)
    namespace = {name: getattr(coordagree, name) for name in coordagree.__all__}
    namespace["pendulum"] = __import__("pendulum")
    for code, source in hooks.PYTHON_EXAMPLES.items():
        with pytest.raises(coordagree.errors.ModelError) as caught:
            eval(source, namespace)
        assert caught.value.code == code
    for code, source in hooks.PYTHON_FINDINGS.items():
        assert [finding.code for finding in eval(source, namespace)] == [code]
    for code, source in hooks.LOADING_EXAMPLES.items():
        with pytest.raises(coordagree.errors.DocumentError) as refused:
            eval(source, namespace)
        assert refused.value.codes[-1] == code


def _signature_text(html_page: str, name: str) -> str:
    """The text of the signature that follows the heading of ``coordagree.NAME``."""
    start = html_page.index(f'id="coordagree.{name}"')
    end = html_page.index("</code>", html_page.index('class="doc-signature', start))
    return html.unescape(re.sub(r"<[^>]+>", "", html_page[start:end]))


def _parameters(signature: str) -> dict[str, str]:
    """A signature's parameters by name, split at the commas outside brackets."""
    inner = " ".join(signature.split())
    inner = inner[inner.index("(") + 1 : inner.rindex(")")]
    found: list[str] = []
    depth, current = 0, ""
    for char in inner + ",":
        depth += (char in "[(") - (char in "])")
        if char == "," and depth == 0:
            found.append(current.strip())
            current = ""
        else:
            current += char
    return {p.split(":")[0].strip(): p for p in found if p and p not in ("*", "self")}


def test_the_reference_shows_every_constructor_attrs_generates(site: Path) -> None:
    pages = {
        page: (site / "reference" / page / "index.html").read_text("utf-8")
        for page in ("model", "schedules", "documents", "validation", "codelists", "wording")
    }
    shown = 0
    for name in coordagree.__all__:
        cls = getattr(coordagree, name)
        if not (isinstance(cls, type) and attrs.has(cls)):
            continue
        page = next((p for p in pages.values() if f'id="coordagree.{name}"' in p), None)
        assert page is not None, f"{name} is not in the API reference"
        parameters = _parameters(_signature_text(page, name))
        expected = {
            field.alias: field.default is attrs.NOTHING for field in attrs.fields(cls) if field.init
        }
        assert {p: "=" not in text for p, text in parameters.items()} == expected, name
        assert all(": " in text for text in parameters.values()), name  # each with its type
        shown += 1
    assert shown >= 22
    task = " ".join(_signature_text(pages["model"], "Task").split())
    assert "due: Period | str | datetime.date | None = None" in task
    assert "title: Text | str | Mapping[str, str] | None," in task  # required: no default


# Material draws a Mermaid chart into a *closed* shadow root, which no DOM dump shows; the page
# is served with this script first, so each root is opened and copied into an attribute.
_SHADOW_PROBE = b"""<script>
const attach = Element.prototype.attachShadow;
const roots = [];
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, {...init, mode: "open"});
  roots.push([this, root]);
  return root;
};
setInterval(() => {
  for (const [host, root] of roots) host.setAttribute("data-shadow", root.innerHTML);
}, 50);
</script>"""


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


def _served(site: Path) -> tuple[str, Callable[[], None]]:
    """The site on a loopback port, each page with `_SHADOW_PROBE` first in its head."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def send_head(self) -> Any:
            path = Path(self.translate_path(self.path))
            page = path / "index.html" if path.is_dir() else path
            if page.suffix != ".html" or not page.is_file():
                return super().send_head()
            body = page.read_bytes().replace(b"<head>", b"<head>" + _SHADOW_PROBE, 1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}", stop


def test_the_gantt_chart_renders_offline_in_a_browser(site: Path, tmp_path: Path) -> None:
    """The tutorial's chart is an SVG drawn by the site's own Mermaid copy, with no network."""
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium here: `make test` installs Debian's chromium where it can")
    page = (site / "tutorial" / "index.html").read_text("utf-8")
    assert "cdn" not in page.lower() and "unpkg" not in page and "jsdelivr" not in page
    address, stop = _served(site)
    try:
        dom = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--virtual-time-budget=20000",
                "--dump-dom",
                f"{address}/tutorial/",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    finally:
        stop()
    charts = re.findall(r'<div class="mermaid" data-shadow="([^"]*)"', dom)
    assert charts, "the chart was not drawn: the Mermaid script did not run"
    chart = html.unescape(charts[0])
    assert chart.lstrip().startswith("<svg") and 'aria-roledescription="gantt"' in chart
    labels = [label.strip() for label in re.findall(r"<text[^>]*>([^<]*)<", chart)]
    assert "Tuyên truyền vận động các đương sự tự nguyện thi hành án" in labels  # a task's bar
    assert any(label.startswith("hội nghị ký kết") for label in labels)  # the signing milestone
    assert "gantt\n" not in chart  # drawn, not shown as source text
