"""Security headers on every response, private pages kept out of caches, and rate limits."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, Response, make_response
from flask.typing import ResponseReturnValue
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# No inline script or style anywhere: the pages work without JavaScript.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Plan links carry their secret token: never send them to the sites a plan links to.
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def no_store(response: Response) -> Response:
    """Keep a response out of every cache (browser, proxy, back/forward history).

    Everything a plan token leads to shows what a person entered; a shared computer's cache or
    a proxy must not keep a copy once the page is closed or the plan erased.
    """
    response.headers["Cache-Control"] = "no-store"
    return response


def private(view: Callable[..., ResponseReturnValue]) -> Callable[..., Response]:
    """A view whose answers carry or lead to a plan token: `no_store` on each of them."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Response:
        return no_store(make_response(view(*args, **kwargs)))

    return wrapped


def init_app(app: Flask) -> Limiter:
    """Headers on every response, and the limiter (its store: RATELIMIT_STORAGE_URI)."""
    app.after_request(add_headers)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # A breach raises 429, which the error handlers answer in JSON under /api/.
    return Limiter(get_remote_address, app=app, storage_uri=app.config["RATELIMIT_STORAGE_URI"])
