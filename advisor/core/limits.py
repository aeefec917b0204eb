"""The limits of what a person may submit: one declaration, read by the core's validation, the
web forms, the API's schemas and the documentation alike."""

from __future__ import annotations

MIN_LEVEL, MAX_LEVEL = 0, 5
MIN_HOURS_PER_WEEK, MAX_HOURS_PER_WEEK = 1, 60
MIN_DEADLINE_WEEKS, MAX_DEADLINE_WEEKS = 1, 520
MAX_ROLE_TEXT = 200
MAX_TEAM_NAME = 100
MAX_EXPERIENCE = 10_000
MAX_AD_TEXT = 20_000
MAX_EXTRACT_TEXT = 200_000
# An article read from disk or uploaded: bytes, before decoding.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# Rows of a list in a form (`levels-<n>-level`): an index has at most this many digits.
MAX_FORM_INDEX_DIGITS = 3
# UTF-8 takes up to 4 bytes a character: the bytes of the longest text a form field takes.
MAX_TEXT_FIELD_BYTES = 4 * MAX_EXTRACT_TEXT
# A whole request body: an uploaded article beside the longest text field, and room for the
# rest of the form (a JSON body escaping every character as \\uXXXX fits as well).
MAX_REQUEST_BYTES = MAX_ARTICLE_BYTES + MAX_TEXT_FIELD_BYTES + 64 * 1024
