"""MkDocs hooks: the reference pages that are generated from the library itself.

A page asks for generated content with a marker comment on a line of its own:

- ``<!-- coordagree:codes -->``: every validation code in `coordagree.RULES`;
- ``<!-- coordagree:cli -->``: the ``--help`` of every command of the command line;
- ``<!-- coordagree:format -->``: every object of the document format, from the JSON Schema;
- ``<!-- coordagree:seed-gantt -->``: the seed programme's Gantt chart (Mermaid).

Generating these at build time means the site cannot drift from the code. The JSON Schema is
also published at the address in its ``$id`` (``/schema/coordagree-<version>.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import coordagree
from coordagree.cli import cli

_WIDTH = 88


_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "invalid"

# Codes that only building a class in Python can trigger (a document cannot express them).
PYTHON_EXAMPLES = {
    "precision-mismatch": (
        "Period(start=pendulum.date(2023, 3, 14), end=pendulum.date(2023, 12, 31),\n"
        "       start_precision=DatePrecision.YEAR)"
    ),
    "missing-language": 'Text("Ban Dân vận", translations={"en": "Mass Mobilisation Board"})',
    "duplicate-language": 'Text("Ban Dân vận", lang="vi", translations={"vi": "Ban Dân vận"})',
    "bad-extension": 'Party(id="a", name="Cơ quan A", extensions={"note": "không có tiền tố x-"})',
}

# Findings no document can give: a document reads every FY date with its agreement's
# fiscal_year_start, so only an agreement built in Python can hold one of another month.
PYTHON_FINDINGS = {
    "fiscal-year-mismatch": (
        'validate(Agreement(id="mou", fiscal_year_start=10,\n'
        "                   period=Period.fiscal_years(1995, 1998, start_month=7)))"
    ),
}


# Refusals that need a special file or a setting rather than a document's text.
LOADING_EXAMPLES = {
    "not-a-file": 'load("/dev/null", format="yaml")  # a device: it is never read',
    "too-many-findings": (
        "loads('coordagree: \"1.1\"\\nid: mou\\ntitle: MOU\\nkind: mou\\n'\n"
        "      'signed: 2024\\nparty: FWS\\n', \"yaml\", limits=Limits(max_findings=1))"
    ),
}


def _corpus_examples() -> dict[str, str]:
    """For each code, the first corpus document that produces it."""
    expected = json.loads((_CORPUS / "expected.json").read_text("utf-8"))
    found: dict[str, str] = {}
    for name in sorted(expected):
        for code, _path in expected[name]["findings"]:
            found.setdefault(code, name)
    return found


def _shown(name: str) -> str:
    raw = (_CORPUS / name).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return f"```text\n{raw[:200]!r}\n```"
    lines = [
        line if len(line) <= 100 else line[:60] + " … (100,001 characters)"
        for line in text.splitlines()
    ]
    language = {"json": "json", "yaml": "yaml"}.get(name.rsplit(".", 1)[-1], "text")
    return f'```{language} title="tests/data/invalid/{name}"\n' + "\n".join(lines) + "\n```"


def _codes() -> Iterator[str]:
    groups = (
        ("Structural codes", True, "Reported by `load`/`loads` while reading a document."),
        ("Semantic codes", False, "Reported by `validate` (and by `load(..., validate=True)`)."),
    )
    examples = _corpus_examples()
    for title, structural, where in groups:
        yield f"## {title}\n\n{where}\n"
        for rule in coordagree.RULES.values():
            if rule.structural is structural:
                yield f"### `{rule.code}` {{#{rule.code}}}\n"
                yield f"**{rule.severity.value}** · {rule.summary}\n"
                if rule.code in examples:
                    yield f"For example:\n\n{_shown(examples[rule.code])}\n"
                elif rule.code in PYTHON_EXAMPLES:
                    yield (
                        "Only a class built in Python can do this, for example:\n\n"
                        f"```python\n{PYTHON_EXAMPLES[rule.code]}\n```\n"
                    )
                elif rule.code in LOADING_EXAMPLES:
                    yield (
                        "For example (the call raises `DocumentError` with this code):\n\n"
                        f"```python\n{LOADING_EXAMPLES[rule.code]}\n```\n"
                    )
                elif rule.code in PYTHON_FINDINGS:
                    yield (
                        "Only an agreement built in Python can hold this, for example:\n\n"
                        f"```python\n{PYTHON_FINDINGS[rule.code]}\n```\n"
                    )


def _cli() -> Iterator[str]:
    root = click.Context(
        cli, info_name="coordagree", max_content_width=_WIDTH, terminal_width=_WIDTH
    )
    yield "## `coordagree`\n"
    yield f"```text\n{cli.get_help(root)}\n```\n"
    for name, command in cli.commands.items():
        context = click.Context(command, info_name=name, parent=root)
        yield f"## `coordagree {name}`\n"
        yield f"```text\n{command.get_help(context)}\n```\n"


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        kinds = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(kinds)
    if schema.get("type") == "array":
        return f"list of {_type(schema['items'])}"
    if "const" in schema:
        return f'`"{schema["const"]}"`'
    if "pattern" in schema:
        return f"{schema['type']} matching `{schema['pattern']}`"
    return str(schema.get("type", "any"))


def _object(name: str, schema: dict[str, Any]) -> Iterator[str]:
    yield f"### {name}\n\n{schema.get('description', '')}\n"
    if "enum" in schema:
        yield "One of: " + ", ".join(f"`{value}`" for value in schema["enum"]) + ".\n"
    elif "properties" in schema:
        required = set(schema.get("required", ()))
        yield "| key | type | required | meaning |\n|---|---|---|---|"
        for key, prop in schema["properties"].items():
            mark = "yes" if key in required else ""
            text = prop.get("description", "").replace("|", "\\|")
            yield f"| `{key}` | {_type(prop)} | {mark} | {text} |"
        if "patternProperties" in schema:
            yield "| `x-…` | any |  | An extension, kept as given. |"
        yield ""
    else:
        yield f"```json\n{json.dumps(schema, indent=2, ensure_ascii=False)}\n```\n"


def _format() -> Iterator[str]:
    schema = coordagree.json_schema()
    yield from _object("Document", schema)
    for name, definition in schema["$defs"].items():
        yield from _object(name, definition)


def _gantt() -> Iterator[str]:
    yield f"```mermaid\n{coordagree.to_mermaid(coordagree.seed_programme())}\n```"


_MARKERS: dict[str, Callable[[], Iterator[str]]] = {
    "<!-- coordagree:codes -->": _codes,
    "<!-- coordagree:cli -->": _cli,
    "<!-- coordagree:format -->": _format,
    "<!-- coordagree:seed-gantt -->": _gantt,
}


def on_page_markdown(markdown: str, **_: Any) -> str:
    """Replace each marker line with the content generated for it."""
    for marker, generate in _MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, "\n".join(generate()))
    return markdown


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:
    """Publish the JSON Schema at the address its ``$id`` names."""
    name = f"schema/coordagree-{coordagree.FORMAT_VERSION}.schema.json"
    content = json.dumps(coordagree.json_schema(), indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, name, content=content))
    return files
