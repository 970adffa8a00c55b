"""Helpers for the service tests: an app on a throwaway database, driven
through httpx's ASGI transport (no socket, no server)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import httpx

from verifier.service import ServiceSettings, create_app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8eb3afca12c662b1.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
PROBLEM_KEYS = {"type", "title", "status", "detail"}


def settings(tmp_path: Path, **overrides) -> ServiceSettings:
    # Threads, not processes: the checks run in this process, so a test can
    # slow them down, and no worker has to start.
    values = {"db": tmp_path / "checks.sqlite3", "isolation": "thread", "concurrency": 2, **overrides}
    return ServiceSettings(**values)


@contextlib.asynccontextmanager
async def client_for(app):
    """A client for `app`, run as a server runs it: its lifespan (store,
    workers, warm-up) around the requests."""
    transport = httpx.ASGITransport(app=app)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=transport, base_url="http://verifier.test") as client:
            yield client


@contextlib.asynccontextmanager
async def service(tmp_path: Path, **overrides):
    async with client_for(create_app(settings(tmp_path, **overrides))) as client:
        yield client


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == PROBLEM_KEYS and body["status"] == status and body["detail"]
    return body
