"""Editorial controls in the text: `verifier: ignore CODE — reason`, `verifier off` / `on`."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from verifier.cli import main
from verifier.errors import DocumentError
from verifier.read.directives import parse
from verifier.read.documents import from_text

TRADE = "Les échanges entre la Chine et la Russie ont atteint {} milliards de dollars entre janvier et novembre."
HEAD = "---\ndate: 2024-02\nlang: fr\n---\n"


def draft(*paragraphs: str) -> str:
    return HEAD + "\n\n".join(paragraphs) + "\n"


def check(tmp_path, text: str, *options: str, capsys) -> tuple[int, str, str]:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    code = main(["check", str(path), "--no-write", *options])
    out, err = capsys.readouterr()
    return code, out, err


def verdicts(out: str) -> dict[str, dict]:
    return {v["claim"]["text"]: v for v in json.loads(out)["verdicts"]}


def test_ignore_covers_the_next_paragraph_only(tmp_path, capsys):
    text = draft(
        "<!-- verifier: ignore value-mismatch — chiffre confirmé par le ministère -->\n" + TRADE.format(250),
        TRADE.format(260),
    )
    code, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    found = verdicts(out)
    ignored = found["250 milliards de dollars"]
    assert ignored["code"] == "value-mismatch" and ignored["status"] == "contradicted"
    assert ignored["ignored"]["reason"] == "chiffre confirmé par le ministère"
    assert ignored["ignored"]["line"] == 5 and ignored["ignored"]["codes"] == ["value-mismatch"]
    assert found["260 milliards de dollars"]["ignored"] is None
    assert code == 1  # the second paragraph still fails the run


def test_an_ignored_finding_does_not_fail_the_run_and_is_shown_with_its_reason(tmp_path, capsys):
    text = draft("<!-- verifier: ignore value-mismatch -- confirmed by phone -->\n" + TRADE.format(250))
    code, out, _ = check(tmp_path, text, capsys=capsys)
    assert code == 0
    assert "confirmed by phone" in out and out.rstrip().endswith("; 1 ignored")
    for fmt in ("line", "github"):
        assert check(tmp_path, text, "--format", fmt, capsys=capsys)[:2] == (0, "")

    _, sarif, _ = check(tmp_path, text, "--format", "sarif", capsys=capsys)
    (result,) = [r for r in json.loads(sarif)["runs"][0]["results"] if r["ruleId"] == "value-mismatch"]
    assert result["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": "confirmed by phone"}]

    _, junit, _ = check(tmp_path, text, "--format", "junit", capsys=capsys)
    root = ET.fromstring(junit)
    assert root.get("failures") == "0"
    assert any("Set aside: ignored (line 5): confirmed by phone" in (e.text or "") for e in root.iter("system-out"))

    _, md, _ = check(tmp_path, text, "--format", "md", capsys=capsys)
    assert "<summary>1 ignored or already in the baseline</summary>" in md and "confirmed by phone" in md

    _, html, _ = check(tmp_path, text, "--format", "html", capsys=capsys)
    assert "<strong>Set aside:</strong> ignored (line 5): confirmed by phone" in html
    assert 'class="hl st-contradicted aside"' in html


def test_ignore_names_the_code_it_ignores(tmp_path, capsys):
    text = draft("<!-- verifier: ignore period-mismatch — not this one -->\n" + TRADE.format(250))
    code, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    assert code == 1 and verdicts(out)["250 milliards de dollars"]["ignored"] is None


def test_several_codes_and_stacked_directives(tmp_path, capsys):
    text = draft(
        "<!-- verifier: ignore no-metric, period-mismatch — counts are not data -->\n"
        "<!-- verifier: ignore value-mismatch — checked -->\n" + TRADE.format(250) + " Ils se sont vus à deux reprises."
    )
    code, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    found = verdicts(out)
    assert found["250 milliards de dollars"]["ignored"]["reason"] == "checked"
    assert found["deux reprises"]["ignored"]["reason"] == "counts are not data"
    assert code == 0


def test_off_and_on_leave_a_region_unchecked(tmp_path, capsys):
    text = draft("<!-- verifier off -->\n" + TRADE.format(300) + "\n<!-- verifier on -->", TRADE.format(218.2).replace(".", ",", 1))
    code, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    assert list(verdicts(out)) == ["218,2 milliards de dollars"]
    assert code == 0


def test_off_without_on_runs_to_the_end(tmp_path, capsys):
    text = draft(TRADE.format("218,2"), "<!-- verifier: off -->", TRADE.format(300))
    _, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    assert list(verdicts(out)) == ["218,2 milliards de dollars"]


def test_directives_are_not_read_as_claims():
    doc = from_text(draft("<!-- verifier: ignore value-mismatch — the 2023 figure of 250 billion was revised -->\n" + TRADE.format(250)), "a.md")
    comment_end = doc.text.index("-->") + 3
    assert any(a <= doc.text.index("<!--") and comment_end <= b for a, b in doc.skipped)


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("<!-- verifier: ignore value-mismatch -->", "draft.md:5: 'verifier: ignore value-mismatch' needs a reason"),
        ("<!-- verifier: ignore value-mismatch —   -->", "draft.md:5: 'verifier: ignore value-mismatch' needs a reason"),
        ("<!-- verifier: ignore value-mistmatch — typo -->", "draft.md:5: unknown verdict code 'value-mistmatch'"),
        ("<!-- verifier: ignore — no code -->", "draft.md:5: 'verifier: ignore' needs verdict codes and a reason"),
        ("<!-- verifier: skip value-mismatch — x -->", "draft.md:5: unknown verifier directive 'skip value-mismatch — x'"),
    ],
)
def test_a_malformed_directive_is_a_one_line_error_naming_file_and_line(tmp_path, capsys, comment, message):
    code, out, err = check(tmp_path, draft(comment + "\n" + TRADE.format(250)), capsys=capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_ordinary_comments_are_skipped_and_front_matter_left_alone():
    # An editor's note is never published: no claims are read in it, and it is no directive.
    text = "---\ntitle: <!-- verifier: nonsense -->\n---\n<!-- an editor's note, 2023-10 -->\nText.\n"
    found = parse(text, "a.md", text.index("<!-- an"))
    assert found.ignores == [] and found.skipped == [(text.index("<!-- an"), text.index("\nText"))]
    with pytest.raises(DocumentError):
        parse(text, "a.md")


def test_the_paragraph_ends_at_a_blank_line():
    text = "<!-- verifier: ignore no-metric — r -->\n\n  First line\nsecond line\n \nNext paragraph\n"
    (ignore,) = parse(text, "a.md").ignores
    assert text[ignore.start : ignore.end] == "First line\nsecond line"


def test_a_word_draft_takes_directives_as_paragraphs(tmp_path, capsys):
    import docx

    document = docx.Document()
    document.core_properties.language = "fr"
    document.add_paragraph("<!-- verifier: ignore value-mismatch — chiffre vérifié -->")
    document.add_paragraph(TRADE.format(250))
    document.add_paragraph(TRADE.format(260))
    path = tmp_path / "draft.docx"
    document.save(path)
    code = main(["check", str(path), "--no-write", "--published", "2024-02", "--format", "json"])
    found = verdicts(capsys.readouterr().out)
    assert found["250 milliards de dollars"]["ignored"]["reason"] == "chiffre vérifié"
    assert found["260 milliards de dollars"]["ignored"] is None and code == 1


# --- HTML pages: real comments are directives, text that looks like one is not --------


def page(*blocks: str) -> str:
    return (
        '<!DOCTYPE html><html lang="fr"><head><title>t</title><!-- verifier: ignore value-mismatch — head --></head>'
        "<body><nav><!-- verifier off -->menu</nav><article>" + "\n".join(blocks) + "</article></body></html>"
    )


def check_page(tmp_path, html: str, *options: str, capsys) -> tuple[int, str, str]:
    path = tmp_path / "draft.html"
    path.write_text(html, encoding="utf-8")
    code = main(["check", str(path), "--no-write", "--published", "2024-02", *options])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_html_comment_ignores_the_next_paragraph(tmp_path, capsys):
    from verifier.read.documents import load

    html = page(
        f"<p>{TRADE.format(300)}</p>",
        "<!-- verifier: ignore value-mismatch\n     — chiffre confirmé par le ministère -->",
        f"<p>{TRADE.format(250)}</p>",
        f"<p>{TRADE.format(260)}</p>",
    )
    code, out, _ = check_page(tmp_path, html, "--format", "json", capsys=capsys)
    found = verdicts(out)
    assert found["250 milliards de dollars"]["ignored"]["reason"] == "chiffre confirmé par le ministère"
    assert found["300 milliards de dollars"]["ignored"] is None and found["260 milliards de dollars"]["ignored"] is None
    assert code == 1
    # Spans and lines still index the extracted text, which keeps the directive where it stood.
    doc = load(tmp_path / "draft.html")
    (ignore,) = doc.ignores
    assert doc.text[ignore.start : ignore.end] == TRADE.format(250)
    assert doc.text.splitlines()[ignore.line - 1].startswith("<!-- verifier: ignore value-mismatch — chiffre")
    span = found["250 milliards de dollars"]["claim"]["span"]
    assert doc.text[span["start"] : span["end"]] == "250 milliards de dollars"


def test_html_off_and_on_inside_and_across_paragraphs(tmp_path, capsys):
    html = page(
        f"<p>Il a dit : <!-- verifier off -->« {TRADE.format(400)} »<!-- verifier on --> {TRADE.format('218,2')}</p>",
        "<!-- verifier off -->",
        f"<p>{TRADE.format(300)}</p>",
        "<!--verifier on-->",
        f"<p>{TRADE.format(250)}</p>",
    )
    _, out, _ = check_page(tmp_path, html, "--format", "json", capsys=capsys)
    assert sorted(verdicts(out)) == ["218,2 milliards de dollars", "250 milliards de dollars"]


def test_html_comments_outside_the_main_text_and_ordinary_ones_do_nothing(tmp_path, capsys):
    html = page(
        '<div hidden><!-- verifier: ignore value-mismatch — hidden --></div>',
        "<!-- an editor's note: verifier checks this -->",
        f"<p>{TRADE.format(250)}</p>",
    )
    code, out, _ = check_page(tmp_path, html, "--format", "json", capsys=capsys)
    assert verdicts(out)["250 milliards de dollars"]["ignored"] is None and code == 1


def test_a_directive_quoted_as_text_in_a_page_is_text(tmp_path, capsys):
    quoted = "<p>Écrivez &lt;!-- verifier: ignore CODE --&gt; ou &lt;!-- verifier off --&gt; avant un paragraphe.</p>"
    code, out, err = check_page(tmp_path, page(quoted, f"<p>{TRADE.format(250)}</p>"), "--format", "json", capsys=capsys)
    assert code == 1 and err == ""  # the quoted directive without a reason is no error
    assert verdicts(out)["250 milliards de dollars"]["ignored"] is None  # and the quoted "off" turns nothing off


def test_a_malformed_html_directive_is_a_one_line_error(tmp_path, capsys):
    code, out, err = check_page(tmp_path, page("<!-- verifier: ignore value-mismatch -->", f"<p>{TRADE.format(250)}</p>"), capsys=capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "draft.html:1: 'verifier: ignore value-mismatch' needs a reason" in err


# --- an ignore directive that ignores nothing is noted, never failed ----------------


def test_an_unused_ignore_is_a_suggestion_note_that_fails_nothing(tmp_path, capsys):
    text = draft("<!-- verifier: ignore value-mismatch — confirmed -->\n" + TRADE.format("218,2"))  # a supported figure
    code, out, _ = check(tmp_path, text, "--format", "json", "--fail-on", "suggestion", capsys=capsys)
    report = json.loads(out)
    assert code == 0 and [v["code"] for v in report["verdicts"]] == ["supported"]
    (note,) = report["notes"]
    assert note == {
        "document": str(tmp_path / "draft.md"),
        "code": "unused-ignore",
        "level": "suggestion",
        "line": 5,
        "column": 1,
        "message": "'verifier: ignore value-mismatch' ignored nothing: "
        "the paragraph after it has no value-mismatch verdict (its verdicts: supported).",
    }


def test_only_the_codes_that_ignored_nothing_are_noted(tmp_path, capsys):
    text = draft(
        "<!-- verifier: ignore value-mismatch — checked -->\n" + TRADE.format(250),
        "  <!-- verifier: ignore period-mismatch, value-mismatch — checked too -->\n" + TRADE.format(260),
        "<!-- verifier: ignore no-metric — nothing to see -->\n\nRien ici.",
    )
    code, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    notes = [(n["line"], n["column"], n["message"].split(" ignored nothing")[0]) for n in json.loads(out)["notes"]]
    assert notes == [(8, 3, "'verifier: ignore period-mismatch'"), (11, 1, "'verifier: ignore no-metric'")]
    assert code == 0
    assert "(it has no claims)" in json.loads(out)["notes"][1]["message"]


def test_an_unused_ignore_in_every_format(tmp_path, capsys):
    import jsonschema
    from test_formats import SARIF_SCHEMA

    text = draft("<!-- verifier: ignore value-mismatch — confirmed -->\n" + TRADE.format("218,2"))
    path = tmp_path / "draft.md"
    _, line, _ = check(tmp_path, text, "--format", "line", capsys=capsys)
    assert line.startswith(f"{path}:5:1:unused-ignore:'verifier: ignore value-mismatch' ignored nothing") and line.count("\n") == 1
    _, github, _ = check(tmp_path, text, "--format", "github", capsys=capsys)
    assert github.startswith(f"::notice file={path},line=5,col=1,title=verifier%3A unused-ignore::")
    _, sarif, _ = check(tmp_path, text, "--format", "sarif", capsys=capsys)
    log = json.loads(sarif)
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    run_ = log["runs"][0]
    (result,) = [r for r in run_["results"] if r["ruleId"] == "unused-ignore"]
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "unused-ignore"
    assert (result["kind"], result["level"]) == ("fail", "note")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 5, "startColumn": 1}
    from verifier.models import Report
    from verifier.render import render

    _, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    cli_out = render(Report.model_validate_json(out), "cli", color=False, width=400)  # wide: no wrapping in a long tmp path
    assert f"note {path}:5:1  unused-ignore: 'verifier: ignore value-mismatch' ignored nothing" in cli_out
    assert cli_out.rstrip().splitlines()[-1].startswith("✔ 0 contradicted")  # the summary stays last
    _, md, _ = check(tmp_path, text, "--format", "md", capsys=capsys)
    from verifier.render.markdown import escape

    assert f"- **note** {escape(str(path))}:5:1 unused-ignore: 'verifier: ignore value-mismatch' ignored nothing" in md
    _, html, _ = check(tmp_path, text, "--format", "html", capsys=capsys)
    assert "<code>unused-ignore</code>: &#39;verifier: ignore value-mismatch&#39; ignored nothing" in html


def test_changed_since_keeps_only_the_notes_on_changed_lines(tmp_path, capsys):
    from verifier.ci.gitdiff import narrow
    from verifier.models import Report

    text = draft("<!-- verifier: ignore value-mismatch — confirmed -->\n" + TRADE.format("218,2"))
    _, out, _ = check(tmp_path, text, "--format", "json", capsys=capsys)
    report = Report.model_validate_json(out)
    path = str(tmp_path / "draft.md")
    assert len(narrow(report, {path: {5}}).notes) == 1
    assert narrow(report, {path: {6}}).notes == [] and len(narrow(report, {path: None}).notes) == 1
