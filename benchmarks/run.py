"""Load, validate and dump large agreements with coordagree, pydantic v2, msgspec and orjson.

Every candidate runs interleaved in one process, round after round, on the same bytes from
`generate.py`, at N = 1,000, 10,000 and 100,000 tasks; the table gives medians and ratios.
Peak memory of one load is measured for coordagree and pydantic, each in a fresh process.

    pip install -e ".[bench]"
    python benchmarks/run.py            # the table
    python benchmarks/run.py --quick    # N = 1,000 and 10,000 only
    python benchmarks/run.py --json     # ... and one JSON object as the last line
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).parent))

import coordagree
import models_msgspec
import models_pydantic
from generate import generate_json

ROUNDS = {1_000: 30, 10_000: 9, 100_000: 5}


def timed(action: Callable[[], Any]) -> float:
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(n: int, rounds: int) -> dict[str, float]:
    """Median seconds of each operation at ``n`` tasks, candidates interleaved per round."""
    data = generate_json(n)
    agreement = coordagree.loads(data)
    model = models_pydantic.load(data)
    year = coordagree.Period.parse("2024")
    operations: dict[str, Callable[[], Any]] = {
        "load": lambda: coordagree.loads(data),
        "load_pydantic": lambda: models_pydantic.load(data),
        "load_msgspec": lambda: models_msgspec.load(data),
        "load_orjson": lambda: orjson.loads(data),
        "validate": lambda: coordagree.validate(agreement),
        "dump": lambda: coordagree.dumps(agreement, "json"),
        "dump_pydantic": lambda: models_pydantic.dump(model),
        "agenda": lambda: coordagree.agenda(agreement, year),
    }
    times: dict[str, list[float]] = {name: [] for name in operations}
    for _ in range(rounds):
        for name, action in operations.items():
            times[name].append(timed(action))
    return {name: statistics.median(values) for name, values in times.items()}


# The peak resident size (VmHWM, in kB) of this process; ru_maxrss is no use here, since Linux
# carries it over from the parent across fork and exec.
_PEAK = """
import gc, sys
def high_water():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
sys.path.insert(0, {folder!r})
import {module} as library
data = open({path!r}, "rb").read()
gc.collect()
before = high_water()
result = library.load(data)
print((high_water() - before) / 1024)
"""


def peak_mb(n: int, module: str) -> float:
    """Peak memory (MB) one load adds, in a fresh process (its high-water mark, before/after)."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        handle.write(generate_json(n))
    script = _PEAK.format(folder=str(Path(__file__).parent), module=module, path=handle.name)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 1,000 and 10,000 only")
    parser.add_argument("--json", action="store_true", help="end with one JSON object")
    options = parser.parse_args()
    sizes = [1_000, 10_000] if options.quick else [1_000, 10_000, 100_000]
    results = {n: measure(n, ROUNDS[n]) for n in sizes}
    print(
        f"{'N':>8} {'load':>8} {'pydantic':>9} {'msgspec':>8} {'orjson':>8} "
        f"{'validate':>9} {'dump':>8} {'pyd dump':>9} {'agenda':>8}   "
        f"{'load/pyd':>8} {'load/orj':>8} {'load/msg':>8} {'val/load':>8} {'dump/pyd':>8}"
    )
    for n, r in results.items():
        print(
            f"{n:>8} {r['load']:>8.3f} {r['load_pydantic']:>9.3f} {r['load_msgspec']:>8.3f} "
            f"{r['load_orjson']:>8.3f} {r['validate']:>9.3f} {r['dump']:>8.3f} "
            f"{r['dump_pydantic']:>9.3f} {r['agenda']:>8.3f}   "
            f"{r['load'] / r['load_pydantic']:>8.2f} {r['load'] / r['load_orjson']:>8.2f} "
            f"{r['load'] / r['load_msgspec']:>8.2f} {r['validate'] / r['load']:>8.2f} "
            f"{r['dump'] / r['dump_pydantic']:>8.2f}"
        )
    largest, smallest = max(results), min(results)
    big, small = results[largest], results[smallest]

    def scaling(name: str) -> float:
        return (big[name] / largest) / (small[name] / smallest)

    peak = peak_mb(largest, "models_coordagree")
    peak_pydantic = peak_mb(largest, "models_pydantic")
    print(f"seconds, medians; peak memory of one load at N={largest}: coordagree {peak:.0f} MB,")
    print(f"pydantic {peak_pydantic:.0f} MB; time per task at N={largest} over N={smallest}:")
    print(
        "  "
        + ", ".join(
            f"{name} {scaling(name):.2f}" for name in ("load", "validate", "dump", "agenda")
        )
    )
    if options.json:
        summary = {
            "n": largest,
            "load_vs_pydantic": big["load"] / big["load_pydantic"],
            "load_vs_orjson": big["load"] / big["load_orjson"],
            "load_vs_msgspec": big["load"] / big["load_msgspec"],
            "validate_vs_load": big["validate"] / big["load"],
            "dump_vs_pydantic": big["dump"] / big["dump_pydantic"],
            "peak_mb": peak,
            "peak_mb_pydantic": peak_pydantic,
            "load_vs_pydantic_10k": results[10_000]["load"] / results[10_000]["load_pydantic"],
            "scaling_load": scaling("load"),
            "scaling_validate": scaling("validate"),
            "scaling_dump": scaling("dump"),
            "scaling_agenda": scaling("agenda"),
        }
        print(
            json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in summary.items()})
        )


if __name__ == "__main__":
    main()
