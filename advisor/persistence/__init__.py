"""Persistence: the SQLModel tables, the queries, the engine, the unit of work and migrations.

Only the use cases (`advisor.services`) and the composition roots (`advisor.app`, `advisor.cli`)
import this package; the web views never do. Queries take a session, keyword-only, and leave
committing to the unit of work that opened it (`store.Store`).
"""
