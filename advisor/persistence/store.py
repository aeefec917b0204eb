"""The unit of work: every use case opens the store once for reading or once for writing.

`write()` is one transaction: it commits when the block ends normally and rolls back on any
exception, so nothing half-written is ever seen. `read()` gives a consistent view and writes
nothing. A use case that reads, computes for a while, then writes uses one `read()` then one
`write()`: holding a write transaction through the computation would block every other
writer (SQLite has one writer at a time), and a read transaction that later writes fails on
SQLite if another writer committed in between.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from sqlalchemy import Connection, Engine
from sqlmodel import Session


class Store:
    """The database of one app or command, reached only through units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # SQLite has one writer at a time, and a writer that finds the database locked sleeps
        # in growing steps (up to 100 ms) before trying again: the threads of one process
        # queue on a lock instead, woken as soon as the writer before them commits.
        self._writer = threading.RLock() if engine.dialect.name == "sqlite" else nullcontext()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; whatever it would stage is discarded."""
        with Session(self.engine) as session:
            yield session

    @contextmanager
    def query(self) -> Iterator[Connection]:
        """A bare connection for a few plain reads (no session, no object tracking): what a
        request that only checks or fetches a row needs. It writes nothing."""
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or not at all."""
        with self._writer, Session(self.engine) as session, session.begin():
            yield session

    def scrub(self) -> bool:
        """After an erasure, leave no copy of the erased rows in the database's files.

        On SQLite the write-ahead log still holds every page as it was written, the erased text
        included: a checkpoint copies the log into the database (where secure_delete zeroed the
        rows) and TRUNCATE empties the log file. False if a reader kept it from completing.
        PostgreSQL has no such step (see the README on VACUUM).
        """
        if self.engine.dialect.name != "sqlite":
            return True
        with self.engine.connect() as connection:
            busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        return not busy

    def close(self) -> None:
        """Close the pooled connections (end of a command, or of a test)."""
        self.engine.dispose()
