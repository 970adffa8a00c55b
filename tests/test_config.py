"""Project configuration: verifier.toml or [tool.verifier], found walking up from the working directory."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT, SEED
from test_cli import run

from verifier import cli
from verifier import config as project
from verifier.models import Report
from verifier.read.documents import load

DRAFT = ROOT / "seeds" / "erreur-echanges-250-milliards.txt"


@pytest.fixture
def newsroom(tmp_path):
    """A repository with articles in a subdirectory, the seed and the erroneous draft."""
    (tmp_path / "articles" / "2024").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "articles" / "2024" / "seed.txt")
    shutil.copy(DRAFT, tmp_path / "articles" / "2024" / "draft.txt")
    return tmp_path


# --- finding the file -----------------------------------------------------------


def test_found_walking_up(newsroom):
    (newsroom / "verifier.toml").write_text('fail_on = "warning"\n')
    assert project.find(newsroom / "articles" / "2024") == newsroom / "verifier.toml"
    assert project.load(newsroom / "verifier.toml").fail_on == "warning"


def test_pyproject_only_with_a_tool_verifier_table(newsroom):
    nested = newsroom / "articles"
    (nested / "pyproject.toml").write_text('[project]\nname = "x"\n')  # not ours: keep walking
    (newsroom / "pyproject.toml").write_text('[tool.verifier]\ntolerance = 0.1\n')
    assert project.find(nested / "2024") == newsroom / "pyproject.toml"
    assert project.load(newsroom / "pyproject.toml").tolerance == 0.1


def test_verifier_toml_wins_in_the_same_directory_and_nearest_wins(newsroom):
    (newsroom / "pyproject.toml").write_text('[tool.verifier]\ntolerance = 0.1\n')
    (newsroom / "verifier.toml").write_text("tolerance = 0.2\n")
    (newsroom / "articles" / "verifier.toml").write_text("tolerance = 0.3\n")
    assert project.find(newsroom) == newsroom / "verifier.toml"
    assert project.find(newsroom / "articles" / "2024") == newsroom / "articles" / "verifier.toml"


def test_no_file_means_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert project.find() is None
    config = project.load()
    assert (config.fail_on, config.tolerance, config.levels, config.sources, config.path) == (None, None, {}, None, None)


# --- errors name the file and the key --------------------------------------------


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("verifier.toml", "tolerence = 0.1\n", "verifier.toml: unknown key 'tolerence'"),
        ("verifier.toml", "[per_glob]\nx = 1\n", "verifier.toml: unknown key 'per_glob'"),
        ("pyproject.toml", "[tool.verifier]\nfailon = 'error'\n", "pyproject.toml: unknown key 'tool.verifier.failon'"),
        ("verifier.toml", 'fail_on = "sometimes"\n', "verifier.toml: fail_on: Input should be 'error', 'warning', 'suggestion' or 'never'"),
        ("verifier.toml", "tolerance = -1\n", "verifier.toml: tolerance: Input should be greater than or equal to 0"),
        ("verifier.toml", '[levels]\nno-metrics = "info"\n', "verifier.toml: levels: unknown verdict code 'no-metrics'"),
        ("verifier.toml", '[levels]\nno-metric = "loud"\n', "verifier.toml: levels.no-metric: Input should be"),
        ("verifier.toml", 'lang = "xx"\n', "verifier.toml: lang: unsupported language 'xx'"),
        ("verifier.toml", 'sources = ["nope"]\n', "verifier.toml: sources: unknown source 'nope' (known: "),
        ("pyproject.toml", '[tool.verifier]\nsources = ["nope"]\n', "pyproject.toml: tool.verifier.sources: unknown source 'nope'"),
        ("verifier.toml", "fail_on = \n", "verifier.toml: invalid TOML"),
    ],
)
def test_bad_config_is_one_line_exit_2(newsroom, filename, content, message):
    (newsroom / filename).write_text(content)
    result = run("check", "2024", "--no-write", cwd=newsroom / "articles")
    assert result.returncode == 2, result.stdout
    assert message in result.stderr, result.stderr
    assert str(newsroom / filename) in result.stderr  # the full path: which file, unambiguously
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


# --- what the settings do ---------------------------------------------------------


def test_fail_on_from_config_and_the_option_overrides_it(newsroom):
    seed = "articles/2024/seed.txt"
    assert run("check", seed, "--no-write", cwd=newsroom).returncode == 0
    (newsroom / "verifier.toml").write_text('fail_on = "suggestion"\n')  # the seed's no-metric claims are suggestions
    assert run("check", seed, "--no-write", cwd=newsroom).returncode == 1
    assert run("check", seed, "--no-write", "--fail-on", "error", cwd=newsroom).returncode == 0


def test_level_overrides(newsroom):
    (newsroom / "verifier.toml").write_text('[levels]\nno-metric = "info"\nvalue-mismatch = "warning"\n')
    result = run("check", "articles", "--format", "json", "--no-write", cwd=newsroom)
    assert result.returncode == 0  # the contradiction is a warning now, below the default failing level
    report = Report.model_validate_json(result.stdout)
    levels = {v.code: v.level for v in report.verdicts}
    assert levels["no-metric"] == "info" and levels["value-mismatch"] == "warning" and levels["supported"] == "info"
    line = run("check", "articles", "--format", "line", "--no-write", cwd=newsroom)
    message = next(v.message for v in report.verdicts if v.code == "value-mismatch")
    assert line.stdout.splitlines() == [f"articles/2024/draft.txt:9:149:value-mismatch:{message}"]
    assert run("check", "articles", "--no-write", "--fail-on", "warning", cwd=newsroom).returncode == 1


def test_default_language_stands_in_only_when_the_text_has_none():
    seed = load(SEED, default_lang="de")  # a .txt with no language metadata
    assert seed.lang == "de"
    english = load(ROOT / "seeds" / "putin-xi-call-en.md", default_lang="de")  # front matter says en
    assert english.lang == "en"
    assert load(SEED, lang="en", default_lang="de").lang == "en"
    assert load(SEED).lang == "fr"  # detected


def test_tolerance_and_sources_reach_the_check(newsroom, monkeypatch):
    import verifier.flow.verify

    seen = {}
    real = verifier.flow.verify.check

    def spy(documents, *, sources=None, settings=None, **options):
        seen.update(sources=sources, settings=settings)
        return real(documents, sources=sources, settings=settings, **options)

    monkeypatch.setattr(verifier.flow.verify, "check", spy)
    monkeypatch.chdir(newsroom)
    (newsroom / "verifier.toml").write_text('tolerance = 0.2\nsources = ["snapshot"]\nlang = "fr"\n')
    assert cli.main(["check", "articles/2024/seed.txt", "--no-write", "--format", "json"]) == 0
    assert seen["settings"].tolerance == 0.2 and list(seen["sources"]) == ["snapshot"]
    assert cli.main(["check", "articles/2024/seed.txt", "--no-write", "--format", "json", "--tolerance", "0.01"]) == 0
    assert seen["settings"].tolerance == 0.01


def test_the_claims_command_reads_the_default_language(newsroom, monkeypatch, capsys):
    monkeypatch.chdir(newsroom)
    (newsroom / "verifier.toml").write_text('lang = "fr"\n')
    assert cli.main(["claims", "articles/2024/seed.txt"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"]
