"""How coordagree is installed and started: the script, ``python -m``, the Hypothesis hook."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

import coordagree
from coordagree import _launch
from coordagree.errors import InvalidArgumentError


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_the_script_without_the_cli_extra_says_which_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(SystemExit) as stopped:
        _launch.main()
    assert stopped.value.code == 2
    assert "pip install 'coordagree[cli]'" in capsys.readouterr().err


def test_importing_main_runs_nothing() -> None:
    done = _run("import coordagree.__main__; print('quiet')")
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "quiet", "")


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coordagree", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "0.1.0" in done.stdout


def test_importing_hypothesis_does_not_import_coordagree() -> None:
    done = _run("import sys, hypothesis; print('coordagree' in sys.modules)")
    assert done.stdout.strip() == "False", done.stderr


def test_strategies_are_registered_whichever_is_imported_first() -> None:
    for first, second in (("hypothesis", "coordagree"), ("coordagree", "hypothesis")):
        done = _run(
            f"import {first}\nimport {second}\nimport coordagree\n"
            "from hypothesis import strategies as st\n"
            "print(type(st.from_type(coordagree.Period).example()).__name__)"
        )
        assert done.stdout.strip() == "Period", (first, done.stderr)


def test_yml_names_yaml_and_an_unknown_format_is_an_argument_error() -> None:
    programme = coordagree.seed_programme()
    text = coordagree.dumps(programme, "yml")
    assert text == coordagree.dumps(programme, "yaml")
    assert coordagree.loads(text, "yml") == programme
    with pytest.raises(InvalidArgumentError, match="expected json, yaml"):
        coordagree.dumps(programme, "xml")  # type: ignore[arg-type]


def test_agreements_pickle_for_other_processes() -> None:
    import concurrent.futures
    import pickle

    from hypothesis import given, settings

    from coordagree.strategies import agreements

    @given(agreements())
    @settings(max_examples=30, deadline=None)
    def round_trip(agreement: coordagree.Agreement) -> None:
        again = pickle.loads(pickle.dumps(agreement))
        assert again == agreement
        assert coordagree.dumps(again) == coordagree.dumps(agreement)

    round_trip()
    seed = coordagree.seed_programme()
    with concurrent.futures.ProcessPoolExecutor(1) as pool:
        assert pool.submit(coordagree.validate, seed).result() == coordagree.validate(seed)
