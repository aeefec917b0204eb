"""Use cases of texts and the article corpus: find skills in a text, read article files,
ingest them, recompute market demand, show evidence, and find emerging terms."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from advisor.core.errors import InvalidText
from advisor.core.extraction import (
    ArticleText,
    EmergingTerm,
    demand_signal,
    emerging_terms,
    extract_skills,
    is_article_name,
    reader_for,
    sentences_with,
    summary,
)
from advisor.core.limits import MAX_ARTICLE_BYTES, MAX_EXTRACT_TEXT
from advisor.core.planning import INVALID_UNICODE, is_unicode_text
from advisor.persistence import articles
from advisor.persistence.store import Store
from advisor.services.advisor import Advisor

EVIDENCE_SENTENCES = 3
# Articles stored per transaction: a crash loses at most one batch, and memory stays flat.
BATCH = 200


def extract_text(advisor: Advisor, text: str, language: str = "auto") -> dict[str, Any]:
    """The skills a text mentions, in the public shape, with spans into the text."""
    if language not in ("auto", "en", "fr"):
        raise InvalidText({"lang": "must be auto, en or fr"})
    if len(text) > MAX_EXTRACT_TEXT:
        raise InvalidText({"text": f"must be at most {MAX_EXTRACT_TEXT} characters"})
    if not is_unicode_text(text):
        raise InvalidText({"text": INVALID_UNICODE})
    extraction = extract_skills(text, advisor.taxonomy, language, advisor.matcher)
    return summary(extraction, advisor.taxonomy, advisor.esco)


# ---------------------------------------------------------------- reading article files


def article_text(content: str, suffix: str) -> ArticleText:
    """An article's title, date and plain text from its content and file suffix."""
    return reader_for(suffix)(content)


def decode_article(raw: bytes) -> str:
    """An article's bytes as text; `ValueError` says why they are not UTF-8 text."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"is not UTF-8 text (byte {error.start})") from error


@dataclass
class FoundArticles:
    """The article files found under the paths given, and the paths refused with the reason."""

    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    missing: int = 0


def find_articles(paths: Iterable[Path]) -> FoundArticles:
    """The regular article files named or inside the folders named, in a stable order.

    A folder of articles may come from someone else, so nothing in it may reach outside it: a
    symbolic link is followed only to a regular file inside the folder it was found in (for a
    file named directly: inside its own folder), and FIFOs, devices and sockets are refused.
    """
    found = FoundArticles()
    for path in paths:
        if not os.path.lexists(path):
            found.refused.append((path, "does not exist"))
            found.missing += 1
        elif path.is_dir() and not path.is_symlink():
            root = path.resolve()
            for candidate in _walk(path):
                _consider(candidate, root, found)
        else:
            _consider(path, path.parent.resolve(), found, named=True)
    return found


def _walk(folder: Path) -> Iterator[Path]:
    # os.walk never descends into a linked folder, so a walk cannot leave `folder`.
    for parent, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if is_article_name(name):
                yield Path(parent) / name


def _consider(path: Path, root: Path, found: FoundArticles, *, named: bool = False) -> None:
    problem = _file_problem(path, root)
    if problem is None and named and not is_article_name(path.name):
        problem = f"not an article file (.txt, .md or .html): {path.suffix or 'no suffix'}"
    if problem is None:
        found.files.append(path)
    else:
        found.refused.append((path, problem))


def _file_problem(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as an article, or None."""
    # A name that is not UTF-8 reaches Python with lone surrogates (surrogateescape), which
    # no message or database column can take.
    if not is_unicode_text(str(path)):
        return "its name is not UTF-8"
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to(root):
                return "is a symbolic link to a file outside its folder"
            mode = target.stat().st_mode
    except (OSError, RuntimeError):
        return "is a broken or looping symbolic link"
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    return None


