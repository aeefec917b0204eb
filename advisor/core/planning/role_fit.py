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

import numpy as np
from numpy.typing import NDArray
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import DictVectorizer
from sklearn.utils.validation import check_is_fitted

from advisor.core.taxonomy import Role, Taxonomy

Levels = Mapping[str, int]


class RoleFitModel(BaseEstimator):  # type: ignore[misc]
    """Fits the roles of a taxonomy; predicts each person's fit to every role."""

    def fit(self, roles: Sequence[Role], y: Sequence[str] | None = None) -> RoleFitModel:
        """Learn each role's target levels and importance weights over all skills.

        A group of interchangeable skills ("any one of AWS, Azure, Google Cloud") is one feature
        whose level is the person's strongest in the group.
        """
        self.role_ids_ = list(y) if y is not None else [r.id for r in roles]
        self.groups_ = {
            _group_feature(role, g.id): g.skills for role in roles for g in role.alternatives
        }
        targets = [_requirement_features(role, "level") for role in roles]
        weights = [_requirement_features(role, "importance") for role in roles]
        self.vectorizer_ = DictVectorizer(sparse=False, sort=True).fit(targets + weights)
        self.targets_ = self.vectorizer_.transform(targets)
        weighted = self.vectorizer_.transform(weights) * self.targets_
        self.weights_ = weighted / weighted.sum(axis=1, keepdims=True)
        # Dividing by a zero target is avoided: such a skill has zero weight anyway.
        self.safe_targets_ = np.where(self.targets_ > 0, self.targets_, 1.0)
        # For one person at a time (every plan): the feature columns, so a fit is computed
        # without the vectorizer's checks.
        self.columns_ = dict(self.vectorizer_.vocabulary_)
        return self

    def predict(self, people: Sequence[Levels]) -> NDArray[np.float64]:
        """Fit of each person (rows) to each role (columns), in [0, 1]."""
        check_is_fitted(self, "weights_")
        levels = self.vectorizer_.transform([self._features(p) for p in people])
        covered = np.minimum(levels[:, None, :], self.targets_[None, :, :]) / self.safe_targets_
        result: NDArray[np.float64] = np.clip((covered * self.weights_).sum(axis=2), 0.0, 1.0)
        return result

    def fit_of(self, levels: Levels, role_id: str) -> float:
        """The fit of one person to one role."""
        return self.all_fits(levels)[role_id]

    def _features(self, levels: Levels) -> dict[str, float]:
        features = {k: float(v) for k, v in levels.items()}
        for name, skills in self.groups_.items():
            features[name] = float(max((levels.get(s, 0) for s in skills), default=0))
        return features

    def all_fits(self, levels: Levels) -> dict[str, float]:
        """The fit of one person to every role (what `predict` gives for one row, cheaper)."""
        row = np.zeros(len(self.columns_))
        for name, value in self._features(levels).items():
            column = self.columns_.get(name)
            if column is not None:
                row[column] = value
        # The same operations as `predict`, in the same order: the same fits to the last bit.
        covered = np.minimum(row[None, :], self.targets_) / self.safe_targets_
        fits = np.clip((covered * self.weights_).sum(axis=1), 0.0, 1.0)
        return dict(zip(self.role_ids_, fits.tolist(), strict=True))


def _group_feature(role: Role, group_id: str) -> str:
    return f"any-of:{role.id}:{group_id}"


def _requirement_features(role: Role, attribute: str) -> dict[str, float]:
    features = {s: float(getattr(r, attribute)) for s, r in role.requirements.items()}
    for group in role.alternatives:
        features[_group_feature(role, group.id)] = float(getattr(group, attribute))
    return features


def fit_role_model(taxonomy: Taxonomy) -> RoleFitModel:
    """The model fitted on every role of `taxonomy` (done once per taxonomy, at start-up)."""
    roles = list(taxonomy.roles.values())
    return RoleFitModel().fit(roles, [r.id for r in roles])
