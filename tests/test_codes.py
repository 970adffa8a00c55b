"""The code catalogue: docs/codes.md is generated from it and kept identical;
every code has a status, level and template the judge can fill."""

from pathlib import Path

import pytest

from verifier.codes import CODES, LEVELS, markdown
from verifier.models import Level, Status

DOC = Path(__file__).resolve().parent.parent / "docs" / "codes.md"

# The list: every one must exist, with the status it promises.
REQUIRED = {
    "supported": "supported", "value-mismatch": "contradicted", "unit-mismatch": "unverifiable",
    "period-mismatch": "contradicted", "newer-data": "supported", "rounding": "supported",
    "ambiguous-claim": "unverifiable", "no-evidence": "unverifiable", "source-unavailable": "unverifiable",
    "inconsistent": "contradicted",
}  # fmt: skip


def test_docs_match_the_catalogue():
    assert DOC.read_text(encoding="utf-8") == markdown(), "regenerate: python -m verifier.codes > docs/codes.md"


@pytest.mark.parametrize("code,status", sorted(REQUIRED.items()))
def test_required_codes(code, status):
    assert CODES[code].status == status


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_documented_and_fillable(code):
    entry = CODES[code]
    assert entry.status in Status.__args__ and entry.level in Level.__args__ and entry.level in LEVELS
    assert f"| `{code}` | {entry.status} | {entry.level} |" in DOC.read_text(encoding="utf-8")
    filled = entry.message(**{f: f"<{f}>" for f in entry.fields})
    assert all(f"<{f}>" in filled for f in entry.fields)


def test_contradicted_codes_fail_a_default_run_and_supported_ones_do_not():
    from verifier.judge.levels import level_at_least

    for entry in CODES.values():
        if entry.status == "contradicted":
            assert level_at_least(entry.level, "error"), entry.code
        if entry.status == "supported" and entry.code not in ("newer-data",):
            assert not level_at_least(entry.level, "warning"), entry.code
