"""Error pages: a page in the person's language, never a stack trace; JSON for the API."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask, Response, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from advisor.logs import exception_summary, redact

log = logging.getLogger(__name__)
PAGES = {404: "errors/404.html", 429: "errors/429.html"}


def wants_json() -> bool:
    """API paths and clients that ask for JSON get JSON errors."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def json_error(
    status: int, code: str, message: str, fields: Mapping[str, str] | None = None
) -> Response:
    """The API's one error shape: `{"error": {"code", "message", "fields"}}`."""
    response = jsonify({"error": {"code": code, "message": message, "fields": dict(fields or {})}})
    response.status_code = status
    return response


def handle_http_error(error: HTTPException) -> ResponseReturnValue:
    code = error.code or 500
    # Headers such as Allow (405) and Retry-After (429) belong to the answer whatever its body.
    kept = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    if wants_json():
        response = json_error(code, error.name.lower().replace(" ", "_"), error.description or "")
        response.headers.extend(kept)
        return response
    template = PAGES.get(code, "errors/error.html")
    return render_template(template, error=error), code, kept


def handle_unexpected(error: Exception) -> ResponseReturnValue:
    # Logged with the traceback and the type for the operator, never the message (which may
    # quote what was submitted); the person sees a plain page.
    log.error(
        "unhandled %s on %s %s\n%s",
        type(error).__name__,
        request.method,
        redact(request.path),
        exception_summary(error),
    )
    return handle_http_error(InternalServerError())


def handle_csrf_error(error: CSRFError) -> ResponseReturnValue:
    """An expired or foreign form: say so in words a person can act on."""
    if wants_json():
        return json_error(400, "csrf_failed", error.description or "CSRF check failed")
    return render_template("errors/error.html", error=error, csrf=True), 400


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
