"""Errors about what a person submitted, each naming the fields that are wrong."""

from __future__ import annotations

from collections.abc import Mapping


class InvalidInput(ValueError):
    """Submitted data with invalid fields; `fields` maps each field name to what is wrong."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.fields.items()))


class InvalidProfile(InvalidInput):
    """A profile (the input of a plan) that cannot be planned for."""


class InvalidQuestion(InvalidInput):
    """A what-if question about a skill or level that does not exist."""


class InvalidText(InvalidInput):
    """A text given for skill extraction that is too long or in an unknown language."""


class InvalidPlan(InvalidInput):
    """A document given as an earlier plan that is not one of advisor's plans."""
