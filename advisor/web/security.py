"""Security headers on every response, private pages kept out of caches, and rate limits."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from flask import Flask, Response, abort, make_response, request
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


# Sent only over HTTPS (a browser ignores it over HTTP): two years, the usual preload value.
STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"
BODY_METHODS = frozenset(("POST", "PUT", "PATCH", "DELETE"))


def add_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
    return response


def refuse_overlong_streams() -> None:
    """413 for a body sent without Content-Length (chunked) that reaches MAX_CONTENT_LENGTH.

    Werkzeug stops reading such a body at the limit without a word, so the JSON or form
    parsed from it is merely cut short and answered 400 or 422 as if the client had erred in
    its content. Reading it here (the form parsers then use these bytes) tells the two apart.
    """
    limit = request.max_content_length
    if request.method not in BODY_METHODS or request.content_length is not None or not limit:
        return
    if len(request.get_data(cache=True)) >= limit:
        abort(413)


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


# The routes that cost the most, with the setting that limits each and the methods it counts:
# a plan computed and saved, a long text scanned, a PDF drawn. The form's posts share one
# budget (a person sends two to four of them to get one plan).
EXPENSIVE_ROUTES = (
    (
        "FORM_RATE_LIMIT",
        ("profile.assess", "profile.revise", "profile.create", "teams.create"),
        ["POST"],
    ),
    ("EXTRACT_RATE_LIMIT", ("articles.extract",), ["POST"]),
    ("PDF_RATE_LIMIT", ("plans.download_pdf", "teams.download_pdf"), ["GET"]),
)


def limit_expensive_routes(app: Flask, limiter: Limiter) -> None:
    """Wrap each expensive view in its limit, counted in the limiter's (possibly shared) store.

    Called once the blueprints are registered: the limit wraps the app's own view function, so
    two apps in one process (tests) never share a limit.
    """
    for setting, endpoints, methods in EXPENSIVE_ROUTES:
        limit = limiter.shared_limit(
            lambda setting=setting: str(app.config[setting]),  # type: ignore[misc]
            scope=setting.lower(),
            methods=methods,
        )
        for endpoint in endpoints:
            view = cast(Callable[..., ResponseReturnValue], app.view_functions[endpoint])
            app.view_functions[endpoint] = limit(view)


def init_app(app: Flask) -> Limiter:
    """Headers on every response, and the limiter (its store: RATELIMIT_STORAGE_URI)."""
    app.after_request(add_headers)
    app.before_request(refuse_overlong_streams)
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    # A breach raises 429, which the error handlers answer in JSON under /api/.
    limiter = Limiter(get_remote_address, app=app, storage_uri=app.config["RATELIMIT_STORAGE_URI"])
    # The limits wrapped around views hold the limiter weakly; a disabled limiter is not kept
    # by Flask-Limiter itself, so the app keeps it.
    app.extensions["advisor.limiter"] = limiter
    return limiter
