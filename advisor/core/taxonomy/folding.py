"""Folding text for matching: lower case, accents dropped, typographic apostrophes and hyphens
made plain, one character for one, so a position in the folded text is the same position in the
original and a match's span points straight into what the person wrote."""

from __future__ import annotations

import re
import unicodedata


def _fold_char(char: str) -> str:
    if char in "’‘ʼ`´":
        return "'"
    if char in "-‐‑‒–—_/":
        return " "
    if char.isspace():
        return " "
    base = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in base if not unicodedata.combining(c)) or char
    lowered = base.lower()
    return lowered[0] if lowered else char


# One character in, one character out, for everything a European text is likely to hold:
# str.translate then folds at C speed and keeps every offset.
FOLD_TABLE = {code: _fold_char(chr(code)) for code in range(0x2500) if len(chr(code)) == 1}
FOLD_TABLE = {k: v for k, v in FOLD_TABLE.items() if v != chr(k)}


# The same folding for ASCII text as a byte table: bytes.translate runs at memory speed.
ASCII_FOLD = bytes(ord(FOLD_TABLE.get(code, chr(code))) for code in range(128)) + bytes(
    range(128, 256)
)


NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_match(match: re.Match[str]) -> str:
    return FOLD_TABLE.get(ord(match[0]), match[0])


def fold_text(text: str) -> str:
    """The text folded for matching; `len(fold_text(t)) == len(t)` always.

    Same result as `text.translate(FOLD_TABLE)`, faster: the few non-ASCII characters are
    folded one by one, then the ASCII text through a byte table.
    """
    if not text.isascii():
        text = NON_ASCII.sub(_fold_match, text)
        if not text.isascii():
            # What is left ("•", "€", "中") folds to itself: set it aside around the ASCII pass.
            if "\x00" in text:
                return text.translate(FOLD_TABLE)
            kept = NON_ASCII.findall(text)
            parts = _fold_ascii(NON_ASCII.sub("\x00", text)).split("\x00")
            return "".join(p + k for p, k in zip(parts, [*kept, ""], strict=True))
    return _fold_ascii(text)


def _fold_ascii(text: str) -> str:
    return text.encode("ascii").translate(ASCII_FOLD).decode("ascii")


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name, for alias lookups."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("-", " ").split())
