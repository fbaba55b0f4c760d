"""YAML text: safe composition with positions, aliases and depth counted, tags refused."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from coordagree._formats._limits import Limits
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


def parse_yaml(text: str, limits: Limits) -> Parsed:
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
