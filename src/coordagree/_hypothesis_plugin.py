"""Hypothesis entry point: registers coordagree's strategies so ``st.from_type`` finds them."""

from __future__ import annotations


def _register() -> None:
    """Called by Hypothesis at import, through the ``hypothesis`` entry point."""
    from hypothesis import strategies as st

    from coordagree import Agreement, Party, Period, Recurrence, Text
    from coordagree import strategies as cs

    st.register_type_strategy(Agreement, cs.agreements())
    st.register_type_strategy(Period, cs.periods())
    st.register_type_strategy(Text, cs.texts())
    st.register_type_strategy(Recurrence, cs.recurrences())
    st.register_type_strategy(Party, cs.parties(max_size=1).map(lambda found: found[0]))
