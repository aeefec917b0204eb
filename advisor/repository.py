"""Queries: functions that take a session (keyword-only) and return values or table rows."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session


def database_answers(*, session: Session) -> bool:
    """True when a trivial query round-trips; used by the health check."""
    answer: object = session.execute(text("SELECT 1")).scalar_one()
    return answer == 1
