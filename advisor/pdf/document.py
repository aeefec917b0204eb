"""What a PDF renderer returns: the PDF's bytes and its number of pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlanDocument:
    body: bytes
    pages: int
