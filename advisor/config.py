"""Settings: defaults, then the instance `config.py`, then `ADVISOR_*` variables, then tests.

Every setting advisor reads is declared in `Defaults`; anything else that arrives from the
instance file or the environment is a typo and stops start-up, since a silently ignored
`ADVISOR_DATABSE_URL` would put someone's data in the wrong place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Config, Flask

from advisor.core import limits

ENV_PREFIX = "ADVISOR"
SECRET_HINT = (
    "set ADVISOR_SECRET_KEY (for example: export ADVISOR_SECRET_KEY=$(python3 -c "
    "'import secrets; print(secrets.token_hex(32))')) or SECRET_KEY in {instance}/config.py"
)
PLACEHOLDER_SECRETS = {"dev", "secret", "changeme", "change-me", "change_me", "development"}
MIN_SECRET_LENGTH = 16
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(RuntimeError):
    """A setting that stops start-up; its message is one line that says what to fix."""


class Defaults:
    """Every setting advisor knows, with its default value."""

    SECRET_KEY: str | None = None
    # None means: a SQLite file named advisor.sqlite3 in the instance folder.
    DATABASE_URL: str | None = None
    # None means: the taxonomy bundled with the package.
    SKILLS_DATA: str | None = None
    INSTANCE_PATH: str | None = None
    # Where compiled taxonomies are cached; read from the environment by every entry point,
    # the command line included (see advisor.taxonomy.compiled). None: ~/.cache/advisor.
    CACHE_DIR: str | None = None
    LANGUAGES: tuple[str, ...] = ("en", "fr")
    BABEL_DEFAULT_LOCALE = "en"
    # Computed from the input limits, so that every text a field allows can be sent.
    MAX_CONTENT_LENGTH = limits.MAX_REQUEST_BYTES
    MAX_FORM_MEMORY_SIZE = limits.MAX_TEXT_FIELD_BYTES
    WTF_CSRF_TIME_LIMIT: int | None = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # The app's public address (https://advisor.example.org), from which every absolute link
    # is built: the plan's address on its page and in its PDF, the API's Location header.
    # None means the request's own host, which a client chooses: set it in production.
    PUBLIC_URL: str | None = None
    LOG_LEVEL = "INFO"
    # Apply pending migrations at start-up (right for SQLite and one server; with several
    # workers or machines, turn it off and run `advisor db upgrade` when deploying).
    AUTO_MIGRATE = True
    # Proxies in front of advisor whose X-Forwarded-For/-Proto/-Host headers are trusted.
    TRUSTED_PROXIES = 0
    # Rate limits of the JSON API, per client address. "memory://" counts in each worker;
    # with several workers or machines use a shared store, e.g. "redis://host:6379".
    API_RATE_LIMIT = "120 per minute"
    # Limits of the costly pages, per client address, in the same store: the two form posts
    # together (one plan takes two), the article form's analysis, and PDF downloads.
    FORM_RATE_LIMIT = "30 per minute"
    EXTRACT_RATE_LIMIT = "10 per minute"
    PDF_RATE_LIMIT = "10 per minute"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_ENABLED = True


def known_settings(app: Flask) -> set[str]:
    """Names advisor or Flask itself understand."""
    ours = {name for name in vars(Defaults) if name.isupper()}
    return ours | set(app.config)


def load_config(
    app: Flask, test_config: Mapping[str, Any] | None, *, require_secret: bool = True
) -> None:
    """Fill `app.config` layer by layer and refuse what would run badly."""
    known = known_settings(app)
    app.config.from_object(Defaults)
    instance, environment = _instance_settings(app), _environment_settings()
    _load_layer(app, known, "in the instance config.py", "", instance)
    _load_layer(app, known, "in the environment", f"{ENV_PREFIX}_", environment)
    if test_config is not None:
        app.config.update(test_config)
    explicit = set(instance) | set(environment) | set(test_config or {})
    if "SESSION_COOKIE_SECURE" not in explicit:
        # Outside debug and tests the session cookie only travels over HTTPS.
        app.config["SESSION_COOKIE_SECURE"] = not (app.debug or app.testing)
    _check_public_url(app)
    _check_log_level(app)
    if require_secret:
        _check_secret(app)


def _load_layer(
    app: Flask, known: set[str], where: str, prefix: str, settings: dict[str, Any]
) -> None:
    unknown = sorted(set(settings) - known)
    if unknown:
        ours = ", ".join(prefix + n for n in sorted(vars(Defaults)) if n.isupper())
        raise ConfigError(f"unknown setting {prefix}{unknown[0]} {where}; advisor knows: {ours}")
    app.config.update(settings)


def _instance_settings(app: Flask) -> dict[str, Any]:
    path = Path(app.instance_path) / "config.py"
    if not path.is_file():
        return {}
    settings = Config(root_path=app.instance_path)
    try:
        settings.from_pyfile(str(path))
    except Exception as error:  # any error in the user's file must become one line
        raise ConfigError(f"{path} cannot be read: {error}") from error
    return dict(settings)


def _environment_settings() -> dict[str, Any]:
    # Flask's parser turns "true", "8" and JSON into values, as users of Flask expect.
    settings = Config(root_path="")
    settings.from_prefixed_env(ENV_PREFIX)
    return dict(settings)


def _check_secret(app: Flask) -> None:
    if app.debug or app.testing:
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = os.urandom(32).hex()
        return
    secret = app.config.get("SECRET_KEY")
    hint = SECRET_HINT.format(instance=app.instance_path)
    if not secret:
        raise ConfigError(f"SECRET_KEY is not set: {hint}")
    if str(secret).lower() in PLACEHOLDER_SECRETS or len(str(secret)) < MIN_SECRET_LENGTH:
        raise ConfigError(
            f"SECRET_KEY looks like a placeholder (use at least {MIN_SECRET_LENGTH} random "
            f"characters): {hint}"
        )


def _check_public_url(app: Flask) -> None:
    url = app.config.get("PUBLIC_URL")
    if not url:
        return
    parts = urlsplit(str(url))
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(
            f"PUBLIC_URL must be the address of the app, such as https://advisor.example.org "
            f"(got {url!r})"
        )


def _check_log_level(app: Flask) -> None:
    level = str(app.config["LOG_LEVEL"]).upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} (got {level!r})")
    app.config["LOG_LEVEL"] = level


def database_url(settings: Mapping[str, Any], instance_path: str) -> str:
    """The configured URL, or a SQLite file in the instance folder."""
    configured = settings.get("DATABASE_URL")
    if configured:
        return str(configured)
    return f"sqlite:///{Path(instance_path) / 'advisor.sqlite3'}"


def existing_sqlite_file(url: str) -> bool | None:
    """For an SQLite URL, whether its database file exists (None for another database), read
    without importing SQLAlchemy: `sqlite:///relative/path`, `sqlite:////absolute/path`."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+")[0] != "sqlite":
        return None
    path = rest[1:].split("?")[0] if rest.startswith("/") else ""
    return bool(path) and Path(path).is_file()


def create_settings_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Only the settings (no secret needed, nothing started): for `advisor db` commands."""
    app = Flask("advisor", instance_path=instance_path_of(config))
    load_config(app, config, require_secret=False)
    return app


def instance_path_of(config: Mapping[str, Any] | None) -> str | None:
    """The instance folder: it must be known before the app exists, so it is read apart."""
    if config and config.get("INSTANCE_PATH"):
        return str(config["INSTANCE_PATH"])
    from_env = os.environ.get("ADVISOR_INSTANCE_PATH")
    return os.path.abspath(from_env) if from_env else None
