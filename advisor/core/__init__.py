"""The pure core of advisor: taxonomy, extraction, demand, scoring and planning.

Values in, values out. Nothing in this package imports Flask, WTForms, SQLModel, SQLAlchemy or
YAML, or touches files, the network or the clock: callers pass everything in (the taxonomy as
objects, "today" as a date). scikit-learn and numpy are allowed, they only compute. An
import-linter contract in `pyproject.toml` enforces the rule.
"""
