"""Each reproducer of the hostile-input review, in a fresh process: outcome, time, memory.

Run: ``python benchmarks/hostile.py`` (``--only NAME`` for one). Each case is run by a child
Python with a hard limit of 60 s; the table gives the outcome (a `DocumentError` and its codes,
another coordagree error, or the output), the wall time of the call (building a large input
is setup, not timed) and the child's peak resident memory, input included.
The target is every case within 2 s and 500 MB. Timings are this machine's, not assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRELUDE = """
import os, sys, json, coordagree, pendulum
from coordagree import Limits, Period
seed_yaml = coordagree.dumps(coordagree.seed_programme(), "yaml")
seed_json = coordagree.dumps(coordagree.seed_programme(), "json")
seed_toml = coordagree.dumps(coordagree.seed_programme(), "toml")
def anchored():  # 2 MB of anchored lists, built only where a case asks
    return "".join(f"x-k{i}: &a{i} [Sở Tư pháp, {i}, ngày 29/5/2023]\\n" for i in range(40_000))
def ext_json(token):
    return seed_json.rstrip().removesuffix("}") + ', "x-a": ' + token + "}"
def forever(rule, start="2000-01-01", end="3000-12-31"):
    return coordagree.loads(f'''coordagree: '1.1'
id: forever
title: MOU
kind: mou
period: {{start: '{start}', end: '{end}'}}
schedules:
- id: s
  period: {{start: '{start}', end: '{end}'}}
  tasks:
''' + "".join(f"  - {{id: t{i}, title: T, recurrence: ['{rule}']}}\\n" for i in range(10)), "yaml")
"""

SETUP = "\n#timed\n"  # what comes before is setup: built, not timed

CASES: dict[str, str] = {
    "yaml 0b_": "coordagree.loads(seed_yaml + 'x-a: 0b_\\n', 'yaml')",
    "yaml !!int abc": "coordagree.loads(seed_yaml + 'x-a: !!int abc\\n', 'yaml')",
    "yaml !!bool maybe": "coordagree.loads(seed_yaml + 'x-a: !!bool maybe\\n', 'yaml')",
    "yaml 5,000 digits": "coordagree.loads(seed_yaml + 'x-a: ' + '9' * 5000 + '\\n', 'yaml')",
    "json 5,000 digits": "coordagree.loads(ext_json('9' * 5000), 'json')",
    "toml 5,000 digits": "coordagree.loads('x-a = ' + '9' * 5000 + '\\n' + seed_toml, 'toml')",
    "yaml 12:30 and 0777": (
        "r = coordagree.loads(seed_yaml + 'x-a: 12:30\\nx-b: 0777\\n', 'yaml').extensions"
    ),
    "json NaN": "coordagree.loads(ext_json('NaN'), 'json')",
    "json 33M-value list (63 MB)": (
        "t = '{\"coordagree\": \"1.1\", \"x-a\": [' + '1,' * 33_000_000 + '1]}'"
        + SETUP
        + "coordagree.loads(t, 'json', limits=Limits(max_bytes=80 * 2**20))"
    ),
    "yaml 2 MB of lists, max_nodes 10,000": (
        "t = seed_yaml + 'x-a:\\n' + ''.join(f'  - [a{i}, b, c, d]\\n' for i in range(100_000))"
        + SETUP
        + "coordagree.loads(t, 'yaml', limits=Limits(max_nodes=10_000))"
    ),
    "yaml 2 MB of lists, default limits": (
        "t = seed_yaml + 'x-a:\\n' + ''.join(f'  - [a{i}, b, c, d]\\n' for i in range(100_000))"
        + SETUP
        + "coordagree.loads(t, 'yaml')"
    ),
    # irregular YAML (what the event reader once left to PyYAML's pure-Python reader), 2 MB
    "yaml 2 MB with one alias": (
        "t = seed_yaml + anchored() + 'x-end: *a0\\n'" + SETUP + "coordagree.loads(t, 'yaml')"
    ),
    "yaml 2 MB, a key twice at its end": (
        "t = seed_yaml + anchored() + 'x-k0: 1\\n'" + SETUP + "coordagree.loads(t, 'yaml')"
    ),
    "yaml 2 MB, a tag at its end": (
        "t = seed_yaml + anchored() + 'x-end: !!binary aGk=\\n'"
        + SETUP
        + "coordagree.loads(t, 'yaml')"
    ),
    "toml dotted key, 20,000 parts": (
        "coordagree.loads('x-a.' + '.'.join(['a'] * 20_000) + ' = 1\\n' + seed_toml, 'toml')"
    ),
    "toml dotted key, 100,000 parts": (
        "coordagree.loads('x-a.' + '.'.join(['a'] * 100_000) + ' = 1\\n' + seed_toml, 'toml')"
    ),
    "load a 30 GB sparse file": (
        "p = sys.argv[1] + '/sparse.yaml'; f = open(p, 'wb'); f.truncate(30 * 2**30); f.close()\n"
        "coordagree.load(p)"
    ),
    "load a symlink to /dev/zero": (
        "p = sys.argv[1] + '/zero.yaml'; os.symlink('/dev/zero', p)\ncoordagree.load(p)"
    ),
    "load a FIFO": "p = sys.argv[1] + '/fifo.yaml'; os.mkfifo(p)\ncoordagree.load(p)",
    "1 million unknown keys": (
        "t = '{\"coordagree\": \"1.1\", ' + ', '.join(f'\"k{i}\": 1' for i in range(1_000_000))"
        " + '}'" + SETUP + "coordagree.loads(t, 'json')"
    ),
    "FREQ=DAILY;INTERVAL=0": "forever('FREQ=DAILY;INTERVAL=0')",
    "FREQ=SECONDLY": "forever('FREQ=SECONDLY')",
    "BYMONTHDAY=30 in February": "forever('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')",
    "INTERVAL=2^31": "forever('FREQ=DAILY;INTERVAL=2147483648')",
    "agenda, 10 daily rules over 1000 years": (
        "a = forever('FREQ=DAILY')\ncoordagree.agenda(a, a.period)"
    ),
    "validate, 10 daily rules over 1000 years": (
        "a = forever('FREQ=DAILY')\nr = len(coordagree.validate(a))"
    ),
    "to_ics, 10 daily rules over 1000 years": (
        "a = forever('FREQ=DAILY')\nr = len(coordagree.to_ics(a))"
    ),
    "800 due() calls, then the agreement deleted": (
        "a = forever('FREQ=DAILY', '2000-01-01', '2200-12-31')\n"
        "for i in range(800): coordagree.due(a, pendulum.date(2000 + i // 4, 1 + i % 4, 1))\n"
        "del a\nimport gc; gc.collect()"
    ),
    "exports at 9999-12-31": (
        "a = forever('FREQ=YEARLY', '9990-01-01', '9999-12-31')\n"
        "coordagree.to_ics(a); coordagree.to_mermaid(a); coordagree.validate(a)"
    ),
    "show, a chain of 2,000 parties": (
        "import attrs, io\nfrom rich.console import Console\n"
        "from coordagree.cli._show import render_show\n"
        "ps = [coordagree.Party(id='p0', name='P')] + [coordagree.Party(id=f'p{i}', name='P', "
        "parent=f'p{i-1}') for i in range(1, 2000)]\n"
        "a = attrs.evolve(coordagree.seed_programme(), parties=tuple(ps), schedules=(), "
        "commitments=(), signatures=(), events=(), people=())\n"
        "Console(file=io.StringIO(), width=100).print(render_show(a))"
    ),
}

RUNNER = """
import resource, sys, time, traceback
{prelude}
{setup}
start = time.perf_counter()
try:
    r = None
{body}
    outcome = "ok" + (f" {{r!r:.40}}" if r is not None else "")
