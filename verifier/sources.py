"""Source definitions: one TOML file per source in the sources directory.

A definition says who publishes the data, under which licence, which adapter
reads it and, for offline data, how each table is laid out and which catalogue
indicator it serves, so that adding a data set is configuration, not code.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

import verifier

from .errors import ConfigError

ENV_DIR = "VERIFIER_SOURCES_DIR"


class _Def(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UnitDef(_Def):
    """How a unit as written in a table becomes a catalogue unit:
    "billion USD" -> unit "USD", scale 1e9."""

    unit: str
    scale: float = 1.0


class MetricDef(_Def):
    """Which indicator a row serves, by its metric (and flow, when given)."""

    metric: str
    flow: str | None = None
    indicator: str


class CodeSince(_Def):
    """A code a name stands for from `since` on (from the start if unset)."""

    code: str
    since: dt.date | None = None


class DatasetDef(_Def):
    """One table of offline data, possibly spread over several files read in order.

    `columns` maps the roles a layout needs (value, date, code...) to the
    table's headers. `publisher`, `url`, `license` and `vintage` may name a
    column in braces ("{source_url}"), filled from each row; `unit` may use
    "{code}", the row's first dimension value ("{code} / USD")."""

    title: str
    layout: str
    files: list[str] = Field(min_length=1)
    columns: dict[str, str]
    indicator: str | None = None
    unit: str | None = None
    scale: float = 1.0
    units: dict[str, UnitDef] = Field(default_factory=dict)
    metrics: list[MetricDef] = Field(default_factory=list)
    dimensions: list[str] = Field(default_factory=list)
    dates: str = Field(description="what a date in the table stands for: day, week (the 7 days ending on it), month, year")
    names: str | None = Field(default=None, description="how a name column becomes a code: iso3 or currency")
    codes: dict[str, str | list[CodeSince]] = Field(
        default_factory=dict, description="names resolved by hand, before any lookup; a list when the code changed over time"
    )
    publisher: str
    license: str
    url: str
    vintage: str | None = None
    retrieved: AwareDatetime
    publisher_aliases: list[str] = Field(
        default_factory=list, description="what a text calls this table's publisher (\"Chinese customs\"), for routing by attribution"
    )

    @property
    def indicators(self) -> frozenset[str]:
        """The catalogue indicators this table serves."""
        return frozenset({m.indicator for m in self.metrics} | ({self.indicator} if self.indicator else set()))


class SeriesDef(_Def):
    """How a live source serves one catalogue indicator. Which keys matter
    depends on the adapter (see each source's TOML)."""

    code: str = Field(description="the source's series: indicator code, HS code, dataset, slug, route")
    codes: dict[str, str] = Field(default_factory=dict, description="a series code per place, where the source has one series per country or currency")
    unit: str | None = Field(default=None, description="the evidence unit (default: the catalogue indicator's)")
    scale: float = Field(default=1.0, description="multiplier from the source's figure to the unit's full magnitude")
    flows: list[str] = Field(default_factory=list, description="trade flows summed into the figure: [\"M\"], [\"X\"], or both for total trade")
    measure: str | None = Field(default=None, description="which field or column holds the figure")
    params: dict[str, str | list[str]] = Field(default_factory=dict, description="fixed query parameters (filters, facets)")


class RateLimit(_Def):
    requests: int = Field(gt=0)
    per_seconds: float = Field(gt=0)


class ProbeDef(_Def):
    """The cheap request `verifier sources check` makes: one series, one place, one year."""

    series: str
    places: dict[str, str] = Field(default_factory=dict)
    year: int


