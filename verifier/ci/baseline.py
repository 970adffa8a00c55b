"""A baseline: the findings a project has accepted, so later runs fail only on new ones.

`verifier baseline FILE...` writes today's findings (every verdict above
`info` that no directive ignores) to a JSON file meant to be committed;
`check --baseline FILE` then marks each verdict `unchanged` (in the
baseline) or `new`, and only new ones fail the run.

A finding is keyed by what it is about, not where: the document, the code,
the claim's kind and words and its sentence. Editing another paragraph moves
a claim's line but keeps its key; rewording its sentence makes it new, which
is what a reviewer wants to look at again. The same key twice (one sentence
repeated) is counted, so a third copy is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from ..errors import ConfigError
from ..models import Report, Verdict

VERSION = 1
DEFAULT = "verifier-baseline.json"


def fingerprint(v: Verdict) -> str:
    document = v.document if v.document == "-" else Path(os.path.normpath(v.document)).as_posix()
    key = "\x1f".join((document, v.code, v.claim.kind, v.claim.text, " ".join(v.claim.sentence.split())))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def recordable(v: Verdict) -> bool:
    """Whether a baseline records this verdict: a finding no directive ignores."""
    return v.level != "info" and v.ignored is None


def dumps(report: Report) -> str:
    entries = [
        {
            "fingerprint": fingerprint(v),
            # The rest is for the people reviewing the file in a diff; only the fingerprint is matched.
            "document": v.document,
            "line": v.claim.span.line,
            "code": v.code,
            "text": v.claim.text,
            "message": v.message,
        }
        for v in report.verdicts
        if recordable(v)
    ]
    entries.sort(key=lambda e: (e["document"], e["line"], e["code"], e["fingerprint"]))
    return json.dumps({"version": VERSION, "tool": "verifier", "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def load(path: Path) -> Counter[str]:
    """The fingerprints a baseline file holds, with how many times each. Raises ConfigError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file (write one with `verifier baseline FILE...`)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a verifier baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a verifier baseline (expected version {VERSION} and a list of findings)")
    try:
        return Counter(str(entry["fingerprint"]) for entry in data["findings"])
    except (TypeError, KeyError):
        raise ConfigError(f"{path}: not a verifier baseline (a finding has no fingerprint)") from None


def compare(report: Report, known: Counter[str]) -> Report:
    """The report with every verdict marked `unchanged` (the baseline holds it) or `new`."""
    left = Counter(known)
    marked = []
    for v in report.verdicts:
        key = fingerprint(v)
        if recordable(v) and left[key] > 0:
            left[key] -= 1
            marked.append(v.model_copy(update={"baseline": "unchanged"}))
        else:
            marked.append(v.model_copy(update={"baseline": "new"}))
    return report.model_copy(update={"verdicts": marked})
