"""Absolute links (the plan's address on its page and in its PDF, the API's Location)."""

from __future__ import annotations

from typing import Any

from flask import current_app, request, url_for


def external_url(endpoint: str, **values: Any) -> str:
    """The absolute address of `endpoint`: under PUBLIC_URL when it is set, else the request's.

    The Host header is the client's to choose: without PUBLIC_URL, anyone can make the page
    (and the PDF a person keeps) point at their own site, so deployments set it.
    """
    base = current_app.config.get("PUBLIC_URL")
    if not base:
        return url_for(endpoint, _external=True, **values)
    path = url_for(endpoint, **values)
    # PUBLIC_URL is the address of the app's root, which already includes any mount point.
    if request.script_root and path.startswith(request.script_root):
        path = path[len(request.script_root) :]
    return str(base).rstrip("/") + path


def base_url() -> str:
    """What the absolute links of a page depend on (part of a cached page's key)."""
    return str(current_app.config.get("PUBLIC_URL") or request.host_url)


def location_url(endpoint: str, **values: Any) -> str:
    """A Location header: absolute under PUBLIC_URL, else relative to the address the client
    used (which stays right behind any proxy and never repeats the Host header)."""
    if current_app.config.get("PUBLIC_URL"):
        return external_url(endpoint, **values)
    return url_for(endpoint, **values)
