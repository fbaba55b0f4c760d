"""YAML text: safe composition with positions, aliases and depth counted, tags refused.

Two readers give the same answer. The checked one composes with PyYAML's Python scanner and
parser, refusing hazards as it goes and recording the line and column of every JSON Pointer.
The fast one lets libyaml (PyYAML's ``CParser``) compose and builds only the core types; it
takes no alias, tag, merge key, duplicate or non-string key, and nothing nested so deep that
C recursion could suffer: it hands any such document to the checked reader, which reports it.
Positions are found only when a finding needs one (a document that validates clean never pays
for them): they come from the checked reader, run then. Without libyaml, every document takes
the checked reader, with a warning.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coordagree._formats._limits import Limits, check_limits
from coordagree._formats._parsed import Parsed, refusal
from coordagree._pointer import pointer
from coordagree.errors import DocumentError

__all__ = ["parse_yaml", "render_yaml"]


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
            try:
                return self.loader.construct_object(node)
            except (ValueError, KeyError, TypeError, OverflowError):  # "!!int abc", "!!bool maybe"
                kind = node.tag.rsplit(":", 1)[-1]
                raise _Refused(
                    "syntax",
                    f"not valid YAML: {node.value!r} is not a YAML {kind}",
                    node.start_mark,
                    path,
                ) from None
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
    """(values the tree expands to, aliased ones each time they repeat; distinct values written).

    Keys are not values: `Limits.max_nodes` counts the same in every format.
    """
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
            [value for _key, value in node.value]  # values, as max_nodes counts them
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


_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _CParser = None
if _CParser is None:  # pragma: no cover - depends on how PyYAML was built
    warnings.warn(
        "PyYAML has no libyaml here: YAML documents are read by its pure-Python parser, about "
        "ten times slower (install PyYAML from a wheel, or with libyaml, for the fast reader)",
        RuntimeWarning,
        stacklevel=2,
    )


class _Irregular(Exception):  # noqa: N818 - a signal to take the checked reader, not an error
    """The document needs the checked reader."""


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_SCALAR_MAKERS = {
    tag: yaml.constructor.SafeConstructor.yaml_constructors[tag] for tag in _SCALAR_TAGS - {_STR}
}


def _core_data(loader: Any, root: Node) -> Any:
    """Plain data from composed nodes: only what the checked reader builds, or `_Irregular`.

    Strings, numbers, booleans and null (by PyYAML's own constructors, as the checked reader
    builds them), lists and maps with string keys, each given once. A node met twice is an
    alias, which the checked reader counts and bounds.
    """
    seen: set[int] = set()

    def build(node: Node) -> Any:
        if id(node) in seen:
            raise _Irregular
        seen.add(id(node))
        tag, kind = node.tag, type(node)
        if kind is ScalarNode:
            if tag == _STR:
                return node.value
            make = _SCALAR_MAKERS.get(tag)
            if make is None:
                raise _Irregular  # a tag beyond the core schema
            return make(loader, node)
        if kind is SequenceNode and tag == _SEQ:
            return [build(item) for item in node.value]
        if kind is not MappingNode or tag != _MAP:
            raise _Irregular
        mapping: dict[str, Any] = {}
        for key, value in node.value:
            if type(key) is not ScalarNode or key.tag != _STR or id(key) in seen:
                raise _Irregular  # a merge key (<<), a key that is not a string, an alias
            seen.add(id(key))
            if key.value in mapping:
                raise _Irregular  # a key given twice
            mapping[key.value] = build(value)
        return mapping

    return build(root)


if _CParser is not None:

    class _FastLoader(_CParser, yaml.constructor.SafeConstructor, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)

    class _FastComposer(_CParser, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _Resolver.__init__(self)


# libyaml composes recursively in C: a document nested thousands deep goes to the checked
# reader, which refuses it while scanning. Block nesting needs a column a level, so it is
# bounded by the longest line; flow nesting by the brackets opened.
_C_SAFE_DEPTH = 5_000


def _shallow(text: str) -> bool:
    if len(text) <= _C_SAFE_DEPTH:
        return True
    opened = text.count("[") - text.count("[]") + text.count("{") - text.count("{}")
    return opened + max(map(len, text.splitlines()), default=0) <= _C_SAFE_DEPTH


def _fast_yaml(text: str) -> tuple[Any, Node | None]:
    """The document's data as libyaml reads it, and its root node; or `_Irregular`."""
    if _CParser is None or not _shallow(text):
        raise _Irregular
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else _core_data(loader, node)), node
    except _Irregular:
        raise
    except Exception:  # whatever it is, the checked reader reports it properly
        raise _Irregular from None
    finally:
        loader.dispose()


