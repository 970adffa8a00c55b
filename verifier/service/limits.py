"""Refuse a body whose declared length is over the limit before reading any of it.

FastAPI's per-route `max_body_size` counts the bytes as they arrive (it
catches chunked bodies that lie by omission), but when the declared
Content-Length is already too large it answers with its own plain-text 413.
This middleware answers that case first, in the service's problem shape.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from .problems import problem


class DeclaredLengthLimit:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int):
        self.app, self.max_body_bytes = app, max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_body_bytes:
                response = problem(request, 413, f"request body larger than {self.max_body_bytes} bytes", {"Connection": "close"})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
