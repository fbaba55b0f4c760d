"""How well and how fast `coordagree.wording` reads the gold set, against dateparser.

For each part of the gold set (tests/data/wording: dev, heldout, unseen), exact-extent
precision, recall and F1 and the value accuracy of the exact matches; then the same for
dateparser's `search_dates` (the closest installable tool; it knows neither periods nor
durations, and gives a full datetime where the text states less: its value counts as right
when it agrees at the precision the gold value states). Then speed: the gold expressions, each
read alone as a short text, by `find` with every match's EDTF, rounds interleaved, median and
best.

    pip install -e ".[bench]"
    python benchmarks/wording.py           # the tables
    python benchmarks/wording.py --json    # ... and one JSON object as the last line
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import warnings
from pathlib import Path
from typing import Any

import yaml

from coordagree import wording

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "wording"
PARTS = ("dev", "heldout", "unseen")
ROUNDS = 7


def gold(part: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((GOLD / f"{part}.yaml").read_text("utf-8"))[
        "items"
    ]
    return items


def spans(item: dict[str, Any]) -> dict[tuple[int, int], dict[str, Any]]:
    found = {}
    for expected in item["expect"]:
        start = -1
        for _ in range(expected.get("nth", 0) + 1):
            start = item["text"].index(expected["text"], start + 1)
        found[(start, start + len(expected["text"]))] = expected
    return found


def scores(tp: int, found: int, expected: int, right: int) -> dict[str, Any]:
    """Precision, recall, F1 and value accuracy from the counts (kept, for the totals)."""
    precision = tp / found if found else 0.0
    recall = tp / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "value_accuracy": right / tp if tp else 0.0,
        "expressions": expected,
        "counts": (tp, found, expected, right),
    }


def ours(part: str) -> dict[str, Any]:
    tp = found = expected = right = 0
    for item in gold(part):
        want = spans(item)
        got = {
            (m.start, m.end): m
            for m in wording.find(
                item["text"], lang=item["lang"], fiscal_year_start=item.get("fiscal_year_start")
            )
        }
        found, expected = found + len(got), expected + len(want)
        for span, match in got.items():
            if span in want:
                tp += 1
                right += (match.edtf, match.kind.value) == (want[span]["edtf"], want[span]["kind"])
    return scores(tp, found, expected, right)


def _agrees(value: Any, edtf: str) -> bool:
    """Whether dateparser's datetime agrees with a gold date at the precision it states."""
    if "/" in edtf or edtf.startswith(("P", "[")):
        return False  # a period or a duration: dateparser gives one moment
    day = value.date().isoformat()
    stated = edtf[:16].split("T")[0]
    if stated.startswith("XXXX"):
        return day[4:].startswith(stated[4:])
    return day.startswith(stated)


def theirs(part: str) -> dict[str, Any]:
    from dateparser.search import search_dates

    tp = found = expected = right = 0
    for item in gold(part):
        want = spans(item)
        expected += len(want)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = search_dates(item["text"], languages=[item["lang"]]) or []
        position = 0
        for said, value in results:
            start = item["text"].find(said, position)
            if start < 0:
                continue
            position = start + len(said)
            found += 1
            span = (start, start + len(said))
            if span in want:
                tp += 1
                right += _agrees(value, want[span]["edtf"])
    return scores(tp, found, expected, right)


def speed() -> dict[str, float]:
    expressions = [
        (expected["text"], item["lang"])
        for part in PARTS
        for item in gold(part)
        for expected in item["expect"]
    ]

    def read() -> None:
        for text, lang in expressions:
            for match in wording.find(text, lang=lang):
                match.edtf  # noqa: B018 - what a reader reads

    rates = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        read()
        rates.append(len(expressions) / (time.perf_counter() - started))
    return {
        "expressions": len(expressions),
        "median_per_second": statistics.median(rates),
        "best_per_second": max(rates),
        "worst_per_second": min(rates),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="end with one JSON object")
    args = parser.parse_args()
    results: dict[str, Any] = {"coordagree": {}, "dateparser": {}}
    print(f"{'part':8} {'reader':11} {'P':>6} {'R':>6} {'F1':>6} {'value':>6} {'n':>4}")
    for part in PARTS:
        for name, measure in (("coordagree", ours), ("dateparser", theirs)):
            row = measure(part)
            results[name][part] = row
            print(
                f"{part:8} {name:11} {row['precision']:6.3f} {row['recall']:6.3f} "
                f"{row['f1']:6.3f} {row['value_accuracy']:6.3f} {row['expressions']:4.0f}"
            )
    for name in ("coordagree", "dateparser"):
        counts = [results[name][part]["counts"] for part in PARTS]
        row = scores(*(sum(column) for column in zip(*counts, strict=True)))
        results[name]["all"] = row
        print(
            f"{'all':8} {name:11} {row['precision']:6.3f} {row['recall']:6.3f} "
            f"{row['f1']:6.3f} {row['value_accuracy']:6.3f} {row['expressions']:4.0f}"
        )
    results["speed"] = speed()
    rate = results["speed"]
    print(
        f"\nspeed: {rate['expressions']} expressions, find + EDTF: median "
        f"{rate['median_per_second']:,.0f}/s (best {rate['best_per_second']:,.0f}, worst "
        f"{rate['worst_per_second']:,.0f}) over {ROUNDS} rounds"
    )
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    main()
