"""The catalogue of verdict codes: each code has one status, a default level,
a one-line summary and the template its verdict messages are written from.

The level decides the exit code (`fail_on`); users may override it per code
later, so nothing else should hard-code which statuses fail a run.
`docs/codes.md` is generated from this table (`python -m verifier.codes`) and
a test keeps the two identical.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Claim, Evidence, Interval, Level, Status, Verdict

LEVELS: tuple[Level, ...] = ("info", "suggestion", "warning", "error")


@dataclass(frozen=True)
class Code:
    code: str
    status: Status
    level: Level
    summary: str
    template: str

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.template) if name)

    def message(self, **fields: object) -> str:
        return self.template.format(**fields)


# Fields the templates share: `claimed` is the text's figure in its own unit and
# scale, `interval` the values it accepts, `who` the publisher, `observed` the
# source's figure converted to the claim's unit, `period` the period it is for,
# `note` a trailing sentence (a conversion, a revision allowance) or "".
_SAID = "Article: {claimed} ({interval})."
_SEEN = "{who}: {observed}, {period}."

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("supported", "supported", "info",
             "The source's figure lies within the claim's interval.",
             f"{_SAID} {_SEEN}{{note}}"),
        Code("rank-supported", "supported", "info",
             "The ranking holds among every entity the source holds for the period, and no missing entry could change it.",
             "{ranking}{detail}"),
        Code("rounding", "supported", "suggestion",
             "The figure holds within the precision it is written with, but its wording points the wrong way "
             "(\"nearly 100\" for 100.9, \"more than 218 bn\" for 217.96 bn).",
             f"{_SAID} {_SEEN} {{why}}{{note}}"),
        Code("newer-data", "supported", "warning",
             "The figure matches what the source published earlier; the source has revised or superseded it since.",
             f"{_SAID} {{who}} gave {{old}} for {{period}} ({{old_vintage}}); it now gives {{observed}} ({{vintage}}).{{note}}"),
        Code("value-mismatch", "contradicted", "error",
             "The source's figure for the same series, places and period lies outside the claim's interval.",
             f"{_SAID} {_SEEN} The text is {{gap}} {{side}} the source.{{note}}"),
        Code("period-mismatch", "contradicted", "error",
             "The figure is wrong for the period the text gives, but right for another period of the same series (named).",
             f"{_SAID} {_SEEN} The text's figure is the one for {{other_period}} ({{other_observed}}).{{note}}"),
        Code("rank-mismatch", "contradicted", "error",
             "The source ranks the entity differently for the period.",
             "{ranking}{detail}"),
        Code("inconsistent", "contradicted", "error",
             "The figure contradicts other figures stated in the same document "
             "(a change and its two levels, parts and their total, a rank and the figures given).",
             "{stated} But the text also gives {others}, which make it {implied}."),
        Code("context-mismatch", "unverifiable", "warning",
             "The source's figure would contradict the claim, but the claim's places or period come from earlier in the text, "
             "not from its own sentence: the reading, not the text, may be what is wrong.",
             "Read with {where}, taken from the text around the figure: {stated} The figure is not called wrong on a reading its own sentence does not state."),
        Code("sources-disagree", "unverifiable", "warning",
             "Two records of the same bilateral flow and period disagree beyond the claim's interval (the reporter's own "
             "figure and its partner's mirror figure), and the claim matches the one not preferred.",
             f"{_SAID} For {{period}} the two sides' records disagree: {{own}}, outside the interval; {{mirror}}, within it. {{why}}{{note}}"),
        Code("rank-incomplete", "unverifiable", "warning",
             "The source's table is incomplete and entries it lacks could change the rank.",
             "{ranking}{detail}"),
        Code("period-unavailable", "unverifiable", "warning",
             "The source holds the series, but not for the claim's exact period (a year-to-date claim is never checked against a full year).",
             "{who} has no figure for exactly {period}; nearest periods: {nearest}.{note}"),
        Code("within-revisions", "unverifiable", "warning",
             "The change computed from the two published levels is not the text's; only revisions of the levels as large "
             "against the change as the change itself would reconcile them, so the check says nothing either way.",
             f"{_SAID} {_SEEN} {{why}}{{note}}"),
        Code("bound-far", "unverifiable", "warning",
             "The source's figure meets the text's bound only by far (more than twice it, or under half of it): a bound is "
             "stated near the figure it bounds, so the text is most likely about another quantity than this series.",
             f"{_SAID} {_SEEN} A bound is stated near the figure it bounds; one met this far is most likely about another "
             "quantity than this series, so it is not taken as confirmed.{note}"),
        Code("revised-since", "unverifiable", "warning",
             "The source's current figure differs from the text's by less than such estimates move when revised after their "
             "first release, and the text was published before the source's edition: it may quote the edition of its day.",
             "{stated} Such estimates are revised by up to {band} in the years after their first release, and the text "
             "(published {published}) predates the edition used (retrieved {retrieved}): it may quote an earlier edition, so it is not called wrong."),
        Code("ambiguous-claim", "unverifiable", "warning",
             "The text can be read in more than one way and the readings disagree with each other against the source "
             "(a change in % of a rate that holds only as percentage points).",
             "{stated} {readings}"),
        Code("unit-mismatch", "unverifiable", "warning",
             "The source's unit cannot be compared with the claim's: another dimension, or no conversion rate for the period.",
             "The text states {claimed}; {who} gives {observed}, and {reason}."),
        Code("measure-mismatch", "unverifiable", "warning",
             "The text states another measure of the indicator than the source's series: real against nominal, per capita, "
             "a futures contract against a spot price, a labour force against a population.",
             "The text states {what} (\"{cue}\"); the closest series, {title}, measures something else, so the figure is not set against it."),
        Code("cited-source-differs", "unverifiable", "warning",
             "The figure does not match the source's, but the text cites a publisher no configured source serves, "
             "whose definition of the quantity may differ.",
             "{stated} The text cites {cited}, whose figures no configured source holds; publishers define and revise "
             "such figures differently, so it is not called wrong."),
        Code("not-asserted", "unverifiable", "suggestion",
             "The text does not state the figure as a fact: it is a target, a forecast, a plan, a cap, a condition or a negation, "
             "which no source's record of what happened can confirm or contradict.",
             "The text gives this figure as {what} (\"{cue}\"), not as an outcome; it is not set against the sources' figures."),
        Code("not-checked", "unverifiable", "suggestion",
             "verifier extracts this kind of claim but cannot judge it in this form yet.",
             "{reason}"),
        Code("no-metric", "unverifiable", "suggestion",
             "The claim's figure names no indicator any source serves.",
             "No statistical series is known for {what} (\"{text}\"); it needs a human check."),
        Code("no-period", "unverifiable", "warning",
             "The claim states no period and none could be inferred.",
             "The text gives no period for this figure and none could be inferred."),
        Code("no-evidence", "unverifiable", "warning",
             "No configured source holds this series for these places and periods.",
             "{reason}"),
        Code("source-unavailable", "unverifiable", "warning",
             "The source failed to answer.",
             "{reason}"),
    )
}


def verdict(
    claim: Claim, document: str, code: str, evidence: Sequence[Evidence] = (), window: Interval | None = None, **fields
) -> Verdict:
    """A verdict whose message is the code's template filled with `fields`."""
    entry = CODES[code]
    return Verdict(
        claim=claim,
        document=document,
        status=entry.status,
        code=code,
        level=entry.level,
        message=entry.message(**fields),
        interval=window,
        evidence=list(evidence),
    )

