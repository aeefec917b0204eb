"""A small, thread-safe cache of rendered pages that depend only on their key."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Generic, TypeVar

from flask import current_app

Page = TypeVar("Page")


class RenderedPages(Generic[Page]):
    """Rendered pages, the most recently used kept.

    Only pages that never change for their key are kept: a saved plan's page (whose existence
    is still asked of the database on every request, so an erased plan is never served again)
    and the blank profile form (whose CSRF token is put back in per request). No two workers
    can therefore disagree on what such a page shows.
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._pages: OrderedDict[tuple[str, ...], Page] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Page | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[str, ...], page: Page) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


def pages_of(name: str, size: int = 512) -> RenderedPages[Any]:
    """The app's own cache called `name` (two apps in one process never share pages)."""
    caches: dict[str, RenderedPages[Any]] = current_app.extensions.setdefault("advisor.pages", {})
    if name not in caches:
        caches[name] = RenderedPages(size)
    return caches[name]
