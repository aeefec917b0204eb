"""Telling English from French."""

from __future__ import annotations

from advisor.core.extraction import (
    detect_language,
)


def test_language_detection() -> None:
    assert detect_language("Nous recherchons une personne pour le déploiement des modèles.") == "fr"
    assert detect_language("We are looking for someone to deploy the models.") == "en"


def test_a_short_text_without_common_words_is_told_by_its_french_signs() -> None:
    assert detect_language("Gérer l'infrastructure TIC") == "fr"
    assert detect_language("Déploiement Kubernetes, supervision Prometheus") == "fr"
    assert detect_language("Architecture d’applications") == "fr"
    assert detect_language("Kubernetes deployment, Prometheus monitoring") == "en"
    assert detect_language("Terraform, Ansible") == "en"
    # Common words still decide first: one French letter does not outweigh them.
    assert detect_language("We migrated the café chain's servers to the cloud.") == "en"
