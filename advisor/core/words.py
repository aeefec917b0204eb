"""Words of the exported plan (PDF and Markdown), in English and French.

These documents are rendered without Flask, so their words live here rather than in the
interface's gettext catalogue; keys name what the words are for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

WORDS: Mapping[str, Mapping[str, str]] = {
    "title": {"en": "Learning plan", "fr": "Plan d’apprentissage"},
    "subject": {
        "en": "Skills plan for the AI shift, ranked and scheduled",
        "fr": "Plan de compétences pour le virage de l’IA, classé et planifié",
    },
    "current_role": {"en": "Current role", "fr": "Poste actuel"},
    "target_role": {"en": "Target role", "fr": "Poste visé"},
    "date": {"en": "Date", "fr": "Date"},
    "fit": {"en": "Fit today", "fr": "Adéquation actuelle"},
    "total_hours": {"en": "Total effort", "fr": "Effort total"},
    "hours_per_week": {"en": "Hours per week", "fr": "Heures par semaine"},
    "weeks": {"en": "Weeks", "fr": "Semaines"},
    "fit_sentence": {
        "en": "You already cover {fit} of what this role needs, weighted by importance.",
        "fr": "Vous couvrez déjà {fit} de ce qu’exige ce poste, pondéré par l’importance.",
    },
    "top_three": {"en": "Your first three priorities", "fr": "Vos trois premières priorités"},
    "nothing": {
        "en": "Nothing to learn for this role: every target is already met.",
        "fr": "Rien à apprendre pour ce poste : tous les niveaux visés sont atteints.",
    },
    "link": {"en": "Your plan online (private link):", "fr": "Votre plan en ligne (lien privé) :"},
    "deadline_ok": {
        "en": "The plan fits your deadline of {weeks} weeks.",
        "fr": "Le plan tient dans votre échéance de {weeks} semaines.",
    },
    "deadline_no": {
        "en": "The plan does not fit your deadline of {weeks} weeks; these first items do: "
        "{items}.",
        "fr": "Le plan ne tient pas dans votre échéance de {weeks} semaines ; ces premiers "
        "éléments y tiennent : {items}.",
    },
    "none": {"en": "none in full", "fr": "aucun en entier"},
    "progress": {
        "en": "Progress since your previous plan",
        "fr": "Vos progrès depuis le plan précédent",
    },
    "progress_fit": {
        "en": "Fit {before} → {after}; about {hours} hours of learning done.",
        "fr": "Adéquation {before} → {after} ; environ {hours} heures d’apprentissage.",
    },
    "no_gain": {"en": "No level gained yet.", "fr": "Aucun niveau gagné pour l’instant."},
    "ranked": {"en": "Ranked skills, and why", "fr": "Compétences par priorité, et pourquoi"},
    "columns": {
        "en": "#|Skill and reasons|Domain|Level|Hours|Weeks|Priority",
        "fr": "#|Compétence et raisons|Domaine|Niveau|Heures|Semaines|Priorité",
    },
    "prerequisite": {"en": "prerequisite", "fr": "prérequis"},
    "chart": {"en": "Current and target levels", "fr": "Niveaux actuels et visés"},
    "first_25": {"en": "first 25 items", "fr": "25 premiers éléments"},
    "chart_legend": {
        "en": "grey: current level · blue: target level (0 to 5)",
        "fr": "gris : niveau actuel · bleu : niveau visé (0 à 5)",
    },
    "schedule": {"en": "Week by week", "fr": "Semaine par semaine"},
    "in_progress": {
        "en": "Skills in progress (hours per week)",
        "fr": "Compétences en cours (heures par semaine)",
    },
    "details": {"en": "Each skill in detail", "fr": "Chaque compétence en détail"},
    "anchor": {"en": "At level {level} you can:", "fr": "Au niveau {level}, vous savez :"},
    "after": {"en": "Comes after:", "fr": "Vient après :"},
    "method": {"en": "How the ranking works", "fr": "Comment le classement est établi"},
    "method_text": {
        "en": "Your fit is the share of the role's importance-weighted levels you already have. "
        "Each gap gets a priority from five factors with fixed weights; an item never comes "
        "before the skills it builds on. Items are scheduled at most two at a time into "
        "your weekly hours.",
        "fr": "Votre adéquation est la part des niveaux exigés par le poste, pondérés par leur "
        "importance, que vous avez déjà. Chaque écart reçoit une priorité calculée à partir "
        "de cinq facteurs aux poids fixes ; un élément ne précède jamais les compétences "
        "sur lesquelles il repose. Deux éléments au plus sont menés de front, dans vos "
        "heures hebdomadaires.",
    },
    "factors": {"en": "Factors: {factors}.", "fr": "Facteurs : {factors}."},
    "sources": {"en": "Sources", "fr": "Sources"},
    "attribution": {"en": "Attribution", "fr": "Attribution"},
    "esco": {
        "en": "This service uses the ESCO classification of the European Commission.",
        "fr": "Ce service utilise la classification ESCO de la Commission européenne.",
    },
    "onet": {
        "en": "Technology demand flags come from O*NET 29.2 (U.S. Department of Labor, "
        "Employment and Training Administration), CC BY 4.0; modified by advisor.",
        "fr": "Les indicateurs de demande technologique proviennent d’O*NET 29.2 (ministère du "
        "Travail des États-Unis), licence CC BY 4.0 ; modifiés par advisor.",
    },
    "page": {"en": "Page {n}", "fr": "Page {n}"},
    "totals": {
        "en": "{hours} hours at {per_week} h/week: {weeks} weeks.",
        "fr": "{hours} heures à {per_week} h/semaine : {weeks} semaines.",
    },
    "suggestions": {"en": "Best-fitting roles", "fr": "Postes les plus proches"},
    "md_columns": {
        "en": "| # | Skill | Level | Hours | Weeks | Priority |",
        "fr": "| # | Compétence | Niveau | Heures | Semaines | Priorité |",
    },
    "why": {"en": "Why", "fr": "Pourquoi"},
    "resources": {"en": "Resources", "fr": "Ressources"},
    "months": {
        "en": "January February March April May June July August September October November "
        "December",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre",
    },
}


def colon(language: str) -> str:
    """French sets a (narrow) no-break space before a colon; English does not."""
    return "\u202f: " if language == "fr" else ": "


def word(key: str, language: str, **values: Any) -> str:
    """The text for `key` in `language` (English for anything but French)."""
    return WORDS[key]["fr" if language == "fr" else "en"].format(**values)
