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
```

A key the file should not have is an error naming the file and the key:
a misspelt `fail_on` silently ignored would let a broken build pass.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from .codes import CODES
from .errors import ConfigError
from .models import Level
from .sources import SourceDef, load_sources

FILENAME = "verifier.toml"
FailOn = Literal["error", "warning", "suggestion", "never"]


class Config(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: str | None = None
    sources: list[str] | None = Field(default=None, min_length=1)
    tolerance: float | None = Field(default=None, ge=0, lt=1)
    fail_on: FailOn | None = None
    levels: dict[str, Level] = Field(default_factory=dict)
    baseline: str | None = Field(default=None, min_length=1)

    # Where the settings came from, for later error messages; None = defaults.
    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def baseline_path(self) -> Path | None:
        """The baseline file, relative to the directory of the file that names it."""
        if self.baseline is None:
            return None
        return (self._path.parent if self._path else Path.cwd()) / self.baseline

    @field_validator("levels")
    @classmethod
    def _known_codes(cls, levels: dict[str, Level]) -> dict[str, Level]:
        for code in levels:
            if code not in CODES:
                raise ValueError(f"unknown verdict code {code!r} (known: {', '.join(CODES)})")
        return levels

    @field_validator("lang")
    @classmethod
    def _supported(cls, lang: str | None) -> str | None:
        from .extract.lexicon import SUPPORTED

        if lang is not None and lang not in SUPPORTED:
            raise ValueError(f"unsupported language {lang!r}: expected one of {', '.join(SUPPORTED)}")
        return lang


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


def select_sources(config: Config) -> dict[str, SourceDef] | None:
    """The source definitions the config names (None: use them all)."""
    if config.sources is None:
        return None
    available = load_sources()
    key = "tool.verifier.sources" if config.path and config.path.name == "pyproject.toml" else "sources"
    for sid in config.sources:
        if sid not in available:
            raise ConfigError(f"{config.path}: {key}: unknown source {sid!r} (known: {', '.join(sorted(available))})")
    return {sid: available[sid] for sid in config.sources}


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
    key = prefix + ".".join(str(part) for part in item["loc"])
    if item["type"] == "extra_forbidden":
        return f"unknown key {key!r}"
    message = item["msg"].removeprefix("Value error, ")
    more = f" (and {len(error.errors()) - 1} more)" if len(error.errors()) > 1 else ""
    return f"{key}: {message}{more}"
