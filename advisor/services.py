"""Use cases shared by the web views and the CLI; collaborators are passed in, never looked up."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from advisor import repository


@dataclass(frozen=True)
class Health:
    """What `/healthz` reports: whether the database answered, and why not if it did not."""

    database_ok: bool
    detail: str = "ok"


def check_health(*, session: Session) -> Health:
    """Ask the database a trivial question; a failure is reported, not raised."""
    try:
        ok = repository.database_answers(session=session)
    except SQLAlchemyError as error:
        return Health(database_ok=False, detail=type(error).__name__)
    return Health(database_ok=ok, detail="ok" if ok else "unexpected answer")
