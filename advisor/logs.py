"""What must never reach a log: plan tokens (they are the only key to a person's data)."""

from __future__ import annotations

import re

TOKEN_IN_PATH = re.compile(r"(/plans/)[A-Za-z0-9_-]{16,}")


def redact(text: str) -> str:
    """`/plans/Xy…/reassess` → `/plans/…/reassess`: the shape of the request, not its key."""
    return TOKEN_IN_PATH.sub(r"\1…", text)
