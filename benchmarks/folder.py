"""Checking a register: ``coordagree validate FOLDER`` on N seed-sized documents.

Writes N copies of the seed programme (each with its own id) as YAML and as JSON, then times,
interleaved over several rounds, each in a fresh process as a user runs it:

- ``coordagree validate`` of the YAML folder (all cores, and ``-j 1``) and of the JSON folder;
- one process that only parses the same YAML files with ``yaml.load(..., Loader=CSafeLoader)``;
- ``check-jsonschema`` with coordagree's JSON Schema over the YAML files, where installed;
- with ``--before SRC``, ``coordagree validate`` of the YAML folder from another source tree.

Prints the median wall and CPU time of each, with the spread (lowest-highest), and the ratio
of ``validate`` to parsing alone. Run: ``python benchmarks/folder.py [--n 1000] [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import coordagree

_PARSE_ONLY = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
"""


def _write(folder: Path, n: int) -> tuple[Path, Path, Path]:
    seed = coordagree.to_document(coordagree.seed_programme())
    yaml_dir, json_dir = folder / "yaml", folder / "json"
    yaml_dir.mkdir()
    json_dir.mkdir()
    for i in range(n):
        document = {**seed, "id": f"quang-binh-{i:05d}"}
        coordagree.dump(coordagree.from_document(document), yaml_dir / f"{i:05d}.yaml")
        coordagree.dump(coordagree.from_document(document), json_dir / f"{i:05d}.json")
    schema = folder / "coordagree.schema.json"
    schema.write_text(json.dumps(coordagree.json_schema()), "utf-8")
    return yaml_dir, json_dir, schema


def _timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of ``command``, children included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{command[:3]} failed:\n{done.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--before", help="a source tree (its src/) to compare with")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    python = sys.executable
    cli = [python, "-m", "coordagree", "validate"]
    with tempfile.TemporaryDirectory() as tmp:
        yaml_dir, json_dir, schema = _write(Path(tmp), args.n)
        runs: dict[str, list[str]] = {
            "parse only (CSafeLoader, 1 process)": [python, "-c", _PARSE_ONLY, str(yaml_dir)],
            "coordagree validate YAML": [*cli, str(yaml_dir)],
            "coordagree validate YAML -j 1": [*cli, str(yaml_dir), "-j", "1"],
            "coordagree validate JSON": [*cli, str(json_dir)],
        }
        # beside this Python first: a venv's tools are there even when it is not activated
        beside = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
        checker = shutil.which("check-jsonschema", path=beside)
        if checker:
            files = sorted(str(p) for p in yaml_dir.glob("*.yaml"))
            runs["check-jsonschema (schema only)"] = [checker, "--schemafile", str(schema), *files]
        envs: dict[str, dict[str, str] | None] = dict.fromkeys(runs)
        if args.before:
            runs["before: coordagree validate YAML"] = [*cli, str(yaml_dir)]
            envs["before: coordagree validate YAML"] = {
                **os.environ,
                "PYTHONPATH": str(Path(args.before) / "src"),
            }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for name, command in runs.items():
                times[name].append(_timed(command, envs[name]))
    results = {
        name: {
            "wall": statistics.median(w for w, _ in found),
            "wall_spread": (min(w for w, _ in found), max(w for w, _ in found)),
            "cpu": statistics.median(c for _, c in found),
            "cpu_spread": (min(c for _, c in found), max(c for _, c in found)),
        }
        for name, found in times.items()
    }
    base = results["parse only (CSafeLoader, 1 process)"]["wall"]
    if args.json:
        print(json.dumps({"n": args.n, "rounds": args.rounds, "results": results}))
        return
    print(
        f"{args.n} seed-sized documents, {args.rounds} interleaved rounds, {os.cpu_count()} cores"
    )
    print(f"PyYAML {yaml.__version__}, libyaml {yaml.__with_libyaml__}")
    for name, r in results.items():
        low, high = r["wall_spread"]
        print(
            f"  {name:38} wall {r['wall']:6.2f} s ({low:.2f}-{high:.2f}, "
            f"{r['wall'] / base:4.2f}x parse only)  CPU {r['cpu']:6.2f} s"
        )


if __name__ == "__main__":
    main()
