"""Measure the judge on the gold set of real-world claims (tests/gold/verdicts.jsonl).

Each row is a short text with one claim whose truth was established by hand
from the offline snapshot (the row's `basis` names the rows it rests on). The
whole pipeline runs on it (extraction, matching, the snapshot, the judge) and
this prints:

- accuracy: the verdict's status is the expected one (also per category, and
  without the rows marked `blocked`, whose claim the extractor cannot read);
- code accuracy: the code is the expected one too;
- contradicted precision: of the claims judged contradicted, the share that
  are false or wrong-period;
- false supported: false or wrong-period claims judged supported (target 0).

    python bench/verdicts.py [--json] [--errors]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "verdicts.jsonl"
FALSE = ("false", "wrong-period")


def rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def judge_all(gold: list[dict]) -> dict[str, object]:
    """The verdict on each row's claim (None when the extractor found no such claim)."""
    from verifier.flow.verify import check
    from verifier.models import Document

    docs = [Document(path=r["id"], text=r["text"], lang=r["lang"], published=dt.date.fromisoformat(r["published"])) for r in gold]
    report = check(docs)
    by_doc = defaultdict(list)
    for v in report.verdicts:
        by_doc[v.document].append(v)
    out = {}
    for r in gold:
        found = [v for v in by_doc[r["id"]] if r["claim"] in v.claim.text]
        out[r["id"]] = found[0] if len(found) == 1 else None
    return out


def evaluate(gold: list[dict] | None = None) -> dict:
    gold = rows() if gold is None else gold
    verdicts = judge_all(gold)
    results = []
    for r in gold:
        v = verdicts[r["id"]]
        status, code = (v.status, v.code) if v else ("missing", "missing")
        results.append({**r, "got_status": status, "got_code": code, "message": v.message if v else ""})
    n = len(results)
    unblocked = [x for x in results if "blocked" not in x]
    contradicted = [x for x in results if x["got_status"] == "contradicted"]
    by_truth = defaultdict(list)
    for x in results:
        by_truth[x["truth"]].append(x["got_status"] == x["status"])
    return {
        "claims": n,
        "accuracy": sum(x["got_status"] == x["status"] for x in results) / n,
        "accuracy_unblocked": sum(x["got_status"] == x["status"] for x in unblocked) / len(unblocked),
        "unblocked": len(unblocked),
        "code_accuracy": sum(x["got_code"] == x["code"] for x in results) / n,
        "contradicted_precision": (sum(x["truth"] in FALSE for x in contradicted) / len(contradicted)) if contradicted else None,
        "false_supported": [x["id"] for x in results if x["truth"] in FALSE and x["got_status"] == "supported"],
        "by_truth": {t: f"{sum(ok)}/{len(ok)}" for t, ok in sorted(by_truth.items())},
        "by_topic": dict(Counter(x["id"].split("-")[0] for x in results)),
        "errors": [
            {k: x[k] for k in ("id", "truth", "status", "code", "got_status", "got_code", "message")} | ({"blocked": x["blocked"]} if "blocked" in x else {})
            for x in results if x["got_status"] != x["status"] or x["got_code"] != x["code"]
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every row whose status or code differs")
    args = parser.parse_args(argv)
    result = evaluate()
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    cp = result["contradicted_precision"]
    print(f"claims                  {result['claims']} ({', '.join(f'{k} {v}' for k, v in result['by_topic'].items())})")
    print(f"accuracy (status)       {result['accuracy']:.3f}")
    print(f"  without blocked rows  {result['accuracy_unblocked']:.3f} ({result['unblocked']} rows)")
    print(f"code accuracy           {result['code_accuracy']:.3f}")
    print(f"contradicted precision  {'n/a' if cp is None else f'{cp:.3f}'}")
    print(f"false judged supported  {len(result['false_supported'])} {result['false_supported'] or ''}")
    print("by truth                " + ", ".join(f"{k} {v}" for k, v in result["by_truth"].items()))
    if args.errors or result["errors"]:
        for e in result["errors"]:
            why = f"  [{e['blocked']}]" if "blocked" in e else ""
            print(f"  {e['id']}: expected {e['status']}/{e['code']}, got {e['got_status']}/{e['got_code']}{why}\n      {e['message']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
