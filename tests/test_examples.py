from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

import coordagree
from quang_binh_2023 import build

ROOT = Path(__file__).resolve().parent.parent


def test_example_script_runs_and_prints_summary() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quang_binh_2023.py")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Commitments: 4 listed of 9" in out
    assert "Tuyên truyền vận động các đương sự tự nguyện thi hành án (due 2023)" in out


def test_yaml_example_equals_python_example_and_bundled_seed() -> None:
    from_yaml = coordagree.load(ROOT / "examples" / "quang-binh-2023.yaml")
    assert from_yaml == build() == coordagree.seed_programme()
    bundled = ROOT / "src" / "coordagree" / "data" / "quang-binh-2023.yaml"
    assert bundled.read_bytes() == (ROOT / "examples" / "quang-binh-2023.yaml").read_bytes()
    assert coordagree.dumps(build(), "yaml").encode() == bundled.read_bytes()


def test_every_example_script_runs() -> None:
    for script in sorted((ROOT / "examples").glob("*.py")):
        runpy.run_path(str(script), run_name="not_main")
