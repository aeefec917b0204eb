"""The role-fit model on a small taxonomy where every number can be checked by hand."""

from __future__ import annotations

import pytest
from sklearn.base import clone
from sklearn.utils.validation import check_is_fitted

from advisor.core.planning import RoleFitModel


def test_fit_counts_importance_weighted_levels(small_model: RoleFitModel) -> None:
    # MLOps engineer: serving 4×5, monitoring 3×4, containers 3×4, python 3×3 = 53 weighted levels.
    levels = {"foundations.containers": 3, "foundations.python": 5}
    assert small_model.fit_of(levels, "mlops-engineer") == pytest.approx((12 + 9) / 53)


def test_being_above_target_earns_nothing_extra(small_model: RoleFitModel) -> None:
    at_target = small_model.fit_of({"foundations.python": 3}, "mlops-engineer")
    above = small_model.fit_of({"foundations.python": 5}, "mlops-engineer")
    assert at_target == above


def test_the_model_follows_the_estimator_contract(small_model: RoleFitModel) -> None:
    check_is_fitted(small_model)
    assert small_model.get_params() == {}
    assert not hasattr(clone(small_model), "weights_")
