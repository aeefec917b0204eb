"""The application factory: a table of contents of the parts the web app is made of."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from advisor import resources
from advisor.config import create_settings_app as create_settings_app
from advisor.config import instance_path_of, load_config
from advisor.persistence.engine import engine_for, prepare
from advisor.persistence.store import Store
from advisor.web import (
    api,
    articles,
    context,
    errors,
    i18n,
    main,
    plans,
    profile,
    security,
    taxonomy,
    teams,
)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the web app. Raises `ConfigError` (one line, what to fix) on a bad setting."""
    app = Flask(
        "advisor",
        instance_path=instance_path_of(config),
        template_folder=str(resources.templates_dir()),
        static_folder="static",
    )
    load_config(app, config)
    i18n.init_app(app)
    context.init_app(app, open_store(app))
    limiter = security.init_app(app)
    csrf = CSRFProtect(app)
    errors.init_app(app)
    app.register_blueprint(main.bp)
    app.register_blueprint(profile.bp)
    app.register_blueprint(plans.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(taxonomy.bp)
    app.register_blueprint(teams.bp)
    # The API takes no cookies, so it needs no CSRF token; it is rate-limited instead.
    csrf.exempt(api.bp)
    limiter.limit(lambda: str(app.config["API_RATE_LIMIT"]))(api.bp)
    app.register_blueprint(api.bp)
    security.limit_expensive_routes(app, limiter)
    if app.config["TRUSTED_PROXIES"]:
        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    return app


def open_store(app: Flask) -> Store:
    """The app's database, migrated at start-up unless AUTO_MIGRATE is off."""
    engine = engine_for(app.config, app.instance_path)
    if app.config["AUTO_MIGRATE"]:
        prepare(engine)
    return Store(engine)