#: The sentences a verdict's message may end with, after its code's own
#: template: which source the text cites and whether its figures were used
#: (`verifier.judge.notes`), and what monthly figures were missing from a sum.
#: `instead` is "." or the `checked-instead` clause.
ENDINGS: dict[str, str] = {
    "cited-used": " The text cites {quoted}: its figures were used.",
    "cited-failed": " The text cites {quoted}, which did not answer{instead}",
    "cited-no-figure": " The text cites {quoted}, which has no figure for this claim{instead}",
    "cited-not-in-run": " The text cites {quoted}, a source this run does not use (add --sources {flag}){instead}",
    "cited-no-series": " The text cites {quoted}, but no series of it for {what} is defined{instead}",
    "cited-unknown": " The text attributes the figure to {quoted}, none of the configured sources{instead}",
    "own-statistics-used": " The text cites {country}'s own statistics (\"{attribution}\"): {country}'s figures were used.",
    "own-statistics": " The text cites {country}'s own statistics (\"{attribution}\").",
    "checked-instead": "; checked against {who} instead.",
    "months-missing": " Monthly figures do not cover the period: {gaps}.",
    "from-context": " Not stated in the figure's own sentence, taken from the text: {where}.",
    "matches-other-period": " The text's figure matches the one for {period} ({observed}).",
    "to-date-read": " The text gives a running total to its publication date without saying to which month: read as {period}, "
                    "the latest months {who} had reported by then that match it.",
    "to-date-open": " The text gives a running total to its publication date without saying to which month, and none of these matches.",
}

#: Findings about the document rather than a claim (`Note`), by code.
NOTES: dict[str, str] = {
    "unused-ignore": "'verifier: ignore {codes}' ignored nothing: the paragraph after it has no {alternatives} verdict ({found}).",
}


def ending(key: str, **fields: object) -> str:
    return ENDINGS[key].format(**fields)


