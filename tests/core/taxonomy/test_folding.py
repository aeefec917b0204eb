"""Folding text for matching: one character for one, the fast path equal to the table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.core.taxonomy import fold_text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_the_fast_folding_is_the_table_folding(text: str) -> None:
    from advisor.core.taxonomy.folding import FOLD_TABLE

    assert fold_text(text) == text.translate(FOLD_TABLE)
