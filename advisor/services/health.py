"""The health check behind `/healthz`: whether the database answers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from advisor.persistence import plans
from advisor.persistence.store import Store


@dataclass(frozen=True)
class Health:
    """Whether the database answered, and why not if it did not."""

    database_ok: bool
    detail: str = "ok"


def check_health(*, store: Store) -> Health:
    """Ask the database a trivial question; a failure is reported, not raised."""
    try:
        with store.read() as session:
            ok = plans.database_answers(session=session)
    except SQLAlchemyError as error:
        return Health(database_ok=False, detail=type(error).__name__)
    return Health(database_ok=ok, detail="ok" if ok else "unexpected answer")
