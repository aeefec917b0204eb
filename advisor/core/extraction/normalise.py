"""Normalised forms for matching: each word of a text, and of every name, reduced to its Snowball
stem (PyStemmer: English or French, as the text is written), accents then dropped, French
articles and elisions left out, with every match mapped back to a span of the original text.

A text is lower-cased one character for one (apostrophes made plain; hyphens, slashes,
underscores and every white space made a space), then cut at its spaces into chunks. A chunk is
runs of letters and digits (words) and runs of anything else (punctuation, kept as it is). Each
word is stemmed: "databases" and "database" give `databas`, « conteneurisée » and
« conteneuriser » `conteneuris`. In French, a word ending in English "-ing" is stemmed as
English first (« le fine-tuning », « fine-tuner » both give `fin tun`), and the articles and
the preposition « de » with its forms are dropped (« gestion de la configuration » and
« gestion des configurations » both give `gestion configur`). Chunks left empty are dropped,
so runs of spaces do not matter either.

The normalised text is the normalised chunks joined by single spaces. A match in it covers whole
chunks; `NormalisedText.span` maps its ends back into the original text, to the first and last
character of the words it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress

import Stemmer

from advisor.core.taxonomy import fold_text

LANGUAGES = ("en", "fr")
_ALGORITHMS = {"en": "english", "fr": "french"}
# French words a name or a text may have or leave out without changing what it names.
FRENCH_DROPPED = frozenset("le la les l un une de des du d au aux".split())
# French elided forms before an apostrophe (« l'API », « d'AWS », « qu'un »).
FRENCH_ELIDED = frozenset("l d j m n s t c qu jusqu lorsqu puisqu".split())
# Past this many distinct chunks the cache of a language starts again (a long-running server
# sees an open vocabulary).
CACHE_LIMIT = 400_000
_RUNS = re.compile(r"[^\W_]+|[\W_]+")


def _lower_char(char: str) -> str:
    if char in "’‘ʼ`´":
        return "'"
    if char in "-‐‑‒–—_/" or char.isspace():
        return " "
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


# One character in, one out (as `fold_text`, but accents kept: the French stemmer needs them).
_LOWER_TABLE = {code: _lower_char(chr(code)) for code in range(0x2500)}
_LOWER_TABLE = {k: v for k, v in _LOWER_TABLE.items() if v != chr(k)}
_ASCII_LOWER = bytes(ord(_LOWER_TABLE.get(code, chr(code))) for code in range(128)) + bytes(
    range(128, 256)
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _lower_match(match: re.Match[str]) -> str:
    return _LOWER_TABLE.get(ord(match[0]), match[0])


def lower_text(text: str) -> str:
    """The text in lower case, accents kept, hyphens, slashes and white space made spaces;
    `len(lower_text(t)) == len(t)` always."""
    if not text.isascii():
        text = _NON_ASCII.sub(_lower_match, text)
        if not text.isascii():
            return text.translate(_LOWER_TABLE)
    return text.encode("ascii").translate(_ASCII_LOWER).decode("ascii")


@dataclass(frozen=True)
class _Piece:
    """One run of a chunk: where it is in the chunk, and where its normalised form is in the
    chunk's normalised form (empty when dropped)."""

    start: int
    end: int
    key_start: int
    key_end: int
    word: bool


