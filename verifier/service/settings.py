"""What a running service is allowed to do, fixed when it starts.

Everything is server-side: a request can choose the text and its metadata,
never a source, a URL or a limit. The token is read from the environment
only (a command-line argument would show in `ps` and shell history).
Uvicorn's worker processes rebuild the settings from the environment, so
`from_env` is the one place they are read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from ..errors import ConfigError

TOKEN_ENV = "VERIFIER_TOKEN"
# name in the environment -> field; `verifier serve` sets them for its workers.
ENV = {
    "VERIFIER_DB": "db",
    "VERIFIER_MAX_BODY": "max_body_bytes",
    "VERIFIER_CHECK_TIMEOUT": "check_timeout_s",
    "VERIFIER_CONCURRENCY": "concurrency",
    "VERIFIER_MAX_PENDING": "max_pending",
    "VERIFIER_SERVE_SOURCES": "sources",
    "VERIFIER_ISOLATION": "isolation",
}
DEFAULT_DB = Path("reports") / "checks.sqlite3"


class ServiceSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db: Path = Field(default=DEFAULT_DB, description="SQLite file the reports are kept in")
    token: SecretStr | None = Field(default=None, description="bearer token required on writes; None: writes are open")
    max_body_bytes: int = Field(default=2_000_000, gt=0, description="largest request body accepted (413 above it)")
    check_timeout_s: float = Field(default=60.0, gt=0, description="longest a check may wait and run before the request gets a 504")
    # Extraction is CPU-bound: more checks at once than cores only add contention.
    concurrency: int = Field(default_factory=lambda: os.cpu_count() or 2, gt=0, description="checks running at once")
    isolation: Literal["process", "thread"] = Field(
        default="process", description="where checks run: worker processes (no GIL contention with the server) or threads"
    )
    max_pending: int = Field(default=64, gt=0, description="checks running or queued before new ones get a 503")
    sources: list[str] | None = Field(default=None, description="source ids to use (None: the project's config, else the enabled sources)")


def from_env(environ: dict[str, str] | None = None, **overrides) -> ServiceSettings:
    """Settings from VERIFIER_* variables, then `overrides` (None values ignored)."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for name, key in ENV.items():
        if environ.get(name):
            values[key] = environ[name].split(",") if key == "sources" else environ[name]
    if environ.get(TOKEN_ENV):
        values["token"] = environ[TOKEN_ENV]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return ServiceSettings.model_validate(values)
    except ValidationError as exc:
        item = exc.errors()[0]
        key = str(item["loc"][0]) if item["loc"] else "settings"
        name = next((n for n, k in ENV.items() if k == key), key)
        raise ConfigError(f"{name}: {item['msg']}") from None


def to_env(settings: ServiceSettings) -> dict[str, str]:
    """The variables `from_env` reads back into `settings` (the token aside:
    it is already in the environment, the only place it may come from)."""
    env = {}
    for name, key in ENV.items():
        value = getattr(settings, key)
        if value is not None:
            env[name] = ",".join(value) if key == "sources" else str(value)
    return env
