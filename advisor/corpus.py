"""Use cases of the article corpus: ingest files, recompute demand, show evidence, find terms.

The skill finder is passed in (a function of text and language), so ingestion, the CLI and the
tests share one path whatever the matching engine.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from advisor.core import articles as readers
from advisor.core.demand import ArticleSkills, demand_signal
from advisor.core.emerging import EmergingTerm, emerging_terms
from advisor.core.taxonomy import Taxonomy
from advisor.models import Article, Mention, SkillDemand

SUFFIXES = {
    ".txt": readers.from_plain_text,
    ".md": readers.from_markdown,
    ".markdown": readers.from_markdown,
    ".html": readers.from_html,
    ".htm": readers.from_html,
}
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
EVIDENCE_SENTENCES = 3
BATCH = 200


@dataclass(frozen=True)
class Found:
    """What a finder reports for one text: its language and, per skill, count and sentences."""

    language: str
    skills: Mapping[str, tuple[int, tuple[str, ...]]]


Finder = Callable[[str, str], Found]


@dataclass
class IngestReport:
    added: int = 0
    duplicates: int = 0
    refused: list[tuple[Path, str]] = field(default_factory=list)


def article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The readable article files named or inside the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            yield path


def read_article(path: Path) -> tuple[readers.ArticleText, str]:
    """The article in `path` and the hash of its content; `ValueError` says why not."""
    if path.suffix.lower() not in SUFFIXES:
        raise ValueError(f"not an article file (.txt, .md or .html): {path.suffix or 'no suffix'}")
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ValueError(
                f"too large ({size // 1024} KiB; the limit is {MAX_ARTICLE_BYTES // 1024} KiB)"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ValueError(f"cannot be read: {error.strerror or error}") from error
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"is not UTF-8 text (byte {error.start})") from error
    article = SUFFIXES[path.suffix.lower()](content)
    if not article.text.strip():
        raise ValueError("has no text")
    return article, hashlib.sha256(article.text.encode()).hexdigest()


def ingest(
    paths: Sequence[Path],
    *,
    session: Session,
    find: Finder,
    now: datetime,
    progress: Callable[[Path], None] = lambda _: None,
) -> IngestReport:
    """Add each article once (by content hash) with its mentions; bad files are reported."""
    report = IngestReport()
    for number, path in enumerate(article_files(paths), start=1):
        progress(path)
        try:
            article, digest = read_article(path)
        except ValueError as error:
            report.refused.append((path, str(error)))
            continue
        if _known(session, digest):
            report.duplicates += 1
            continue
        _add(session, path, article, digest, find(article.text, "auto"), now)
        report.added += 1
        if number % BATCH == 0:
            session.commit()
    session.commit()
    return report


def _known(session: Session, digest: str) -> bool:
    return (
        session.execute(select(col(Article.id)).where(col(Article.content_hash) == digest)).first()
        is not None
    )


def _add(
    session: Session,
    path: Path,
    article: readers.ArticleText,
    digest: str,
    found: Found,
    now: datetime,
) -> None:
    record = Article(
        content_hash=digest,
        title=article.title[:300] or path.name,
        published=article.published,
        language=found.language[:2],
        source=str(path)[-500:],
        characters=len(article.text),
        ingested_at=now,
        text=article.text,
    )
    session.add(record)
    session.flush()
    assert record.id is not None
    for skill_id, (count, sentences) in sorted(found.skills.items()):
        session.add(
            Mention(
                article_id=record.id,
                skill_id=skill_id,
                count=count,
                evidence="\n".join(sentences[:EVIDENCE_SENTENCES]),
            )
        )


def refresh_demand(*, session: Session, taxonomy: Taxonomy, today: date, now: datetime) -> int:
    """Recompute and store every skill's demand from the sources and the corpus."""
    rows = session.execute(
        select(
            col(Article.id), col(Article.published), col(Article.ingested_at), col(Mention.skill_id)
        ).join(Mention, Mention.article_id == Article.id)  # type: ignore[arg-type]
    ).all()
    by_article: dict[int, tuple[date, set[str]]] = {}
    for article_id, published, ingested, skill_id in rows:
        day = published or ingested.date()
        by_article.setdefault(article_id or 0, (day, set()))[1].add(skill_id)
    corpus = [ArticleSkills(day, frozenset(skills)) for day, skills in by_article.values()]
    articles = int(session.exec(select(func.count()).select_from(Article)).one())
    signal = demand_signal(taxonomy.demand_prior(today), corpus, today)
    session.execute(delete(SkillDemand))
    for skill_id, value in signal.items():
        session.add(SkillDemand(skill_id=skill_id, value=value, articles=articles, computed_at=now))
    session.commit()
    return articles


def current_demand(*, session: Session, fallback: Mapping[str, float]) -> dict[str, float]:
    """The stored demand signal, or `fallback` (the sources' prior) before any ingestion."""
    stored = dict(session.execute(select(col(SkillDemand.skill_id), col(SkillDemand.value))).all())
    return (
        {skill_id: stored.get(skill_id, value) for skill_id, value in fallback.items()}
        if stored
        else dict(fallback)
    )


def evidence(*, session: Session, skill_id: str, limit: int = 10) -> list[dict[str, Any]]:
    """Sentences that mention a skill, newest articles first, with the article and its date."""
    rows = session.exec(
        select(
            col(Article.title),
            col(Article.published),
            col(Article.ingested_at),
            col(Mention.evidence),
        )
        .join(Mention, col(Mention.article_id) == col(Article.id))
        .where(Mention.skill_id == skill_id)
        .order_by(col(Article.published).desc().nulls_last(), col(Article.id).desc())
        .limit(limit)
    ).all()
    return [
        {
            "article": title,
            "date": (published or ingested.date()).isoformat(),
            "sentences": [s for s in text.split("\n") if s],
        }
        for title, published, ingested, text in rows
    ]


def suggest_terms(
    *, session: Session, taxonomy: Taxonomy, today: date, top: int = 30
) -> list[EmergingTerm]:
    """Phrases frequent in recent articles that no label or alias of the taxonomy covers."""
    rows = session.exec(
        select(col(Article.text), col(Article.published), col(Article.ingested_at))
    ).all()
    texts = [text for text, _, _ in rows]
    days = [published or ingested.date() for _, published, ingested in rows]
    names = [name for skill in taxonomy.skills.values() for name in skill.all_aliases()]
    return emerging_terms(texts, days, names, today, top=top)
