"""The pure core of advisor, by subject: `taxonomy` (the values everything else reads),
`extraction` (skills found in texts, the demand signal), `planning` (from a profile to a
scheduled plan) and `wording` (the plan in words and in its public JSON), with the input
`limits` and the `errors` about input beside them.

Values in, values out. Nothing in this package imports Flask, WTForms, SQLModel, SQLAlchemy or
YAML, or touches files, the network or the clock: callers pass everything in (the taxonomy as
objects, "today" as a date). scikit-learn and numpy are allowed, they only compute. Import-linter
contracts in `pyproject.toml` enforce the rule, the order of the subjects (wording over planning
and extraction, which ignore each other, over the taxonomy) and that the rest of the code reaches
a subject through its package, not its modules.
"""
