"""How quickly `coordagree.strategies.agreements()` draws: 100 examples, timed and counted.

    python benchmarks/strategies_speed.py          # five timed runs of 100 examples
    python benchmarks/strategies_speed.py --count  # choices per example (derandomized)

The count is deterministic (the same 100 examples every time), so it compares two versions of
the strategies on a noisy machine better than the time does.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import data as conjecture

from coordagree.strategies import agreements


def seconds(strategy: st.SearchStrategy[Any], *, derandomize: bool = False) -> float:
    """Seconds to run a test that draws 100 examples of ``strategy`` and does nothing else."""

    @settings(
        max_examples=100,
        database=None,
        deadline=None,
        derandomize=derandomize,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: Any) -> None:
        pass

    started = time.perf_counter()
    draw()
    return time.perf_counter() - started


def choices_per_example() -> float:
    """Choices (integers, booleans, strings...) Hypothesis makes per example, 100 examples."""
    made = 0
    original = conjecture.ConjectureData._draw

    def counting(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal made
        made += 1
        return original(self, *args, **kwargs)

    conjecture.ConjectureData._draw = counting  # type: ignore[method-assign]
    try:
        seconds(agreements(), derandomize=True)
    finally:
        conjecture.ConjectureData._draw = original  # type: ignore[method-assign]
    return made / 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", action="store_true", help="count choices instead of timing")
    options = parser.parse_args()
    if options.count:
        print(f"{choices_per_example():.0f} choices per example of agreements()")
        return
    runs = [seconds(agreements()) for _ in range(5)]
    scale = statistics.median(
        seconds(st.lists(st.integers(), min_size=100, max_size=100)) for _ in range(3)
    )
    print("100 examples of agreements(): " + ", ".join(f"{run:.2f}" for run in runs) + " s")
    print(f"median {statistics.median(runs):.2f} s")
    print(f"for scale, 100 examples of a list of 100 integers: {scale:.2f} s")


if __name__ == "__main__":
    main()
