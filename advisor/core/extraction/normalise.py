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

Each normalised word, and each punctuation character, is a token. Every token a name uses has a
code of its own (`Normaliser.learn`), and every other token shares one that no name holds (a
chunk of such tokens alone is one character that no name holds: most words of a text). A
code is three characters, each from a range of its own (first, second, third), so a match of
names' codes always starts at a token's first character: a match is always whole tokens.
pyahocorasick finds a node's child by a linear scan of its children, so each character is a
digit of base `BASE` (at most `BASE` children a node), and the tokens most names use get the
smallest codes, added to the automaton first: its scans end early where text spends most time.
The codes of two chunks are kept apart by a space, as the chunks are in the text, and the
automaton is run ignoring the spaces; `MatchSpans` maps a match back into the original
text, to the first and last character of the words it covers, by counting the spaces before
it (a C loop over contiguous characters) rather than by running sums over every chunk.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

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
# A token's code: TOKEN_SIZE digits of base BASE, the i-th digit a character of the i-th range.
BASE = 24
TOKEN_SIZE = 3
_RANGES = (0x100, 0x200, 0x300)
# The code of every token no name uses: characters of no range, so no node holds them.
UNKNOWN = chr(0xFF) * TOKEN_SIZE
# The code of a chunk none of whose tokens a name uses (most words of a text): one such
# character, since no match can start, end or stand inside it (a shorter text to scan).
UNKNOWN_CHUNK = chr(0xFF)


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
# `fold_text` one character at a time (it keeps every offset), and its ASCII part as bytes.
FOLD_TABLE = {code: fold_text(chr(code)) for code in range(0x2500)}
FOLD_TABLE = {k: v for k, v in FOLD_TABLE.items() if v != chr(k)}
ASCII_FOLD = bytes(ord(FOLD_TABLE.get(code, chr(code))) for code in range(128)) + bytes(
    range(128, 256)
)
# On ASCII, lower-casing and folding are the same table.
assert all(_LOWER_TABLE.get(c, chr(c)) == FOLD_TABLE.get(c, chr(c)) for c in range(128))


def lower_text(text: str) -> str:
    """The text in lower case, accents kept, hyphens, slashes and white space made spaces;
    `len(lower_text(t)) == len(t)` always."""
    return lowered_and_folded(text)[0]


def lowered_and_folded(text: str) -> tuple[str, str]:
    """`lower_text(text)` and `fold_text(text)` in one pass: the ASCII characters through a
    byte table (the same for both), the few others one by one."""
    raw = text.encode("ascii", "replace")  # one "?" for each other character: offsets kept
    base = raw.translate(ASCII_FOLD).decode("ascii")
    if text.isascii():
        return base, base
    lowered: list[str] = []
    folded: list[str] = []
    last = 0
    position = raw.find(b"?")
    while position != -1:
        char = text[position]
        if char != "?":
            code = ord(char)
            piece = base[last:position]
            lowered += (piece, _LOWER_TABLE.get(code, char))
            folded += (piece, FOLD_TABLE.get(code, char))
            last = position + 1
        position = raw.find(b"?", position + 1)
    lowered.append(base[last:])
    folded.append(base[last:])
    return "".join(lowered), "".join(folded)


@dataclass(frozen=True)
class _Piece:
    """One token of a chunk: where it is in the chunk, and its normalised form."""

    start: int
    end: int
    key: str


def _code(rank: int) -> str:
    digits = []
    for offset in reversed(_RANGES):
        rank, digit = divmod(rank, BASE)
        digits.append(chr(offset + digit))
    return "".join(reversed(digits))


class _Codes(dict[str, str]):
    """Each chunk's code, computed on first sight (`codes[chunk]`), then kept."""

    def __init__(self, normaliser: Normaliser) -> None:
        super().__init__()
        self.normaliser = normaliser

    def __missing__(self, chunk: str) -> str:
        if len(self) >= CACHE_LIMIT:
            self.clear()
        code = self[chunk] = self.normaliser.code(chunk)
        return code


