"""What must never reach a log: plan tokens (the only key to a person's data) and what people
typed (which exception messages quote). One filter does it, on every handler the entry points
(`advisor serve`, `advisor.wsgi`, gunicorn's configuration) set up; the app factory sets up no
logging of its own."""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterator
from types import TracebackType
from typing import TextIO
from urllib.parse import unquote

# Any number of slashes and any letter case: the router redirects `/plans//<t>`, and a client
# may type anything, but the request line is logged before either happens.
TOKEN_IN_PATH = re.compile(r"/+plans/+[A-Za-z0-9_-]{16,}", re.IGNORECASE)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Percent-decoding rounds: enough for a token encoded twice (`%2569` → `%69` → `i`).
DECODING_ROUNDS = 3

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def redact(text: str) -> str:
    """`/plans/Xy…/reassess` → `/plans/…/reassess`: the shape of the request, not its key.

    Tokens are found after percent-decoding (`/plans/%69DJ…` reaches the same plan), so a line
    holding one is logged decoded; a line without one is left exactly as it was.
    """
    plain = _percent_decoded(text)
    if not TOKEN_IN_PATH.search(plain):
        return text
    return TOKEN_IN_PATH.sub("/plans/…", plain)


def _percent_decoded(text: str) -> str:
    for _ in range(DECODING_ROUNDS):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def exception_summary(error: BaseException) -> str:
    """The traceback of `error` and of its causes with each exception's type, not its message.

    Messages quote values (`invalid literal for int() with base 10: '<token>'`); the frames
    and the type say where and what went wrong without them.
    """
    lines: list[str] = []
    for exception in reversed(list(_chain(error))):
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_tb(exception.__traceback__))
        kind = type(exception)
        module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
        lines.append(f"{module}{kind.__qualname__} (message not logged)\n")
    return redact("".join(lines).rstrip("\n"))


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        cause = current.__cause__
        current = (
            cause if cause is not None or current.__suppress_context__ else current.__context__
        )


class RedactingFilter(logging.Filter):
    """Rewrites each record before any handler formats it: tokens out of the message and the
    stack, exceptions reduced to their tracebacks and types."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed call must still be logged, not crash the caller
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = exception_summary(record.exc_info[1])
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


REDACTING_FILTER = RedactingFilter()


def configure(level: str, stream: TextIO | None = None) -> logging.Handler:
    """Send every record at `level` or above to standard error (or `stream`), redacted.

    Replaces the handler an earlier call installed, and puts the filter on every handler
    already attached anywhere (gunicorn's, for one) and on logging's last-resort handler.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "advisor_handler", False)]:
        root.removeHandler(old)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.advisor_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    protect_all_handlers()
    return handler


def protect_all_handlers() -> None:
    """The redacting filter on every handler of every logger known so far."""
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", []):
            handler.addFilter(REDACTING_FILTER)
    if logging.lastResort is not None:
        logging.lastResort.addFilter(REDACTING_FILTER)
