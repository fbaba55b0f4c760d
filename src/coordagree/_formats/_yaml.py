"""YAML text: safe reading with positions, aliases and depth counted, tags refused.

Two readers give the same answer. The checked one composes with PyYAML's Python scanner and
parser, refusing hazards as it goes (counting aliases and values while it composes, so an
over-limit document stops early) and recording the line and column of every JSON Pointer.
The fast one builds plain data straight from libyaml's events (PyYAML's ``CParser``), with no
node tree, resolving scalars itself by the same YAML 1.2 core schema; it takes no alias, tag,
merge key, duplicate or non-string key, and hands any such document to the checked reader,
which reports it. It keeps each value's mark in a small tree, so a finding's line and column
cost no second read. Without libyaml, every document takes the checked reader, with a
warning.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coordagree._formats._limits import (
    Limits,
    check_limits,
    limit_findings,
    positioned_error,
    shallow,
)
from coordagree._formats._parsed import Parsed, refusal
from coordagree._gc import collector_paused
from coordagree._pointer import pointer
from coordagree.errors import DocumentError

__all__ = ["parse_yaml", "render_yaml"]


class _Resolver(yaml.resolver.Resolver):
    """The YAML 1.2 core schema: dates stay strings, only true/false are booleans.

    Integers are decimal, ``0o`` octal or ``0x`` hexadecimal (no sexagesimal ``12:30``, no
    ``0777`` read as octal, no ``0b``, no ``_`` separators); floats are decimal, ``.inf`` and
    ``.nan`` (which documents may not hold: they are refused where they stand).
    """


_CORE = {
    "tag:yaml.org,2002:bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    "tag:yaml.org,2002:int": (r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    "tag:yaml.org,2002:float": (
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    "tag:yaml.org,2002:null": (r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    # Not in YAML 1.2, but YAML 1.1 readers merge on it: it is recognised, to be refused.
    "tag:yaml.org,2002:merge": (r"^(?:<<)$", "<"),
}
_Resolver.yaml_implicit_resolvers = {}
for _tag, (_pattern, _firsts) in _CORE.items():
    _Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_firsts))

_NUMBER_DIGITS = 4_300  # what Python's int() reads from text (sys.get_int_max_str_digits)


def _int_of(text: str) -> int:
    body = text.lstrip("+-")
    if len(body) > _NUMBER_DIGITS:
        message = f"an integer of {len(body)} digits; a number has at most {_NUMBER_DIGITS}"
        raise _UnreadableError(message)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


def _float_of(text: str) -> float:
    if text.lstrip("+-").startswith(".") and text.lstrip("+-")[1:].lower() in ("inf", "nan"):
        raise _UnreadableError(f"{text!r} is not a finite number; NaN and infinities are refused")
    value = float(text)
    if not math.isfinite(value):
        raise _UnreadableError(f"{text!r} is too large for a number (it reads as infinity)")
    return value


def _core_int(_loader: Any, node: ScalarNode) -> int:
    return _int_of(node.value)


def _core_float(_loader: Any, node: ScalarNode) -> float:
    return _float_of(node.value)


class _UnreadableError(ValueError):
    """A number a document cannot hold: NaN, an infinity, more digits than Python reads."""


class _Constructor(yaml.constructor.SafeConstructor):
    """The safe constructor, with the core schema's integers and floats."""


_Constructor.add_constructor("tag:yaml.org,2002:int", _core_int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _core_float)
_CONSTRUCTOR = _Constructor()  # for explicitly tagged scalars (!!int 12), as the checked reader


class _CountingComposer(Composer):
    """Counts aliases and the values written while composing, refusing either over its limit.

    Counting as it goes bounds the work: a document with too many values is refused when the
    first one over the limit is composed, not after the whole tree is built.
    """

    aliases = 0
    max_aliases = 0
    written = 0
    max_nodes = 0
    root_mark: Any = None

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
        elif parent is None or index is not None:  # a value (a key is composed with neither)
            if parent is None:
                self.root_mark = self.peek_event().start_mark  # type: ignore[attr-defined]
            self.written += 1
            if self.written > self.max_nodes:
                raise _too_many_values(self.max_nodes, self.root_mark)
        return super().compose_node(parent, index)