def printable(path: Path) -> str:
    """A path for a message: bytes that are not UTF-8 shown as \\xNN, never an encoding error."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_article(path: Path) -> tuple[ArticleText, str]:
    """The article in `path` and the hash of its text; `ValueError` says why not."""
    if not is_article_name(path.name):
        raise ValueError(f"not an article file (.txt, .md or .html): {path.suffix or 'no suffix'}")
    article = article_text(decode_article(_read_regular_file(path)), path.suffix)
    if not article.text.strip():
        raise ValueError("has no text")
    return article, hashlib.sha256(article.text.encode()).hexdigest()


def _read_regular_file(path: Path) -> bytes:
    """At most MAX_ARTICLE_BYTES of a regular file; `ValueError` for anything else.

    The file is checked once opened (a name can be swapped between a check and an open), the
    open does not wait on a FIFO, and the read is bounded whatever size the file claims
    (/dev/zero and /proc files say 0).
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise ValueError(f"cannot be read: {error.strerror or error}") from error
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("is not a regular file")
        try:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
        except OSError as error:
            raise ValueError(f"cannot be read: {error.strerror or error}") from error
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ValueError(f"too large (the limit is {MAX_ARTICLE_BYTES // 1024} KiB)")
    return raw


# ---------------------------------------------------------------- ingestion and demand


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    refused: list[tuple[Path, str]] = field(default_factory=list)
    # Paths given that do not exist (a typo the caller must hear about).
    missing: int = 0


def ingest(
    paths: Iterable[Path] | FoundArticles,
    *,
    store: Store,
    advisor: Advisor,
    now: datetime,
    progress: Callable[[Path], None] = lambda _: None,
) -> IngestReport:
    """Add each article once (by content hash) with its mentions; bad files are reported.

    `paths` are files or folders (read recursively, see `find_articles`), or what
    `find_articles` found in them; each batch of articles is one transaction.
    """
    found = paths if isinstance(paths, FoundArticles) else find_articles(paths)
    report = IngestReport(refused=list(found.refused), missing=found.missing)
    files = found.files
    for start in range(0, len(files), BATCH):
        with store.write() as session:
            for path in files[start : start + BATCH]:
                progress(path)
                try:
                    article, digest = read_article(path)
                except ValueError as error:
                    report.refused.append((path, str(error)))
                    continue
                if articles.is_known(session=session, content_hash=digest):
                    report.duplicates += 1
                    continue
                matched = _matched(advisor, path, article, digest)
                articles.add_article(session=session, article=matched, now=now)
                session.flush()
                report.added += 1
    return report


def _matched(
    advisor: Advisor, path: Path, article: ArticleText, digest: str
) -> articles.NewArticle:
    extraction = extract_skills(article.text, advisor.taxonomy, "auto", advisor.matcher)
    evidence = sentences_with(article.text, extraction.mentions)
    counts = extraction.counts()
    return articles.NewArticle(
        content_hash=digest,
        title=article.title or path.name,
        published=article.published,
        language=extraction.language,
        source=str(path),
        text=article.text,
        mentions={s: (counts[s], evidence.get(s, ())[:EVIDENCE_SENTENCES]) for s in counts},
    )


def refresh_demand(*, store: Store, advisor: Advisor, today: date, now: datetime) -> int:
    """Recompute and store every skill's demand from the sources and the corpus."""
    with store.write() as session:
        corpus = articles.skills_by_article(session=session)
        count = articles.article_count(session=session)
        signal = demand_signal(advisor.taxonomy.demand_prior(today), corpus, today)
        articles.replace_demand(session=session, signal=signal, articles=count, now=now)
    return count


def evidence(*, store: Store, advisor: Advisor, skill_id: str) -> dict[str, Any]:
    """A skill's current demand and the sentences of ingested articles that mention it."""
    with store.read() as session:
        stored = articles.stored_demand(session=session)
        sentences = articles.evidence(session=session, skill_id=skill_id)
    demand = stored.get(skill_id, advisor.demand.get(skill_id, 0.0))
    return {"skill": skill_id, "demand": demand, "evidence": sentences}


def suggest_terms(
    *, store: Store, advisor: Advisor, today: date, top: int = 30
) -> list[EmergingTerm]:
    """Phrases frequent in recent articles that no label or alias of the taxonomy covers."""
    with store.read() as session:
        dated = articles.dated_texts(session=session)
    names = [name for skill in advisor.taxonomy.skills.values() for name in skill.all_aliases()]
    texts, days = [t for t, _ in dated], [d for _, d in dated]
    return emerging_terms(texts, days, names, today, top=top)