class Normaliser:
    """The normalised forms of one language, each chunk's computed once and kept, and the codes
    of the tokens its names use."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._stemmer = Stemmer.Stemmer(_ALGORITHMS[language])
        self._english = Stemmer.Stemmer("english")
        self.ids: dict[str, str] = {}
        self._ranks: dict[str, int] = {}
        self._codes = _Codes(self)
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

    def keys(self, name: str) -> tuple[str, ...]:
        """A name's tokens, normalised."""
        return tuple(
            piece.key for chunk in lower_text(name).split(" ") for piece in self.pieces(chunk)
        )

    def learn(self, names: Iterable[tuple[str, ...]]) -> None:
        """Give a code to every token of the names (`keys`), those most names use first; the
        codes of chunks seen before are forgotten."""
        counts = Counter(token for keys in set(names) for token in keys)
        ranked = sorted(counts, key=lambda token: (-counts[token], token))
        if len(ranked) >= BASE**TOKEN_SIZE:
            raise ValueError(f"{len(ranked)} distinct tokens in the names: more than codes")
        self._ranks = {token: rank for rank, token in enumerate(ranked, start=1)}
        self.ids = {token: _code(rank) for token, rank in self._ranks.items()}
        self._codes.clear()

    def rank(self, keys: tuple[str, ...]) -> tuple[int, ...]:
        """The ranks of a learnt name's tokens: adding names in this order to an automaton puts
        the commonest tokens first among each node's children."""
        return tuple(self._ranks[key] for key in keys)

    def encode(self, keys: tuple[str, ...]) -> str:
        """The code of a learnt name."""
        return "".join(self.ids[key] for key in keys)

    def code(self, chunk: str) -> str:
        """A chunk's encoding: a code per token it keeps ("" for none), or `UNKNOWN_CHUNK`
        when no name uses any of them."""
        ids = self.ids
        pieces = self.pieces(chunk)
        if pieces and not any(piece.key in ids for piece in pieces):
            return UNKNOWN_CHUNK
        return "".join(ids.get(piece.key, UNKNOWN) for piece in pieces)

    def text(self, text: str) -> Encoded:
        """A text's encoding, with what is needed to map spans back."""
        return self.chunks(lower_text(text).split(" "))

    def chunks(self, chunks: list[str]) -> Encoded:
        """The encoding of a text cut into chunks (`lower_text(text).split(" ")`)."""
        codes = list(map(self._codes.__getitem__, chunks))
        return Encoded(self, " ".join(codes), chunks, codes)


@dataclass
class Encoded:
    """A text encoded a code per token, with its chunks and their codes: `spaced` holds each
    chunk's codes apart, a space between two chunks as in the text (an automaton matches it
    ignoring the spaces), `encoded` the codes alone."""

    normaliser: Normaliser
    spaced: str
    chunks: list[str]
    codes: list[str]

    def codes_before(self, position: int, count: int) -> str:
        """The last `count` characters of codes before `position` in `spaced` (fewer at the
        start of the text), the spaces left out."""
        width = 2 * count
        while True:
            start = max(0, position - width)
            codes = self.spaced[start:position].replace(" ", "")
            if len(codes) >= count or not start:
                return codes[len(codes) - count :] if len(codes) > count else codes
            width *= 2

    def codes_after(self, position: int, count: int) -> str:
        """The first `count` characters of codes after `position` in `spaced`, the spaces left
        out."""
        width = 2 * count
        while True:
            codes = self.spaced[position + 1 : position + 1 + width].replace(" ", "")
            if len(codes) >= count or position + 1 + width >= len(self.spaced):
                return codes[:count]
            width *= 2

    def after(self, position: int, count: int) -> int:
        """Where in `spaced` the `count`-th character of codes after `position` is."""
        while count:
            position += 1
            if self.spaced[position] != " ":
                count -= 1
        return position

    def matches(self) -> MatchSpans:
        """The spans of the matches of `spaced`, in the order they end (`MatchSpans`)."""
        return MatchSpans(self)


class MatchSpans:
    """`span` for the matches of a text's `spaced` in the order they end, each given by its
    last character there and its length in codes. The chunk a match ends in is found by
    counting the spaces since the previous match's, where it begins in the text by adding the
    lengths of the chunks passed: nothing is summed over the whole text, and no sum past the
    last match. (A class rather than a closure: compiled, its state is typed fields, not cells
    of a closure's environment.)"""

    def __init__(self, encoded: Encoded) -> None:
        self.spaced = encoded.spaced
        self.chunks = encoded.chunks
        self.codes = encoded.codes
        self.normaliser = encoded.normaliser
        # The chunk the previous match ended in, where its codes begin, where it begins in the
        # text.
        self.index = 0
        self.begin = 0
        self.offset = 0

    def span(self, last: int, size: int) -> tuple[int, int]:
        """Where a match ending at `last` in `spaced`, `size` codes long, is in the text: from
        the first character of the first word it covers to the last of the last."""
        spaced, chunks = self.spaced, self.chunks
        if last < self.begin:
            self.index = self.begin = self.offset = 0
        index, begin, offset = self.index, self.begin, self.offset
        passed = spaced.count(" ", begin, last)
        if passed:
            for passing in range(index, index + passed):
                offset += len(chunks[passing])
            offset += passed
            index += passed
            begin = spaced.rfind(" ", 0, last) + 1
            self.index, self.begin, self.offset = index, begin, offset
        chunk = chunks[index]
        alone = chunk.isalnum()
        if alone:
            end = offset + len(chunk)
        else:
            pieces = self.normaliser.pieces(chunk)
            end = offset + pieces[(last + 1 - TOKEN_SIZE - begin) // TOKEN_SIZE].end
        first = last + 1 - size
        if first >= begin:
            # One chunk (most matches): a word alone needs no look at its tokens.
            if alone:
                return offset, end
            return offset + self.normaliser.pieces(chunk)[(first - begin) // TOKEN_SIZE].start, end
        # Back over the chunks before, to the one the match starts in.
        codes = self.codes
        left = first - begin
        start = offset
        before = index
        while left < 0:
            before -= 1
            start -= len(chunks[before]) + 1
            left += len(codes[before])
        chunk = chunks[before]
        if chunk.isalnum():
            return start, end
        return start + self.normaliser.pieces(chunk)[left // TOKEN_SIZE].start, end
