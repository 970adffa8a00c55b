"""verifier as an HTTP service: a thin ASGI layer over `verifier.verify`.

`create_app(settings)` builds the app; `verifier serve` runs it under
uvicorn. The service adds transport and persistence only: reading a body
into Documents (intake), running checks within bounds (runner), keeping
reports (store), one error shape (problems), and the browser page (page).
"""

from .settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]


def create_app(settings: ServiceSettings | None = None, **kwargs):
    """The ASGI app (imported lazily so that `verifier.service.settings`
    stays importable without FastAPI)."""
    from .app import create_app as build

    return build(settings, **kwargs)