def _too_many_values(max_nodes: int, root_mark: Any) -> _Refused:
    return _Refused(
        "too-large",
        f"the document expands to more than {max_nodes} values "
        "(YAML aliases repeat what they name)",
        root_mark,
    )


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _CountingComposer,
    _Constructor,
    _Resolver,
):
    def __init__(self, stream: str, max_aliases: int, max_depth: int, max_nodes: int) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _CountingComposer.__init__(self)
        _Constructor.__init__(self)
        _Resolver.__init__(self)
        self.max_aliases = max_aliases
        self.max_depth = max_depth
        self.max_nodes = max_nodes

    # The scanner keeps per-level state that costs quadratic time in the nesting depth, so
    # depth is refused while scanning, before any of it is built.

    def fetch_flow_collection_start(self, token_class: Any) -> None:
        if self.flow_level >= self.max_depth:
            self._too_deep()
        super().fetch_flow_collection_start(token_class)

    def add_indent(self, column: int) -> bool:
        # Only where a level is added: the scanner asks at every key of a block mapping, and a
        # second key at the deepest level allowed is not deeper.
        if self.indent < column and len(self.indents) >= self.max_depth:
            self._too_deep()
        return super().add_indent(column)

    def _too_deep(self) -> None:
        raise _Refused(
            "too-deep",
            f"the document nests deeper than {self.max_depth} levels",
            self.get_mark(),
        )


