"""`verifier baseline` and `check --baseline`: later runs fail only on new findings."""

from __future__ import annotations

import json

import pytest

from verifier.cli import main

HEAD = "---\ndate: 2024-02\nlang: fr\n---\n"
WRONG = "Les échanges entre la Chine et la Russie ont atteint 250 milliards de dollars entre janvier et novembre."
OTHER = "Le PIB de l'Allemagne a atteint 5 000 milliards de dollars en 2023."
FILLER = "Les deux dirigeants ont parlé de l'Ukraine."


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project directory as the working directory, so relative paths and the config are found as in CI."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path, *paragraphs):
    path.write_text(HEAD + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_known_findings_pass_and_new_ones_fail(project, capsys):
    write(project / "a.md", WRONG)
    assert run(capsys, "check", "a.md", "--no-write")[0] == 1

    code, out, err = run(capsys, "baseline", "a.md")
    assert code == 0 and out == "" and "Baseline of 1 finding written to verifier-baseline.json" in err
    data = json.loads((project / "verifier-baseline.json").read_text())
    (entry,) = data["findings"]
    assert (entry["document"], entry["line"], entry["code"], entry["text"]) == ("a.md", 5, "value-mismatch", "250 milliards de dollars")

    code, out, _ = run(capsys, "check", "a.md", "--no-write", "--baseline", "verifier-baseline.json", "--format", "line")
    assert (code, out) == (0, "")

    # A paragraph added above moves the known finding down two lines: still known.
    # The new contradicted claim is the only finding reported, and it fails the run.
    write(project / "a.md", OTHER, FILLER, WRONG)
    code, out, _ = run(capsys, "check", "a.md", "--no-write", "--baseline", "verifier-baseline.json", "--format", "json")
    report = json.loads(out)
    states = {v["claim"]["text"]: (v["claim"]["span"]["line"], v["baseline"]) for v in report["verdicts"]}
    assert states["250 milliards de dollars"] == (9, "unchanged")
    assert states["5 000 milliards de dollars"] == (5, "new")
    assert code == 1
    code, out, _ = run(capsys, "check", "a.md", "--no-write", "--baseline", "verifier-baseline.json", "--format", "line")
    (line,) = out.splitlines()
    assert line.startswith("a.md:5:33:value-mismatch:")


def test_a_repeated_sentence_beyond_the_count_is_new(project, capsys):
    write(project / "a.md", WRONG)
    run(capsys, "baseline", "a.md")
    write(project / "a.md", WRONG, WRONG)
    code, out, _ = run(capsys, "check", "a.md", "--no-write", "--baseline", "verifier-baseline.json", "--format", "json")
    assert [v["baseline"] for v in json.loads(out)["verdicts"]] == ["unchanged", "new"]
    assert code == 1


def test_sarif_carries_the_baseline_state(project, capsys):
    write(project / "a.md", WRONG)
    run(capsys, "baseline", "a.md")
    _, out, _ = run(capsys, "check", "a.md", "--no-write", "--baseline", "verifier-baseline.json", "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["baselineState"] == "unchanged"


def test_ignored_and_info_verdicts_are_not_recorded(project, capsys):
    write(project / "a.md", "<!-- verifier: ignore value-mismatch — confirmed -->\n" + WRONG,
          "Les échanges entre la Chine et la Russie ont atteint 218,2 milliards de dollars entre janvier et novembre.")
    run(capsys, "baseline", "a.md", "-o", "b.json")
    assert json.loads((project / "b.json").read_text())["findings"] == []


def test_the_config_names_the_baseline_relative_to_itself(project, capsys):
    (project / "articles").mkdir()
    write(project / "articles" / "a.md", WRONG)
    (project / "verifier.toml").write_text('baseline = "ci/accepted.json"\n')
    (project / "ci").mkdir()
    code, _, err = run(capsys, "baseline", "articles/a.md")
    assert code == 0 and (project / "ci" / "accepted.json").is_file()
    assert run(capsys, "check", "articles/a.md", "--no-write")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "missing.json: no such baseline file (write one with `verifier baseline FILE...`)"),
        ("{not json", "missing.json: not a verifier baseline (invalid JSON"),
        ('{"version": 9, "findings": []}', "missing.json: not a verifier baseline (expected version 1"),
        ('{"version": 1, "findings": [{"line": 3}]}', "missing.json: not a verifier baseline (a finding has no fingerprint)"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(project, capsys, content, message):
    write(project / "a.md", WRONG)
    if content is not None:
        (project / "missing.json").write_text(content)
    code, out, err = run(capsys, "check", "a.md", "--no-write", "--baseline", "missing.json")
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err


def test_sarif_with_suppressions_and_baseline_states_is_valid(project, capsys):
    import jsonschema
    from test_formats import SARIF_SCHEMA

    write(project / "a.md", "<!-- verifier: ignore value-mismatch — confirmed -->\n" + WRONG, OTHER)
    run(capsys, "baseline", "a.md")
    write(project / "a.md", "<!-- verifier: ignore value-mismatch — confirmed -->\n" + WRONG, OTHER, WRONG)
    _, out, _ = run(capsys, "check", "a.md", "--no-write", "--baseline", "verifier-baseline.json", "--format", "sarif")
    log = json.loads(out)
    validator = jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    assert not list(validator.iter_errors(log))
    results = log["runs"][0]["results"]
    assert [(r["baselineState"], "suppressions" in r) for r in results] == [("new", True), ("unchanged", False), ("new", False)]