class SourceDef(_Def):
    id: str
    title: str
    publisher: str
    license: str
    adapter: str
    url: str | None = None
    base_url: str | None = None
    api_key_env: str | None = None
    series: dict[str, str | SeriesDef] = Field(default_factory=dict, description="catalogue indicator -> the source's series")
    enabled: bool = Field(default=True, description="used when no --sources is given; live sources ship disabled (opt-in)")
    api_key_param: str | None = Field(default=None, description="query parameter that carries the key")
    api_key_header: str | None = Field(default=None, description="request header that carries the key")
    api_key_required: bool = False
    rate_limit: RateLimit | None = None
    concurrency: int = Field(default=4, gt=0, description="requests in flight at once")
    timeout_s: float = Field(default=30.0, gt=0)
    retries: int = Field(default=3, ge=0, description="retries after a 429, a 5xx or a network failure")
    cache_ttl_s: float = Field(default=86400.0, ge=0, description="how long a response is served from the on-disk cache")
    probe: ProbeDef | None = None
    publisher_aliases: list[str] = Field(
        default_factory=list,
        description="what a text calls this source, in every language (\"Eurostat\", \"la Banque mondiale\"): "
        "a claim attributed to one is checked against it first; the first is the name messages use",
    )
    data: Path | None = Field(default=None, description="offline data directory, relative to the definition file")
    datasets: dict[str, DatasetDef] = Field(default_factory=dict)

    # Where the definition was read from, so later errors can name the file.
    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def indicators(self) -> frozenset[str]:
        """The catalogue indicators this source serves, known without reading any data."""
        return frozenset(self.series).union(*(ds.indicators for ds in self.datasets.values()))

    def aliases_for(self, indicator: str | None = None) -> list[str]:
        """The source's publisher aliases, and those of its tables that serve `indicator`
        (of every table when None): the snapshot is GACC for trade figures
        and the World Bank for GDP."""
        tables = [ds for ds in self.datasets.values() if indicator is None or indicator in ds.indicators]
        return list(dict.fromkeys([*self.publisher_aliases, *(n for ds in tables for n in ds.publisher_aliases)]))

    def series_def(self, indicator: str) -> SeriesDef | None:
        entry = self.series.get(indicator)
        return SeriesDef(code=entry) if isinstance(entry, str) else entry

    @property
    def live(self) -> bool:
        """Whether answering needs the network (a base URL) rather than files shipped here."""
        return self.base_url is not None


def sources_dir() -> Path:
    """The directory holding `*.toml` source definitions: $VERIFIER_SOURCES_DIR,
    else the copy a wheel carries inside the package, else the repository's."""
    if env := os.environ.get(ENV_DIR):
        path = Path(env)
        if not path.is_dir():
            raise ConfigError(f"{ENV_DIR}={env}: not a directory")
        return path
    package = Path(verifier.__file__).parent
    for path in (package / "_sources", package.parent / "sources"):
        if path.is_dir():
            return path
    raise ConfigError(f"no sources directory: set {ENV_DIR}")


def load_source(path: Path) -> SourceDef:
    try:
        with path.open("rb") as f:
            raw = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    try:
        source = SourceDef.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(f"{path}: {_describe(e)}") from None
    if source.data is not None and not source.data.is_absolute():
        source = source.model_copy(update={"data": path.parent / source.data})
    source._path = path
    return source


def load_sources(directory: Path | None = None) -> dict[str, SourceDef]:
    """Every source definition in `directory` (default `sources_dir()`), by id."""
    directory = directory or sources_dir()
    found: dict[str, SourceDef] = {}
    for path in sorted(directory.glob("*.toml")):
        source = load_source(path)
        if source.id in found:
            raise ConfigError(f"{path}: id: {source.id!r} is already defined in {found[source.id].path}")
        found[source.id] = source
    return found


def select(sources: dict[str, SourceDef], ids: list[str] | None = None) -> dict[str, SourceDef]:
    """The sources a run uses: those named in `ids`, else the enabled ones."""
    if not ids:
        return {sid: s for sid, s in sources.items() if s.enabled}
    unknown = [i for i in ids if i not in sources]
    if unknown:
        raise ConfigError(f"unknown source {unknown[0]!r} (known: {', '.join(sorted(sources))})")
    return {i: sources[i] for i in dict.fromkeys(ids)}


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        key = ".".join(str(part) for part in item["loc"]) or "(top level)"
        message = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
        problems.append(f"{key}: {message}")
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return problems[0] + more

