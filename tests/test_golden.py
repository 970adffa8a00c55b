"""Golden files: every output format, rendered from the offline check of the seeds.

Two reports: the seed alone (exit 0: supported and unverifiable claims), and
the seed with the erroneous draft (a contradicted claim, two files). Volatile
fields (when the run started, how long it took, when evidence was retrieved,
the version) are fixed before rendering, so a difference is a real change.

After an intended change (a renderer, the extractor, the snapshot), rewrite
them and review the diff:  VERIFIER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from verifier.flow.verify import check
from verifier.models import Report
from verifier.read.documents import from_text
from verifier.render import RENDERERS, render

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = bool(os.environ.get("VERIFIER_UPDATE_GOLDEN"))
EXTENSIONS = {
    "cli": "cli.txt",
    "line": "line.txt",
    "json": "json",
    "html": "html",
    "md": "md",
    "sarif": "sarif.json",
    "junit": "junit.xml",
    "github": "github.txt",
    "claimreview": "claimreview.jsonld",
}
CASES = {
    "seed": ["seeds/000_8eb3afca12c662b1.txt"],
    "seed-and-error": ["seeds/000_8eb3afca12c662b1.txt", "seeds/erreur-echanges-250-milliards.txt"],
}
STARTED = dt.datetime(2024, 2, 10, 9, 0, tzinfo=dt.UTC)
RETRIEVED = dt.datetime(2024, 2, 10, 8, 0, tzinfo=dt.UTC)


def normalise(report: Report) -> Report:
    verdicts = [
        v.model_copy(update={"evidence": [e.model_copy(update={"retrieved": RETRIEVED}) for e in v.evidence]})
        for v in report.verdicts
    ]
    run = report.run.model_copy(update={"started": STARTED, "duration_s": 0.5, "version": "0.0.0+golden"})
    return report.model_copy(update={"verdicts": verdicts, "run": run})


@pytest.fixture(scope="module")
def reports():
    out = {}
    for case, paths in CASES.items():
        # Relative paths, as a user in the repository types them: they appear in every output.
        documents = [from_text((ROOT / p).read_text(encoding="utf-8"), p) for p in paths]
        out[case] = (normalise(check(documents)), {d.path: d for d in documents})
    return out


def test_every_format_has_a_golden_file():
    assert set(EXTENSIONS) == set(RENDERERS)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", EXTENSIONS)
def test_golden(reports, case, fmt):
    report, documents = reports[case]
    out = render(report, fmt, documents, color=False, width=160, fail_on="error")
    path = GOLDEN / f"{case}.{EXTENSIONS[fmt]}"
    if UPDATE:
        path.write_text(out, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run with VERIFIER_UPDATE_GOLDEN=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert out == expected, f"{fmt} output differs from {path.name}; if intended, regenerate (see module docstring) and review the diff"


def test_golden_files_say_what_the_seeds_expect(reports):
    """The golden files are reviewed once by a person; these facts keep a
    regenerated set honest about what the seeds should produce."""
    seed = (GOLDEN / "seed.line.txt").read_text(encoding="utf-8")
    assert "value-mismatch" not in seed and "rank-mismatch" not in seed
    both = (GOLDEN / "seed-and-error.line.txt").read_text(encoding="utf-8")
    assert "seeds/erreur-echanges-250-milliards.txt:9:149:value-mismatch:" in both
    assert (GOLDEN / "seed-and-error.cli.txt").read_text(encoding="utf-8").rstrip().endswith("in 2 files")
    assert "::error file=seeds/erreur-echanges-250-milliards.txt,line=9,col=149," in (GOLDEN / "seed-and-error.github.txt").read_text()
