"""One report, many renderings: a registry of format name -> renderer.

Every renderer takes `(report, documents, **options)` and returns the whole
output as a string. rich and jinja2 are imported inside the renderers, so that
importing this package (e.g. for `--format json`) costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import ConfigError
from ..models import Document, Report

Renderer = Callable[..., str]


def _json(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    return report.model_dump_json(indent=2)


def _cli(report: Report, documents: Mapping[str, Document] | None = None, *, color: bool = False, **options: Any) -> str:
    from .cli import render as render_cli

    return render_cli(report, documents, color=color, **options)


def _html(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    from .html import render as render_html

    return render_html(report, documents)


RENDERERS: dict[str, Renderer] = {
    "json": _json,
    "cli": _cli,
    "html": _html,
}


def render(report: Report, fmt: str, documents: Mapping[str, Document] | None = None, **options: Any) -> str:
    """Render `report` as `fmt`; `documents` (keyed by path) lets the HTML
    report show the article text around each claim."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        known = ", ".join(sorted(RENDERERS))
        raise ConfigError(f"unknown output format {fmt!r} (known: {known})") from None
    return renderer(report, documents or {}, **options)