class _Refused(Exception):  # noqa: N818 - internal signal, never escapes
    def __init__(
        self, code: str, message: str, mark: Any, path: str = "", hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.mark = mark
        self.path = path
        self.hint = hint


def _unsafe_tag(tag: str, mark: Any, path: str, *, scalar: bool) -> _Refused:
    """A tag beyond the core schema (on a scalar, or a list or map), as both readers refuse it."""
    detail = ": documents hold only plain data" if scalar else ""
    return _Refused("unsafe-yaml", f"YAML tag {tag!r} is not allowed{detail}", mark, path)


def _merge_key(mark: Any, path: str) -> _Refused:
    return _Refused("unsafe-yaml", "YAML merge keys (<<) are not allowed", mark, path)


def _bad_key(mark: Any, path: str) -> _Refused:
    return _Refused("bad-key", "mapping keys must be strings", mark, path)


def _twice(key: str, mark: Any, path: str) -> _Refused:
    return _Refused("duplicate-key", f"the key {key!r} appears twice in one mapping", mark, path)


_MERGE = "tag:yaml.org,2002:merge"
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
                raise _unsafe_tag(node.tag, node.start_mark, path, scalar=True)
            try:
                return self.loader.construct_object(node)
            except _UnreadableError as exc:
                hint = "quote it to keep it as text"
                raise _Refused("bad-number", str(exc), node.start_mark, path, hint) from None
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
                raise _unsafe_tag(node.tag, node.start_mark, path, scalar=False)
            items = []
            for index, item in enumerate(node.value):
                child = f"{path}/{index}"
                self.positions[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.build(item, child, depth + 1))
            return items
        assert isinstance(node, MappingNode)
        if node.tag != "tag:yaml.org,2002:map":
            raise _unsafe_tag(node.tag, node.start_mark, path, scalar=False)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise _merge_key(key_node.start_mark, path)
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raise _bad_key(key_node.start_mark, path)
            key = key_node.value
            child = pointer(path, key)
            if key in result:
                raise _twice(key, key_node.start_mark, child)
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
_SCALAR_MAKERS = {tag: _Constructor.yaml_constructors[tag] for tag in _SCALAR_TAGS - {_STR}}
_PLAIN: dict[str, Any] = {
    "tag:yaml.org,2002:bool": lambda text: text[0] in "tT",
    "tag:yaml.org,2002:int": _int_of,
    "tag:yaml.org,2002:float": _float_of,
    "tag:yaml.org,2002:null": lambda _text: None,
}
_KEY = object()  # a mapping waiting for its next key
_ScalarEvent, _AliasEvent = yaml.events.ScalarEvent, yaml.events.AliasEvent
_MapStart, _SeqStart = yaml.events.MappingStartEvent, yaml.events.SequenceStartEvent
_MapEnd, _SeqEnd = yaml.events.MappingEndEvent, yaml.events.SequenceEndEvent
_DocStart, _StreamEnd = yaml.events.DocumentStartEvent, yaml.events.StreamEndEvent


class _Tagged(Exception):  # noqa: N818 - a signal: a scalar whose tag documents do not hold
    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


def _scalar(event: Any) -> tuple[Any, bool]:
    """A scalar event's value as the checked reader builds it, and whether it is a string.

    Raises `_Tagged` for a tag beyond the core schema (a merge key, ``<<``, included).
    """
    tag, text = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return text, True  # quoted, or a block scalar: a string
        for resolved, pattern in _Resolver.yaml_implicit_resolvers.get(text[:1], ()):
            if pattern.match(text):
                make = _PLAIN.get(resolved)
                if make is None:
                    raise _Tagged(resolved)  # a merge key (<<)
                return make(text), False
        return text, True
    if tag == _STR:
        return text, True
    make = _SCALAR_MAKERS.get(tag)
    if make is None:
        raise _Tagged(tag)  # a tag beyond the core schema
    return make(_CONSTRUCTOR, ScalarNode(tag, text)), False


def _here(frames: list[list[Any]]) -> str:
    """The JSON Pointer of the node being read inside ``frames`` (`_event_data`'s stack)."""
    path = ""
    for frame in frames:
        container = frame[0]
        path = pointer(path, frame[1]) if type(container) is dict else f"{path}/{len(container)}"
    return path


def _key_hazard(frames: list[list[Any]], mark: Any, tag: str | None, key: Any) -> _Refused:
    """What the checked builder refuses about a key: a merge key, not a string, or twice."""
    where = _here(frames[:-1])  # the mapping's own pointer
    if tag == _MERGE:
        return _merge_key(mark, where)
    if tag is not None:
        return _bad_key(mark, where)
    return _twice(key, mark, pointer(where, key))


class _TooManyValues(Exception):  # noqa: N818 - a signal: `_counted` gives the finding
    """More values than ``max_nodes``: the checked route finds where PyYAML refuses it."""


def _event_data(
    get_event: Any,
    most_values: int = 1 << 62,
    most_depth: int = 1 << 62,
    most_aliases: int = 1 << 62,
    most_alias_values: int = 1 << 62,
    keep: bool = True,
) -> tuple[Any, Any]:
    """(plain data, positions tree) from libyaml's events, or `_Irregular`.

    With ``keep`` false the tree is not built (a large document's is read again when asked).

    Strings, numbers, booleans and null (as the checked reader builds them), lists and maps
    with string keys, each given once; one document; aliases of anchors already closed. The
    tree gives each value's mark as the checked reader records it (a scalar's own, a
    collection in a mapping at its key's): ``(mark, children)``, children a dict or list of the
    same, None for a scalar. An alias gives its anchor's value and tree, shared, as composing
    gives one node.

    Values are counted as they come (keys are not values): past ``most_values`` it stops with
    `_TooManyValues`, as the checked reader does; a value nested past ``most_depth``, more than
    ``most_aliases`` aliases, or aliases that add more than ``most_alias_values`` values (or
    expand past ``most_values``) are left to the checked reader, which refuses them.

    What the checked reader's builder refuses (a tag beyond the core schema, a merge key, a key
    given twice or not a string) is noted where it first comes, and raised as its `_Refused`
    at the end of the stream: the builder runs only on a document that composes, so whatever
    comes later and stops composing (a syntax error, too many aliases) is what it reports.
    """
    hazard: _Refused | None = None  # the builder's first refusal, in document order
    # [container, key or _KEY, key's mark, children, own mark, anchor, values inside]
    stack: list[list[Any]] = []
    anchors: dict[str, tuple[Any, Any, int]] = {}  # closed anchors: value, tree, values
    root: Any = (None, None)
    data: Any = None
    documents = 0
    values = 0  # written: each node once, as the composer counts them
    aliases = 0
    expanded = 0  # the root's values, aliases expanded
    while True:
        event = get_event()
        kind = type(event)
        if kind is _ScalarEvent:
            try:
                value, text = _scalar(event)
            except _Tagged as tagged:
                value, text = event.value, False
                if hazard is None:
                    if stack and type(stack[-1][0]) is dict and stack[-1][1] is _KEY:
                        hazard = _key_hazard(stack, event.start_mark, tagged.tag, None)
                    else:
                        where = _here(stack)
                        hazard = _unsafe_tag(tagged.tag, event.start_mark, where, scalar=True)
            mark, children, size = event.start_mark, None, 1
            if not (stack and type(stack[-1][0]) is dict and stack[-1][1] is _KEY):
                values += 1  # a value, not a key
                if values > most_values:
                    raise _TooManyValues
                if len(stack) > most_depth:
                    raise _Irregular
            if event.anchor is not None:
                if event.anchor in anchors:
                    raise _Irregular  # an anchor given twice: the checked reader's finding
                anchors[event.anchor] = (value, (mark, children), 1)
        elif kind is _MapStart or kind is _SeqStart:
            if stack and type(stack[-1][0]) is dict and stack[-1][1] is _KEY:
                raise _Irregular  # a key that is not a string
            if event.tag not in (None, "!", _MAP if kind is _MapStart else _SEQ) and not hazard:
                hazard = _unsafe_tag(event.tag, event.start_mark, _here(stack), scalar=False)
            values += 1
            if values > most_values:
                raise _TooManyValues
            if len(stack) > most_depth:
                raise _Irregular
            if event.anchor is not None and event.anchor in anchors:
                raise _Irregular
            empty: Any = {} if kind is _MapStart else []
            tree = type(empty)() if keep else None
            stack.append([empty, _KEY, None, tree, event.start_mark, event.anchor, 1])
            continue
        elif kind is _MapEnd or kind is _SeqEnd:
            value, _key, _key_mark, children, mark, anchor, size = stack.pop()
            text = False
            if anchor is not None:
                anchors[anchor] = (value, (mark, children), size)
        elif kind is _AliasEvent:
            aliases += 1
            found = anchors.get(event.anchor)
            if found is None or aliases > most_aliases:
                raise _Irregular  # undefined, open (refers to itself), or too many
            value, (mark, children), size = found
            if stack and type(stack[-1][0]) is dict and stack[-1][1] is _KEY:
                raise _Irregular  # an alias as a key
            text = False
        elif kind is _DocStart:
            documents += 1
            if documents > 1:
                raise _Irregular
            continue
        elif kind is _StreamEnd:
            if expanded > most_values or expanded - values > most_alias_values:
                raise _Irregular  # the checked reader's finding, with its expansion
            if hazard is not None:
                raise hazard
            return data, root
        else:
            continue
        if not stack:
            data, root, expanded = value, (mark, children), size
            continue
        top = stack[-1]
        container = top[0]
        if type(container) is list:
            container.append(value)
            if keep:
                top[3].append((mark, children))
            top[6] += size
        elif top[1] is _KEY:
            if (not text or value in container) and hazard is None:
                tag = None if text else "not a string"  # a number, true, null...
                hazard = _key_hazard(stack, mark, tag, value)
            top[1], top[2] = value, mark
        else:
            key = top[1]
            container[key] = value
            if keep:
                top[3][key] = (mark if children is None else top[2], children)
            top[1] = _KEY
            top[6] += size


def _fast_yaml(text: str, limits: Limits | None = None, keep: bool = True) -> tuple[Any, Any]:
    """The document's data as libyaml's events give it, and its positions tree; or `_Irregular`.

    The data is built from the events, with no node tree: composing nodes costs a call of the
    Python resolver per scalar, five times the parsing itself.
    """
    if _CParser is None:
        raise _Irregular
    parser = _CParser(text)
    try:
        with collector_paused():  # many small objects, no cycles
            if limits is None:
                return _event_data(parser.get_event)
            return _event_data(
                parser.get_event,
                limits.max_nodes,
                limits.max_depth,
                limits.max_aliases,
                limits.max_alias_nodes,
                keep,
            )
    except (_Irregular, _TooManyValues, _Refused):
        raise
    except Exception:  # whatever it is, the checked reader reports it properly
        raise _Irregular from None
    finally:
        parser.dispose()


class _Positions(Mapping[str, tuple[int, int]]):
    """Line and column by JSON Pointer, from the fast reader's positions tree.

    A pointer is followed down the tree (a few steps, not the whole document), answered as the
    checked reader records it: a scalar at its own position, a collection in a mapping at its
    key's. A large document's tree is not kept but read again when first asked for. Listing
    them all takes the checked reader.
    """

    def __init__(self, text: str, limits: Limits, tree: Any = None) -> None:
        self._text = text
        self._limits = limits
        self._tree = tree  # kept from reading (a small document), else read when asked
        self._all: Mapping[str, tuple[int, int]] | None = None
        self._marks: dict[str, Any] = {}

    def _mark_at(self, path: str) -> Any:
        if self._tree is None:
            self._tree = _fast_yaml(self._text)[1]
        mark, children = self._tree
        for token in path.split("/")[1:] if path else ():
            step = token.replace("~1", "/").replace("~0", "~")
            if type(children) is dict and step in children:
                mark, children = children[step]
            elif type(children) is list and step.isdigit() and int(step) < len(children):
                mark, children = children[int(step)]
            else:
                return None
        return mark

    def _mark(self, path: str) -> Any:
        if path not in self._marks:  # asked for twice a finding: whether it is there, and where
            self._marks[path] = self._mark_at(path)
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


_KEEP_TREE = 1 << 20  # up to a megabyte, the positions are kept: no second read


def _surely_within(text: str, data: Any, limits: Limits) -> bool:
    """Whether data the fast reader built is within ``limits``, judged cheaply.

    No string can be longer than the text (an alias repeats one, it cannot lengthen it; a
    longer text has its strings and keys measured with no path built), the fast reader held
    the values, aliases expanded, to ``max_nodes``, and only an escape (a backslash) can make
    an unpaired surrogate; depth is counted on the containers alone (`shallow`).
    """
    if "\\" in text:
        return False
    if len(text) > limits.max_string and not _strings_within(data, limits.max_string):
        return False
    return shallow(data, limits.max_depth)


def _strings_within(data: Any, most: int) -> bool:
    """Whether no string or key in ``data`` is longer than ``most``, with no path built."""
    stack = [data]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            if len(item) > most:
                return False
        elif kind is dict:
            if any(len(key) > most for key in item):
                return False
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
    return True


def parse_yaml(text: str, limits: Limits) -> Parsed:
    """YAML text as plain data held to ``limits``, on libyaml where it can be.

    The findings are exactly the checked reader's. A document the fast reader takes but that
    nests too deeply is read again by the checked reader, which refuses it while scanning, at
    the place it stops; one with too many values gets the checked reader's one finding at its
    root; for the other limits, the two readers hold the same data and positions.
    """
    try:
        data, tree = _fast_yaml(text, limits, keep=len(text) <= _KEEP_TREE)
    except (_Irregular, _TooManyValues):  # too many values: unless PyYAML's scanner, reading
        return _checked(text, limits)  # ahead, finds the next value too deep (`_counted`)
    except _Refused as refused:  # what the checked builder refuses, where it refuses it
        raise _document_error(refused) from None
    kept = tree if len(text) <= _KEEP_TREE else None  # a large one's root mark alone
    fast = Parsed(data, _Positions(text, limits, kept))
    if not _surely_within(text, data, limits):
        findings = limit_findings(data, limits)
        codes = {finding.code for finding in findings}
        if "too-deep" in codes:
            return _checked(text, limits)
        if "too-large" in codes:
            raise _document_error(_too_many_values(limits.max_nodes, tree[0]))
        if findings:
            raise positioned_error(fast, findings)
    return fast


def _document_error(refused: _Refused) -> DocumentError:
    mark = refused.mark
    return DocumentError(
        [
            refusal(
                refused.code,
                refused.path,
                refused.message,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                hint=refused.hint,
            )
        ]
    )


def _checked(text: str, limits: Limits) -> Parsed:
    """The checked reader's data and findings: libyaml composes where it gives the same.

    A document the event reader cannot take (an alias or a list as a key, too many aliases or
    values) is composed by libyaml (`_composed`) and built by the same builder; one that
    libyaml refuses or finds too deep, whose findings come from PyYAML's own scanner and
    parser, is read again by them (`_parse_checked`).
    """
    try:
        composed = _composed(text, limits)
        check_limits(composed, limits)
    except _Irregular:
        pass
    except DocumentError as error:
        if "too-deep" not in error.codes:
            raise
        # too deep: PyYAML's scanner refuses it while scanning, at the place it stops
    else:
        return composed
    checked = _parse_checked(text, limits)
    check_limits(checked, limits)
    return checked


class _CLoader(_CParser or object, _Constructor, _Resolver):  # type: ignore[misc]
    """libyaml's parser and composer, with the checked reader's constructor and resolver."""

    def __init__(self, stream: str) -> None:
        _CParser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


_NODE_EVENTS = frozenset({_ScalarEvent, _AliasEvent, _MapStart, _SeqStart})


def _counted(text: str, limits: Limits) -> None:
    """Count what `_CountingComposer` counts, in the same order, on libyaml's events.

    Aliases past ``max_aliases`` and values past ``max_nodes`` are refused where the checked
    reader refuses them; nesting past ``max_depth``, a second document or anything libyaml
    refuses is `_Irregular` (PyYAML's scanner and parser give those findings). Bounds the
    composing that follows, which counts nothing.

    PyYAML's scanner reads ahead of its composer, to the end of a line and a token beyond, so
    nesting too deep or a syntax error just after the value over a limit is what the checked
    reader reports: past a limit, the events up to the next line are read too, and such a
    find is left to it.
    """
    parser = _CParser(text)
    try:
        stack: list[list[Any]] = []  # [is a mapping, waiting for a key]
        aliases = written = documents = 0
        root_mark = None
        refused: _Refused | None = None
        horizon = -1  # once refused: the last line read on
        while True:
            event = parser.get_event()
            kind = type(event)
            if refused is not None and (kind is _StreamEnd or event.start_mark.line > horizon):
                raise refused
            if kind is _StreamEnd:
                return
            if kind is _DocStart:
                documents += 1
                if documents > 1:
                    raise _Irregular
                continue
            if kind is _MapEnd or kind is _SeqEnd:
                stack.pop()
                continue
            if kind not in _NODE_EVENTS:
                continue  # the stream's and documents' own events
            if len(stack) > limits.max_depth:
                raise _Irregular  # refused while scanning, where PyYAML's scanner stops
            key = bool(stack) and stack[-1][0] and stack[-1][1]
            if stack and stack[-1][0]:
                stack[-1][1] = not stack[-1][1]  # a key, then its value
            if kind is _MapStart or kind is _SeqStart:
                stack.append([kind is _MapStart, True])
            if refused is not None:
                continue
            if kind is _AliasEvent:
                aliases += 1
                if aliases > limits.max_aliases:
                    message = f"the document uses more than {limits.max_aliases} YAML aliases"
                    refused = _Refused("too-many-aliases", message, event.start_mark)
            elif not key:
                if root_mark is None:
                    root_mark = event.start_mark
                written += 1
                if written > limits.max_nodes:
                    refused = _too_many_values(limits.max_nodes, root_mark)
            if refused is not None:
                horizon = event.start_mark.line + 1
    except (_Irregular, _Refused):
        raise
    except Exception:  # a syntax error: PyYAML's own message and place
        raise _Irregular from None
    finally:
        parser.dispose()


def _composed(text: str, limits: Limits) -> Parsed:
    """The checked reader's result with libyaml composing the node tree, or `_Irregular`."""
    if _CParser is None:
        raise _Irregular
    try:
        _counted(text, limits)
        loader = _CLoader(text)
        try:
            try:
                node = loader.get_single_node()
            except Exception:  # an undefined alias, a duplicate anchor: PyYAML's own words
                raise _Irregular from None
            if node is None:
                return Parsed(None, {})
            return _built(node, loader, limits)
        finally:
            loader.dispose()
    except _Refused as exc:
        raise _document_error(exc) from None


def _built(node: Node, loader: Any, limits: Limits) -> Parsed:
    """Plain data and positions from a composed tree, its expansion bounded first."""
    expanded, written = _expanded_size(node)
    if expanded > limits.max_nodes:
        raise _too_many_values(limits.max_nodes, node.start_mark)
    if expanded - written > limits.max_alias_nodes:
        raise _Refused(
            "too-large",
            f"YAML aliases expand the document by {expanded - written} values, over the "
            f"limit of {limits.max_alias_nodes} (aliases repeat what they name)",
            node.start_mark,
        )
    builder = _YamlBuilder(loader, limits)
    data = builder.build(node, "", 0)
    return Parsed(data, builder.positions)


def _parse_checked(text: str, limits: Limits) -> Parsed:
    try:
        # The reader refuses control characters at once, so the loader is made inside the try.
        loader = _Loader(text, limits.max_aliases, limits.max_depth, limits.max_nodes)
        try:
            node = loader.get_single_node()
            if node is None:
                return Parsed(None, {})
            parsed = _built(node, loader, limits)
        finally:
            loader.dispose()
    except _Refused as exc:
        raise _document_error(exc) from None
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
    return parsed


class _Dumper(yaml.SafeDumper):
    """Block-style YAML that quotes every string a YAML 1.1 or 1.2 reader would read otherwise.

    Its resolver is both schemas at once (``12:30``, ``no`` and ``1e5`` are all quoted), so the
    text reads back as the same strings here and in readers of either version.
    """


for _tag, (_pattern, _firsts) in _CORE.items():
    _Dumper.add_implicit_resolver(_tag, re.compile(_pattern), list(_firsts))

# Line breaks a YAML reader folds (NEL, LS, PS) and a BOM survive only as escapes, which only
# double quotes hold.
_BREAKS = re.compile("[\x85\u2028\u2029\ufeff]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if _BREAKS.search(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _represent_moment(dumper: yaml.SafeDumper, value: Any) -> yaml.ScalarNode:
    """A TOML date, time or date-time, as ISO 8601 text (what the JSON writer gives)."""
    return _represent_str(dumper, value.isoformat())


for _moment in (_dt.date, _dt.datetime, _dt.time):
    _Dumper.add_representer(_moment, _represent_moment)


def render_yaml(data: Any) -> str:
    """Plain data as block-style YAML, key order kept, text as UTF-8."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2)
