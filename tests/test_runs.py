"""reports/index.html: every run of `check` that wrote reports, newest first."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from verifier.cli import main
from verifier.render import runs


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"])
        if tag == "tr":
            self.rows += 1


def parse(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def test_each_run_is_listed_and_only_current_reports_are_linked(tmp_path, seed_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(seed_path.read_text().replace("218,2 milliards", "250 milliards"))
    out = tmp_path / "reports"
    assert main(["check", str(seed_path), "--report-dir", str(out)]) == 0
    assert main(["check", str(draft), "--report-dir", str(out)]) == 1
    assert main(["check", str(seed_path), "--report-dir", str(out)]) == 0
    capsys.readouterr()

    logged = runs.read(out)
    assert [r.html for r in logged] == ["000_8eb3afca12c662b1.html", "draft.html", "000_8eb3afca12c662b1.html"]
    assert [r.stats.contradicted for r in logged] == [0, 1, 0]
    assert logged[0].started > logged[1].started > logged[2].started

    page = (out / "index.html").read_text()
    links = parse(page)
    assert links.rows == 1 + 3  # header and one row per run
    # The first run's report was overwritten by the third: listed, not linked.
    assert links.hrefs == ["./000_8eb3afca12c662b1.html", "./000_8eb3afca12c662b1.json", "./draft.html", "./draft.json"]
    assert page.count("report replaced by the run of") == 1
    assert "default-src 'none'" in page
    assert all((out / href).is_file() for href in links.hrefs)


def test_hostile_file_names_stay_text_and_relative_links(tmp_path, seed_path, capsys):
    name = 'javascript:alert(1)<img src=x onerror=alert(2)>'
    draft = tmp_path / f"{name}.txt"
    draft.write_text(seed_path.read_text())
    out = tmp_path / "reports"
    assert main(["check", str(draft), "--report-dir", str(out), "--format", "line"]) == 0
    capsys.readouterr()
    page = (out / "index.html").read_text()
    assert "<img" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    (html_link, json_link) = parse(page).hrefs
    assert html_link.startswith("./javascript%3Aalert%281%29") and html_link.endswith(".html")
    assert not re.search(r'href="(?!\./)', page)


def test_a_broken_log_line_is_passed_over(tmp_path, seed_path, capsys):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "runs.jsonl").write_text('{"started": "not a date"\nnot json at all\n')
    assert main(["check", str(seed_path), "--report-dir", str(out)]) == 0
    capsys.readouterr()
    assert len(runs.read(out)) == 1
    assert parse((out / "index.html").read_text()).rows == 2


def test_no_write_logs_nothing(tmp_path, seed_path, capsys):
    out = tmp_path / "reports"
    assert main(["check", str(seed_path), "--report-dir", str(out), "--no-write"]) == 0
    assert not out.exists()