class Normaliser:
    """The normalised forms of one language, each chunk's computed once and kept."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._stemmer = Stemmer.Stemmer(_ALGORITHMS[language])
        self._english = Stemmer.Stemmer("english")
        self._keys: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """A lower-case word's normalised form, accents dropped. Words of three letters or
        fewer are kept whole: Snowball would make "ios" `io`, "aws" `aw`."""
        if len(word) <= 3:
            return fold_text(word)
        if self.language == "fr" and word.endswith("ing") and len(word) > 4:
            word = self._english.stemWord(word)
        return fold_text(self._stemmer.stemWord(word))

    def pieces(self, chunk: str) -> list[_Piece]:
        """The runs of a chunk with the place of each one's normalised form."""
        runs = [(m.start(), m.end(), m[0]) for m in _RUNS.finditer(chunk)]
        pieces: list[_Piece] = []
        position = 0
        dropped_word = False
        for start, end, run in runs:
            word = run[0].isalnum()
            if word:
                dropped_word = self.language == "fr" and (
                    run in FRENCH_DROPPED
                    or (run in FRENCH_ELIDED and end < len(chunk) and chunk[end] == "'")
                )
                size = 0 if dropped_word else len(self.stem(run))
            else:
                size = 0 if dropped_word and run == "'" else len(run)
                dropped_word = False
            pieces.append(_Piece(start, end, position, position + size, word))
            position += size
        return pieces

    def key(self, chunk: str) -> str:
        """A chunk's normalised form ("" when nothing of it is kept)."""
        found = self._keys.get(chunk)
        if found is None:
            found = self._key(chunk)
            if len(self._keys) >= CACHE_LIMIT:
                self._keys.clear()
            self._keys[chunk] = found
        return found

    def _key(self, chunk: str) -> str:
        if chunk.isalnum():
            if self.language == "fr" and chunk in FRENCH_DROPPED:
                return ""
            return self.stem(chunk)
        parts = []
        for piece in self.pieces(chunk):
            if piece.key_end > piece.key_start:
                run = chunk[piece.start : piece.end]
                parts.append(self.stem(run) if piece.word else run)
        return "".join(parts)

    def name(self, name: str) -> str:
        """A name's normalised form, as its words would be in a text."""
        return self.text(name).normalised

    def text(self, text: str) -> NormalisedText:
        """A text's normalised form, with what is needed to map spans back."""
        return self.chunks(lower_text(text).split(" "))

    def chunks(self, chunks: list[str]) -> NormalisedText:
        """The normalised form of a text cut into chunks (`lower_text(text).split(" ")`)."""
        keys = list(map(self._keys.get, chunks))
        if None in keys:
            keys = [self.key(chunk) for chunk in chunks]
        kept: list[int] | None = None
        if "" in keys:
            kept = list(compress(range(len(keys)), keys))
            keys = [keys[i] for i in kept]
        return NormalisedText(self, " ".join(keys), chunks, keys, kept)  # type: ignore[arg-type]


@dataclass
class NormalisedText:
    """A text's normalised form (`normalised`), its chunks, and the chunks kept in it."""

    normaliser: Normaliser
    normalised: str
    chunks: list[str]
    keys: list[str]
    kept: list[int] | None
    _cursor: list[int] = field(default_factory=lambda: [0, 0])
    _spaces: list[int] = field(default_factory=lambda: [0, 0])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span `start:end` (whole chunks on both sides)."""
        normalised = self.normalised
        first_key = self._spaces_before(start)
        last_key = first_key + normalised.count(" ", start, end)
        first_key_start = normalised.rfind(" ", 0, start) + 1
        last_key_start = normalised.rfind(" ", 0, end) + 1
        first = self.kept[first_key] if self.kept is not None else first_key
        last = self.kept[last_key] if self.kept is not None else last_key
        origin = self._chunk_start(first)
        last_origin = origin + sum(map(len, self.chunks[first:last])) + (last - first)
        return (
            origin + self._position(first, start - first_key_start, False),
            last_origin + self._position(last, end - last_key_start, True),
        )

    def _spaces_before(self, position: int) -> int:
        """How many spaces the normalised text has before `position`, from the last asked."""
        known, count = self._spaces
        if position >= known:
            count += self.normalised.count(" ", known, position)
        else:
            count -= self.normalised.count(" ", position, known)
        self._spaces[:] = [position, count]
        return count

    def _chunk_start(self, index: int) -> int:
        """Where chunk `index` starts in the original text, from the last one asked for."""
        known, offset = self._cursor
        if index >= known:
            offset += sum(map(len, self.chunks[known:index])) + (index - known)
        else:
            offset -= sum(map(len, self.chunks[index:known])) + (known - index)
        self._cursor[:] = [index, offset]
        return offset

    def _position(self, index: int, key_position: int, at_end: bool) -> int:
        """The place in chunk `index` of a place in its normalised form: a word stemmed
        shorter still ends where the word ends."""
        chunk = self.chunks[index]
        if self.keys_equal(index):
            return key_position
        for piece in self.normaliser.pieces(chunk):
            if piece.key_end == piece.key_start:
                continue
            if at_end and piece.key_start < key_position <= piece.key_end:
                if piece.word:
                    return piece.end
                return piece.start + key_position - piece.key_start
            if not at_end and piece.key_start <= key_position < piece.key_end:
                return piece.start + (0 if piece.word else key_position - piece.key_start)
        return len(chunk) if at_end else 0

    def keys_equal(self, index: int) -> bool:
        """Whether chunk `index` is its own normalised form (nothing to map)."""
        return self.normaliser.key(self.chunks[index]) == self.chunks[index]
