"""What makes a citation one a curator would defend: a page of the publisher's own site, and a
quote that shows the page discusses the skill it is cited for.

Pure rules over strings and taxonomy values, shared by `advisor taxonomy check` (which locates
each fault in the files) and the curator's report (which counts them).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from advisor.core.taxonomy.folding import fold
from advisor.core.taxonomy.values import Skill

# A quote shorter than this is a heading or a fragment: it cannot say anything about a skill.
MIN_QUOTE_WORDS = 8

# Sites that republish other people's documents (document-sharing sites, paper copy services,
# aggregators, archives, unofficial copies of EU law): the publisher's own page is the one to cite.
MIRROR_HOSTS = frozenset(
    {
        "aiact.annotated.nl",
        "arxiv-vanity.com",
        "chumbo.news",
        "deepai.org",
        "docslib.org",
        "emergentmind.com",
        "euaiact.com",
        "euaiactnav.com",
        "findarticles.com",
        "gist.xybt.top",
        "info.5y1.org",
        "news.lavx.hu",
        "pdfslide.fr",
        "pdfslide.net",
        "pkg.go.dev",
        "profoundd.com",
        "scribd.com",
        "service.betterregulation.com",
        "slideshare.net",
        "springlex.eu",
        "web.archive.org",
        "webarchive.library.unt.edu",
        "xml.resource.org",
    }
)
# Hosts that serve a repository's files or uploads as they are, never a page written for readers.
RAW_HOSTS = frozenset(
    {"raw.githubusercontent.com", "gist.githubusercontent.com", "cloudfront.net", "amazonaws.cn"}
)
# On a code host, a path to one file of a repository (rendered or not), or an uploaded file.
_REPOSITORY_FILE = re.compile(r"^/[^/]+/[^/]+/(?:blob|raw)/|^/user-attachments/files/")
# A documentation site's source text rather than its page (Sphinx `_sources`, a Markdown file).
_SOURCE_TEXT = re.compile(r"/_sources/|\.(?:md|rst|txt|ya?ml)$", re.IGNORECASE)
_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org"})


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _on(host: str, hosts: frozenset[str]) -> bool:
    """Whether `host` is one of `hosts` or a subdomain of one."""
    parts = host.split(".")
    return any(".".join(parts[i:]) in hosts for i in range(len(parts) - 1))


def publisher_host(url: str) -> str:
    """The host name of a URL, without `www.`, as the report groups sources by it."""
    return _host(url)


def misplaced(url: str) -> str | None:
    """Why `url` is not the publisher's own page (a mirror, a raw file), or None when it is."""
    host, path = _host(url), urlsplit(url).path
    if _on(host, MIRROR_HOSTS):
        return f"{host} republishes other publishers' documents: cite the publisher's own page"
    if _on(host, RAW_HOSTS):
        return f"{host} serves raw files: cite the page the publisher renders for readers"
    if _on(host, _CODE_HOSTS) and _REPOSITORY_FILE.match(path):
        return "a file of a repository: cite the page the publisher renders for readers"
    if _SOURCE_TEXT.search(path):
        return "the source text of a page: cite the rendered page"
    return None


def quote_words(quote: str) -> int:
    """The number of words in a quote, as a reader counts them."""
    return len(quote.split())


@lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    # Whole words only ("Go" is not in "Google"), a plural allowed ("LLMs", "modèles").
    return re.compile(rf"(?<!\w){re.escape(name)}(?:s|es|x)?(?!\w)")


# Words that carry no meaning of their own in a name: "Obligations de transparence de l'IA" is
# named by a sentence with "obligations", "transparence" and "IA" in it, in whatever order.
_FILLERS = frozenset(
    "a an and as at by for from in into of on or the to with "
    "à au aux d de des du en et l la le les ou par pour sur un une".split()
)
_TOKEN = re.compile(r"[\w+#]+(?:\.[\w+#]+)*")


# Acronyms a name uses and a sentence may spell out (or the other way round), folded.
_SPELLED_OUT = {
    "ai": "artificial intelligence",
    "ia": "intelligence artificielle",
    "ml": "machine learning",
    "llm": "large language model",
}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _words(text: str) -> set[str]:
    """The words of a folded text, with the acronym of every spelled-out term it contains."""
    words = {_singular(w) for w in _tokens(text)}
    words |= {acronym for acronym, term in _SPELLED_OUT.items() if term in text}
    return words


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


@lru_cache(maxsize=8192)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(_singular(w) for w in _tokens(name) if w not in _FILLERS)


def _same_word(a: str, b: str) -> bool:
    """One word in two forms: equal, or sharing a long enough root ("algorithmes" and
    "algorithmiques", "modelling" and "models"), never a short prefix ("data", "database")."""
    if a == b:
        return True
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return shared >= max(5, min(len(a), len(b)) - 3)


def skill_names(skill: Skill) -> tuple[str, ...]:
    """Every name a quote may use for the skill, folded: labels, aliases, the part of a label in
    brackets ("AI Act"), names that need context, and the tool O*NET lists for it."""
    names = list(skill.all_aliases())
    for label in (skill.label.en, skill.label.fr):
        names += re.findall(r"\(([^)]+)\)", label)
        names.append(re.sub(r"\s*\([^)]*\)", "", label))
    names += list(skill.context_aliases)
    if skill.onet:
        names.append(skill.onet.example)
    folded = {fold(n) for n in names}
    return tuple(sorted(n for n in folded if n))


def names_skill(quote: str, skill: Skill) -> bool:
    """Whether `quote` names `skill`: its label, an alias, or the tool or standard it is about,
    as written or with every meaningful word of the name in the sentence."""
    text = fold(quote)
    words = _words(text)
    for name in skill_names(skill):
        if _name_pattern(name).search(text):
            return True
        needed = _name_words(name)
        if needed and all(any(_same_word(w, t) for t in words) for w in needed):
            return True
    return False
