"""The WSGI entry point for gunicorn (`gunicorn advisor.wsgi:app`).

A configuration error is printed as one line and the process exits with status 3, which
gunicorn treats as "do not restart the worker": a bad setting will not fix itself.
"""

from __future__ import annotations

import sys

from advisor import logs
from advisor.app import create_app
from advisor.config import ConfigError

try:
    app = create_app()
except ConfigError as error:
    sys.stderr.write(f"advisor: {error}\n")
    raise SystemExit(3) from None
# This module is an entry point: logging is set up here, after the settings are known.
logs.configure(app.config["LOG_LEVEL"])
