"""Role fit: how much of a role's importance-weighted levels a person already covers.

`RoleFitModel` follows scikit-learn's estimator contract: `fit` learns the roles (their
requirement vectors, through a `DictVectorizer` over skill ids) and returns `self`; learned state
ends in `_`; `predict` checks it was fitted. A person's fit to role r is

    fit_r = Σ_s importance_rs · min(level_s, target_rs) / Σ_s importance_rs · target_rs

a number in [0, 1] that reads as "you already cover 62 % of what this role needs, weighted by
importance": each level of each required skill counts, the important skills count more, and
being above a target earns nothing extra.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import DictVectorizer
from sklearn.utils.validation import check_is_fitted

from advisor.core.taxonomy import Role, Taxonomy

Levels = Mapping[str, int]


class RoleFitModel(BaseEstimator):  # type: ignore[misc]
    """Fits the roles of a taxonomy; predicts each person's fit to every role."""

    def __init__(self, n_suggestions: int = 3) -> None:
        self.n_suggestions = n_suggestions

    def fit(self, roles: Sequence[Role], y: Sequence[str] | None = None) -> RoleFitModel:
        """Learn each role's target levels and importance weights over all skills."""
        self.role_ids_ = list(y) if y is not None else [r.id for r in roles]
        targets = [{s: float(r.level) for s, r in role.requirements.items()} for role in roles]
        weights = [{s: float(r.importance) for s, r in role.requirements.items()} for role in roles]
        self.vectorizer_ = DictVectorizer(sparse=False, sort=True).fit(targets + weights)
        self.targets_ = self.vectorizer_.transform(targets)
        weighted = self.vectorizer_.transform(weights) * self.targets_
        self.weights_ = weighted / weighted.sum(axis=1, keepdims=True)
        # Dividing by a zero target is avoided: such a skill has zero weight anyway.
        self.safe_targets_ = np.where(self.targets_ > 0, self.targets_, 1.0)
        return self

    def predict(self, people: Sequence[Levels]) -> NDArray[np.float64]:
        """Fit of each person (rows) to each role (columns), in [0, 1]."""
        check_is_fitted(self, "weights_")
        levels = self.vectorizer_.transform([{k: float(v) for k, v in p.items()} for p in people])
        covered = np.minimum(levels[:, None, :], self.targets_[None, :, :]) / self.safe_targets_
        result: NDArray[np.float64] = np.clip((covered * self.weights_).sum(axis=2), 0.0, 1.0)
        return result

    def fit_of(self, levels: Levels, role_id: str) -> float:
        """The fit of one person to one role."""
        return float(self.predict([levels])[0, self.role_ids_.index(role_id)])

    def suggest(self, levels: Levels) -> list[tuple[str, float]]:
        """The best-fitting roles, best first: (role id, fit), `n_suggestions` of them."""
        fits = self.predict([levels])[0]
        order = sorted(range(len(fits)), key=lambda i: (-round(fits[i], 6), self.role_ids_[i]))
        return [(self.role_ids_[i], float(fits[i])) for i in order[: self.n_suggestions]]

    def all_fits(self, levels: Levels) -> dict[str, float]:
        return dict(zip(self.role_ids_, map(float, self.predict([levels])[0]), strict=True))


def fit_role_model(taxonomy: Taxonomy, **params: Any) -> RoleFitModel:
    """The model fitted on every role of `taxonomy` (done once per taxonomy, at start-up)."""
    roles = list(taxonomy.roles.values())
    return RoleFitModel(**params).fit(roles, [r.id for r in roles])
