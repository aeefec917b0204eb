"""Normalised forms: Snowball stems in English and French, spans mapped back to the words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.core.extraction.normalise import TOKEN_SIZE, Normaliser, lower_text


def key(language: str, text: str) -> list[str]:
    normaliser = Normaliser(language)
    return [p.key for c in lower_text(text).split(" ") for p in normaliser.pieces(c)]


def test_lower_text_keeps_every_offset_and_the_accents() -> None:
    text = "L’Ingénierie—DES données\tvectorielles_v2 • 5 €"
    lowered = lower_text(text)
    assert len(lowered) == len(text)
    assert lowered == "l'ingénierie des données vectorielles v2 • 5 €"


def test_inflected_forms_share_a_stem_in_both_languages() -> None:
    assert key("en", "vector databases") == key("en", "vector database")
    assert key("fr", "conteneurisée") == key("fr", "conteneuriser") == key("fr", "conteneurisation")
    assert key("fr", "les bases de données") == key("fr", "base de donnée")


def test_french_articles_and_elisions_are_left_out() -> None:
    assert key("fr", "gestion de la configuration") == key("fr", "gestion des configurations")
    assert key("fr", "l'API") == key("fr", "API") == ["api"]
    assert key("fr", "d’AWS") == ["aws"]


def test_english_nouns_in_ing_meet_the_french_verbs_made_from_them() -> None:
    assert key("fr", "le fine-tuning") == key("fr", "fine-tuner") == key("fr", "fine-tunés")


def test_short_words_are_kept_whole() -> None:
    assert key("en", "iOS and AWS") == ["ios", "and", "aws"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Bases", "de", "données", "l’API", "(RAG)", "C++", "  ", "x,"])))
def test_spans_map_back_to_whole_words_of_the_original(words: list[str]) -> None:
    text = " ".join(words)
    normaliser = Normaliser("fr")
    normaliser.learn(normaliser.keys(name) for name in ("bases de données", "RAG", "C++"))
    encoded = normaliser.text(text)
    form = "".join(encoded.codes)
    # Where each character of the codes is among the chunks' codes kept apart by spaces.
    places = [i for i, char in enumerate(encoded.spaced) if char != " "]
    assert form == "".join(encoded.spaced[i] for i in places)
    # What a match can be: runs of the names' tokens, each starting at a token's first character.
    starts = [i for i, char in enumerate(form) if 0x100 <= ord(char) < 0x200]
    span = encoded.matches().span
    for size in (TOKEN_SIZE, 2 * TOKEN_SIZE, 3 * TOKEN_SIZE):
        for start in starts:
            if len(form) < start + size or chr(0xFF) in form[start : start + size]:
                continue
            a, b = span(places[start + size - 1], size)
            assert 0 <= a < b <= len(text)
            assert text[a].isalnum() or not text[a].isspace()
            assert not text[b - 1].isspace()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_lowering_and_folding_in_one_pass_are_each_table(text: str) -> None:
    from advisor.core.extraction.normalise import lowered_and_folded
    from advisor.core.taxonomy import fold_text

    lowered, folded = lowered_and_folded(text)
    assert folded == fold_text(text) and len(lowered) == len(text)
    assert lowered == "".join(lower_text(c) for c in text)
