"""The taxonomy page: for whoever curates the skills, how defensible their evidence is."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from advisor.services.taxonomy import evidence_page
from advisor.web.context import current_advisor
from advisor.web.i18n import current_language

bp = Blueprint("taxonomy", __name__)


@bp.route("/taxonomy")
def evidence() -> ResponseReturnValue:
    """The curator's report (`advisor taxonomy report`) in the reader's language."""
    advisor = current_advisor()
    language = current_language()
    page = evidence_page(advisor.taxonomy, advisor.evidence, language)
    return render_template("taxonomy/evidence.html", page=page, language=language)
