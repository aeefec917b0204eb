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

from advisor.core.errors import InvalidInput
from advisor.core.extraction import READERS
from advisor.core.limits import MAX_AD_TEXT, MAX_EXTRACT_TEXT
from advisor.services import corpus
from advisor.web.context import current_advisor
from advisor.web.forms import AdForm

bp = Blueprint("articles", __name__)
SUFFIXES = [suffix.lstrip(".") for suffix in READERS]


class ArticleForm(FlaskForm):  # type: ignore[misc]
    text = TextAreaField(_l("Article text"), validators=[Optional(), Length(max=MAX_EXTRACT_TEXT)])
    upload = FileField(
        _l("…or a file (.txt, .md, .html)"),
        validators=[FileAllowed(SUFFIXES, _l("Upload a .txt, .md or .html file."))],
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
                result = corpus.extract_text(current_advisor(), text, form.lang.data)
            except InvalidInput as error:
                form.text.errors = [*form.text.errors, *error.fields.values()]
    status = 422 if form.errors else 200
    parts = segments(text, result) if result else []
    ad_form = None
    if result and result["skills"] and len(text) <= MAX_AD_TEXT:
        ad_form = AdForm(formdata=None, data={"target_ad": text})
    page = render_template(
        "articles/extract.html", form=form, result=result, parts=parts, ad_form=ad_form
    )
    return page, status


def _article_text(form: ArticleForm) -> str:
    upload = form.upload.data
    if upload and getattr(upload, "filename", ""):
        suffix = upload.filename.rsplit(".", 1)[-1]
        try:
            content = corpus.decode_article(upload.read())
        except ValueError:
            form.upload.errors = [*form.upload.errors, _l("The file is not UTF-8 text.")]
            return ""
        return corpus.article_text(content, suffix).text
    return form.text.data or ""
