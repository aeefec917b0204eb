"""The database tables (SQLModel), all in one module so the schema reads in one place."""

from __future__ import annotations

from sqlmodel import SQLModel

metadata = SQLModel.metadata
