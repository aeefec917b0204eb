"""Job titles as people type them, reduced to the words that tell one role from another.

« Administratrice systèmes Linux », "Linux sysadmin" and « adminstrateur système linux » all
come out as the same few concepts (`admin`, `system`, `linux`): accents and case are folded,
inclusive forms (« ·e », « (e) », « -rice ») and plurals are read as the masculine singular,
English and French words for the same thing are one concept, common abbreviations are spelled
out, and a word one or two typing slips away from a known word is read as that word
(rapidfuzz's optimal string alignment distance). Words that name no role (seniority, employer,
city) are left out.

The known words are those of the origin roles' labels and aliases, plus the tables below, so
a variant is only ever read as a word the taxonomy uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from advisor.core.taxonomy.folding import fold_text

# Inclusive writing: the feminine ending after a middle dot, a full stop, a slash or in
# brackets (« administrateur·rice », « technicien(ne) », « ingénieur.e », « chef/fe »).
INCLUSIVE = re.compile(
    r"(?<=\w)\s*[·•.(/-]\s*(?:e|ne|fe|se|euse|rice|trice|ice|[eè]re|i[eè]re|ienne|eure)\)?(?!\w)"
)
# The feminine or plural of a French or English word, tried in this order on each word.
ENDINGS = (
    ("trices", "teurs"),
    ("rices", "eurs"),
    ("euses", "eurs"),
    ("iennes", "iens"),
    ("trice", "teur"),
    ("rice", "eur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("eure", "eur"),
    ("effe", "ef"),
    ("iere", "ier"),
    ("ante", "ant"),
    ("ee", "e"),
    ("ies", "y"),
    ("aux", "al"),
    ("x", ""),
    ("s", ""),
)
TOKEN = re.compile(r"\.net|c\+\+|c#|[a-z0-9]+")
# Words that carry no role: articles, prepositions, seniority.
STOPWORDS = frozenset(
    "a an and as at au aux avec chez d de des du en et for from i im in l la le les my of on "
    "or pour sur the to with dans par since depuis ans years year "
    "senior junior confirme experimente expert principal staff chief head stagiaire "
    "intern apprenti alternant freelance independant consultant contractor "
    "actuellement currently former ancien ex je suis une un i am work works travaille as "
    "comme tant que poste job title role metier".split()
)
# Words joined when written apart ("back end", "sys admin").
JOINED = {
    ("back", "end"): "backend",
    ("front", "end"): "frontend",
    ("full", "stack"): "fullstack",
    ("dev", "ops"): "devops",
    ("help", "desk"): "helpdesk",
    ("service", "desk"): "helpdesk",
    ("hot", "line"): "helpdesk",
    ("sys", "admin"): "sysadmin",
    ("admin", "sys"): "sysadmin",
    ("data", "base"): "database",
    ("base", "donnee"): "database",
    ("cyber", "securite"): "security",
    ("cyber", "security"): "security",
    ("sql", "server"): "sqlserver",
    ("active", "directory"): "activedirectory",
    ("power", "bi"): "bi",
    ("business", "intelligence"): "bi",
    ("quality", "assurance"): "qa",
    ("blue", "team"): "blueteam",
    ("haute", "performance"): "hpc",
    ("high", "performance"): "hpc",
    ("calcul", "hpc"): "hpc",
    ("hpc", "computing"): "hpc",
    ("site", "reliability"): "sre",
    # "Tech lead Java" is a Java developer who leads, not a technician.
    ("tech", "lead"): "",
}
# English and French words, and abbreviations, for the same concept; a word maps to one or
# more concepts ("sysadmin" is a system administrator).
CONCEPTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("administrateur", "administrator", "admin", "adm", "administration"), ("admin",)
    ),
    **dict.fromkeys(("sysadmin", "adminsys", "sysadm", "sysops"), ("system", "admin")),
    **dict.fromkeys(("systeme", "system", "sys"), ("system",)),
    **dict.fromkeys(("ingenieur", "engineer", "ing", "inge", "engineering"), ("engineer",)),
    **dict.fromkeys(
        (
            "developpeur",
            "developer",
            "dev",
            "developpement",
            "development",
            "programmeur",
            "programmer",
            "codeur",
            "coder",
        ),
        ("developer",),
    ),
    **dict.fromkeys(("technicien", "technician", "tech", "techn"), ("technician",)),
    **dict.fromkeys(("reseau", "network", "networking"), ("network",)),
    **dict.fromkeys(
        ("securite", "security", "secu", "cybersecurite", "cybersecurity", "cyber"),
        ("security",),
    ),
    **dict.fromkeys(("analyste", "analyst"), ("analyst",)),
    **dict.fromkeys(("donnee", "data"), ("data",)),
    **dict.fromkeys(("database", "bdd", "db", "sgbd"), ("database",)),
    "base": ("base",),
    **dict.fromkeys(("dba",), ("database", "admin")),
    **dict.fromkeys(("support", "assistance", "helpdesk", "hotliner"), ("support",)),
    **dict.fromkeys(("projet", "project"), ("project",)),
    **dict.fromkeys(("informatique", "it", "info"), ("it",)),
    **dict.fromkeys(("test", "testeur", "tester", "testing", "recette", "recetteur"), ("test",)),
    **dict.fromkeys(("qa",), ("qa",)),
    **dict.fromkeys(("plateforme", "platform"), ("platform",)),
    **dict.fromkeys(("infrastructure", "infra"), ("infrastructure",)),
    **dict.fromkeys(("frontend", "front"), ("frontend",)),
    **dict.fromkeys(("backend", "back"), ("backend",)),
    **dict.fromkeys(("dotnet", "net"), (".net",)),
    **dict.fromkeys(("postgresql", "postgres", "pgsql"), ("postgresql",)),
    **dict.fromkeys(("sqlserver", "mssql"), ("sqlserver",)),
    **dict.fromkeys(("decisionnel", "decisionnelle", "bi"), ("bi",)),
    **dict.fromkeys(("supercalculateur", "supercomputing", "supercomputer"), ("hpc",)),
    **dict.fromkeys(("etude",), ("study",)),
    **dict.fromkeys(("operations", "ops"), ("operations",)),
    # Seniority, kept as a word only to be joined ("tech lead").
    "lead": (),
}
# A word this short is never read as a typing slip of another (too many near neighbours).
SHORTEST_SLIP = 6
# Typing slips allowed: one up to this length, two beyond.
ONE_SLIP_UP_TO = 9
# How many typed words keep their reading, so a word seen again is not looked up again.
MEMO_SIZE = 4096


@dataclass(frozen=True)
class TitleWords:
    """A title read word by word: the concepts it names, in order, and the words that name
    none (an employer, a city, or a job advisor has no word for)."""

    concepts: tuple[str, ...]
    unknown: tuple[str, ...]


class Vocabulary:
    """The words of a set of job titles, and how a typed word is read as one of them."""

    def __init__(self, titles: Iterable[str]) -> None:
        surface: set[str] = set(CONCEPTS)
        for title in titles:
            surface.update(_words(title))
        surface -= STOPWORDS
        self.surface = frozenset(surface)
        self._sorted = sorted(self.surface)
        self._memo: dict[str, str | None] = {}

    def concepts(self, text: str) -> tuple[str, ...]:
        """The concepts `text` names, in order, each once; unknown words left out."""
        return self.read(text).concepts

    def read(self, text: str) -> TitleWords:
        """`text` as concepts, and the words that are neither concepts nor stopwords."""
        known: list[str] = []
        unknown: list[str] = []
        words = [w for w in _words(text) if w not in STOPWORDS]
        index = 0
        while index < len(words):
            pair = (*(self.known(w) or w for w in words[index : index + 2]),)
            if pair in JOINED:
                known.append(JOINED[pair])
                index += 2
                continue
            word = words[index]
            index += 1
            if word.isdigit():
                continue
            if len(pair) == 2 and (joined := self._form("".join(pair))):
                known.append(joined)
                index += 1
            elif found := self.known(word):
                known.append(found)
            else:
                unknown.append(word)
        concepts = dict.fromkeys(c for word in known if word for c in _concepts(word))
        return TitleWords(tuple(concepts), tuple(unknown))

    def known(self, word: str) -> str | None:
        """The known word `word` is a form of (itself, its masculine or singular, or a typing
        slip away from it), else None."""
        if word in STOPWORDS or word.isdigit():
            return None
        if word not in self._memo:
            if len(self._memo) >= MEMO_SIZE:  # typed words are unbounded: keep a few
                self._memo.clear()
            self._memo[word] = self._form(word) or self._slip(word)
        return self._memo[word]

    def _form(self, word: str) -> str | None:
        for form in _forms(word):
            if form in self.surface:
                return form
        return None

    def _slip(self, word: str) -> str | None:
        if len(word) < SHORTEST_SLIP:
            return None
        slips = 1 if len(word) <= ONE_SLIP_UP_TO else 2
        found = process.extractOne(word, self._sorted, scorer=OSA.distance, score_cutoff=slips)
        if found is None:
            return None
        return self._form(found[0]) or str(found[0])


def _words(text: str) -> list[str]:
    # The inclusive endings go before folding, which turns slashes and hyphens into spaces.
    return TOKEN.findall(fold_text(INCLUSIVE.sub("", text.casefold())))


def _forms(word: str) -> Iterator[str]:
    """The word reduced as far as the endings allow, then less, then as written."""
    seen = []
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and len(word) >= len(ending) + 2:
            stem = word[: -len(ending)] + replacement
            seen.append(stem)
            # A plural feminine: « administratrices » → « administratrice » → « administrateur ».
            for inner, inner_replacement in ENDINGS:
                if stem.endswith(inner) and len(stem) >= len(inner) + 2:
                    seen.insert(0, stem[: -len(inner)] + inner_replacement)
                    break
    yield from seen
    yield word


def _concepts(word: str) -> tuple[str, ...]:
    return CONCEPTS.get(word, (word,))