class _Positions(Mapping[str, tuple[int, int]]):
    """Line and column by JSON Pointer, read from libyaml's nodes when first asked for.

    A pointer is followed down the composed nodes (a few steps, not the whole document), and
    answered as the checked reader records it: a scalar at its own position, a collection in a
    mapping at its key's. Listing them all takes the checked reader.
    """

    def __init__(self, text: str, limits: Limits, root: Node | None = None) -> None:
        self._text = text
        self._limits = limits
        self._root = root  # kept from reading (a small document), else composed when asked
        self._all: Mapping[str, tuple[int, int]] | None = None
        self._marks: dict[str, Any] = {}

    def _node_at(self, path: str) -> Any:
        if self._root is None:
            composer = _FastComposer(self._text)
            try:
                self._root = composer.get_single_node()
            finally:
                composer.dispose()
        node: Any = self._root
        mark = node.start_mark
        for token in path.split("/")[1:] if path else ():
            step = token.replace("~1", "/").replace("~0", "~")
            if isinstance(node, MappingNode):
                pair = next((kv for kv in node.value if kv[0].value == step), None)
                if pair is None:
                    return None
                key, node = pair
                mark = node.start_mark if isinstance(node, ScalarNode) else key.start_mark
            elif isinstance(node, SequenceNode) and step.isdigit() and int(step) < len(node.value):
                node = node.value[int(step)]
                mark = node.start_mark
            else:
                return None
        return mark

    def _mark(self, path: str) -> Any:
        if path not in self._marks:  # asked for twice a finding: whether it is there, and where
            self._marks[path] = self._node_at(path)
        return self._marks[path]

    def __getitem__(self, path: str) -> tuple[int, int]:
        mark = self._mark(path)
        if mark is None:
            raise KeyError(path)
        return mark.line + 1, mark.column + 1

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._mark(path) is not None

    def _every(self) -> Mapping[str, tuple[int, int]]:
        if self._all is None:
            self._all = _parse_checked(self._text, self._limits).positions
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._every())

    def __len__(self) -> int:
        return len(self._every())


_KEEP_NODES = 1 << 20  # up to a megabyte, the nodes are kept for positions: no second read


def _surely_within(text: str, data: Any, limits: Limits) -> bool:
    """Whether data the fast reader built (no alias) is within ``limits``, judged cheaply.

    No string can be longer than the text, no document has more values than characters, only
    an escape (a backslash) can make an unpaired surrogate; depth is counted on the containers
    alone (one as deep as the limit is left to the exact walk).
    """
    if len(text) > limits.max_string or len(text) >= limits.max_nodes or "\\" in text:
        return False
    level, containers = 0, [data] if type(data) is dict or type(data) is list else []
    while containers:
        level += 1
        if level > limits.max_depth:
            return False
        containers = [
            child
            for item in containers
            for child in (item.values() if type(item) is dict else item)
            if type(child) is dict or type(child) is list
        ]
    return True


def parse_yaml(text: str, limits: Limits) -> Parsed:
    """YAML text as plain data held to ``limits``, on libyaml where it can be.

    A document the fast reader takes but that is over a limit is read again by the checked
    reader, so that the findings are exactly the ones it gives (it refuses some while
    scanning, at the place it stops).
    """
    try:
        data, root = _fast_yaml(text)
        kept = root if len(text) <= _KEEP_NODES else None
        fast = Parsed(data, _Positions(text, limits, kept))
        if not _surely_within(text, data, limits):
            check_limits(fast, limits)
    except (_Irregular, DocumentError):
        checked = _parse_checked(text, limits)
        check_limits(checked, limits)
        return checked
    return fast


def _parse_checked(text: str, limits: Limits) -> Parsed:
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
                refusal(
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
                refusal(
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
                refusal(
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
        raise DocumentError([refusal("syntax", "", f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise DocumentError([refusal("too-deep", "", "the document nests too deeply")]) from None
    return Parsed(data, builder.positions)


class _Dumper(yaml.SafeDumper):
    """Block-style YAML that quotes strings the strict resolver would read otherwise."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def render_yaml(data: Any) -> str:
    """Plain data as block-style YAML, key order kept, text as UTF-8."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
