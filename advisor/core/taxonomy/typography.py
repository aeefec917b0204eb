"""Checks of written French and English that a curator would make by eye.

Each function returns what is wrong in one piece of text, in words a curator can act on; an empty
list means the text passed. They are deliberately conservative: a rule that cried wolf on correct
French would be switched off, so each one looks only for faults that are never right.
"""

from __future__ import annotations

import re

NO_BREAK_SPACES = "\u00a0\u202f"

# « de API » → « d’API »; « si il » → « s’il ». The next word starts with a vowel sound (h and y
# are left out: « de Hadoop », « de YAML » are both written). « ou » follows « le »/« la » in
# « le ou la », which is right.
_ELIDED = r"(?:de|le|la|que|ne|se|ce|je|me|te|jusque|lorsque|puisque)"
_VOWEL_WORD = r"(?!ou\b|où\b)[aeiouàâäéèêëîïôöùûüœAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ]\w*"
_MISSING_ELISION = re.compile(rf"(?<![\w’'-])({_ELIDED}|si) ({_VOWEL_WORD})", re.IGNORECASE)
_SI_ELIDES = re.compile(r"^(il|ils)$", re.IGNORECASE)
# « de le » → « du », « à les » → « aux ».
_MISSING_CONTRACTION = re.compile(r"(?<![\w’'-])(de le|de les|à le|à les) ", re.IGNORECASE)
# A colon, semicolon, exclamation or question mark that ends a word needs a no-break space
# before it in French; URLs (https:) and times (10:30) are not followed by a space.
_HIGH_PUNCTUATION = re.compile(rf"(?:^|[^{NO_BREAK_SPACES}])([:;!?])(?=\s|$)")
_GUILLEMETS = re.compile(rf"«(?![{NO_BREAK_SPACES}])|(?<![{NO_BREAK_SPACES}])»")
# « contribuer » is intransitive: one contributes to something (à, au), by something (par), in
# some way (largement, de manière…). What follows it is checked against the words that can;
# anything else (« contribue correctifs », « contribue des correctifs ») takes it as transitive.
_CONTRIBUTE = re.compile(
    r"(?<![\w’'-])(contribu(?:e|es|ent|er|é|ée|és|ées|ant|ons|ez|era|erait|eront)) ([\w’'-]+)",
    re.IGNORECASE,
)
_AFTER_CONTRIBUTE = frozenset(
    "à au aux en pour par dans avec sur chez selon de le la ainsi aussi beaucoup peu plus "
    "moins déjà souvent parfois toujours encore également notamment surtout bien tant autant sans "
    "davantage comme quand si lorsque tout toute "
    "ou et ni mais donc alors puis y lui-même elle-même eux-mêmes".split()
)


def french_faults(text: str) -> list[str]:
    """Missing elisions and contractions, and ordinary spaces where French puts a no-break one."""
    faults: list[str] = []
    for match in _MISSING_ELISION.finditer(text):
        word, following = match.group(1), match.group(2)
        if word.lower() == "si" and not _SI_ELIDES.match(following):
            continue
        faults.append(f"« {match.group(0)} » needs an elision (« {word[0]}’{following} »)")
    for match in _MISSING_CONTRACTION.finditer(text):
        faults.append(f"« {match.group(0).strip()} » is contracted in French (du, des, au, aux)")
    for match in _HIGH_PUNCTUATION.finditer(text):
        faults.append(f"« {match.group(1)} » needs a no-break space before it")
    if _GUILLEMETS.search(text):
        faults.append("« and » need no-break spaces inside them")
    faults += transitive_contribute(text)
    return faults


def transitive_contribute(text: str) -> list[str]:
    """« contribue correctifs », « contribue des correctifs »: contribuer given an object."""
    faults = []
    for match in _CONTRIBUTE.finditer(text):
        verb, following = match.group(1), match.group(2)
        folded = following.lower().replace("'", "’")
        if folded in _AFTER_CONTRIBUTE or folded.endswith("ment") or folded.startswith("d’"):
            continue
        faults.append(
            f"« {verb} {following} »: « contribuer » takes no object (« contribue au projet par "
            f"des correctifs », « propose des correctifs »)"
        )
    return faults


_ACCURACY = re.compile(r"\baccura(?:cy|te)\b", re.IGNORECASE)
_PRECISION_EN = re.compile(r"\bprecision\b", re.IGNORECASE)
_PRECISION_FR = re.compile(r"\bprécision\b", re.IGNORECASE)


def accuracy_as_precision(english: str, french: str) -> list[str]:
    """« précision » where the English says accuracy (and not precision): a false friend, since
    precision and accuracy are two different measures; accuracy is « exactitude »."""
    if (
        _ACCURACY.search(english)
        and not _PRECISION_EN.search(english)
        and _PRECISION_FR.search(french)
    ):
        return ["« précision » translates precision; the English says accuracy: « exactitude »"]
    return []


def is_common_noun_label(label: str) -> bool:
    """A label such as "Prompt injection defence": capitalised only because it is a title.

    Proper names ("Amazon Bedrock", "Kubernetes") and acronyms ("GPU computing") keep their
    capitals anywhere in a sentence, so only labels whose first word is capitalised while a later
    word is lower case can be dropped in wrongly.
    """
    words = label.split()
    first = words[0] if words else ""
    capitalised = len(first) > 1 and first[0].isupper() and first[1:].islower()
    return len(words) > 1 and capitalised and any(w[:1].islower() for w in words[1:])


def pasted_label(text: str, label: str) -> bool:
    """True when `label`, with its title capital, stands inside `text` past its first word."""
    if not is_common_noun_label(label):
        return False
    position = text.find(label)
    return position > 0


def without_label(text: str, labels: tuple[str, ...]) -> str:
    """`text` with the skill's own names taken out and spacing and case folded, for comparing
    two skills' descriptions: equal results mean a shared sentence with a name pasted in."""
    folded = text
    for label in sorted(labels, key=len, reverse=True):
        folded = re.sub(re.escape(label), "", folded, flags=re.IGNORECASE)
    return " ".join(re.sub(r"[^\w]+", " ", folded).casefold().split())
