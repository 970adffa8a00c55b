"""One report, many renderings: a registry of format name -> renderer.

Every renderer takes `(report, documents, **options)` and returns the whole
output as a string. rich and jinja2 are imported inside the renderers, so that
importing this package (e.g. for `--format json`) costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

from ..errors import ConfigError
from ..models import Document, Report

Renderer = Callable[..., str]


def _json(report: Report, documents: Mapping[str, Document] | None = None, **_: Any) -> str:
    return report.model_dump_json(indent=2)


def _cli(report: Report, documents: Mapping[str, Document] | None = None, *, color: bool = False, **options: Any) -> str:
    from .cli import render as render_cli

    return render_cli(report, documents, color=color, **options)


def _html(report: Report, documents: Mapping[str, Document] | None = None, *, home: str | None = None, **_: Any) -> str:
    from .html import render as render_html

    return render_html(report, documents, home=home)


def _module(name: str) -> Renderer:
    """The `render` function of `verifier.render.<name>`, imported on first use."""

    def renderer(report: Report, documents: Mapping[str, Document] | None = None, **options: Any) -> str:
        return import_module(f"{__name__}.{name}").render(report, documents, **options)

    return renderer


RENDERERS: dict[str, Renderer] = {
    "cli": _cli,
    "line": _module("line"),
    "json": _json,
    "html": _html,
    "md": _module("markdown"),
    "sarif": _module("sarif"),
    "junit": _module("junit"),
    "github": _module("github"),
    "claimreview": _module("claimreview"),
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
