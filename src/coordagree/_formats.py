"""The one place that turns text into plain data and back: JSON, YAML and TOML, safely.

Parsing never constructs objects (YAML tags other than the core schema are refused), refuses
duplicate keys (JSON and YAML parsers otherwise keep the last silently), and holds every
document to `Limits`. YAML keeps line and column for every JSON Pointer.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterator
from typing import Any, Literal

import attrs
import orjson
import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coordagree._pointer import pointer
from coordagree.errors import DocumentError, Finding, MissingExtraError, Severity

__all__ = ["Format", "Limits", "Parsed", "detect_format", "format_for_path", "parse", "render"]

Format = Literal["json", "yaml", "toml"]
"""A document format."""

_EXTENSIONS: dict[str, Format] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}


@attrs.frozen(kw_only=True)
class Limits:
    """Bounds every loaded document is held to; exceeding one is a `DocumentError`.

    The defaults admit any real agreement (a 100,000-task programme is about 30 MB) and refuse
    what only an attack or an accident produces.

    Attributes:
        max_bytes: Largest document, in bytes.
        max_depth: Deepest nesting of mappings and lists.
        max_string: Longest string, in characters.
        max_aliases: Most YAML aliases (``*name``) in one document.
        max_nodes: Most values in one document, counting each alias expansion again.
        max_alias_nodes: Most values YAML aliases may add to what is written: a document that
            repeats a few shared blocks is fine, one that multiplies them is an attack.
    """

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 32
    max_string: int = 100_000
    max_aliases: int = 100
    max_nodes: int = 10_000_000
    max_alias_nodes: int = 10_000


@attrs.frozen
class Parsed:
    """Plain data parsed from a document, with the source position of each pointer if known."""

    data: Any
    positions: dict[str, tuple[int, int]]

    def position(self, path: str) -> tuple[int | None, int | None]:
        """Line and column of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.positions:
                return self.positions[path]
            if not path:
                return None, None
            path = path.rsplit("/", 1)[0]


def format_for_path(path: str) -> Format:
    """The format a file's extension names.

    Raises:
        DocumentError: the extension is not .json, .yaml, .yml or .toml.
    """
    suffix = path[path.rfind(".") :].lower() if "." in path else ""
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        raise DocumentError(
            [
                _finding(
                    "unknown-format",
                    "",
                    f"cannot tell the format of {path!r}: use .json, .yaml, .yml or .toml",
                )
            ],
            source=path,
        ) from None


_TOML_START = re.compile(r"^\s*(#.*\n\s*)*([A-Za-z0-9_\"'-]+\s*=|\[)")


def detect_format(text: str) -> Format:
    """Guess a document's format from its text: JSON, TOML, else YAML."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        return "json"
    if _TOML_START.match(stripped):
        return "toml"
    return "yaml"


def _finding(code: str, path: str, message: str, **extra: Any) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, path=path, message=message, **extra)


def _decode(data: str | bytes, limits: Limits) -> str:
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > limits.max_bytes:
        raise DocumentError(
            [
                _finding(
                    "too-large",
                    "",
                    f"the document is {size} bytes, over the limit of {limits.max_bytes}",
                )
            ]
        )
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                [
                    _finding(
                        "encoding",
                        "",
                        f"the document is not UTF-8: byte {exc.start} is {data[exc.start]:#04x}",
                    )
                ]
            ) from None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DocumentError(
            [
                _finding(
                    "encoding",
                    "",
                    f"the document holds an unpaired surrogate at character {exc.start}",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


# -- JSON --------------------------------------------------------------------------------------


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it saw twice."""

    duplicates: list[str]


