"""Paste or upload an article and see the skills it mentions, highlighted in the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from advisor import services
from advisor.core.articles import from_html, from_markdown, from_plain_text
from advisor.core.profile import ProfileError
from advisor.web.context import current_advisor

bp = Blueprint("articles", __name__)
READERS = {"html": from_html, "htm": from_html, "md": from_markdown, "txt": from_plain_text}


class ArticleForm(FlaskForm):  # type: ignore[misc]
    text = TextAreaField(_l("Article text"), validators=[Optional(), Length(max=200_000)])
    upload = FileField(
        _l("…or a file (.txt, .md, .html)"),
        validators=[FileAllowed(list(READERS), _l("Upload a .txt, .md or .html file."))],
    )
    lang = SelectField(
        _l("Language"),
        choices=[
            SelectChoice("auto", str(_l("Detect"))),
            SelectChoice("en", "English"),
            SelectChoice("fr", "Français"),
        ],
    )


@dataclass(frozen=True)
class Segment:
    text: str
    skill: str | None = None
    label: str = ""


def segments(text: str, found: dict[str, Any]) -> list[Segment]:
    """The text cut into plain runs and highlighted mentions, in order."""
    spans = sorted((a, b, s["id"], s["label"]) for s in found["skills"] for a, b in s["spans"])
    parts, cursor = [], 0
    for start, end, skill, label in spans:
        if start < cursor:
            continue
        parts.append(Segment(text[cursor:start]))
        parts.append(Segment(text[start:end], skill, label))
        cursor = end
    parts.append(Segment(text[cursor:]))
    return [p for p in parts if p.text]


@bp.route("/extract", methods=["GET", "POST"])
def extract() -> ResponseReturnValue:
    form = ArticleForm()
    result, text = None, ""
    if form.validate_on_submit():
        text = _article_text(form)
        if not text.strip():
            form.text.errors = [*form.text.errors, _l("Paste a text or choose a file.")]
        else:
            try:
                result = services.extract_text(current_advisor(), text, form.lang.data)
            except ProfileError as error:
                form.text.errors = [*form.text.errors, *error.fields.values()]
    status = 422 if form.errors else 200
    parts = segments(text, result) if result else []
    return render_template("articles/extract.html", form=form, result=result, parts=parts), status


def _article_text(form: ArticleForm) -> str:
    upload = form.upload.data
    if upload and getattr(upload, "filename", ""):
        suffix = upload.filename.rsplit(".", 1)[-1].lower()
        try:
            content = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            form.upload.errors = [*form.upload.errors, _l("The file is not UTF-8 text.")]
            return ""
        return READERS.get(suffix, from_plain_text)(content).text
    return form.text.data or ""
