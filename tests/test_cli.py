from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import coordagree
from coordagree import strategies as cs
from coordagree.cli import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ROOT = Path(__file__).resolve().parent.parent
INVALID = Path(__file__).parent / "data" / "invalid"
SEED = ROOT / "examples" / "quang-binh-2023.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_validate_clean_with_warning_and_strict() -> None:
    code, out = run("validate", str(SEED))
    assert code == 0 and "commitment-count-mismatch" in out
    code, _ = run("validate", "--strict", str(SEED))
    assert code == 1


def test_validate_exit_codes() -> None:
    assert run("validate", str(INVALID / "bad-date.yaml"))[0] == 1
    assert run("validate", str(INVALID / "unresolved-reference.yaml"))[0] == 1
    assert run("validate", str(INVALID / "syntax.yaml"))[0] == 2
    assert run("validate", "no/such/file.yaml")[0] == 2


def test_validate_json_output() -> None:
    code, out = run("validate", "--format", "json", str(INVALID / "bad-date.yaml"), str(SEED))
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False
    finding = data["files"][0]["findings"][0]
    assert {k: finding[k] for k in ("code", "severity", "path", "line", "column")} == {
        "code": "bad-date",
        "severity": "error",
        "path": "/period/start",
        "line": 10,
        "column": 10,  # the value, not its key
    }
    assert finding["file"].endswith("bad-date.yaml")


def test_validate_folder_and_github_format() -> None:
    code, out = run("validate", "--format", "github", str(INVALID))
    assert code == 2  # the folder holds unparseable files too
    assert "::error file=" in out and "title=unresolved-reference" in out


def test_show_defaults_to_seed() -> None:
    code, out = run("show")
    assert code == 0 and "Ban Dân vận Tỉnh ủy" in out and "Lê Văn Bảo" in out


def test_agenda() -> None:
    code, out = run("agenda", "--as-of", "2024-01-01", "--window", "2023")
    assert code == 1 and "3 due, 3 of them overdue" in out and "2023-05-29 event" in out
    code, out = run("agenda", "--as-of", "2023-06-01", "--window", "2023")
    assert code == 0 and "0 of them overdue" in out
    code, out = run("agenda", "--as-of", "29/5/2023")
    assert code == 2 and "did you mean 2023-05-29?" in out
    code, out = run("agenda", "--as-of", "2024-01-01", "--party", "nobody")
    assert code == 2 and "no party with id 'nobody'" in out