def _object_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _parse_json(text: str) -> Parsed:
    try:
        data = json.loads(text, object_pairs_hook=_object_pairs)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            [
                _finding(
                    "syntax", "", f"not valid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
                )
            ]
        ) from None
    except RecursionError:
        raise DocumentError([_finding("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, {})


# -- YAML --------------------------------------------------------------------------------------


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.2-like implicit typing: dates stay strings, only true/false are booleans."""


_Resolver.yaml_implicit_resolvers = {}
for _first, _rules in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
    _Resolver.yaml_implicit_resolvers[_first] = [
        (tag, regexp)
        for tag, regexp in _rules
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _CountingComposer(Composer):
    aliases = 0
    max_aliases = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            self.aliases += 1
            if self.aliases > self.max_aliases:
                event = self.peek_event()  # type: ignore[attr-defined]
                raise _Refused(
                    "too-many-aliases",
                    f"the document uses more than {self.max_aliases} YAML aliases",
                    event.start_mark,
                )
        return super().compose_node(parent, index)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _CountingComposer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    def __init__(self, stream: str, max_aliases: int, max_depth: int) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _CountingComposer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)
        self.max_aliases = max_aliases
        self.max_depth = max_depth

    # The scanner keeps per-level state that costs quadratic time in the nesting depth, so
    # depth is refused while scanning, before any of it is built.

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        if self.flow_level >= self.max_depth:
            self._too_deep()
        super().fetch_flow_collection_start(token_class)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= self.max_depth:
            self._too_deep()
        return super().add_indent(column)

    def _too_deep(self) -> None:
        raise _Refused(
            "too-deep",
            f"the document nests deeper than {self.max_depth} levels",
            self.get_mark(),
        )


class _Refused(Exception):  # noqa: N818 - internal signal, never escapes
    def __init__(self, code: str, message: str, mark: Any, path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.mark = mark
        self.path = path


_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


class _YamlBuilder:
    """Builds plain data from composed YAML nodes, recording positions and refusing hazards."""

    def __init__(self, loader: _Loader, limits: Limits) -> None:
        self.loader = loader
        self.limits = limits
        self.nodes = 0
        self.positions: dict[str, tuple[int, int]] = {}

    def build(self, node: Node, path: str, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise _Refused(
                "too-large",
                f"the document expands to more than {self.limits.max_nodes} values",
                node.start_mark,
                path,
            )
        if depth > self.limits.max_depth:
            raise _Refused(
                "too-deep",
                f"the document nests deeper than {self.limits.max_depth} levels",
                node.start_mark,
                path,
            )
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise _Refused(
                    "unsafe-yaml",
                    f"YAML tag {node.tag!r} is not allowed: documents hold only plain data",
                    node.start_mark,
                    path,
                )
            return self.loader.construct_object(node)
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _Refused(
                    "unsafe-yaml", f"YAML tag {node.tag!r} is not allowed", node.start_mark, path
                )
            items = []
            for index, item in enumerate(node.value):
                child = f"{path}/{index}"
                self.positions[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.build(item, child, depth + 1))
            return items
        assert isinstance(node, MappingNode)
        if node.tag != "tag:yaml.org,2002:map":
            raise _Refused(
                "unsafe-yaml", f"YAML tag {node.tag!r} is not allowed", node.start_mark, path
            )
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(
                    "unsafe-yaml", "YAML merge keys (<<) are not allowed", key_node.start_mark, path
                )
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise _Refused(
                    "bad-key",
                    "mapping keys must be strings",
                    key_node.start_mark,
                    path,
                )
            key = key_node.value
            child = pointer(path, key)
            if key in result:
                raise _Refused(
                    "duplicate-key",
                    f"the key {key!r} appears twice in one mapping",
                    key_node.start_mark,
                    child,
                )
            # A scalar's own position; a collection's is its key's (its content starts below).
            mark = (
                value_node.start_mark if isinstance(value_node, ScalarNode) else key_node.start_mark
            )
            self.positions[child] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        return result


def _expanded_size(root: Node) -> tuple[int, int]:
    """(values the tree expands to, counting aliased nodes each time; distinct nodes written)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, ready = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, ScalarNode):
            sizes[id(node)] = 1
            continue
        children = (
            [child for pair in node.value for child in pair]
            if isinstance(node, MappingNode)
            else list(node.value)
        )
        if ready:
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            open_nodes.discard(id(node))
        else:
            if any(id(child) in open_nodes or child is node for child in children):
                raise _Refused("unsafe-yaml", "a YAML alias refers to itself", node.start_mark)
            open_nodes.add(id(node))
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)], len(sizes)


