"""The pages a person sees: the submission page at `/` and the error page a
browser gets instead of problem JSON. Self-contained (no script, no external
asset), rendered by Jinja2 with autoescape on."""

from __future__ import annotations

from starlette.requests import Request

from .. import __version__
from ..phrases import SUPPORTED
from ..read.files import ARTICLE_SUFFIXES

# Sent as a header with every page (and with the HTML reports): nothing may
# load or run, forms may only post back here, no other site may frame it.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
PAGE_HEADERS = {"Content-Security-Policy": CSP, "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"}


def render_index(*, recent, token_required: bool, max_body_bytes: int) -> str:
    return _environment().get_template("index.html.j2").render(
        recent=recent,
        token_required=token_required,
        languages=SUPPORTED,
        accept=",".join(ARTICLE_SUFFIXES),
        suffixes=", ".join(ARTICLE_SUFFIXES),
        max_body=_size(max_body_bytes),
        version=__version__,
    )


def render_problem(title: str, status: int, detail: str) -> str:
    return _environment().get_template("problem.html.j2").render(title=title, status=status, detail=detail)


def wants_html(request: Request) -> bool:
    """Whether the client ranks HTML above JSON (a browser navigating or
    submitting a form; API clients send */* or application/json)."""
    ranks: dict[str, float] = {}
    for part in request.headers.get("accept", "").split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranks[media.lower()] = q
    html = ranks.get("text/html", 0.0)
    return html > 0 and html >= max(ranks.get("application/json", 0.0), ranks.get("application/problem+json", 0.0))


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} kB"


def _environment():
    from ..render.html import templates

    return templates("verifier.service")
