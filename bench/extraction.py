"""Measure the extractor on the labelled gold set (tests/gold/extraction.jsonl).

Prints, per language: value+unit precision/recall/F1 of the quantities, exact
period accuracy, place accuracy, ranking accuracy, claim-kind accuracy,
throughput and the time to extract a ~1,000-word article; then quantulum3 on
the English sentences in the same run, for comparison.

    python bench/extraction.py [--lang fr,en] [--json] [--errors N] [--passes N]

It measures, it does not gate: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import re
import statistics
import sys
import time
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "extraction.jsonl"
REL_TOL = 1e-6
ARTICLE_WORDS = 1000


# --- matching ------------------------------------------------------------


def same_value(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= REL_TOL * max(abs(a), abs(b))


@cache
def _units():
    """A private pint registry in which each ISO 4217 code is a base unit of
    its own, so that "USD / barrel" and "USD * barrel ** -1" compare equal
    and "kWh" equals "kilowatt_hour" (design §4 allows any spelling pint
    parses), while no currency converts into another."""
    import pint

    return pint.UnitRegistry()


@cache
def canonical_unit(unit: str) -> object:
    """A comparable form of a unit: equal for spellings of the same unit,
    different whenever a conversion factor other than 1 would be needed (the
    value must then be in the unit stated, as the contract says)."""
    if unit in ("", "%", "pp"):
        return unit
    ureg = _units()
    for code in set(re.findall(r"\b[A-Z]{3}\b", unit)):
        if code not in ureg:
            ureg.define(f"{code} = [currency_{code}]")
    try:
        base = ureg.Quantity(1.0, unit).to_base_units()
    except Exception:  # noqa: BLE001 - anything pint cannot read stays as written
        return unit
    return (float(f"{base.magnitude:.9g}"), str(base.units))


def same_quantity(pred: tuple[float, str], gold: tuple[float, str]) -> bool:
    return same_value(pred[0], gold[0]) and canonical_unit(pred[1]) == canonical_unit(gold[1])


def pair(predicted: list, gold: list, match) -> tuple[list, list, list]:
    """Greedy one-to-one pairing in gold order: (matched pairs, unmatched gold, unmatched predicted)."""
    free = list(predicted)
    pairs, missed = [], []
    for g in gold:
        hit = next((p for p in free if match(p, g)), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((hit, g))
    return pairs, missed, free


# --- running the extractor -----------------------------------------------


@dataclass
class Prediction:
    quantities: list[tuple[float, str]] = field(default_factory=list)
    periods: list[tuple[str, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    claims: list[tuple[str, float | None, str | None, int | None]] = field(default_factory=list)
    error: str | None = None


def predict(row: dict) -> Prediction:
    from verifier.extract import extract, parse
    from verifier.read.documents import from_text

    text, lang, published = row["text"], row["lang"], dt.date.fromisoformat(row["published"])
    out = Prediction()

    def quantities():
        out.quantities = [(q["value"], q["unit"]) for q in parse("quantities", text, lang=lang, published=published)]

    def periods():
        out.periods = [(p["start"], p["end"]) for p in parse("periods", text, lang=lang, published=published)]

    def places():
        out.places = [p["code"] for p in parse("places", text, lang=lang, published=published)]

    def claims():
        for c in extract(from_text(text, lang=lang, published=published)):
            q = c.quantity
            out.claims.append((c.kind, q.value if q else None, q.unit if q else None, c.rank))

    # One failing stage (an unsupported language, a bug) must neither hide
    # what the others found nor stop the bench; it is reported and scored as
    # finding nothing.
    for stage in (quantities, periods, places, claims):
        try:
            stage()
        except Exception as exc:  # noqa: BLE001
            out.error = out.error or f"{stage.__name__}: {type(exc).__name__}: {exc}"
    return out


def claim_matches(pred: tuple, gold: dict) -> bool:
    kind, value, unit, rank = pred
    if kind != gold["kind"]:
        return False
    if gold["kind"] == "ranking":
        return rank == gold["rank"]
    if gold["value"] is None:  # "more than Germany": the kind is the whole claim
        return True
    return value is not None and same_quantity((value, unit or ""), (gold["value"], gold["unit"]))


# --- scoring -------------------------------------------------------------


@dataclass
class Score:
    sentences: int = 0
    errors: int = 0
    q_tp: int = 0
    q_fp: int = 0
    q_fn: int = 0
    periods: int = 0
    periods_ok: int = 0
    places_ok: int = 0
    ranks: int = 0
    ranks_ok: int = 0
    claims: int = 0
    claims_ok: int = 0
    negative_sentences: int = 0
    negative_claims: int = 0
    mismatches: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("sentences", "errors", "q_tp", "q_fp", "q_fn", "periods", "periods_ok", "places_ok", "ranks", "ranks_ok",
                     "claims", "claims_ok", "negative_sentences", "negative_claims"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict:
        p = _ratio(self.q_tp, self.q_tp + self.q_fp)
        r = _ratio(self.q_tp, self.q_tp + self.q_fn)
        return {
            "sentences": self.sentences,
            "errors": self.errors,
            "quantity_precision": p,
            "quantity_recall": r,
            "quantity_f1": _ratio(2 * p * r, p + r) if p is not None and r is not None else None,
            "period_accuracy": _ratio(self.periods_ok, self.periods),
            "place_accuracy": _ratio(self.places_ok, self.sentences),
            "ranking_accuracy": _ratio(self.ranks_ok, self.ranks),
            "claim_kind_accuracy": _ratio(self.claims_ok, self.claims),
            "claims_on_negatives": self.negative_claims,
            "negative_sentences": self.negative_sentences,
        }


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def score(row: dict, pred: Prediction) -> tuple[Score, dict | None]:
    s = Score(sentences=1, errors=int(pred.error is not None))
    gold_q = [(q["value"], q["unit"]) for q in row["quantities"]]
    q_pairs, q_missed, q_extra = pair(pred.quantities, gold_q, same_quantity)
    s.q_tp, s.q_fn, s.q_fp = len(q_pairs), len(q_missed), len(q_extra)

    gold_p = [(p["start"], p["end"]) for p in row["periods"]]
    p_pairs, p_missed, _ = pair(pred.periods, gold_p, lambda a, b: a == b)
    s.periods, s.periods_ok = len(gold_p), len(p_pairs)

    places_ok = set(pred.places) == set(row["places"])
    s.places_ok = int(places_ok)

    rankings = [c for c in row["claims"] if c["kind"] == "ranking"]
    r_pairs, _, _ = pair([c for c in pred.claims if c[0] == "ranking"], rankings, claim_matches)
    s.ranks, s.ranks_ok = len(rankings), len(r_pairs)

    c_pairs, c_missed, c_extra = pair(pred.claims, row["claims"], claim_matches)
    s.claims, s.claims_ok = len(row["claims"]), len(c_pairs)
    if not row["claims"]:
        s.negative_sentences, s.negative_claims = 1, len(pred.claims)

    problems = {}
    if pred.error:
        problems["error"] = pred.error
    if q_missed:
        problems["quantities missed"] = [_q(v, u) for v, u in q_missed]
    if q_extra:
        problems["quantities extra"] = [_q(v, u) for v, u in q_extra]
    if p_missed:
        problems["periods missed"] = [f"{a}..{b}" for a, b in p_missed]
        problems["periods found"] = [f"{a}..{b}" for a, b in pred.periods]
    if not places_ok:
        problems["places"] = f"gold {sorted(set(row['places']))} found {sorted(set(pred.places))}"
    if c_missed:
        problems["claims missed"] = [_claim(c["kind"], c["value"], c["unit"], c["rank"]) for c in c_missed]
    if c_extra:
        problems["claims extra"] = [_claim(*c) for c in c_extra]
    return s, (problems or None)


def _q(value: float, unit: str) -> str:
    return f"{value:g} {unit!r}"


def _claim(kind, value, unit, rank) -> str:
    if kind == "ranking":
        return f"ranking #{rank}"
    return kind if value is None else f"{kind} {value:g} {unit!r}"


# --- timing --------------------------------------------------------------


def time_per_pass(fn, items: list, passes: int) -> float:
    """Seconds per pass over `items`, after one untimed warm-up pass."""
    for item in items:
        fn(item)
    start = time.perf_counter()
    for _ in range(passes):
        for item in items:
            fn(item)
    return (time.perf_counter() - start) / passes


def _extract_one(row: dict) -> None:
    from verifier.extract import extract
    from verifier.read.documents import from_text

    # Timed as it behaves: a sentence it fails on still costs time, and the
    # failure itself is reported by the scoring pass.
    with contextlib.suppress(Exception):
        extract(from_text(row["text"], lang=row["lang"], published=dt.date.fromisoformat(row["published"])))


def article(rows: list[dict]) -> str:
    """About 1,000 words of one language's sentences, in paragraphs of four,
    repeating the sentences if there are too few."""
    sentences, words, i = [], 0, 0
    while words < ARTICLE_WORDS and rows:
        text = rows[i % len(rows)]["text"]
        sentences.append(text)
        words += len(text.split())
        i += 1
    paragraphs = [" ".join(sentences[k : k + 4]) for k in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


def time_article(rows: list[dict], runs: int = 7) -> float | None:
    from verifier.extract import extract
    from verifier.read.documents import from_text

    text = article(rows)
    published = max(dt.date.fromisoformat(r["published"]) for r in rows)
    try:
        extract(from_text(text, lang=rows[0]["lang"], published=published))
    except Exception:  # noqa: BLE001
        return None
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        extract(from_text(text, lang=rows[0]["lang"], published=published))
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


# --- quantulum3 ----------------------------------------------------------

# quantulum3 names -> (our unit, factor to multiply its value by). Only names
# whose pint spelling differs from ours, or that read a news unit as
# something else, are listed; any other name is passed to pint as written
# (British spellings made American), so "terawatt hour" still equals
# "terawatt_hour". Being generous here only flatters quantulum3.
_Q3_NAMES = {
    "percentage": ("%", 1.0),
    "dimensionless": ("", 1.0),
    "cent": ("USD", 0.01),  # quantulum3 has no currency on "cents"; in our English sentences they are US cents
    "tonne": ("tonne", 1.0),
    "ton": ("tonne", 1.0),  # news "tons" are metric tons
    "kiloton": ("tonne", 1e3),  # quantulum3 reads "kt"/"Mt"/"Gt" as TNT energy; in energy news they are tonnes
    "megaton": ("tonne", 1e6),
    "gigaton": ("tonne", 1e9),
    "degree Celsius": ("degree_Celsius", 1.0),
}


def quantulum_quantity(q) -> tuple[float, str]:
    """A quantulum3 Quantity as (value, unit) in our vocabulary: currencies by
    their ISO code, compound units joined as pint reads them."""
    from quantulum3 import load

    names = load.units("en_US").names
    value, parts = float(q.value), []
    for dim in q.unit.dimensions:
        base, power = dim["base"], dim["power"]
        unit = names.get(base)
        code = getattr(unit, "currency_code", None) if unit is not None else None
        if code:
            name = code
        elif base in _Q3_NAMES:
            name, factor = _Q3_NAMES[base]
            value *= factor**power
        else:
            name = base.replace("metre", "meter").replace("litre", "liter").replace(" ", "_")
        if name:
            parts.append(name if power == 1 else f"{name} ** {power}")
    return value, " * ".join(parts)


def run_quantulum(rows: list[dict], passes: int) -> dict:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return {"installed": False}

    def parse(text: str) -> list:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text)

    try:
        parse("warm-up: $1 a barrel")  # loads its classifier once, outside the timing
    except Exception as exc:  # noqa: BLE001 - e.g. a classifier pickled by another scikit-learn
        return {"installed": True, "error": f"{type(exc).__name__}: {exc}"}
    tp = fp = fn = 0
    for row in rows:
        try:
            found = [quantulum_quantity(q) for q in parse(row["text"])]
        except Exception:  # noqa: BLE001
            found = []
        pairs, missed, extra = pair(found, [(q["value"], q["unit"]) for q in row["quantities"]], same_quantity)
        tp, fn, fp = tp + len(pairs), fn + len(missed), fp + len(extra)
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    seconds = time_per_pass(lambda row: _safe(parse, row["text"]), rows, passes)
    return {
        "installed": True,
        "sentences": len(rows),
        "quantity_precision": p,
        "quantity_recall": r,
        "quantity_f1": _ratio(2 * p * r, p + r) if p and r else 0.0,
        "sentences_per_second": len(rows) / seconds if seconds else None,
    }


def _safe(fn, *args):
    try:
        return fn(*args)
    except Exception:  # noqa: BLE001
        return None


# --- report --------------------------------------------------------------


def _fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def print_table(gold: Path, results: dict, quantulum: dict | None, ours_en: float | None, total: int) -> None:
    print(f"Extraction bench: {gold} ({total} sentences)")
    print()
    header = (f"{'lang':<5}{'sent':>5}{'err':>5}{'qty P':>8}{'qty R':>8}{'qty F1':>8}{'periods':>9}{'places':>8}"
              f"{'ranks':>7}{'kinds':>7}{'neg FP':>8}{'sent/s':>9}{'1k-word ms':>12}")
    print(header)
    print("-" * len(header))
    for lang, f in results.items():
        print(
            f"{lang:<5}{f['sentences']:>5}{f['errors']:>5}{_fmt(f['quantity_precision']):>8}{_fmt(f['quantity_recall']):>8}"
            f"{_fmt(f['quantity_f1']):>8}{_fmt(f['period_accuracy']):>9}{_fmt(f['place_accuracy']):>8}"
            f"{_fmt(f['ranking_accuracy']):>7}{_fmt(f['claim_kind_accuracy']):>7}{f['claims_on_negatives']:>8}"
            f"{_fmt(f.get('sentences_per_second'), 0):>9}{_fmt(f.get('article_ms'), 1):>12}"
        )
    print()
    print("qty: value+unit match (value within 1e-6 relative, same unit); periods: gold periods found with exact")
    print("start and end; places: sentences whose set of place codes is exact; ranks: gold ranking claims found")
    print("with their rank; kinds: gold claims found with their kind and value; neg FP: claims found in sentences")
    print("whose gold has none; err: sentences on which the extractor raised (scored as finding nothing).")
    print()
    if quantulum is None:
        return
    if not quantulum.get("installed"):
        print("quantulum3 not installed (pip install -e '.[bench]')")
    elif "error" in quantulum:
        print(f"quantulum3 failed to run: {quantulum['error']}")
    else:
        q = quantulum
        ratio = ours_en / q["sentences_per_second"] if ours_en and q["sentences_per_second"] else None
        print(f"English, {q['sentences']} sentences, same run:")
        print(f"  quantulum3  qty P {_fmt(q['quantity_precision'])}  R {_fmt(q['quantity_recall'])}  F1 {_fmt(q['quantity_f1'])}  "
              f"{_fmt(q['sentences_per_second'], 0)} sent/s (quantities only)")
        en = results.get("en")
        if en:
            print(f"  verifier    qty P {_fmt(en['quantity_precision'])}  R {_fmt(en['quantity_recall'])}  F1 {_fmt(en['quantity_f1'])}  "
                  f"{_fmt(ours_en, 0)} sent/s (full extraction)")
        if ratio:
            print(f"  speed ratio: verifier is {ratio:.1f}x quantulum3")


def print_errors(mismatches: dict, limit: int) -> None:
    for lang, items in mismatches.items():
        print()
        print(f"== {lang}: {len(items)} sentences with a mismatch, showing {min(limit, len(items))}")
        for row, problems in items[:limit]:
            print(f"- {row['id']} ({row['published']}): {row['text']}")
            for key, value in problems.items():
                print(f"    {key}: {value}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", help="comma-separated languages (default: all in the gold set)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON only")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N mismatched sentences per language")
    ap.add_argument("--passes", type=int, default=3, help="timed passes for throughput (default 3)")
    gold = GOLD.relative_to(Path.cwd()) if GOLD.is_relative_to(Path.cwd()) else GOLD
    ap.add_argument("--gold", type=Path, default=gold, help="the gold file (default: %(default)s)")
    args = ap.parse_args(argv)

    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = set(args.lang.split(",")) if args.lang else None
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if wanted is None or row["lang"] in wanted:
            by_lang[row["lang"]].append(row)

    results, mismatches, overall = {}, {}, Score()
    throughput_en = None
    for lang, lang_rows in by_lang.items():
        total, items = Score(), []
        for row in lang_rows:
            s, problems = score(row, predict(row))
            total.add(s)
            if problems:
                items.append((row, problems))
        overall.add(total)
        figures = total.figures()
        if total.errors < total.sentences:
            seconds = time_per_pass(_extract_one, lang_rows, args.passes)
            figures["sentences_per_second"] = len(lang_rows) / seconds
            figures["article_ms"] = time_article(lang_rows)
            if lang == "en":
                throughput_en = figures["sentences_per_second"]
        results[lang] = figures
        mismatches[lang] = items
    if len(results) > 1:
        results["all"] = overall.figures()

    quantulum = run_quantulum(by_lang["en"], args.passes) if "en" in by_lang else None

    if args.json:
        print(json.dumps({"gold": str(args.gold), "languages": results, "quantulum3": quantulum, "verifier_en_sentences_per_second": throughput_en}, indent=2))
    else:
        print_table(args.gold, results, quantulum, throughput_en, sum(len(v) for v in by_lang.values()))
        if args.errors:
            print_errors(mismatches, args.errors)
    return 0


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
    except Exception:  # noqa: BLE001 - a bench reports; it never fails a build
        import traceback

        traceback.print_exc()
    sys.exit(0)
