"""Real published articles, labelled by hand (tests/articles/): how verifier
reads them and what it concludes, against what a fact-checker concludes
from the same offline snapshot.

Per language and in total it prints: figures in the text, extraction
precision and recall, fully correct extractions (value, unit, period and
places all right), snapshot-checkable figures checked right, false
"supported", false "contradicted" (over every claim, labelled or not: a
contradiction of a non-figure accuses the text just the same), and the
figures a fact-checker calls unverifiable that verifier calls unverifiable.
"of which derived" counts the false "supported" that rest on a change
computed from two published levels or on a conversion: the labellers were
asked to call those unverifiable ("the snapshot does not hold this very
quantity"), where verifier checks them within stated allowances.

    python bench/articles.py                     # every article
    python bench/articles.py --split heldout     # the held-out third only
    python bench/articles.py --errors 20         # and what went wrong
    python bench/articles.py --save-baseline     # record these figures as the baseline

With a baseline recorded (bench/baselines/articles.json), each figure is
printed beside it. Benches measure; they never gate a build and exit 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier.flow.verify import verify  # noqa: E402
from verifier.models import Document, Verdict  # noqa: E402
from verifier.read.documents import load  # noqa: E402

ARTICLES = ROOT / "tests" / "articles"
BASELINE = ROOT / "bench" / "baselines" / "articles.json"
DECISIVE = ("supported", "contradicted")


@dataclass
class Label:
    row: dict
    start: int = -1  # the figure's offsets in the document text, when its sentence was found
    end: int = -1


@dataclass
class Tally:
    figures: int = 0
    claims: int = 0
    matched_claims: int = 0
    found: int = 0
    fully_right: int = 0
    checkable: int = 0
    checked_right: int = 0
    false_supported: int = 0
    false_supported_derived: int = 0
    false_contradicted: int = 0
    decisive: int = 0
    unverifiable_expected: int = 0
    unverifiable_right: int = 0
    errors: list[str] = field(default_factory=list)

    def figures_out(self) -> dict[str, float | int]:
        ratio = lambda a, b: round(a / b, 3) if b else None  # noqa: E731
        return {
            "figures": self.figures,
            "claims": self.claims,
            "extraction precision": ratio(self.matched_claims, self.claims),
            "extraction recall": ratio(self.found, self.figures),
            "fully right": ratio(self.fully_right, self.figures),
            "checkable": self.checkable,
            "checked right": ratio(self.checked_right, self.checkable),
            "false supported": self.false_supported,
            "  of which derived": self.false_supported_derived,
            "false contradicted": self.false_contradicted,
            "decisive verdicts": self.decisive,
            "unverifiable right": ratio(self.unverifiable_right, self.unverifiable_expected),
        }


def _meta(path: Path) -> dict[str, str]:
    head = path.read_text(encoding="utf-8").split("---", 2)[1]
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in head.strip().splitlines())}


def _loose(text: str) -> re.Pattern:
    """`text` as a pattern any run of whitespace may stand in (a label copies a sentence with single spaces)."""
    return re.compile(r"\s+".join(re.escape(word) for word in text.split()))


def _locate(document: Document, label: Label) -> None:
    """Where the labelled figure is: the sentence in the text, then its words in the sentence."""
    sentence = _loose(label.row["sentence"]).search(document.text)
    figure = _loose(label.row["text"]).search(document.text, sentence.start(), sentence.end()) if sentence else None
    if figure:
        label.start, label.end = figure.span()


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(abs(a) - abs(b)) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def _fully_right(v: Verdict, row: dict) -> bool:
    c = v.claim
    value = c.quantity.value if c.quantity else (float(c.rank) if c.rank else None)
    unit = c.quantity.unit if c.quantity else ""
    period = {"start": c.period.start.isoformat(), "end": c.period.end.isoformat()} if c.period else None
    return (
        _same_value(value, row.get("value"))
        and unit == (row.get("unit") or "")
        and period == row.get("period")
        and {p.code for p in c.places} == set(row.get("places") or [])
    )


def run(split: str | None, langs: list[str] | None, errors: int) -> dict[str, dict]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for lang_dir in sorted(p for p in ARTICLES.iterdir() if p.is_dir()):
        lang = lang_dir.name
        if langs and lang not in langs:
            continue
        labels: dict[str, list[Label]] = defaultdict(list)
        labels_file = lang_dir / "labels.jsonl"
        if labels_file.exists():
            for line in labels_file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    labels[row["article"]].append(Label(row))
        for path in sorted(lang_dir.glob("*.md")):
            key = f"{lang}/{path.stem}"
            if split and _meta(path).get("split") != split:
                continue
            document = load(path)
            report = verify([document])
            t, total = tallies[lang], tallies["all"]
            for label in labels[key]:
                _locate(document, label)
            taken: set[int] = set()
            for tally in (t, total):
                tally.claims += len(report.verdicts)
            for label in labels[key]:
                row = label.row
                match = _best(report.verdicts, label, taken)
                expected = row["expected"]
                for tally in (t, total):
                    tally.figures += 1
                    if row.get("covered") and expected in DECISIVE:
                        tally.checkable += 1
                    if expected == "unverifiable":
                        tally.unverifiable_expected += 1
                if match is None:
                    if errors and len(t.errors) < errors:
                        t.errors.append(f"{key}: missed {row['text']!r} ({row['kind']}) in: {row['sentence'][:140]}")
                    continue
                taken.add(id(match))
                right = _fully_right(match, row)
                status = match.status
                for tally in (t, total):
                    tally.found += 1
                    tally.fully_right += right
                    if row.get("covered") and expected in DECISIVE and status == expected:
                        tally.checked_right += 1
                    if status == "supported" and expected != "supported":
                        tally.false_supported += 1
                        tally.false_supported_derived += _derived(match)
                    if status == "contradicted" and expected != "contradicted":
                        tally.false_contradicted += 1
                    if expected == "unverifiable" and status == "unverifiable":
                        tally.unverifiable_right += 1
                wrong = status != expected or (not right and expected in DECISIVE)
                if errors and wrong and len(t.errors) < errors:
                    t.errors.append(
                        f"{key}: {row['text']!r}: expected {expected} ({row['reason'][:90]}), got {match.code}: {match.message[:200]}"
                    )
                elif errors and not right and len(t.errors) < errors:
                    t.errors.append(f"{key}: {row['text']!r} extracted as {_describe(match)}; label {_describe_row(row)}")
            for v in report.verdicts:
                if v.status in DECISIVE:
                    for tally in (t, total):
                        tally.decisive += 1
                if id(v) in taken:
                    for tally in (t, total):
                        tally.matched_claims += 1
                elif v.status == "contradicted":
                    for tally in (t, total):
                        tally.false_contradicted += 1
                    if errors and len(t.errors) < errors:
                        t.errors.append(f"{key}: contradicted an unlabelled claim {v.claim.text!r}: {v.message[:200]}")
    return {lang: tally for lang, tally in tallies.items()}


def _derived(v: Verdict) -> bool:
    """A support the labelling brief left out by construction: a change computed from two
    published levels, or a figure converted into another currency or unit."""
    return v.claim.kind in ("change", "share") and len(v.evidence) >= 2 or "Converted" in v.message


def _best(verdicts: list[Verdict], label: Label, taken: set[int]) -> Verdict | None:
    if label.start < 0:
        return None
    best, overlap = None, 0
    for v in verdicts:
        if id(v) in taken:
            continue
        a, b = v.claim.span.start, v.claim.span.end
        shared = min(b, label.end) - max(a, label.start)
        if shared > overlap:
            best, overlap = v, shared
    return best


def _describe(v: Verdict) -> str:
    c = v.claim
    q = f"{c.quantity.value:g} {c.quantity.unit}" if c.quantity else f"rank {c.rank}"
    return f"{c.kind} {q}, {c.period.label if c.period else 'no period'}, {[p.code for p in c.places]}"


def _describe_row(row: dict) -> str:
    period = row.get("period")
    return f"{row['kind']} {row.get('value')} {row.get('unit')}, {period['start'] + '..' + period['end'] if period else 'no period'}, {row.get('places')}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "heldout"], help="only the articles of this split")
    ap.add_argument("--lang", help="comma-separated languages")
    ap.add_argument("--errors", type=int, default=0, help="print up to N mistakes per language")
    ap.add_argument("--json", action="store_true", help="the figures as one JSON object")
    ap.add_argument("--save-baseline", action="store_true", help=f"record the figures in {BASELINE.relative_to(ROOT)}")
    args = ap.parse_args()
    started = time.perf_counter()
    tallies = run(args.split, args.lang.split(",") if args.lang else None, args.errors)
    figures = {lang: t.figures_out() for lang, t in sorted(tallies.items(), key=lambda kv: (kv[0] == "all", kv[0]))}
    key = args.split or "all"
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        baseline = json.loads(BASELINE.read_text()).get(key, {}) if BASELINE.exists() else {}
        names = list(next(iter(figures.values())).keys())
        print(f"articles ({key}), {time.perf_counter() - started:.1f} s" + ("   [now | baseline]" if baseline else ""))
        print(f"{'':24}" + "".join(f"{lang:>16}" for lang in figures))
        for name in names:
            cells = []
            for lang, values in figures.items():
                now, then = values[name], baseline.get(lang, {}).get(name)
                cells.append(f"{_fmt(now)} | {_fmt(then)}" if baseline else _fmt(now))
            print(f"{name:24}" + "".join(f"{c:>16}" for c in cells))
        for lang, t in tallies.items():
            for line in t.errors:
                print(f"  [{lang}] {line}")
    if args.save_baseline:
        saved = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
        saved[key] = figures
        BASELINE.parent.mkdir(parents=True, exist_ok=True)
        BASELINE.write_text(json.dumps(saved, indent=2) + "\n")


def _fmt(value) -> str:
    return "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))


if __name__ == "__main__":
    main()