except coordagree.errors.DocumentError as error:
    outcome = "DocumentError " + ",".join(sorted(set(error.codes)))
except coordagree.errors.CoordagreeError as error:
    outcome = type(error).__name__
except BaseException as error:
    outcome = "RAW " + type(error).__name__
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"outcome": outcome, "seconds": took, "peak_mb": peak}}))
"""


def run(name: str, body: str) -> dict[str, object]:
    setup, _, timed = body.rpartition(SETUP)
    indented = "\n".join("    " + line for line in timed.splitlines())
    source = RUNNER.format(prelude=PRELUDE, setup=setup, body=indented)
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        began = time.perf_counter()
        try:
            done = subprocess.run(
                [sys.executable, "-c", source, folder],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
            )
        except subprocess.TimeoutExpired:
            return {"outcome": "over 60 s", "seconds": 60.0, "peak_mb": float("nan")}
    if done.returncode != 0 or not done.stdout.strip():
        return {
            "outcome": f"exit {done.returncode}",
            "seconds": time.perf_counter() - began,
            "peak_mb": float("nan"),
        }
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run the one case whose name contains this")
    arguments = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    print(f"{'case':44} {'outcome':42} {'s':>6} {'MB':>6}")
    for name, body in CASES.items():
        if arguments.only and arguments.only not in name:
            continue
        result = run(name, body)
        print(
            f"{name:44} {str(result['outcome'])[:42]:42} "
            f"{float(result['seconds']):6.2f} {float(result['peak_mb']):6.0f}",  # type: ignore[arg-type]
            flush=True,
        )


if __name__ == "__main__":
    main()
