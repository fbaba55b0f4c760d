from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import coordagree
from coordagree import strategies as cs


@given(st.from_type(coordagree.Agreement))
def test_from_type_is_registered(agreement: coordagree.Agreement) -> None:
    assert isinstance(agreement, coordagree.Agreement)


@given(cs.texts(languages=("vi",)))
def test_texts_use_requested_languages(text: coordagree.Text) -> None:
    assert set(text.languages) <= {"vi"} and text.value.strip()


@given(cs.agreements(max_parties=3, max_tasks=2, open_ended=False))
def test_size_options_hold(agreement: coordagree.Agreement) -> None:
    assert 2 <= len(agreement.parties) <= 3
    assert len(list(agreement.tasks)) <= 2
    assert agreement.period is not None and agreement.period.end is not None


@pytest.mark.parametrize(
    ("make", "argument"),
    [
        (lambda: cs.agreements(max_parties=1), "max_parties"),
        (lambda: cs.agreements(min_tasks=3, max_tasks=1), "min_tasks"),
        (lambda: cs.periods(min_year=2030, max_year=2020), "min_year"),
        (lambda: cs.texts(languages=()), "languages"),
    ],
)
def test_arguments_are_checked_eagerly(make: object, argument: str) -> None:
    with pytest.raises(InvalidArgument, match=argument):
        make()  # type: ignore[operator]
