"""Turning an article file's content into a title, a date and plain text (no I/O here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

DROPPED_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "title",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TITLE_MAX = 120
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_META = {
    "article:published_time",
    "date",
    "dc.date",
    "pubdate",
    "publish-date",
    "og:published_time",
    "datepublished",
}


@dataclass(frozen=True)
class ArticleText:
    title: str
    text: str
    published: date | None


class _Reader(HTMLParser):
    """Collects visible text, the <title>, and a publication date from meta or <time>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.published: date | None = None
        self._dropped = 0
        self._in_title = False
        self.heading = ""
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
        elif tag in HEADINGS and not self.heading:
            self._in_heading = True
        elif tag in DROPPED_TAGS:
            self._dropped += 1
        if (
            tag == "meta"
            and (values.get("property") or values.get("name") or "").lower() in DATE_META
        ):
            self.published = self.published or parse_date(values.get("content", ""))
        if tag == "time":
            self.published = self.published or parse_date(values.get("datetime", ""))
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in HEADINGS:
            self._in_heading = False
        elif tag in DROPPED_TAGS and self._dropped:
            self._dropped -= 1
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._dropped:
            return
        if self._in_heading:
            self.heading += data
        self.parts.append(data)


def parse_date(text: str) -> date | None:
    """The first ISO date (YYYY-MM-DD) in `text`, if it is a real date."""
    match = ISO_DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def from_html(content: str) -> ArticleText:
    """Visible text of an HTML page (scripts, styles and the head dropped)."""
    reader = _Reader()
    reader.feed(content)
    reader.close()
    text = _tidy("".join(reader.parts))
    title = " ".join((reader.title or reader.heading).split()) or heading_line(text)
    return ArticleText(title, text, reader.published)


def from_markdown(content: str) -> ArticleText:
    """Markdown kept as text; the H1 (`# Title` or a line underlined with `===`), else the first
    heading, is the title; a `date:` line the date."""
    heading = (
        re.search(r"^#\s+(.+?)\s*#*$", content, flags=re.MULTILINE)
        or re.search(r"^(\S.*)\n=+[ \t]*$", content, flags=re.MULTILINE)
        or re.search(r"^#{2,6}\s+(.+?)\s*#*$", content, flags=re.MULTILINE)
    )
    dated = re.search(r"^(?:date|published)\s*:\s*(.+)$", content, flags=re.MULTILINE | re.I)
    text = _tidy(re.sub(r"[#*_`>]+", " ", content))
    title = heading[1].strip() if heading else heading_line(text)
    return ArticleText(title, text, parse_date(dated[1]) if dated else None)


def from_plain_text(content: str) -> ArticleText:
    """Plain text; its first line is the title only when it reads as a heading."""
    text = _tidy(content)
    return ArticleText(heading_line(text), text, None)


def heading_line(text: str) -> str:
    """The first line when it is heading-like (short, not ending as a sentence or clause does,
    more than one character), else "": a title is never a sentence cut in the middle."""
    first = text.split("\n", 1)[0].strip() if text else ""
    if len(first) > TITLE_MAX or len(first) < 2 or first.endswith((".", ",", ";", ":")):
        return ""
    return first


Reader = Callable[[str], ArticleText]
# The one table of the article formats advisor reads, by file suffix.
READERS: dict[str, Reader] = {
    ".txt": from_plain_text,
    ".md": from_markdown,
    ".markdown": from_markdown,
    ".html": from_html,
    ".htm": from_html,
}


def is_article_name(name: str) -> bool:
    """Whether a file name has one of the suffixes advisor reads."""
    return "." in name and "." + name.rsplit(".", 1)[1].lower() in READERS


def reader_for(suffix: str) -> Reader:
    """The reader of a suffix (".md" or "md"); plain text for anything else."""
    return READERS.get("." + suffix.lower().lstrip("."), from_plain_text)
