"""Telling English from French."""

from __future__ import annotations

from advisor.core.extraction import (
    detect_language,
)


def test_language_detection() -> None:
    assert detect_language("Nous recherchons une personne pour le déploiement des modèles.") == "fr"
    assert detect_language("We are looking for someone to deploy the models.") == "en"
