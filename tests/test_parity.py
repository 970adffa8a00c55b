"""`verifier check` and the service run the same `verify()`: the same draft,
under the same project configuration, gets the same verdicts, levels, codes,
suppressions and notes from either."""

from __future__ import annotations

import pytest
from service_support import ROOT, service
from test_cli import run

from verifier.models import Report

pytestmark = pytest.mark.anyio

DRAFT = (ROOT / "seeds" / "erreur-echanges-250-milliards.txt").read_text(encoding="utf-8")
# A directive that suppresses the contradiction's paragraph, and one that suppresses nothing (a note).
IGNORED = DRAFT.replace(
    "M. Poutine et M. Xi se sont rencontrés à deux reprises",
    "<!-- verifier: ignore value-mismatch — chiffre confirmé par les douanes -->\n\n"
    "M. Poutine et M. Xi se sont rencontrés à deux reprises",
).replace(
    "La Russie a entre-temps dépassé",
    "<!-- verifier: ignore period-mismatch — vu -->\n\nLa Russie a entre-temps dépassé",
)
CONFIG = 'tolerance = 0.1\n[levels]\nvalue-mismatch = "warning"\nno-metric = "info"\nrank-supported = "suggestion"\n'


@pytest.fixture
def anyio_backend():
    return "asyncio"


def _findings(report: Report) -> tuple[list, list]:
    verdicts = [(v.claim.text, v.code, v.status, v.level, v.message, v.ignored is not None) for v in report.verdicts]
    notes = [(n.code, n.line, n.message) for n in report.notes]
    return verdicts, notes


@pytest.mark.parametrize("text", [DRAFT, IGNORED], ids=["plain", "with directives"])
async def test_the_cli_and_the_service_agree_on_a_draft(tmp_path, monkeypatch, text):
    project = tmp_path / "newsroom"
    project.mkdir()
    (project / "verifier.toml").write_text(CONFIG, encoding="utf-8")

    cli = run("check", "-", "--format", "json", "--no-write", cwd=project, input_text=text)
    assert cli.returncode == 0, cli.stderr  # the contradiction is configured down to a warning
    by_cli = Report.model_validate_json(cli.stdout)

    monkeypatch.chdir(project)  # the service reads the project's configuration where it starts
    async with service(tmp_path) as client:
        response = await client.post("/v1/checks", json={"text": text})
        assert response.status_code == 201, response.text
    by_service = Report.model_validate(response.json())

    assert _findings(by_service) == _findings(by_cli)
    levels = {v.code: v.level for v in by_cli.verdicts}
    assert levels["value-mismatch"] == "warning" and levels["no-metric"] == "info"  # the config's levels, in both
    if text is IGNORED:
        assert [v.code for v in by_cli.verdicts if v.ignored] == ["value-mismatch"]
        assert [n.code for n in by_cli.notes] == ["unused-ignore"]
