"""Inputs editors have: HTML pages, Word drafts, directories, patterns, stdin."""

from __future__ import annotations

import datetime as dt
import html
import os
import sys

import pytest
from conftest import ROOT, SEED
from test_cli import run

from verifier.errors import DocumentError
from verifier.models import Report
from verifier.read.documents import load
from verifier.read.files import expand
from verifier.read.html import extract

SEED_BODY = SEED.read_text(encoding="utf-8").split("\n", 1)[1]  # without the "date 2024-02" header
PARAGRAPHS = [p.strip() for p in SEED_BODY.split("\n\n") if p.strip()]
TRADE = "218,2 milliards de dollars"


def seed_page(extra: str = "") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8"><title>Le Site | Poutine et Xi</title>
<meta property="article:published_time" content="2024-02-08T09:12:00+01:00">
<script>document.write("300 milliards de dollars")</script><style>.x{{}}</style></head>
<body><header><nav><a href="/">Accueil</a> 25 millions de lecteurs</nav></header>
<main><article><h1>Poutine et Xi se parlent</h1>
{body}
{extra}
<aside>Lire aussi : le PIB de la France a atteint 3 000 milliards</aside>
<div hidden>1 200 milliards de dollars</div>
</article></main>
<footer>© 2024, 40 journalistes</footer></body></html>"""


# --- html ----------------------------------------------------------------------


def test_html_main_text_only():
    page = extract(seed_page())
    assert TRADE in page.text
    for chrome in ("300 milliards", "25 millions", "3 000 milliards", "1 200 milliards", "40 journalistes", "Accueil"):
        assert chrome not in page.text
    assert page.text.startswith("Poutine et Xi se parlent\n\n")
    assert page.title == "Le Site | Poutine et Xi"
    assert (page.lang, page.published) == ("fr-FR", dt.date(2024, 2, 8))


def test_html_blocks_whitespace_and_entities():
    page = extract(
        "<body><div>Un&nbsp;texte   sur\nplusieurs lignes<br>et une autre</div>"
        "<ul><li>premier</li><li>second &amp; dernier</li></ul><pre>a  b\n c</pre></body>"
    )
    assert page.text == "Un texte sur plusieurs lignes\net une autre\n\npremier\n\nsecond & dernier\n\na  b\n c\n"


def test_html_without_article_falls_back_to_main_then_body():
    assert extract("<body><nav>menu</nav><main><p>dans main</p></main><p>hors</p></body>").text == "dans main\n"
    assert extract("<body><nav>menu</nav><p>seul</p></body>").text == "seul\n"
    assert extract("<body><p>un</p><p>deux").text == "un\n\ndeux\n"  # unclosed tags, as pages have them


def test_html_article_checks_like_the_text(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(seed_page(), encoding="utf-8")
    doc = load(path)
    # Spans index the extracted text, which is the Document's text.
    assert (doc.lang, doc.published, doc.title) == ("fr", dt.date(2024, 2, 8), "Le Site | Poutine et Xi")
    result = run("check", path, "--format", "json", "--no-write")
    assert result.returncode == 0, result.stderr
    report = Report.model_validate_json(result.stdout)
    trade = next(v for v in report.verdicts if v.claim.text == TRADE)
    assert trade.status == "supported" and trade.evidence[0].value == 218.17e9
    start = trade.claim.span.start
    assert doc.text[start : trade.claim.span.end] == TRADE
    assert doc.text.splitlines()[trade.claim.span.line - 1][trade.claim.span.column - 1 :].startswith(TRADE)
    assert not any("300 milliards" in v.claim.sentence for v in report.verdicts)


def test_html_markup_in_the_page_is_text_not_code(tmp_path):
    path = tmp_path / "evil.html"
    path.write_text(seed_page('<p>Le &lt;script&gt;alert(1)&lt;/script&gt; a coûté 5 milliards de dollars en 2023.</p>'))
    assert "<script>alert(1)</script>" in load(path).text


def test_html_on_stdin_is_recognised():
    result = run("claims", "-", "--format", "json", input_text=seed_page())
    assert result.returncode == 0, result.stderr
    assert TRADE in result.stdout and "300 milliards" not in result.stdout


def test_html_with_no_text_is_one_line_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>menu</nav></body></html>")
    with pytest.raises(DocumentError, match="no article text"):
        load(path)


# --- docx ----------------------------------------------------------------------


def make_docx(path, paragraphs, *, table=None, title=None, language=None):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    document.core_properties.title = title or ""
    document.core_properties.language = language or ""
    document.save(path)
    return path


def test_docx_text_tables_and_properties(tmp_path):
    path = make_docx(
        tmp_path / "draft.docx",
        ["date 2024-02", *PARAGRAPHS],
        table=[["pays", "volume"], ["Russie", "107,02 millions de tonnes"]],
        title="Brouillon",
        language="fr-FR",
    )
    doc = load(path)
    assert doc.title == "Brouillon" and doc.lang == "fr" and doc.published == dt.date(2024, 2, 1)
    assert doc.text.startswith("date 2024-02\n\n" + PARAGRAPHS[0])
    assert "Russie\t107,02 millions de tonnes" in doc.text
    result = run("check", path, "--format", "json", "--no-write")
    assert result.returncode == 0, result.stderr
    trade = next(v for v in Report.model_validate_json(result.stdout).verdicts if v.claim.text == TRADE)
    assert trade.status == "supported"


def test_docx_from_stdin(tmp_path):
    path = make_docx(tmp_path / "draft.docx", ["date 2024-02", *PARAGRAPHS])
    result = subprocess_run_bytes(["claims", "-"], path.read_bytes())
    assert result.returncode == 0, result.stderr
    assert TRADE.encode() in result.stdout


def test_bad_docx_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("check", bad, "--no-write")
    assert result.returncode == 2
    assert "bad.docx: not a readable .docx file" in result.stderr and len(result.stderr.splitlines()) == 1


def test_docx_without_python_docx_says_what_to_install(tmp_path, monkeypatch):
    path = make_docx(tmp_path / "draft.docx", PARAGRAPHS)
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(DocumentError, match=r"pip install 'verifier\[docx\]'"):
        load(path)


def subprocess_run_bytes(args, data: bytes):
    import subprocess

    return subprocess.run([sys.executable, "-m", "verifier", *args], input=data, capture_output=True)


# --- directories and patterns ---------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("one.txt", "a/two.md", "a/b/three.html", "a/notes.csv", ".git/HEAD.txt", "a/.hidden.txt", "a/README.md"):
        (tmp_path / rel).write_text("x")
    return tmp_path


def test_directory_expands_to_its_articles(tree, monkeypatch):
    monkeypatch.chdir(tree)
    assert expand(["."]) == [os.path.join(".", "a", "b", "three.html"), os.path.join(".", "a", "two.md"), os.path.join(".", "one.txt")]
    assert expand(["a"]) == ["a/b/three.html", "a/two.md"]
    assert expand(["a/README.md"]) == ["a/README.md"]  # named, it is read


def test_patterns_and_order(tree, monkeypatch):
    monkeypatch.chdir(tree)
    # Each file once, first mention first; a pattern is taken literally (README included).
    assert expand(["**/*.md", "one.txt", "a/two.md"]) == ["a/README.md", "a/two.md", "one.txt"]
    assert expand(["a/**/*.html"]) == ["a/b/three.html"]
    assert expand(["-", "one.txt"]) == ["-", "one.txt"]
    assert expand(["missing.txt"]) == ["missing.txt"]  # reading it will say "no such file"
    with pytest.raises(DocumentError, match=r"\*\.docx: no file matches"):
        expand(["*.docx"])


def test_check_a_directory_through_the_cli(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("000_8eb3afca12c662b1.txt", "erreur-echanges-250-milliards.txt", "putin-xi-call-en.md", "README.md"):
        (drafts / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    result = run("check", "drafts", "--format", "line", "--no-write", cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # the erroneous draft
    assert "drafts/erreur-echanges-250-milliards.txt:9:149:value-mismatch:" in result.stdout
    summary = run("check", "drafts", "--no-write", cwd=tmp_path).stdout.rstrip().splitlines()[-1]
    assert summary.startswith("✖ 1 contradicted") and summary.endswith("in 3 files")
