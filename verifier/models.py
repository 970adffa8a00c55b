"""The data that flows between the stages (design §1), as frozen pydantic models.

Every model here is part of the machine-readable contract (design §4): fields
may be added, never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

SCHEMA_VERSION = "1.0"

Comparator = Literal["=", "~", ">", ">=", "<", "<="]
ClaimKind = Literal["amount", "change", "ranking", "comparison", "share", "count"]
Status = Literal["supported", "contradicted", "unverifiable"]
Level = Literal["error", "warning", "suggestion", "info"]
PlaceRole = Literal["subject", "counterpart", "rival", "destination"]
Modality = Literal["asserted", "target", "forecast", "plan", "cap", "conditional", "negated"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Where a piece of text sits in the document: character offsets into
    `Document.text` (end exclusive) and the 1-based line/column of `start`."""

    start: int
    end: int
    line: int
    column: int


class Quantity(Frozen):
    """A number as the text states it, normalised to its full magnitude.

    `precision` is the half-width implied by the digits written, in `unit`
    ("218,2 milliards" -> 5e7); the judge widens it for hedged comparators."""

    value: float
    unit: str = Field(description="ISO 4217 code for money, '%', 'pp', '' for counts, else a pint unit")
    comparator: Comparator = "="
    precision: float = 0.0


class Period(Frozen):
    """A closed interval of days (both ends inclusive) and a readable label.

    `to_date` marks a running total ("since the start of the year", "en lo que va de año"):
    it runs from `start` to the latest figures published by `end`, the publication
    date, and the text does not say which month that was."""

    start: dt.date
    end: dt.date
    label: str
    to_date: bool = False

    @model_serializer(mode="wrap")
    def _contract(self, handler: SerializerFunctionWrapHandler) -> dict:
        # The report's period is {start, end, label} (design §4); the mark is written only where it is set.
        data = handler(self)
        if not self.to_date:
            data.pop("to_date", None)
        return data

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end


class Place(Frozen):
    """A country (ISO 3166-1 alpha-3) or a World Bank aggregate code (WLD, EUU, EMU).

    `role` says what the place does in a claim: the `subject` whose figure or
    rank is stated, the `counterpart` of a bilateral flow or the market a rank
    is taken in ("China's top supplier"), the `rival` overtaken or compared with, the `destination`
    a flow was sent to by a sender the text does not name ("El país de Medio Oriente envió 85,96 Mt a China")."""

    code: str
    text: str
    role: PlaceRole | None = None


class Metric(Frozen):
    """A catalogue indicator (see `verifier.catalog`) and the words that named it."""

    id: str
    text: str


class Inherited(Frozen):
    """A field of a claim its own sentence does not state, taken from the text
    before it: the places "the two countries" points back to, the period a
    paragraph gave once, the indicator the sentence before named, the source the same figure is credited to
    elsewhere in the text (a headline's figure, credited in the body). `span` is where the text said it (null: the headline)."""

    field: Literal["places", "period", "metric", "attribution"]
    text: str
    span: Span | None = None


class Claim(Frozen):
    id: str
    kind: ClaimKind
    text: str = Field(description="the words stating the figure (or the rank)")
    sentence: str
    span: Span
    quantity: Quantity | None = None
    rank: int | None = Field(default=None, description="1 = first/top/largest")
    scope: str | None = Field(default=None, description="the region a rank is taken in, when not the world (\"Europe's largest\")")
    period: Period | None = None
    basis: Literal["year", "quarter", "month"] | None = Field(
        default=None,
        description="for a change, what it is measured against when the text says: "
        "'year' (y/y), 'quarter' (q/q), 'month' (m/m); null when unstated (read as y/y)",
    )
    places: list[Place] = Field(default_factory=list)
    metric: Metric | None = None
    attribution: str | None = None
    modality: Modality = Field(
        default="asserted",
        description="'asserted' for a figure stated as a fact; otherwise what the text makes of it "
        "(a target, a forecast, a plan, a cap, a condition or a negation), which no source can confirm",
    )
    inherited: list[Inherited] = Field(default_factory=list, description="the fields taken from earlier in the text, and where from")
    modality_cue: str | None = Field(default=None, description="the words that gave the modality (\"is expected to\", \"objectif\")")


class Ignore(Frozen):
    """An editor's `<!-- verifier: ignore CODE — reason -->`: a verdict with one
    of `codes` on a claim in the paragraph that follows (`start`..`end`, offsets
    into the text) does not fail a run, and reports show it with the reason.
    `line` is where the directive is written."""

    codes: list[str]
    reason: str
    line: int
    start: int
    end: int


class Document(Frozen):
    """An input text. `text` is the whole file as decoded, so that spans and
    line/column numbers point into the file the user has; `skipped` marks
    regions that are not checked (front matter, header line, verifier
    directives and what `verifier off` turns off); `ignores` holds the
    editor's ignore directives."""

    path: str
    text: str
    lang: str
    published: dt.date | None = None
    title: str | None = None
    skipped: list[tuple[int, int]] = Field(default_factory=list)
    ignores: list[Ignore] = Field(default_factory=list)

    def locate(self, start: int, end: int) -> Span:
        line = self.text.count("\n", 0, start) + 1
        column = start - (self.text.rfind("\n", 0, start) + 1) + 1
        return Span(start=start, end=end, line=line, column=column)


Frequency = Literal["annual", "monthly", "daily"]


class Query(Frozen):
    """What to ask one source for: one series, places by dimension (None = every
    value of that dimension, as a ranking needs), one period. `frequency` is
    the finest the claim needs (a live source asks for it; None: any)."""

    source: str
    series: str
    places: dict[str, str | None]
    period: Period
    frequency: Frequency | None = None


class Evidence(Frozen):
    """One observed value with everything needed to trace and reproduce it."""

    source: str
    series: str
    place: str
    partner: str | None = None
    period: Period
    value: float
    unit: str
    url: str
    retrieved: dt.datetime
    vintage: str | None = None
    publisher: str | None = None
    license: str | None = None
    note: str | None = None


class Interval(Frozen):
    """The range of observed values under which a claim holds (None = unbounded)."""

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True


class Verdict(Frozen):
    claim: Claim
    document: str
    status: Status
    code: str
    level: Level
    message: str
    interval: Interval | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    ignored: Ignore | None = Field(default=None, description="the editor's directive that ignores this verdict, with its reason")
    baseline: Literal["new", "unchanged"] | None = Field(
        default=None, description="against a baseline file: a finding it does not hold (new) or one it does (unchanged)"
    )


class Stats(Frozen):
    claims: int
    supported: int
    contradicted: int
    unverifiable: int
    documents: int


class RunInfo(Frozen):
    version: str
    started: dt.datetime
    duration_s: float
    sources: list[str]
    documents: list[str]
    published: dict[str, dt.date | None] = Field(default_factory=dict)
    lang: dict[str, str] = Field(default_factory=dict)


class Note(Frozen):
    """Something about a document's own markup rather than a claim: an
    `ignore` directive that ignored no verdict (`unused-ignore`). Reported at
    `level` where findings are listed; a note never fails a run."""

    document: str
    code: Literal["unused-ignore"]
    level: Level = "suggestion"
    line: int
    column: int
    message: str


class Report(Frozen):
    schema_version: str = SCHEMA_VERSION
    verdicts: list[Verdict]
    stats: Stats
    run: RunInfo
    notes: list[Note] = Field(default_factory=list, description="remarks on the documents themselves; they never fail a run")
