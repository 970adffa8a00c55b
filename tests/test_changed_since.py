"""`check --changed-since REF`: only the claims on lines changed since a git revision."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from verifier.ci.gitdiff import ALL, changed_lines
from verifier.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

HEAD = "---\ndate: 2024-02\nlang: fr\n---\n"
TRADE = "Les échanges entre la Chine et la Russie ont atteint {} milliards de dollars entre janvier et novembre."


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "test@example.org")
    git(tmp_path, "config", "user.name", "test")
    (tmp_path / "a.md").write_text(HEAD + TRADE.format(250) + "\n\n" + TRADE.format(240) + "\n", encoding="utf-8")
    git(tmp_path, "add", "a.md")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def claims(capsys, *args) -> tuple[int, list[tuple[int, str]]]:
    code = main(["check", *args, "--no-write", "--format", "json"])
    out, _ = capsys.readouterr()
    if code == 2:
        return code, []
    return code, [(v["claim"]["span"]["line"], v["claim"]["text"]) for v in json.loads(out)["verdicts"]]


def test_nothing_changed_reports_nothing(repo, capsys):
    code, found = claims(capsys, "a.md", "--changed-since", "HEAD")
    assert (code, found) == (0, [])
    # Without the option both contradicted claims are there.
    assert claims(capsys, "a.md") == (1, [(5, "250 milliards de dollars"), (7, "240 milliards de dollars")])


def test_only_the_rewritten_line_counts(repo, capsys):
    text = (repo / "a.md").read_text().replace("240 milliards", "218,2 milliards")
    (repo / "a.md").write_text(text, encoding="utf-8")
    code, found = claims(capsys, "a.md", "--changed-since", "HEAD")
    assert found == [(7, "218,2 milliards de dollars")]
    assert code == 0  # the untouched wrong figure on line 5 is not this change's business


def test_a_committed_change_counts_against_an_older_ref(repo, capsys):
    with (repo / "a.md").open("a", encoding="utf-8") as f:
        f.write("\n" + TRADE.format(300) + "\n")
    git(repo, "commit", "-q", "-am", "more")
    assert claims(capsys, "a.md", "--changed-since", "HEAD")[1] == []
    assert claims(capsys, "a.md", "--changed-since", "HEAD~1") == (1, [(9, "300 milliards de dollars")])


def test_an_untracked_file_is_new_throughout(repo, capsys):
    (repo / "b.md").write_text(HEAD + TRADE.format(250) + "\n", encoding="utf-8")
    assert claims(capsys, "a.md", "b.md", "--changed-since", "HEAD")[1] == [(5, "250 milliards de dollars")]
    assert changed_lines(["b.md"], "HEAD") == {"b.md": ALL}


def test_html_counts_whole_when_it_changed(repo, capsys):
    page = repo / "p.html"
    page.write_text(f"<html><body><article><p>{TRADE.format(250)}</p></article></body></html>", encoding="utf-8")
    git(repo, "add", "p.html")
    git(repo, "commit", "-q", "-m", "page")
    assert changed_lines(["p.html"], "HEAD") == {"p.html": set()}
    page.write_text(page.read_text().replace("</article>", "<p>Fin.</p></article>"), encoding="utf-8")
    assert changed_lines(["p.html"], "HEAD") == {"p.html": ALL}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.md", "--changed-since", "no-such-ref"], "--changed-since: unknown git revision 'no-such-ref'"),
        (["a.md", "--changed-since=--output=x"], "is not a git revision"),
        (["-", "--changed-since", "HEAD"], "--changed-since needs files in a git work tree, not stdin"),
    ],
)
def test_bad_uses_are_one_line_errors(repo, capsys, monkeypatch, args, message):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Texte.")))
    assert main(["check", *args, "--no-write"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_outside_a_work_tree(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    (tmp_path / "solo").mkdir()
    draft = tmp_path / "solo" / "a.md"
    draft.write_text(HEAD + TRADE.format(250) + "\n", encoding="utf-8")
    assert main(["check", str(draft), "--no-write", "--changed-since", "HEAD"]) == 2
    assert "not a git repository" in capsys.readouterr().err
