"""docs/ci.md documents the exit codes and formats; these tests hold it to the CLI."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import ROOT
from test_cli import run

from verifier import cli
from verifier.render import RENDERERS

DOC = ROOT / "docs" / "ci.md"


def table(heading: str) -> list[list[str]]:
    """The rows of the first table under `## heading`, as cell strings."""
    section = DOC.read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def check_format_choices() -> set[str]:
    parser = cli._parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    check = commands.choices["check"]
    return set(next(a for a in check._actions if a.dest == "format").choices)


def test_formats_table_lists_exactly_the_cli_formats():
    documented = [re.fullmatch(r"`([a-z]+)`", row[0]).group(1) for row in table("Formats")]
    assert len(documented) == len(set(documented))
    assert set(documented) == check_format_choices() == set(RENDERERS)


def test_exit_codes_table_lists_exactly_the_codes():
    codes = [int(row[0]) for row in table("Exit codes")]
    assert codes == [0, 1, 2, 130]


@pytest.mark.parametrize("row", [r for r in table("Exit codes") if r[2].startswith("`verifier ")], ids=lambda r: r[0])
def test_documented_examples_exit_as_documented(row):
    args = shlex.split(row[2].strip("`"))[1:]
    result = run(*args, cwd=ROOT)
    assert result.returncode == int(row[0]), result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_interrupt_exits_130(monkeypatch, seed_path, capsys):
    import verifier.flow.verify

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(verifier.flow.verify, "check", interrupted)
    assert cli.main(["check", str(seed_path), "--no-write"]) == 130


def test_fail_on_levels_are_the_documented_ones():
    section = DOC.read_text(encoding="utf-8")
    documented = re.search(r"`--fail-on` takes (.*?)\.", section).group(1)
    assert set(re.findall(r"`(\w+)`", documented)) == set(cli.FAIL_LEVELS)


def test_pre_commit_hook_runs_the_cli(tmp_path, seed_path):
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"^\s*entry: (.+)$", hooks, re.M).group(1)
    assert entry.startswith("verifier ")
    # pre-commit appends the staged file names to the entry.
    result = run(*shlex.split(entry)[1:], seed_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.iterdir()), "the hook must not write report files into the repository"
