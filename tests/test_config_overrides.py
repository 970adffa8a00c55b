"""Per-glob settings: `[[overrides]]` tables in verifier.toml / [tool.verifier]."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT, SEED
from test_cli import run

from verifier import cli
from verifier import config as project
from verifier.models import Report

DRAFT = ROOT / "seeds" / "erreur-echanges-250-milliards.txt"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """published/seed.txt (no-metric suggestions only) and drafts/2024/draft.txt (a value-mismatch error)."""
    (tmp_path / "published").mkdir()
    (tmp_path / "drafts" / "2024").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "published" / "seed.txt")
    shutil.copy(DRAFT, tmp_path / "drafts" / "2024" / "draft.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def configure(root, text: str) -> project.Config:
    (root / "verifier.toml").write_text(text, encoding="utf-8")
    return project.load(root / "verifier.toml")


def check_json(*args: str, capsys) -> tuple[int, Report]:
    code = cli.main(["check", *args, "--no-write", "--format", "json"])
    return code, Report.model_validate_json(capsys.readouterr().out)


# --- which settings a file gets ---------------------------------------------------


def test_matching_tables_apply_in_order_over_the_top_level(newsroom):
    config = configure(
        newsroom,
        'lang = "fr"\ntolerance = 0.05\nfail_on = "error"\n[levels]\nno-metric = "info"\nrounding = "warning"\n'
        '[[overrides]]\npaths = ["drafts/**/*.txt"]\nlang = "en"\nfail_on = "warning"\nlevels = {no-metric = "suggestion"}\n'
        '[[overrides]]\npaths = ["drafts/2024/*"]\ntolerance = 0.2\nlevels = {no-metric = "error"}\n',
    )
    draft = config.for_file("drafts/2024/draft.txt")
    assert (draft.lang, draft.tolerance, draft.fail_on) == ("en", 0.2, "warning")
    assert draft.levels == {"no-metric": "error", "rounding": "warning"}  # merged code by code, the later table winning
    shallow = config.for_file("drafts/draft.txt")  # `**` matches no directory too; `drafts/2024/*` does not match
    assert (shallow.lang, shallow.tolerance, shallow.levels["no-metric"]) == ("en", 0.05, "suggestion")
    published = config.for_file("published/seed.txt")
    assert (published.lang, published.tolerance, published.fail_on) == ("fr", 0.05, "error")
    assert published.levels == {"no-metric": "info", "rounding": "warning"}


def test_patterns_are_relative_to_the_config_file_not_the_working_directory(newsroom, monkeypatch):
    config = configure(newsroom, '[[overrides]]\npaths = ["drafts/**/*.txt"]\nlang = "en"\n')
    monkeypatch.chdir(newsroom / "drafts")
    assert config.for_file("2024/draft.txt").lang == "en"
    assert config.for_file(str(newsroom / "drafts" / "2024" / "draft.txt")).lang == "en"
    assert config.for_file("../published/seed.txt").lang is None


def test_shell_glob_semantics(newsroom):
    config = configure(newsroom, '[[overrides]]\npaths = ["*.txt", "drafts/{2023,2024}/*.md"]\nfail_on = "never"\n')
    assert config.for_file("top.txt").fail_on == "never"
    assert config.for_file("published/seed.txt").fail_on is None  # `*` stays within a directory
    assert config.for_file("drafts/2024/a.md").fail_on == "never"
    assert config.for_file("drafts/2022/a.md").fail_on is None


def test_stdin_and_files_outside_the_project_match_nothing(newsroom, tmp_path_factory):
    config = configure(newsroom, '[[overrides]]\npaths = ["**"]\nfail_on = "never"\n')
    outside = tmp_path_factory.mktemp("elsewhere") / "a.txt"
    assert config.for_file("-").fail_on is None and config.for_file(str(outside)).fail_on is None
    assert config.for_file("published/seed.txt").fail_on == "never"


# --- errors name the file and the key ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[overrides]]\npaths = ["a/*"]\nsources = ["snapshot"]\n', "verifier.toml: unknown key 'overrides[1].sources'"),
        ('[[overrides]]\npaths = ["a/*"]\n[[overrides]]\npaths = ["b/*"]\nfailon = "x"\n', "verifier.toml: unknown key 'overrides[2].failon'"),
        ('[[overrides]]\nlang = "en"\n', "verifier.toml: overrides[1].paths: Field required"),
        ('[[overrides]]\npaths = []\n', "verifier.toml: overrides[1].paths: List should have at least 1 item"),
        ('[[overrides]]\npaths = ["/abs/*.md"]\n', "verifier.toml: overrides[1].paths: '/abs/*.md' is absolute"),
        ('[[overrides]]\npaths = ["a/*"]\nlang = "xx"\n', "verifier.toml: overrides[1].lang: unsupported language 'xx'"),
        ('[[overrides]]\npaths = ["a/*"]\nlevels = {nope = "info"}\n', "verifier.toml: overrides[1].levels: unknown verdict code 'nope'"),
        ('[[overrides]]\npaths = ["a/*"]\ntolerance = 2\n', "verifier.toml: overrides[1].tolerance: Input should be less than 1"),
        ('[overrides]\npaths = ["a/*"]\n', "verifier.toml: overrides: Input should be a valid list"),
    ],
)
def test_a_bad_override_is_one_line_exit_2(newsroom, content, message):
    (newsroom / "verifier.toml").write_text(content)
    result = run("check", "published", "--no-write", cwd=newsroom)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and str(newsroom / "verifier.toml") in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_pyproject_keys_are_named_in_full(newsroom):
    (newsroom / "pyproject.toml").write_text('[tool.verifier]\n[[tool.verifier.overrides]]\npaths = ["a/*"]\nbaseline = "x.json"\n')
    with pytest.raises(project.ConfigError, match=r"pyproject.toml: unknown key 'tool.verifier.overrides\[1\].baseline'"):
        project.load(newsroom / "pyproject.toml")


# --- what they do in a run ----------------------------------------------------------


def test_fail_on_per_glob_decides_the_exit_code_and_the_option_overrides_it(newsroom, capsys):
    configure(newsroom, '[[overrides]]\npaths = ["published/**"]\nfail_on = "suggestion"\n')
    assert cli.main(["check", "published", "--no-write"]) == 1  # the seed's no-metric suggestions fail it now
    assert cli.main(["check", "drafts/2024/draft.txt", "--no-write", "--fail-on", "never"]) == 0
    capsys.readouterr()
    configure(newsroom, '[[overrides]]\npaths = ["drafts/**"]\nfail_on = "never"\n')
    assert cli.main(["check", "drafts", "published", "--no-write"]) == 0  # the draft's contradiction is let through
    assert cli.main(["check", "drafts", "published", "--no-write", "--fail-on", "error"]) == 1


def test_junit_failures_follow_each_files_fail_on(newsroom, capsys):
    configure(newsroom, '[[overrides]]\npaths = ["published/*.txt"]\nfail_on = "suggestion"\n[[overrides]]\npaths = ["drafts/**"]\nfail_on = "never"\n')
    code = cli.main(["check", "drafts", "published", "--no-write", "--format", "junit"])
    suites = {s.get("name"): s for s in ET.fromstring(capsys.readouterr().out).iter("testsuite")}
    assert code == 1
    assert suites["drafts/2024/draft.txt"].get("failures") == "0"
    seed_failures = int(suites["published/seed.txt"].get("failures"))
    assert seed_failures > 0 and seed_failures == int(suites["published/seed.txt"].get("tests")) - sum(
        1 for case in suites["published/seed.txt"].iter("testcase") if case.find("failure") is None
    )


def test_levels_per_glob_apply_to_that_files_verdicts_only(newsroom, capsys):
    shutil.copy(DRAFT, newsroom / "published" / "draft.txt")
    configure(newsroom, '[levels]\nno-metric = "info"\n[[overrides]]\npaths = ["drafts/**"]\nlevels = {value-mismatch = "warning"}\n')
    code, report = check_json("drafts", "published", capsys=capsys)
    levels = {(v.document, v.code): v.level for v in report.verdicts}
    assert levels[("drafts/2024/draft.txt", "value-mismatch")] == "warning"
    assert levels[("published/draft.txt", "value-mismatch")] == "error"
    assert levels[("drafts/2024/draft.txt", "no-metric")] == "info"  # the top-level levels still apply
    assert code == 1  # the published copy's contradiction still fails the run


def test_lang_per_glob_is_a_default_for_files_that_do_not_say(newsroom, capsys):
    (newsroom / "drafts" / "2024" / "front.md").write_text("---\nlang: fr\n---\n" + DRAFT.read_text(encoding="utf-8"), encoding="utf-8")
    configure(newsroom, '[[overrides]]\npaths = ["drafts/**"]\nlang = "de"\n')
    _, report = check_json("drafts", "published", capsys=capsys)
    assert report.run.lang == {"drafts/2024/draft.txt": "de", "drafts/2024/front.md": "fr", "published/seed.txt": "fr"}
    _, report = check_json("drafts/2024/draft.txt", "--lang", "fr", capsys=capsys)
    assert report.run.lang == {"drafts/2024/draft.txt": "fr"}


def test_tolerance_per_glob_reaches_the_judge(newsroom, monkeypatch, capsys):
    import verifier.flow.verify

    seen = {}
    real = verifier.flow.verify.check

    def spy(documents, **options):
        seen.update(options)
        return real(documents, **options)

    monkeypatch.setattr(verifier.flow.verify, "check", spy)
    configure(newsroom, 'tolerance = 0.1\n[[overrides]]\npaths = ["drafts/**"]\ntolerance = 0.3\n')
    check_json("drafts", "published", capsys=capsys)
    assert seen["settings"].tolerance == 0.1
    assert {p: s.tolerance for p, s in seen["per_document"].items()} == {"drafts/2024/draft.txt": 0.3, "published/seed.txt": 0.1}
    check_json("drafts", "published", "--tolerance", "0.01", capsys=capsys)
    assert {s.tolerance for s in seen["per_document"].values()} == {0.01}


def test_a_hedged_figure_is_judged_with_its_files_tolerance(tmp_path, monkeypatch, capsys):
    # About 232.5 against 218.17: outside a 5 % band, inside a 10 % one.
    text = "date 2024-02\nLes échanges entre la Chine et la Russie ont atteint près de 232,5 milliards de dollars entre janvier et novembre.\n"
    for folder in ("strict", "loose"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    configure(tmp_path, 'lang = "fr"\n[[overrides]]\npaths = ["loose/*"]\ntolerance = 0.1\n')
    _, report = check_json("strict", "loose", capsys=capsys)
    status = {v.document: v.status for v in report.verdicts}
    assert status == {"strict/a.txt": "contradicted", "loose/a.txt": "supported"}, json.dumps(
        [(v.document, v.code, v.message) for v in report.verdicts], ensure_ascii=False
    )


@pytest.mark.parametrize(("doc", "heading"), [("README.md", "Configuration"), ("docs/ci.md", "Settings per file")])
def test_the_documented_examples_are_valid_settings(newsroom, doc, heading):
    section = (ROOT / doc).read_text(encoding="utf-8").split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    (example,) = [block.split("```", 1)[0] for block in section.split("```toml\n")[1:]]
    config = configure(newsroom, example)
    (override, *_) = config.overrides
    assert override.paths == ["drafts/**/*.md"]
    drafts, other = config.for_file("drafts/2024/a.md"), config.for_file("published/a.md")
    assert drafts.fail_on == override.fail_on != other.fail_on
