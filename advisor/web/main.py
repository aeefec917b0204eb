"""Language switch and health check."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, jsonify, redirect, request, session
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import NotFound

from advisor.services.health import check_health
from advisor.web.context import current_store
from advisor.web.security import private

bp = Blueprint("main", __name__)


@bp.get("/language/<code>")
@private  # the page to go back to may be a plan's
def switch_language(code: str) -> ResponseReturnValue:
    """Remember the chosen language and go back to the page the switch was clicked on."""
    if code not in current_app.config["LANGUAGES"]:
        raise NotFound()
    session["lang"] = code
    return redirect(_local_path(request.args.get("next", "/")))


def _local_path(target: str) -> str:
    # Only same-site paths: a switch link must never become an open redirect.
    # Control characters (a CR/LF would split the header) and backslashes (which browsers
    # read as slashes: /\evil.example) have no place in one of our paths either.
    if not target.isprintable() or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    health = check_health(store=current_store())
    body = {"status": "ok" if health.database_ok else "error", "database": health.detail}
    return jsonify(body), 200 if health.database_ok else 503