def _parse_yaml(text: str, limits: Limits) -> Parsed:
    try:
        # The reader refuses control characters at once, so the loader is made inside the try.
        loader = _Loader(text, limits.max_aliases, limits.max_depth)
        try:
            node = loader.get_single_node()
            if node is None:
                return Parsed(None, {})
            expanded, written = _expanded_size(node)
            if expanded > limits.max_nodes:
                raise _Refused(
                    "too-large",
                    f"the document expands to more than {limits.max_nodes} values "
                    "(YAML aliases repeat what they name)",
                    node.start_mark,
                )
            if expanded - written > limits.max_alias_nodes:
                raise _Refused(
                    "too-large",
                    f"YAML aliases expand the document by {expanded - written} values, over the "
                    f"limit of {limits.max_alias_nodes} (aliases repeat what they name)",
                    node.start_mark,
                )
            builder = _YamlBuilder(loader, limits)
            data = builder.build(node, "", 0)
        finally:
            loader.dispose()
    except _Refused as exc:
        raise DocumentError(
            [
                _finding(
                    exc.code,
                    exc.path,
                    exc.message,
                    line=exc.mark.line + 1,
                    column=exc.mark.column + 1,
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        raise DocumentError(
            [
                _finding(
                    "syntax",
                    "",
                    f"not valid YAML: {message}",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ]
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise DocumentError(
            [
                _finding(
                    "syntax",
                    "",
                    f"not valid YAML: the character U+{exc.character:04X} is not allowed",
                    line=line,
                    column=column,
                    hint="YAML allows no control characters; write them as escapes in a "
                    'double-quoted string ("\\x1f")',
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise DocumentError([_finding("syntax", "", f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise DocumentError([_finding("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, builder.positions)


# -- TOML --------------------------------------------------------------------------------------

_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parse_toml(text: str) -> Parsed:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        code = "duplicate-key" if "overwrite" in message or "redefine" in message else "syntax"
        raise DocumentError(
            [
                _finding(
                    code,
                    "",
                    f"not valid TOML: {_TOML_WHERE.sub('', message).strip()}",
                    line=line,
                    column=column,
                )
            ]
        ) from None
    except RecursionError:
        raise DocumentError([_finding("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, {})


# -- shared checks -----------------------------------------------------------------------------


def _walk(value: Any, path: str, depth: int) -> Iterator[tuple[str, Any, int]]:
    stack = [(value, path, depth)]
    while stack:
        item, where, level = stack.pop()
        yield where, item, level
        if isinstance(item, dict):
            stack.extend((v, pointer(where, k), level + 1) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((v, f"{where}/{i}", level + 1) for i, v in reversed(list(enumerate(item))))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unpaired(path: str) -> Finding:
    return _finding(
        "encoding",
        path,
        "the text holds an unpaired surrogate (an escape such as \\ud800 with no partner)",
    )


def _check_limits(parsed: Parsed, limits: Limits) -> None:
    findings: list[Finding] = []
    for path, value, depth in _walk(parsed.data, "", 0):
        if depth > limits.max_depth:
            findings.append(
                _finding(
                    "too-deep", path, f"the document nests deeper than {limits.max_depth} levels"
                )
            )
            break
        if isinstance(value, dict):
            # An escape (JSON "\ud800", YAML "\uD800") can make a string the bytes could not.
            findings.extend(_unpaired(pointer(path, key)) for key in value if not _encodable(key))
        elif isinstance(value, str) and not _encodable(value):
            findings.append(_unpaired(path))
        if isinstance(value, _Object) and value.duplicates:
            findings.extend(
                _finding(
                    "duplicate-key",
                    pointer(path, key),
                    f"the key {key!r} appears twice in one object",
                )
                for key in dict.fromkeys(value.duplicates)
            )
        elif isinstance(value, str) and len(value) > limits.max_string:
            findings.append(
                _finding(
                    "too-long",
                    path,
                    f"a string of {len(value)} characters, over the limit of {limits.max_string}",
                )
            )
    if findings:
        raise DocumentError(
            [
                attrs.evolve(f, line=parsed.position(f.path)[0], column=parsed.position(f.path)[1])
                for f in findings
            ]
        )


def parse(data: str | bytes, fmt: Format | None, limits: Limits) -> tuple[Parsed, Format]:
    """Text or bytes to plain data, refusing what is unsafe or over the limits.

    Raises:
        DocumentError: the text is not UTF-8, not valid in its format, or over a limit.
    """
    text = _decode(data, limits)
    fmt = fmt or detect_format(text)
    if fmt == "json":
        parsed = _parse_json(text)
    elif fmt == "yaml":
        parsed = _parse_yaml(text, limits)
    elif fmt == "toml":
        parsed = _parse_toml(text)
    else:
        raise DocumentError([_finding("unknown-format", "", f"unknown format {fmt!r}")])
    _check_limits(parsed, limits)
    return parsed, fmt


class _Dumper(yaml.SafeDumper):
    """Block-style YAML that quotes strings the strict resolver would read otherwise."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def render_json(data: Any, default: Callable[[Any], Any] | None = None) -> bytes:
    """Plain data as indented JSON in UTF-8; ``default`` turns the rest into plain data."""
    try:  # orjson writes exactly what json.dumps(indent=2) would, ten times faster
        options = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE  # no copy to add it
        return orjson.dumps(data, default=default, option=options)
    except (TypeError, orjson.JSONEncodeError):  # an integer over 64 bits in an extension
        text = json.dumps(data, ensure_ascii=False, indent=2, default=default) + "\n"
        return text.encode("utf-8")


def render(data: Any, fmt: Format) -> str:
    """Plain data to text in ``fmt``; key order is kept and text is written as UTF-8."""
    if fmt == "json":
        return render_json(data).decode("utf-8")
    if fmt == "yaml":
        return yaml.dump(
            data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
        )
    if fmt == "toml":
        try:
            import tomli_w
        except ImportError:  # pragma: no cover - depends on the environment
            raise MissingExtraError(
                "writing TOML needs tomli-w: pip install 'coordagree[toml]'"
            ) from None
        return str(tomli_w.dumps(data))
    raise ValueError(f"unknown format {fmt!r}")