def test_export_schema_convert_new(tmp_path: Path) -> None:
    code, out = run("export", "--to", "mermaid")
    assert code == 0 and out.startswith("gantt")
    target = tmp_path / "p.ics"
    assert run("export", str(SEED), "--to", "ics", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    code, out = run("schema")
    assert json.loads(out) == coordagree.json_schema()
    toml = tmp_path / "p.toml"
    assert run("convert", str(SEED), str(toml))[0] == 0
    assert coordagree.load(toml) == coordagree.seed_programme()
    skeleton = tmp_path / "new.yaml"
    assert run("new", str(skeleton))[0] == 0
    assert coordagree.validate(coordagree.load(skeleton)).findings == ()
    assert run("new", str(skeleton))[0] == 2


def test_installed_entry_point_runs() -> None:
    exe = shutil.which("coordagree", path=str(Path(sys.executable).parent))
    assert exe is not None
    done = subprocess.run([exe, "validate", str(SEED)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    missing = subprocess.run([exe, "show", "missing.yaml"], capture_output=True, text=True)
    assert missing.returncode == 2
    assert "missing.yaml: no such file" in missing.stderr and "Traceback" not in missing.stderr


def test_unexpected_errors_are_one_line_unless_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from coordagree import cli as cli_module

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(coordagree, "seed_programme", broken)
    for argv, traceback in (
        (["coordagree", "show"], False),
        (["coordagree", "--debug", "show"], True),
    ):
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as exited:
            cli_module.main()
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert "disk on fire" in err
        assert ("Traceback" in err) is traceback
        assert ("--debug" in err) is not traceback


def test_a_folder_where_a_file_is_wanted(tmp_path: Path) -> None:
    code, out = run("show", str(tmp_path))
    assert code == 2 and "is a folder" in out


def _shown_text(agreement: coordagree.Agreement) -> str:
    import io
    import re

    from rich.console import Console

    from coordagree.cli._show import render_show

    out = io.StringIO()
    Console(file=out, width=100_000, highlight=False, color_system=None).print(
        render_show(agreement)
    )
    return re.sub(r"\s+", " ", out.getvalue())


def _texts_of(agreement: coordagree.Agreement) -> list[tuple[str, str]]:
    """(pointer, text) of every non-empty human text and wording the agreement holds."""
    from coordagree._fields import Kind, kind_of, walk_records

    found = []
    for path, record in walk_records(agreement):
        for field in attrs.fields(type(record)):
            kind = kind_of(field)
            if kind.kind not in (Kind.TEXT, Kind.WORDING, Kind.STRING):
                continue
            value = getattr(record, field.name)
            for item in value if kind.many else (value,):
                if item is not None and str(item).strip():
                    found.append((f"{path}/{field.name}", " ".join(str(item).split())))
    return found


@pytest.mark.parametrize(
    "name",
    [
        "quang-binh-2023.yaml",
        "quy-che-vks-ta-2020.yaml",
        "fws-usgs-mou.yaml",
        "fws-usgs-committee-moa.yaml",
    ],
)
def test_show_hides_no_text_a_document_holds(name: str) -> None:
    agreement = coordagree.load(EXAMPLES / name)
    shown = _shown_text(agreement)
    hidden = [(path, text) for path, text in _texts_of(agreement) if text not in shown]
    assert hidden == []


@given(cs.agreements(max_tasks=3))
@settings(max_examples=20, suppress_health_check=list(HealthCheck))
def test_show_hides_no_text_of_any_drawn_agreement(agreement: coordagree.Agreement) -> None:
    shown = _shown_text(agreement)
    assert [(p, t) for p, t in _texts_of(agreement) if t not in shown] == []


def test_show_prints_document_text_as_written_not_as_markup() -> None:
    agreement = coordagree.Agreement(
        id="draft", title=coordagree.Text("Chương trình phối hợp [dự thảo] [red]x[/red] [/]")
    )
    assert "Chương trình phối hợp [dự thảo] [red]x[/red] [/]" in _shown_text(agreement)


def _piped(*args: str, data: bytes) -> tuple[int, str, bytes]:
    result = CliRunner().invoke(cli, list(args), input=data)
    return result.exit_code, result.output, result.stdout_bytes


def test_dash_is_standard_input_for_every_command_that_reads_a_document() -> None:
    yaml_text = SEED.read_bytes()
    code, out, _ = _piped("validate", "-", data=yaml_text)
    assert code == 0 and "<stdin>:" in out and "1 file(s) checked" in out
    code, out, _ = _piped("validate", "-", data=(INVALID / "bad-date.yaml").read_bytes())
    assert code == 1 and "<stdin>:10:10: error bad-date /period/start" in out
    code, out, _ = _piped("show", "-", data=yaml_text)
    assert code == 0 and "Chương trình phối hợp" in out
    code, _, raw = _piped("export", "-", "--to", "json", data=yaml_text)
    assert code == 0 and coordagree.loads(raw) == coordagree.load(SEED)
    code, out, _ = _piped("agenda", "-", "--as-of", "2024-01-01", "--exit-zero", data=yaml_text)
    assert code == 0 and "2023-tand" in out
    code, out, _ = _piped("show", "-", data=b"garbage: [")
    assert code == 1 and "<stdin>" in out


def test_convert_reads_and_writes_standard_streams() -> None:
    code, _, raw = _piped("convert", "-", "-", "--to", "toml", data=SEED.read_bytes())
    assert code == 0 and coordagree.loads(raw, "toml") == coordagree.load(SEED)
    code, out, _ = _piped("convert", str(SEED), "-", data=b"")
    assert code == 2 and "needs --to" in out


@pytest.mark.parametrize("name", ["skeleton.json", "skeleton.toml", "skeleton.yaml"])
def test_new_writes_the_format_its_name_says(name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    code, _ = run("new", str(target))
    assert code == 0
    agreement = coordagree.load(target)  # read in the format its extension names
    assert agreement.id == "my-programme"
    assert coordagree.validate(agreement).ok
    if name.endswith(".yaml"):  # commented, with the schema line editors read
        first, second = target.read_text("utf-8").splitlines()[:2]
        assert first == f"# yaml-language-server: $schema={coordagree.json_schema()['$id']}"
        assert second.startswith("# A coordagree document")


def test_agenda_formats_today_and_exit_codes() -> None:
    code, out = run("agenda", "--as-of", "2024-01-01", "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["as_of"] == "2024-01-01" and report["overdue"] == 3
    assert [row["item"] for row in report["due"]] == ["2023-tand", "2023-thads", "2023-vksnd"]
    assert all(row["overdue"] for row in report["due"])
    code, out = run("agenda", "--as-of", "2024-01-01", "--format", "csv", "--exit-zero")
    assert code == 0 and out.splitlines()[0].startswith("kind,item,title,date")
    assert len(out.splitlines()) == 4
    assert run("agenda", "--as-of", "2024-01-01", "--fail-on-overdue")[0] == 1  # the default
    assert run("agenda", "--as-of", "2023-06-01", "--fail-on-overdue")[0] == 0  # none late yet
    code, out = run("agenda", "--format", "json", "--exit-zero")  # today, in Asia/Ho_Chi_Minh
    import pendulum

    assert json.loads(out)["as_of"] == pendulum.today("Asia/Ho_Chi_Minh").date().isoformat()


def test_a_folder_walk_checks_documents_only(tmp_path: Path) -> None:
    (tmp_path / "register").mkdir()
    shutil.copy(SEED, tmp_path / "register" / "programme.yaml")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    for hidden in (".git", ".venv-tool", "venv", "node_modules", "build"):
        (tmp_path / hidden).mkdir()
        shutil.copy(INVALID / "bad-date.yaml", tmp_path / hidden / "bad.yaml")
    (tmp_path / "venv" / "pyvenv.cfg").write_text("home = /usr\n", "utf-8")
    (tmp_path / ".gitignore").write_text("build/\n", "utf-8")
    code, out = run("validate", str(tmp_path))
    assert code == 0 and "1 file(s) checked" in out and "programme.yaml" in out
    shutil.copy(INVALID / "bad-date.yaml", tmp_path / "register" / "draft.yaml")
    code, out = run("validate", str(tmp_path), "--exclude", "draft.*")
    assert code == 0 and "1 file(s) checked" in out
    code, out = run("validate", str(tmp_path / "build"))  # a folder named directly is walked
    assert code == 1
    (tmp_path / "empty").mkdir()
    code, out = run("validate", str(tmp_path / "empty"))
    assert code == 2 and "no coordagree documents found" in out
    code, out = run("validate", "--only-documents", str(tmp_path / "mkdocs.yml"))
    assert code == 0 and out == ""
    code, out = run("validate", str(tmp_path / "mkdocs.yml"))  # named: checked, and refused
    assert code == 1


def test_select_ignore_and_the_project_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SEED, tmp_path / "programme.yaml")
    monkeypatch.chdir(tmp_path)
    code, out = run("validate", "programme.yaml", "--strict")
    assert code == 1 and "commitment-count-mismatch" in out
    code, out = run(
        "validate", "programme.yaml", "--strict", "--ignore", "commitment-count-mismatch"
    )
    assert code == 0 and "commitment-count-mismatch" not in out
    code, out = run(
        "validate", "programme.yaml", "--strict", "--select", "bad-date,wording-mismatch"
    )
    assert code == 0
    code, out = run("validate", "programme.yaml", "--select", "no-such-code")
    assert code == 2 and "unknown code 'no-such-code'" in out
    (tmp_path / "pyproject.toml").write_text(
        "[tool.coordagree]\nstrict = true\nignore = ['commitment-count-mismatch']\n", "utf-8"
    )
    code, out = run("validate", "programme.yaml")
    assert code == 0 and "commitment-count-mismatch" not in out
    (tmp_path / "coordagree.toml").write_text("strict = true\n", "utf-8")  # nearer, first
    code, out = run("validate", "programme.yaml")
    assert code == 1
    (tmp_path / "coordagree.toml").write_text("strictly = true\n", "utf-8")
    code, out = run("validate", "programme.yaml")
    assert code == 2 and "unknown setting 'strictly'" in out


def test_sarif_output_locates_every_finding() -> None:
    code, out = run("validate", "--format", "sarif", str(SEED), str(INVALID / "bad-date.yaml"))
    log = json.loads(out)
    assert code == 1 and log["version"] == "2.1.0"
    (run_,) = log["runs"]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and "bad-date" in rules
    results = {(r["ruleId"], r["level"]) for r in run_["results"]}
    assert results == {("commitment-count-mismatch", "warning"), ("bad-date", "error")}
    for result in run_["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        (where,) = result["locations"]
        region = where["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    bad = next(r for r in run_["results"] if r["ruleId"] == "bad-date")
    assert bad["locations"][0]["physicalLocation"]["region"] == {"startLine": 10, "startColumn": 10}


def test_the_pre_commit_hook_runs_validate_on_documents_only() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == "coordagree-validate"
    words = hook["entry"].split()
    assert words[:2] == ["coordagree", "validate"] and "--only-documents" in words
    code, _ = run(*words[1:], str(ROOT / "mkdocs.yml"), str(SEED))
    assert code == 0


def _coloured(env: dict[str, str], *args: str) -> str:
    return CliRunner(env=env).invoke(cli, list(args)).output


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (("validate", str(INVALID / "bad-date.yaml")), "error"),
        (("validate", str(SEED)), "warning"),
        (("agenda", "--as-of", "2024-01-01"), "OVERDUE"),
    ],
)
def test_severities_and_overdue_in_colour_unless_no_color(args: tuple[str, ...], word: str) -> None:
    red_or_yellow = "\x1b[33m" if word == "warning" else "\x1b[31m"
    assert red_or_yellow + ("\x1b[1m" if word != "warning" else "") + word in _coloured(
        {"FORCE_COLOR": "1"}, *args
    )
    plain = _coloured({"FORCE_COLOR": "", "NO_COLOR": ""}, *args)  # a pipe: click strips colour
    assert "\x1b[" not in plain and word in plain
    assert "\x1b[" not in _coloured({"FORCE_COLOR": "1", "NO_COLOR": "1"}, *args)
    shown = _coloured({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "show", str(SEED))
    assert "\x1b[3" not in shown  # rich honours NO_COLOR too


def test_colour_never_comes_from_the_document(tmp_path: Path) -> None:
    text = (
        SEED.read_text("utf-8")
        .replace(
            "    title: Tuyên truyền, vận động các đối tượng thi hành",
            '    title: "Tuyên truyền, \\e[31mvận động các đối tượng thi hành',
            1,
        )
        .replace("đã có hiệu lực pháp luật\n", 'đã có hiệu lực pháp luật"\n', 1)
    )
    path = tmp_path / "escaped.yaml"
    path.write_text(text, "utf-8")
    out = _coloured({"FORCE_COLOR": "1"}, "agenda", str(path), "--as-of", "2024-01-01")
    assert "\x1b[31m\x1b[1mOVERDUE" in out and "\x1b[31mvận" not in out and "␛[31mvận" in out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_folder_walk_in_a_git_work_tree_ignores_what_git_ignores(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    for name in ("drafts/a.yaml", "drafts/keep.yaml", "old/tracked.yaml", "old/new.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(INVALID / "bad-date.yaml", tmp_path / name)
    shutil.copy(SEED, tmp_path / "programme.yaml")
    (tmp_path / ".gitignore").write_text("drafts/*\n!drafts/keep.yaml\n", "utf-8")
    git("add", "old/tracked.yaml")  # tracked before its folder was ignored: git keeps it
    (tmp_path / "old" / ".gitignore").write_text("*.yaml\n", "utf-8")  # a nested one
    code, out = run("validate", str(tmp_path))
    checked = {line.split(":")[0] for line in out.splitlines() if "bad-date" in line}
    assert checked == {str(tmp_path / "drafts/keep.yaml"), str(tmp_path / "old/tracked.yaml")}
    assert code == 1 and "3 file(s) checked" in out
