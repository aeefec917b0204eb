"""Queries on the article corpus: articles, the skills they mention, and the demand signal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, func
from sqlmodel import Session, col, select

from advisor.core.extraction import ArticleSkills
from advisor.persistence.models import Article, Mention, SkillDemand


@dataclass(frozen=True)
class NewArticle:
    """An article read and matched, ready to be stored with its mentions."""

    content_hash: str
    title: str
    published: date | None
    language: str
    source: str
    text: str
    # skill id -> (count, evidence sentences)
    mentions: Mapping[str, tuple[int, Sequence[str]]]


def is_known(*, session: Session, content_hash: str) -> bool:
    """Whether an article with this content is already in the corpus."""
    query = select(col(Article.id)).where(col(Article.content_hash) == content_hash)
    return session.execute(query).first() is not None


def add_article(*, session: Session, article: NewArticle, now: datetime) -> None:
    """Stage an article and one mention row per skill it mentions."""
    record = Article(
        content_hash=article.content_hash,
        title=article.title[:300],
        published=article.published,
        language=article.language[:2],
        source=article.source[-500:],
        characters=len(article.text),
        ingested_at=now,
        text=article.text,
    )
    session.add(record)
    session.flush()
    assert record.id is not None
    for skill_id, (count, sentences) in sorted(article.mentions.items()):
        evidence = "\n".join(sentences)
        session.add(
            Mention(article_id=record.id, skill_id=skill_id, count=count, evidence=evidence)
        )


def skills_by_article(*, session: Session) -> list[ArticleSkills]:
    """Each article's day (published, else ingested) with the set of skills it mentions."""
    rows = session.execute(
        select(
            col(Article.id), col(Article.published), col(Article.ingested_at), col(Mention.skill_id)
        ).join(Mention, Mention.article_id == Article.id)  # type: ignore[arg-type]
    ).all()
    by_article: dict[int, tuple[date, set[str]]] = {}
    for article_id, published, ingested, skill_id in rows:
        day = published or ingested.date()
        by_article.setdefault(article_id or 0, (day, set()))[1].add(skill_id)
    return [ArticleSkills(day, frozenset(skills)) for day, skills in by_article.values()]


def article_count(*, session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Article)).one())


def replace_demand(
    *, session: Session, signal: Mapping[str, float], articles: int, now: datetime
) -> None:
    """Stage the demand signal in place of the stored one."""
    session.execute(delete(SkillDemand))
    for skill_id, value in signal.items():
        session.add(SkillDemand(skill_id=skill_id, value=value, articles=articles, computed_at=now))


def stored_demand(*, session: Session | Connection) -> dict[str, float]:
    """The demand signal last stored (empty before any ingestion)."""
    rows = session.execute(select(col(SkillDemand.skill_id), col(SkillDemand.value))).all()
    return {skill_id: value for skill_id, value in rows}


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


def dated_texts(*, session: Session) -> list[tuple[str, date]]:
    """Every article's text with its day, for finding emerging terms."""
    rows = session.exec(
        select(col(Article.text), col(Article.published), col(Article.ingested_at))
    ).all()
    return [(text, published or ingested.date()) for text, published, ingested in rows]
