"""The libyaml reader answers exactly as the checked YAML reader: data, findings, positions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coordagree
from coordagree._formats import Limits, render
from coordagree._formats._limits import check_limits
from coordagree._formats._yaml import (
    _composed,
    _fast_yaml,
    _Irregular,
    _parse_checked,
    _Refused,
    parse_yaml,
)
from coordagree.errors import DocumentError
from coordagree.strategies import broken_documents, documents

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "tests" / "data" / "invalid").glob("*.yaml"))
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _checked(text: str, limits: Limits) -> Any:
    try:
        parsed = _parse_checked(text, limits)
        check_limits(parsed, limits)
    except DocumentError as error:
        return [f.to_dict() | {"line": f.line, "column": f.column} for f in error.findings]
    return parsed


def _read(text: str, limits: Limits) -> Any:
    try:
        return parse_yaml(text, limits)
    except DocumentError as error:
        return [f.to_dict() | {"line": f.line, "column": f.column} for f in error.findings]


def _same(text: str, limits: Limits | None = None) -> None:
    limits = limits or Limits()
    read, checked = _read(text, limits), _checked(text, limits)
    if isinstance(checked, list):
        assert read == checked  # the same findings, at the same places
        return
    assert read.data == checked.data
    for path in checked.positions:  # every position the checked reader records, alike
        assert read.position(path) == checked.position(path)


@pytest.mark.parametrize("path", [*EXAMPLES, *CORPUS], ids=lambda p: p.name)
def test_every_example_and_corpus_document_reads_alike(path: Path) -> None:
    _same(path.read_text("utf-8"))


@settings(suppress_health_check=list(HealthCheck), deadline=None, max_examples=60)
@given(documents())
def test_generated_documents_read_alike(document: dict[str, Any]) -> None:
    text = render(document, "yaml")
    _same(text)
    assert _fast_yaml(text)[0] == yaml.load(text, Loader=yaml.CSafeLoader)


@settings(suppress_health_check=list(HealthCheck), deadline=None, max_examples=60)
@given(broken_documents())
def test_broken_documents_read_alike(case: tuple[dict[str, Any], Any]) -> None:
    document, _defect = case
    try:
        text = render(document, "yaml")
    except (TypeError, ValueError, yaml.YAMLError):
        return
    _same(text)


_HAZARDS = [
    "a: &x [1]\nb: *x\n",  # an alias
    "a: !!binary aGVsbG8=\n",  # a tag
    "a: {x: 1}\nb:\n  <<: {y: 2}\n",  # a merge key
    "a: 1\na: 2\n",  # a key twice
    "? [1, 2]\n: x\n",  # a key that is not a string
    "a: !!int abc\n",  # a value its constructor refuses
    "a: 0777\nb: 12:30\n",  # YAML 1.1 integers: YAML 1.2 reads 777 and a string, alike
    "a: [" * 40 + "]" * 40 + "\n",  # deeper than the limit
    "- " * 50 + "x\n",  # compact nesting on one line
    "a: 'unterminated\n",  # a syntax error
    "a: \x07\n",  # a control character
    "x: " + "y" * 200_001 + "\n",  # a string over the limit
]


@pytest.mark.parametrize("text", _HAZARDS)
def test_hazards_take_the_checked_reader_and_read_alike(text: str) -> None:
    _same(text)


@given(st.integers(2, 40))
def test_the_depth_limit_is_the_same_on_both_readers(depth: int) -> None:
    _same("a: " + "[" * depth + "]" * depth + "\n", Limits(max_depth=20))
    nested = "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + f"{'  ' * depth}v\n"
    _same(nested, Limits(max_depth=20))


def test_a_tag_or_a_hazard_is_left_to_the_checked_reader_and_an_alias_is_not() -> None:
    for text in _HAZARDS[1:6]:  # refused as the checked builder refuses, or left to it
        with pytest.raises((_Irregular, _Refused)):
            _fast_yaml(text)
    data, _tree = _fast_yaml(_HAZARDS[0])  # an alias of a closed anchor: the event reader's
    assert data == {"a": [1], "b": [1]}
    for text in ("a: &x [*x]\n", "a: *nowhere\n", "a: &x 1\nb: &x 2\n", "? *x\n: 1\n"):
        with pytest.raises(_Irregular):  # itself, undefined, given twice, a key: checked
            _fast_yaml(text)


def test_a_finding_in_a_clean_read_still_has_its_line_and_column() -> None:
    seed = (ROOT / "examples" / "quang-binh-2023.yaml").read_text("utf-8")
    agreement = coordagree.loads(seed, "yaml")
    assert agreement == coordagree.seed_programme()
    (finding,) = [f for f in coordagree.validate(agreement) if f.code != "unknown-code"]
    from coordagree.cli._check import check_file

    result = check_file(ROOT / "examples" / "quang-binh-2023.yaml")
    (placed,) = [f for f in result.findings if f.code == finding.code]
    assert (placed.line, placed.column) == (191, 23)


# -- irregular documents, composed by libyaml (`_composed`) ----------------------------------
#
# Anchors, aliases, tags, merge keys, keys given twice or not strings: the event reader leaves
# these to the checked reader, whose tree libyaml composes; the findings and positions must be
# PyYAML's own, limits included.

_SCALARS = st.sampled_from(
    [
        *("x", "'q'", '"Sở Tư pháp"', "0777", "12:30", "~", "true", "no", "1e5", "!!str 5"),
        *("!!int 5", "!!int abc", "!!binary aGk=", "!!float .nan", "ngày 29/5/2023", "-1", "0x1F"),
    ]
)
_KEYS = st.sampled_from(["a", "b", "c", "a", "<<", "'k'", "1", "? [1]\n"])


@st.composite
def _irregular(draw: st.DrawFn) -> str:
    anchors: list[str] = []
    lines: list[str] = []

    def node(depth: int) -> str:
        choice = draw(st.integers(0, 5 if depth < 3 else 2))
        anchor = ""
        if draw(st.booleans()) and choice != 1:
            name = f"a{len(anchors)}"
            anchor = f"&{name} "
            anchors.append(name)
        if choice == 1 and anchors:
            return "*" + draw(st.sampled_from(anchors))
        if choice <= 2:
            return anchor + draw(_SCALARS)
        items = [node(depth + 1) for _ in range(draw(st.integers(0, 3)))]
        if choice == 3:
            return anchor + "[" + ", ".join(items) + "]"
        keys = [draw(_KEYS).strip().removeprefix("? ") for _ in items]
        return anchor + "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, items, strict=True)) + "}"

    for _ in range(draw(st.integers(1, 6))):
        lines.append(f"{draw(_KEYS)}: {node(1)}")  # "? [1]\n: value" is a key that is a list
    return "\n".join(lines) + "\n"


@settings(suppress_health_check=list(HealthCheck), deadline=None, max_examples=300)
@given(
    _irregular(),
    st.builds(
        Limits,
        max_aliases=st.integers(0, 6),
        max_nodes=st.integers(1, 40),
        max_alias_nodes=st.integers(0, 20),
        max_depth=st.integers(1, 6),
    ),
)
def test_irregular_documents_read_alike_with_libyaml_composing(text: str, limits: Limits) -> None:
    _same(text, limits)
    _same(text)


def test_an_aliased_document_is_composed_by_libyaml() -> None:
    text = "a: &x [1, 2]\nb: *x\nc: {d: *x}\n"
    composed = _composed(text, Limits())
    assert composed.data == {"a": [1, 2], "b": [1, 2], "c": {"d": [1, 2]}}
    assert composed.position("/c/d") == _parse_checked(text, Limits()).position("/c/d")
    with pytest.raises(_Irregular):  # a syntax error: PyYAML's scanner says it
        _composed("a: &x [1\nb: *x\n", Limits())


def test_a_large_document_finds_its_positions_when_a_finding_asks(tmp_path: Path) -> None:
    """Over a megabyte, the reader keeps no positions tree; a finding reads the marks again."""
    seed = (ROOT / "examples" / "quang-binh-2023.yaml").read_text("utf-8")
    padding = "".join(f"  - [Sở Tư pháp, {i}]\n" for i in range(60_000))
    path = tmp_path / "large.yaml"
    path.write_text(seed + "x-pad:\n" + padding, "utf-8")
    assert path.stat().st_size > 1 << 20
    from coordagree.cli._check import check_file

    result = check_file(path)
    (placed,) = [f for f in result.findings if f.code == "commitment-count-mismatch"]
    assert (placed.line, placed.column) == (191, 23)  # as in the seed alone
