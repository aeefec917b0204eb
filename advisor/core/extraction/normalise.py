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

Each normalised word, and each punctuation character, is a token; every token a name uses has
a code of its own (`Vocabulary`), and every other token shares one. A code is two characters,
the first from one range and the second from another, so a match of names' codes always starts
at a token's first character: a match is always whole tokens, and the text the automaton reads
is shorter than the original. (One character per token would make the automaton's root as wide
as the vocabulary, and pyahocorasick slow.)
`Encoded.span` maps a match back into the original text, to the first and last character of
the words it covers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

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
_TOKENS = re.compile(r"[^\W_]+|[\W_]")
# A token's code: a first character from FIRST (0x100 on), a second from SECOND (0x200 on).
FIRST, SECOND, RANGE = 0x100, 0x200, 0x100
TOKEN_SIZE = 2
# The code of every token no name uses.
UNKNOWN = chr(FIRST) + chr(SECOND)


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


def lower_text(text: str) -> str:
    """The text in lower case, accents kept, hyphens, slashes and white space made spaces;
    `len(lower_text(t)) == len(t)` always."""
    if text.isascii():
        return _lower_ascii(text)
    if "\x00" in text:
        return text.translate(_LOWER_TABLE)
    # The few non-ASCII characters one by one, the ASCII text around them through a byte table.
    kept = [_LOWER_TABLE.get(ord(c), c) for c in _NON_ASCII.findall(text)]
    parts = _lower_ascii(_NON_ASCII.sub("\x00", text)).split("\x00")
    return "".join(p + k for p, k in zip(parts, [*kept, ""], strict=True))


def _lower_ascii(text: str) -> str:
    return text.encode("ascii").translate(_ASCII_LOWER).decode("ascii")


@dataclass(frozen=True)
class _Piece:
    """One token of a chunk: where it is in the chunk, and its normalised form."""

    start: int
    end: int
    key: str


class Vocabulary:
    """A code for each token that some name uses (the same for every language)."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}

    def add(self, key: str) -> str:
        found = self.ids.get(key)
        if found is None:
            rank = len(self.ids) + 1  # 0 is UNKNOWN's
            if rank >= RANGE * RANGE:
                raise ValueError("too many distinct tokens in the names")
            found = self.ids[key] = chr(FIRST + rank // RANGE) + chr(SECOND + rank % RANGE)
        return found


class Normaliser:
    """The normalised forms of one language, each chunk's computed once and kept."""

    def __init__(self, language: str, vocabulary: Vocabulary) -> None:
        self.language = language
        self.vocabulary = vocabulary
        self._stemmer = Stemmer.Stemmer(_ALGORITHMS[language])
        self._english = Stemmer.Stemmer("english")
        self._codes: dict[str, str] = {}
        self._pieces: dict[str, list[_Piece]] = {}

    def stem(self, word: str) -> str:
        """A lower-case word's normalised form, accents dropped. Words of three letters or
        fewer are kept whole: Snowball would make "ios" `io`, "aws" `aw`."""
        if len(word) <= 3:
            return fold_text(word)
        if self.language == "fr" and word.endswith("ing") and len(word) > 4:
            word = self._english.stemWord(word)
        return fold_text(self._stemmer.stemWord(word))

    def pieces(self, chunk: str) -> list[_Piece]:
        """The tokens a chunk keeps: its words stemmed, its punctuation a character at a time,
        French articles and elided forms left out."""
        found = self._pieces.get(chunk)
        if found is None:
            if len(self._pieces) >= CACHE_LIMIT:
                self._pieces.clear()
            found = self._pieces[chunk] = self._tokens(chunk)
        return found

    def _tokens(self, chunk: str) -> list[_Piece]:
        pieces: list[_Piece] = []
        dropped = False
        for match in _TOKENS.finditer(chunk):
            token, end = match[0], match.end()
            if token[0].isalnum():
                dropped = self.language == "fr" and (
                    token in FRENCH_DROPPED
                    or (token in FRENCH_ELIDED and chunk[end : end + 1] == "'")
                )
                if not dropped:
                    pieces.append(_Piece(match.start(), end, self.stem(token)))
            elif not (dropped and token == "'"):
                dropped = False
                pieces.append(_Piece(match.start(), end, token))
        return pieces

    def name(self, name: str) -> str:
        """A name's encoding, its tokens added to the vocabulary."""
        return "".join(
            self.vocabulary.add(piece.key)
            for chunk in lower_text(name).split(" ")
            for piece in self.pieces(chunk)
        )

    def code(self, chunk: str) -> str:
        """A chunk's encoding: a code per token it keeps ("" for none)."""
        ids = self.vocabulary.ids
        return "".join(ids.get(piece.key, UNKNOWN) for piece in self.pieces(chunk))

    def text(self, text: str) -> Encoded:
        """A text's encoding, with what is needed to map spans back."""
        return self.chunks(lower_text(text).split(" "))

    def chunks(self, chunks: list[str]) -> Encoded:
        """The encoding of a text cut into chunks (`lower_text(text).split(" ")`); names are
        all added to the vocabulary before any text is encoded."""
        known = self._codes
        codes = list(map(known.get, chunks))
        if None in codes:
            if len(known) >= CACHE_LIMIT:
                known.clear()
            for chunk in set(chunks).difference(known):
                known[chunk] = self.code(chunk)
            codes = list(map(known.__getitem__, chunks))
        return Encoded(self, "".join(codes), chunks, codes)  # type: ignore[arg-type]


@dataclass
class Encoded:
    """A text encoded a code per token (`encoded`), with its chunks and their codes."""

    normaliser: Normaliser
    encoded: str
    chunks: list[str]
    codes: list[str]
    _ends: list[int] | None = None
    _starts: list[int] | None = field(default=None)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the encoding's `start:end` (whole tokens: whole words)."""
        first, first_token = self._chunk_of(start)
        last, last_token = self._chunk_of(end - TOKEN_SIZE)
        starts = self._starts
        if starts is None:
            starts = self._starts = list(accumulate(map(len, self.chunks), initial=0))
        return (
            starts[first] + first + self._offset(first, first_token, False),
            starts[last] + last + self._offset(last, last_token, True),
        )

    def _chunk_of(self, position: int) -> tuple[int, int]:
        """The chunk the token at `position` of the encoding belongs to, and its rank among
        the chunk's tokens."""
        ends = self._ends
        if ends is None:
            if len(self.encoded) == TOKEN_SIZE * len(self.chunks) and "" not in self.codes:
                return position // TOKEN_SIZE, 0  # every chunk is one token
            ends = self._ends = list(accumulate(map(len, self.codes)))
        chunk = bisect_right(ends, position)
        return chunk, (position - (ends[chunk] - len(self.codes[chunk]))) // TOKEN_SIZE

    def _offset(self, chunk_index: int, token: int, at_end: bool) -> int:
        chunk = self.chunks[chunk_index]
        if chunk.isalnum():
            return len(chunk) if at_end else 0
        piece = self.normaliser.pieces(chunk)[token]
        return piece.end if at_end else piece.start
