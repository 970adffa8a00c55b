"""The command-line contract (design §4): outputs, exit codes, bad input."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.cli import main
from verifier.models import Report


def run(*args, cwd=None, input_text=None):
    """The CLI as users run it: a new process, so tracebacks and exit codes are real."""
    return subprocess.run(
        [sys.executable, "-m", "verifier", *map(str, args)], capture_output=True, text=True, cwd=cwd, input=input_text
    )


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    from conftest import SEED

    out = tmp_path_factory.mktemp("reports")
    result = run("check", SEED, "--format", "json", "--report-dir", out)
    return result, out


def test_check_seed_offline(seed_report):
    result, out = seed_report
    assert result.returncode == 0, result.stderr
    report = Report.model_validate_json(result.stdout)  # stdout carries only the JSON
    by_text = {v.claim.text: v for v in report.verdicts}

    trade = by_text["218,2 milliards de dollars"]
    assert trade.status == "supported"
    assert trade.claim.quantity.value == 218.2e9
    assert trade.claim.attribution == "données des douanes chinoises"
    (e,) = trade.evidence
    assert e.value == 218.17e9 and e.unit == "USD" and e.source == "snapshot"
    assert (e.period.start.isoformat(), e.period.end.isoformat()) == ("2023-01-01", "2023-11-30")
    assert e.url.startswith("https://www.commersant.ge/")

    rank = by_text["premier fournisseur de pétrole brut"]
    assert rank.status == "supported"
    values = {(x.partner, x.period.start.year): x.value for x in rank.evidence}
    assert values[("RUS", 2023)] == 107.02e6 and values[("SAU", 2023)] == 85.96e6
    assert values[("SAU", 2022)] == 87.49e6 and values[("RUS", 2022)] == 86.25e6
    assert "of the 9 entries" in rank.message

    meetings = by_text["deux reprises"]
    assert meetings.status == "unverifiable"
    assert report.stats.contradicted == 0
    html = (out / "000_8eb3afca12c662b1.html").read_text()
    assert html.lower().startswith("<!doctype html>") and "218,2 milliards de dollars" in html
    assert Report.model_validate_json((out / "000_8eb3afca12c662b1.json").read_text()) == report


def test_changed_figure_is_contradicted(tmp_path, seed_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(seed_path.read_text().replace("218,2 milliards", "250 milliards"))
    result = run("check", draft, "--format", "json", "--report-dir", tmp_path)
    assert result.returncode == 1
    report = Report.model_validate_json(result.stdout)
    (v,) = [v for v in report.verdicts if v.claim.text == "250 milliards de dollars"]
    assert (v.status, v.code) == ("contradicted", "value-mismatch")
    assert v.evidence[0].value == 218.17e9
    assert "218.17 bn USD" in v.message


def test_cli_table_is_the_default(seed_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a narrower terminal wraps the quoted text, as it should
    assert main(["check", str(seed_path), "--report-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "218,2 milliards de dollars" in out
    assert out.rstrip().splitlines()[-1].startswith("? 0 contradicted, 2 unverifiable, 2 supported in 1 file")


def test_claims_json_matches_the_contract(seed_path, capsys):
    assert main(["claims", str(seed_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["claims"]
    claim = next(c for c in data["claims"] if c["kind"] == "amount" and c["metric"])
    assert set(claim) >= {"id", "kind", "text", "sentence", "span", "quantity", "rank", "period", "places", "metric", "attribution"}
    assert claim["text"] == "218,2 milliards de dollars"
    assert set(claim["span"]) == {"start", "end", "line", "column"} and claim["span"]["line"] == 9
    assert claim["quantity"] == {"value": 218200000000.0, "unit": "USD", "comparator": "=", "precision": 50000000.0}
    assert claim["rank"] is None
    assert claim["period"] == {"start": "2023-01-01", "end": "2023-11-30", "label": "January–November 2023"}
    assert [{k: p[k] for k in ("code", "text")} for p in claim["places"]] == [
        {"code": "CHN", "text": "la Chine"},
        {"code": "RUS", "text": "la Russie"},
    ]
    assert claim["metric"] == {"id": "trade.total", "text": "échanges commerciaux"}
    assert claim["attribution"] == "données des douanes chinoises"


def test_claims_cli_table(seed_path, capsys):
    assert main(["claims", str(seed_path), "--format", "cli"]) == 0
    out = capsys.readouterr().out
    assert "premier fournisseur de" in out and "rank 1" in out and "RUS (subject)" in out
    assert out.rstrip().endswith("4 claims")


def test_parse_periods(capsys):
    assert main(["parse", "periods", "le 3 octobre", "--lang", "fr", "--published", "2024-02-08"]) == 0
    (p,) = json.loads(capsys.readouterr().out)["periods"]
    assert (p["start"], p["end"], p["text"]) == ("2023-10-03", "2023-10-03", "3 octobre")


def test_published_option_overrides_the_header(seed_path, capsys):
    assert main(["claims", str(seed_path), "--published", "2024-12-15"]) == 0
    trade = next(c for c in json.loads(capsys.readouterr().out)["claims"] if c["text"].startswith("218"))
    assert trade["period"]["start"] == "2024-01-01"


def test_latin1_text_is_decoded(tmp_path, seed_path, capsys):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(seed_path.read_text().encode("latin-1", errors="replace"))
    assert main(["claims", str(latin)]) == 0
    assert "218,2 milliards de dollars" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args,message",
    [
        (["check", "missing.txt"], "missing.txt: no such file"),
        (["check", "{empty}"], "empty file"),
        (["check", "{binary}"], "binary file"),
        (["check", "{seed}", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["check", "{seed}", "--published", "2024-13-40"], "invalid date"),
        (["claims", "{seed}", "--lang", "xx"], "unsupported language"),
        (["check", "{dir}"], "no article files in this directory"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, seed_path, args, message):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "no-articles").mkdir()
    files = {"{empty}": tmp_path / "empty.txt", "{binary}": tmp_path / "binary.bin", "{seed}": seed_path, "{dir}": tmp_path / "no-articles"}
    extra = ["--report-dir", tmp_path] if args[0] == "check" else []
    result = run(*[files.get(a, a) for a in args], *extra, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_dependency_is_one_line(monkeypatch, seed_path, capsys):
    import verifier.flow.verify

    def broken(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'pycountry'", name="pycountry")

    monkeypatch.setattr(verifier.flow.verify, "check", broken)
    assert main(["check", str(seed_path), "--no-write"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "verifier: error: missing dependency 'pycountry'; install the project first: pip install -e ."


def test_a_default_report_directory_that_cannot_be_written_costs_only_a_warning(seed_path, tmp_path):
    (tmp_path / "reports").write_text("a file where the directory would go")
    result = run("check", str(seed_path), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    verdicts = {v["claim"]["text"]: v["status"] for v in json.loads(result.stdout)["verdicts"]}
    assert verdicts["218,2 milliards de dollars"] == "supported"
    assert verdicts["premier fournisseur de pétrole brut"] == "supported"
    assert verdicts["deux reprises"] == "unverifiable"
    assert result.stderr.startswith("verifier: warning: cannot write reports to reports")


def test_a_named_report_directory_that_cannot_be_written_fails_the_run_after_the_answer(seed_path, tmp_path):
    (tmp_path / "taken").write_text("")
    result = run("check", str(seed_path), "--format", "json", "--report-dir", str(tmp_path / "taken"))
    assert result.returncode == 2 and result.stderr.startswith("verifier: error: cannot write reports")
    assert json.loads(result.stdout)["schema_version"] == "1.0"


def test_an_ascii_stdout_still_gets_the_json(seed_path, tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    result = run("check", str(seed_path), "--format", "json", "--no-write")
    assert result.returncode == 0, result.stderr
    assert "218,2 milliards" in json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_a_checkout_runs_with_any_python_through_its_own_venv(tmp_path):
    """`python3 -m verifier` from the checkout, with a Python that may lack the
    dependencies, runs in the checkout's `.venv` (the quick start makes one)."""
    root = Path(__file__).resolve().parent.parent
    if not (root / ".venv").is_dir() or Path(sys.prefix).resolve() != (root / ".venv").resolve():
        pytest.skip("the tests do not run from the checkout's .venv")
    base = getattr(sys, "_base_executable", sys.executable)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(
        [base, "-m", "verifier", "check", "seeds/000_8eb3afca12c662b1.txt", "--format", "json", "--no-write"],
        capture_output=True, text=True, cwd=root, env=env,
    )
    assert result.returncode == 0, result.stderr
    report = Report.model_validate_json(result.stdout)
    assert {v.claim.text: v.status for v in report.verdicts}["218,2 milliards de dollars"] == "supported"
