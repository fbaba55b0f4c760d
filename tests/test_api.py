from __future__ import annotations

import inspect

import coordagree
import coordagree.errors


def test_all_is_sorted_and_complete() -> None:
    assert coordagree.__all__ == sorted(coordagree.__all__)
    public = {
        name
        for name, value in vars(coordagree).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == set(coordagree.__all__) - {"__version__"}


def test_every_public_name_is_documented() -> None:
    for name in coordagree.__all__:
        value = getattr(coordagree, name)
        if callable(value) or inspect.isclass(value):
            assert inspect.getdoc(value), name


def test_errors_all_sorted_and_documented() -> None:
    assert coordagree.errors.__all__ == sorted(coordagree.errors.__all__)
    for name in coordagree.errors.__all__:
        assert inspect.getdoc(getattr(coordagree.errors, name)), name


def test_leaf_errors_are_also_builtins() -> None:
    e = coordagree.errors
    assert issubclass(e.InvalidValueError, ValueError)
    assert issubclass(e.InvalidTypeError, TypeError)
    assert issubclass(e.DocumentError, ValueError)
    assert issubclass(coordagree.UnknownIdError, KeyError)
    for name in e.__all__:
        cls = getattr(e, name)
        if isinstance(cls, type) and issubclass(cls, Exception):
            assert issubclass(cls, e.CoordagreeError)