def markdown() -> str:
    """docs/codes.md: the catalogue as people read it."""
    from .tolerances import (
        DEFAULT_CHANGE_ALLOWANCE,
        DEFAULT_CONVERSION_TOLERANCE,
        DEFAULT_TOLERANCE,
        FUTURES_BASIS,
        ROUNDING_SLACK,
        SAME_ORDER,
    )

    lines = [
        "# Verdict codes",
        "",
        "Generated from `verifier/codes.py` by `python -m verifier.codes > docs/codes.md`;",
        "`tests/test_codes.py` fails when the two differ. Every verdict has one code; the",
        "code fixes its status and default level. `--fail-on LEVEL` makes the exit code 1",
        "when any verdict is at or above LEVEL (levels, lowest first: "
        + ", ".join(f"`{level}`" for level in LEVELS) + ").",
        "",
        "## Intervals and tolerances",
        "",
        "- A figure accepts the interval its written digits imply: \"218.2 bn\" accepts 218.15–218.25 bn;",
        "  an integer's trailing zeros are read as rounding, never wider than 5 %.",
        f"- A hedged figure (\"about\", \"près de\", \"rund\") is widened by a relative tolerance, default "
        f"{DEFAULT_TOLERANCE:.0%} (`--tolerance`).",
        "- Bounds (\"more than\", \"at least\") open the interval on one side; a source figure on the wrong side of",
        "  the bound but within the digits' precision is `rounding`, not a contradiction.",
        "- A hedge that promises \"just under\" (\"nearly\", \"presque\", \"casi\", \"knapp\"; `verifier/judge/hedges.toml`) is",
        f"  `rounding` when the source exceeds the figure by more than {ROUNDING_SLACK:.1%}.",
        f"- A figure converted from another currency (ECB reference rates, averaged over the period) "
        f"or from tonnes of crude to barrels is approximate: it supports the text only within the text's own digits, and "
        f"within {3 * DEFAULT_CONVERSION_TOLERANCE:.0%} outside them it is `unit-mismatch` (the text's own rate or factor "
        f"may be all that differs); the message says so.",
        f"- A level more than {SAME_ORDER:g} times, or under 1/{SAME_ORDER:g}, the source's (a change's growth factor the same) is",
        "  `measure-mismatch`: news misstates a figure by a digit or a year, so one that far off is most likely another quantity.",
        "  A bound met by more than twice (\"more than $1 trillion\" for 27 trillion) is `bound-far`.",
        "- GDP and population are revised for years, and national counts define them otherwise: a text published before the",
        "  source's edition that is off by less than the indicator's `revised_within` (GDP 5 %, population 3 %) is `revised-since`.",
        "- A market price (Brent, WTI) not said to be spot is the futures': a day's quote is never set against the",
        "  spot close (`measure-mismatch`); over a month or a year it is a contradiction only when the text says average",
        f"  and the spot mean lies more than {FUTURES_BASIS:.0%} (the futures-spot basis) outside the figure's interval.",
        "- A month's or a year's exchange rate is an average publishers take differently (a daily fixing, a noon buying",
        "  rate): the interval is widened by the indicator's `averages_differ` (0.5 % for exchange rates).",
        "- A year's consumer-price inflation not said to be the average may be December on December, as national offices",
        "  often headline it: a figure that differs from the annual average is `measure-mismatch`, never a contradiction.",
        f"- A % change computed from two published levels allows each level to differ by "
        f"{DEFAULT_CHANGE_ALLOWANCE:.2%} from the base the publisher used (revisions between releases), "
        "never enough to turn a fall into a rise, and the message shows the range that allows;",
        "  differences (in the series' unit or in percentage points) are computed exactly.",
        "",
        "## Codes",
        "",
        "| code | status | level | meaning |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| `{c.code}` | {c.status} | {c.level} | {c.summary} |" for c in CODES.values()]
    lines += [
        "", "## Message templates", "", "Fields in braces are filled by the judge; `note` and `detail` are an extra sentence or empty.",
        "",
        "When the text attributes the figure (\"selon les douanes chinoises\", \"according to Eurostat\"), the message ends",
        "with one more sentence: which source the text cites and whether its figures were used, or why not (the",
        "source is not enabled in the run, has no such series, did not answer, or has no figure for the claim) and",
        "whose figures were used instead. Sources say what texts call them in `publisher_aliases` (`sources/*.toml`).",
        "",
    ]
    for c in CODES.values():
        lines += [f"### `{c.code}`", "", "```", c.template, "```", ""]
    lines += ["## Closing sentences", "", "A verdict's message may end with one of these (see above).", "", "| key | sentence |", "| --- | --- |"]
    lines += [f"| `{key}` | `{text.strip()}` |" for key, text in ENDINGS.items()]
    lines += ["", "## Notes", "", "Findings about a document rather than a claim; a note never fails a run.", "", "| code | message |", "| --- | --- |"]
    lines += [f"| `{code}` | `{text}` |" for code, text in NOTES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
