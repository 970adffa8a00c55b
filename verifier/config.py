"""The project's settings: `verifier.toml`, or `[tool.verifier]` in `pyproject.toml`.

Found by walking up from the working directory; the nearest directory that
has either wins (verifier.toml first), so a newsroom repository configures
every run made inside it. Command-line options override the file.

```toml
lang = "fr"                 # default language, for documents that do not say
sources = ["snapshot"]      # source ids to use (default: all configured)
tolerance = 0.05            # band around hedged figures ("about", "près de")
fail_on = "warning"         # error | warning | suggestion | never
baseline = "verifier-baseline.json"  # accepted findings (`verifier baseline`), relative to this file
[levels]                    # per-code level overrides
no-metric = "info"
period-mismatch = "error"

[[overrides]]               # settings for some files only
paths = ["drafts/**/*.md"]  # globs, relative to this file's directory
lang = "en"
fail_on = "suggestion"
levels = {no-metric = "warning"}
```

An `[[overrides]]` table may set `lang`, `tolerance`, `fail_on` and
`levels` for the files its `paths` match; every table that matches applies,
in the order written, over the top-level settings (`levels` merge code by
code). Sources and the baseline are the run's, not a file's. Command-line
options still override everything.

A key the file should not have is an error naming the file and the key:
a misspelt `fail_on` silently ignored would let a broken build pass.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator
from wcmatch import glob

from .codes import CODES
from .errors import ConfigError
from .models import Level
from .phrases import SUPPORTED
from .sources import SourceDef, load_sources, select

FILENAME = "verifier.toml"
FailOn = Literal["error", "warning", "suggestion", "never"]


def _known_codes(levels: dict[str, Level]) -> dict[str, Level]:
    for code in levels:
        if code not in CODES:
            raise ValueError(f"unknown verdict code {code!r} (known: {', '.join(CODES)})")
    return levels


def _supported(lang: str) -> str:
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}: expected one of {', '.join(SUPPORTED)}")
    return lang


Lang = Annotated[str, AfterValidator(_supported)]
Levels = Annotated[dict[str, Level], AfterValidator(_known_codes)]
Tolerance = Annotated[float, Field(ge=0, lt=1)]
# Shell glob semantics, as for the patterns `verifier check` expands itself:
# `*` stays within a directory, `**` crosses them, hidden files need a dot.
_GLOB_FLAGS = glob.GLOBSTAR | glob.BRACE


class FileSettings(BaseModel):
    """What the configuration says for one file, overrides applied (None: not set)."""

    model_config = ConfigDict(frozen=True)

    lang: str | None = None
    tolerance: float | None = None
    fail_on: FailOn | None = None
    levels: dict[str, Level] = Field(default_factory=dict)


class Override(BaseModel):
    """One `[[overrides]]` table: settings for the files `paths` match."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paths: list[str] = Field(min_length=1, description="glob patterns, relative to the config file's directory")
    lang: Lang | None = None
    tolerance: Tolerance | None = None
    fail_on: FailOn | None = None
    levels: Levels = Field(default_factory=dict)

    @field_validator("paths")
    @classmethod
    def _relative_patterns(cls, paths: list[str]) -> list[str]:
        for pattern in paths:
            if not pattern.strip():
                raise ValueError("empty pattern")
            # A pattern is matched against paths relative to the config file;
            # an absolute one could never match, and would fail silently.
            if pattern.startswith("/") or Path(pattern).is_absolute():
                raise ValueError(f"{pattern!r} is absolute; write it relative to the config file's directory")
        return paths

    def matches(self, relative: str) -> bool:
        return glob.globmatch(relative, self.paths, flags=_GLOB_FLAGS)


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: Lang | None = None
    sources: list[str] | None = Field(default=None, min_length=1)
    tolerance: Tolerance | None = None
    fail_on: FailOn | None = None
    levels: Levels = Field(default_factory=dict)
    baseline: str | None = Field(default=None, min_length=1)
    overrides: list[Override] = Field(default_factory=list)

    # Where the settings came from, for later error messages; None = defaults.
    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def root(self) -> Path:
        """The directory relative paths in the settings start from."""
        return self._path.parent if self._path else Path.cwd()

    @property
    def baseline_path(self) -> Path | None:
        """The baseline file, relative to the directory of the file that names it."""
        if self.baseline is None:
            return None
        return self.root / self.baseline

    def for_file(self, path: str) -> FileSettings:
        """The settings for the document read from `path` (as given on the
        command line): the top-level ones, then each matching override in turn."""
        merged = FileSettings(lang=self.lang, tolerance=self.tolerance, fail_on=self.fail_on, levels=self.levels)
        relative = self._relative(path) if self.overrides else None
        if relative is None:
            return merged
        for override in self.overrides:
            if override.matches(relative):
                merged = FileSettings(
                    lang=override.lang or merged.lang,
                    tolerance=merged.tolerance if override.tolerance is None else override.tolerance,
                    fail_on=override.fail_on or merged.fail_on,
                    levels=merged.levels | override.levels,
                )
        return merged

    def _relative(self, path: str) -> str | None:
        """`path` relative to the config's directory, None for stdin or a file outside it."""
        if path == "-" or path.startswith("<"):
            return None
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None


def find(start: Path | None = None) -> Path | None:
    """The nearest verifier.toml, or pyproject.toml with a [tool.verifier]
    table, in `start` (default: the working directory) or above it."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / FILENAME
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "verifier" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load(path: Path | None = None) -> Config:
    """The settings in `path`, else in the file `find()` finds, else defaults."""
    path = path or find()
    if path is None:
        return Config()
    raw = _read(path)
    prefix = ""
    if path.name == "pyproject.toml":
        raw, prefix = raw.get("tool", {}).get("verifier", {}), "tool.verifier."
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {_describe(exc, prefix)}") from None
    config._path = path
    return config


def run_sources(config: Config, ids: list[str] | None = None) -> dict[str, SourceDef]:
    """The sources a run uses: `ids` (command line, server settings), else the
    config's `sources`, else the enabled ones. A config naming an unknown
    source fails here, naming the file and key, before any document is read."""
    available = load_sources()
    key = "tool.verifier.sources" if config.path and config.path.name == "pyproject.toml" else "sources"
    for sid in config.sources or ():
        if sid not in available:
            raise ConfigError(f"{config.path}: {key}: unknown source {sid!r} (known: {', '.join(sorted(available))})")
    return select(available, ids or config.sources)


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _describe(error: ValidationError, prefix: str) -> str:
    item = error.errors()[0]
    key = prefix + _key(item["loc"])
    if item["type"] == "extra_forbidden":
        return f"unknown key {key!r}"
    message = item["msg"].removeprefix("Value error, ")
    more = f" (and {len(error.errors()) - 1} more)" if len(error.errors()) > 1 else ""
    return f"{key}: {message}{more}"


def _key(loc: tuple) -> str:
    """A validation error's location as a key path: ("overrides", 0, "lang")
    -> "overrides[1].lang", counting tables as a reader of the file does."""
    key = ""
    for part in loc:
        key += f"[{part + 1}]" if isinstance(part, int) else f"{'.' if key else ''}{part}"
    return key
