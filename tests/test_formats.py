"""The CI-facing formats (line, md, sarif, junit, github, claimreview) over a
hand-built report, hostile content included: each is parsed back by the
kind of consumer that reads it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from markdown_it import MarkdownIt
from test_render import PATH, TEXT, XSS_IMG, XSS_SCRIPT, make_report, tags

from verifier import cli
from verifier.models import Report, RunInfo, Stats
from verifier.render import RENDERERS, render
from verifier.render.github import escape_data, escape_property
from verifier.render.sarif import file_uri

SARIF_SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
GOLDEN = Path(__file__).resolve().parent / "golden"


def hostile():
    report, docs = make_report(hostile=True)
    first = report.verdicts[1]
    # A contradicted claim whose words and message try to break every line format.
    evil = first.model_copy(
        update={
            "message": "100% wrong,\r\nreally\n::error file=x::injected | <b>bold</b> *em* [l](javascript:alert(1)) @octocat $1 + $2",
            "claim": first.claim.model_copy(update={"text": "premier | fournisseur\n<script>x</script>"}),
        }
    )
    return report.model_copy(update={"verdicts": [report.verdicts[0], evil, report.verdicts[2]]}), docs


def empty_report() -> Report:
    return Report(
        verdicts=[],
        stats=Stats(claims=0, supported=0, contradicted=0, unverifiable=0, documents=1),
        run=RunInfo(version="0.1.0", started="2024-02-10T09:00:00Z", duration_s=0.1, sources=["snapshot"], documents=["a.txt"]),
    )


# --- registry ------------------------------------------------------------------


def test_cli_offers_exactly_the_registered_formats():
    assert set(cli.CHECK_FORMATS) == set(RENDERERS)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_format_renders_an_empty_report(fmt):
    out = render(empty_report(), fmt, {}, color=False, width=100)
    assert isinstance(out, str)


# --- line ----------------------------------------------------------------------


def test_line_lists_findings_one_per_line():
    report, docs = make_report()
    lines = render(report, "line", docs).splitlines()
    crude, meetings = report.verdicts[1].claim.span, report.verdicts[2].claim.span
    # The supported claim is info-level: not a finding.
    assert lines == [
        f"{PATH}:2:{crude.column}:rank-mismatch:The source ranks Russia #2 among China's crude suppliers in 2023.",
        f"{PATH}:2:{meetings.column}:no-metric:The claim's figure names no indicator any source serves.",
    ]
    assert crude.column == 1 + len(TEXT.splitlines()[1].split("premier")[0])


def test_line_keeps_one_record_per_line_whatever_the_message():
    report, docs = hostile()
    lines = render(report, "line", docs).splitlines()
    assert len(lines) == 2
    assert all(re.match(rf"^{re.escape(PATH)}:\d+:\d+:[a-z-]+:\S", line) for line in lines)
    assert render(empty_report(), "line") == ""


# --- github --------------------------------------------------------------------


def unescape(text: str) -> str:
    # What the runner does (actions/runner's ActionCommand unescaping).
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    m = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert m, line
    props = dict(item.split("=", 1) for item in m[2].split(","))
    return m[1], {k: unescape(v) for k, v in props.items()}, unescape(m[3])


def test_github_escaping_round_trips():
    nasty = "50% of 1,000: yes\r\nno %0A"
    assert unescape(escape_property(nasty)) == nasty
    assert unescape(escape_data(nasty)) == nasty
    assert "\n" not in escape_data(nasty) and "," not in escape_property(nasty) and ":" not in escape_property(nasty)


def test_github_annotations_by_level_and_nothing_injected():
    report, docs = hostile()
    lines = render(report, "github", docs).splitlines()
    assert len(lines) == 2  # one per finding: a newline in the message cannot start a command
    kind, props, message = parse_command(lines[0])
    assert kind == "error"
    column = str(report.verdicts[1].claim.span.column)
    assert props == {"file": PATH, "line": "2", "col": column, "title": "verifier: contradicted (rank-mismatch)"}
    assert message.startswith("“premier | fournisseur <script>x</script>”: 100% wrong,\r\nreally\n::error file=x::injected")
    kind, props, _ = parse_command(lines[1])
    assert (kind, props["title"]) == ("notice", "verifier: unverifiable (no-metric)")


def test_github_stdin_annotates_the_run_not_a_file():
    report, docs = make_report()
    report = report.model_copy(update={"verdicts": [v.model_copy(update={"document": "-"}) for v in report.verdicts]})
    _, props, _ = parse_command(render(report, "github").splitlines()[0])
    assert props == {"title": "verifier: contradicted (rank-mismatch)"}


def test_github_paths_with_commas_and_colons():
    report, docs = make_report()
    odd = "drafts/a,b:c.txt"
    report = report.model_copy(update={"verdicts": [v.model_copy(update={"document": odd}) for v in report.verdicts]})
    _, props, _ = parse_command(render(report, "github").splitlines()[0])
    assert props["file"] == odd


# --- sarif ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def assert_valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_and_maps_every_verdict(sarif_validator):
    report, _ = hostile()
    # Without the documents, as when rendering a saved report: positions come from the claims.
    log = json.loads(render(report, "sarif", {}))
    assert_valid(sarif_validator, log)
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert len(results) == len(report.verdicts)
    for result, v in zip(results, report.verdicts, strict=True):
        assert rules[result["ruleIndex"]] == result["ruleId"] == v.code
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (v.claim.span.line, v.claim.span.column)
        assert region["snippet"]["text"] == v.claim.text
        assert result["properties"]["status"] == v.status
    assert [(r["kind"], r["level"]) for r in results] == [("pass", "none"), ("fail", "error"), ("fail", "note")]
    # The region ends where the claim's words end (columns end-exclusive), across its line break.
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["endLine"], region["endColumn"]) == (region["startLine"] + 1, len("<script>x</script>") + 1)
    assert results[1]["message"]["text"].startswith("100% wrong")


def test_sarif_region_end_from_the_document():
    report, docs = make_report()
    results = json.loads(render(report, "sarif", docs))["runs"][0]["results"]
    for result, v in zip(results, report.verdicts, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["endLine"] == region["startLine"]
        assert region["endColumn"] - region["startColumn"] == len(v.claim.text)
        line = TEXT.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == v.claim.text


def test_sarif_golden_files_are_valid(sarif_validator):
    for path in sorted(GOLDEN.glob("*.sarif.json")):
        assert_valid(sarif_validator, json.loads(path.read_text(encoding="utf-8")))


def test_sarif_fingerprints_ignore_position():
    report, docs = make_report()
    moved = report.model_copy(
        update={"verdicts": [
            v.model_copy(update={"claim": v.claim.model_copy(update={"span": v.claim.span.model_copy(update={"line": 40})})}) for v in report.verdicts
        ]}
    )
    prints = [[r["partialFingerprints"] for r in json.loads(render(r, "sarif"))["runs"][0]["results"]] for r in (report, moved)]
    assert prints[0] == prints[1]
    assert len({json.dumps(p) for p in prints[0]}) == 3


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("seeds/a.txt", "seeds/a.txt"),
        ("drafts/mon article é.md", "drafts/mon%20article%20%C3%A9.md"),
        ("a:b.txt", "a%3Ab.txt"),
        ("/home/ed/draft.txt", "file:///home/ed/draft.txt"),
        ("C:\\Users\\ed\\draft.txt", "file:///C:/Users/ed/draft.txt"),
    ],
)
def test_sarif_uris(path, uri):
    assert file_uri(path) == uri


# --- junit ---------------------------------------------------------------------


def test_junit_parses_back_with_counts():
    report, docs = hostile()
    root = ET.fromstring(render(report, "junit", docs))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == PATH
    cases = suite.findall("testcase")
    assert len(cases) == 3
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")
    failure = cases[1].find("failure")
    assert failure.get("type") == "rank-mismatch"
    assert failure.get("message").startswith("100% wrong,\r\nreally\n::error")  # attribute newlines survive as character references
    assert "<script>x</script>" in cases[1].get("name")
    assert cases[2].find("skipped").get("message").startswith("no-metric: ")
    assert cases[0].find("failure") is None and cases[0].find("skipped") is None


def test_junit_failures_follow_fail_on():
    report, docs = make_report()
    root = ET.fromstring(render(report, "junit", docs, fail_on="suggestion"))
    assert root.get("failures") == "2" and root.get("skipped") == "0"
    root = ET.fromstring(render(report, "junit", docs, fail_on="never"))
    assert root.get("failures") == "0" and root.get("skipped") == "1"


def test_junit_survives_characters_xml_cannot_hold():
    report, docs = make_report()
    v = report.verdicts[1]
    report = report.model_copy(update={"verdicts": [v.model_copy(update={"message": "bell\x07 and form\x0b feed"})]})
    failure = ET.fromstring(render(report, "junit", docs)).find(".//failure")
    assert failure.get("message") == "bell\ufffd and form\ufffd feed"


# --- md ------------------------------------------------------------------------


def test_markdown_renders_findings_as_table_rows_and_nothing_else():
    report, docs = hostile()
    source = render(report, "md", docs)
    # GitHub renders comments as CommonMark + tables, with inline HTML allowed.
    html = MarkdownIt("commonmark").enable("table").render(source)
    found = tags(html)
    names = [t for t, _ in found]
    assert "script" not in names and "img" not in names and "b" not in names and "em" not in names
    links = [attrs["href"] for t, attrs in found if t == "a"]
    # Only the crude claim's query link: the trade claim's javascript: URL is
    # not linked, and the message's "[l](javascript:...)" stays text.
    assert links == ["https://comtradeapi.un.org/data/v1/get/C/M/HS"]
    # One table of findings and one of supported claims, each row with its five cells.
    tables = re.findall(r"<table>.*?</table>", html, re.S)
    assert len(tables) == 2
    rows = re.findall(r"<tr>(.*?)</tr>", tables[0], re.S)
    assert len(rows) == 3  # header + two findings
    assert all(len(re.findall(r"<t[hd]>", row)) == 5 for row in rows)
    assert "&lt;script&gt;x&lt;/script&gt;" in tables[0]
    assert "100% wrong, really ::error file=x::injected | &lt;b&gt;bold&lt;/b&gt; *em*" in tables[0]
    assert "@\u2060octocat" in html  # no mention notification
    assert "$1 + $2" in html
    assert "<details>" in html and "1 supported claim" in html


def test_markdown_heading_is_the_summary_line():
    report, docs = make_report()
    first = render(report, "md", docs).splitlines()[0]
    assert first == "### verifier: ✖ 1 contradicted, 1 unverifiable, 1 supported in 1 file"


# --- claimreview ---------------------------------------------------------------


def test_claimreview_one_per_verdict_with_source_value_period_and_interval():
    report, docs = make_report()
    data = json.loads(render(report, "claimreview", docs))
    assert data["@context"] == "https://schema.org"
    reviews = data["@graph"]
    assert [r["@type"] for r in reviews] == ["ClaimReview"] * 3
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Supported", "Contradicted", "Unverifiable"]
    trade = reviews[0]
    claim = trade["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["text"] == "218,2 milliards de dollars"
    assert claim["temporalCoverage"] == "2023-01-01/2023-11-30"
    assert [p["identifier"] for p in claim["spatialCoverage"]] == ["CHN", "RUS"]
    assert claim["about"] == {
        "@type": "QuantitativeValue",
        "name": "trade.total",
        "value": 218.2e9,
        "unitText": "USD",
        "minValue": 218.15e9,
        "maxValue": 218.25e9,
        "description": "holds if the source says 218.15 – 218.25 bn USD",
    }
    (dataset,) = trade["isBasedOn"]
    assert dataset["@type"] == "Dataset" and dataset["identifier"] == "TOTAL"
    assert dataset["variableMeasured"] == {"@type": "PropertyValue", "name": "TOTAL", "value": 218.17e9, "unitText": "USD"}
    assert dataset["temporalCoverage"] == "2023-01-01/2023-11-30"
    assert dataset["url"].startswith("https://comtradeapi.un.org/")
    assert "isBasedOn" not in reviews[2]
    assert reviews[1]["itemReviewed"]["about"]["value"] == 1 and reviews[1]["itemReviewed"]["about"]["unitText"] == "rank"


def test_claimreview_keeps_hostile_text_as_data():
    report, docs = make_report(hostile=True)
    data = json.loads(render(report, "claimreview", docs))
    assert XSS_SCRIPT in data["@graph"][0]["reviewBody"]
    assert data["@graph"][0]["isBasedOn"][0]["url"] == "javascript:alert(1)"  # data, for a consumer to vet, as in the JSON report
    assert XSS_IMG in data["@graph"][0]["isBasedOn"][0]["publisher"]["name"]


def test_shipped_sarif_schema_is_the_unmodified_official_file():
    import hashlib

    digest = hashlib.sha256(SARIF_SCHEMA.read_bytes()).hexdigest()
    assert digest == "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"  # see fixtures/sarif/README.md


# --- through the CLI -----------------------------------------------------------


def test_cli_prints_each_format_and_only_it(tmp_path):
    from conftest import ROOT
    from test_cli import run

    draft = "seeds/erreur-echanges-250-milliards.txt"
    result = run("check", draft, "--format", "sarif", "--no-write", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["runs"][0]["results"]
    result = run("check", draft, "--format", "line", "--no-write", "--fail-on", "never", cwd=ROOT)
    assert result.returncode == 0
    assert f"{draft}:9:149:value-mismatch:" in result.stdout
    result = run("check", draft, "--format", "junit", "--no-write", "--fail-on", "warning", cwd=ROOT)
    # The report and the exit code agree on what fails.
    assert result.returncode == 1 and ET.fromstring(result.stdout).get("failures") == "1"


def test_cli_colour_only_on_a_terminal(tmp_path, seed_path):
    import os
    import pty
    import subprocess
    import sys

    def through_pty(env):
        primary, secondary = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "verifier", "check", str(seed_path), "--no-write"],
            stdout=secondary, stderr=subprocess.DEVNULL, env=env,
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=60)
        os.close(primary)
        return b"".join(chunks).decode("utf-8", "replace")

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")} | {"TERM": "xterm"}
    assert "\x1b[" in through_pty(env)
    assert "\x1b[" not in through_pty(env | {"NO_COLOR": "1"})
    from test_cli import run

    piped = run("check", seed_path, "--no-write")
    assert "\x1b[" not in piped.stdout and piped.stdout.rstrip().splitlines()[-1].endswith("supported in 1 file")
