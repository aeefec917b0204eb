"""gunicorn settings for production: `gunicorn -c python:advisor.gunicorn_conf advisor.wsgi:app`.

Two single-threaded workers per core (gthread with one thread): a plan is CPU work under one
interpreter lock, so threads of one process only queue behind it, while the kernel schedules
processes fairly; on 2 cores 4 × 1 gave the lowest POST p99 of the shapes measured (see
docs/performance.md). Workers keep no state two of them could disagree on: plans and their
PDFs live in the database, and rate limits in RATELIMIT_STORAGE_URI when it names a shared
store. Tune with the environment: BIND (127.0.0.1:8000), WEB_CONCURRENCY (workers, 4: two per
core of a 2-core machine), GUNICORN_THREADS (1), GUNICORN_MAX_REQUESTS (0: no recycling).
"""

from __future__ import annotations

import gc
import os
from typing import Any

from gunicorn.glogging import Logger

from advisor import logs

bind = os.environ.get("BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "4"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# No recycling: a worker's start costs seconds of CPU (imports, the fitted taxonomy), and
# recycling under load restarted both workers within seconds of each other (timeouts, p99
# spikes, lost page caches). GUNICORN_MAX_REQUESTS turns it on, staggered by a tenth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# gunicorn's own limits on the request head, stated rather than inherited. It answers a breach
# itself (400, or 414 for the line) before advisor sees the request, so that page carries none
# of advisor's security headers: the proxy in front adds them (see the README). A plan address
# is about 60 characters; a 4 KiB line and 8 KiB headers leave room for any browser's request.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
logger_class = "advisor.gunicorn_conf.RedactingLogger"


class RedactingLogger(Logger):  # type: ignore[misc]
    """gunicorn's access and error logs through advisor's redacting filter.

    gunicorn builds its handlers here (again on every reload), so the filter goes on each.
    """

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.addFilter(logs.REDACTING_FILTER)


def when_ready(server: Any) -> None:
    """With --preload, the app was built in the master: freeze its objects before the workers
    are forked, so they stay shared (a collection would otherwise touch, and copy, them)."""
    if server.cfg.preload_app:
        gc.collect()
        gc.freeze()


def post_fork(server: Any, worker: Any) -> None:
    """With --preload, the workers must not share the master's database connections."""
    app = getattr(worker.app, "callable", None)
    store = getattr(app, "extensions", {}).get("advisor.store")
    if store is not None:
        store.engine.dispose(close=False)


def post_worker_init(worker: Any) -> None:
    """Once the worker has built the app: the objects made at start-up (the taxonomy, the
    fitted model, templates, modules) are moved out of the garbage collector's sight, so a
    full collection no longer walks them all and stalls the worker."""
    gc.collect()
    gc.freeze()


def on_starting(server: Any) -> None:
    """Migrate once, in the master, before any worker starts; workers then skip it."""
    from advisor.app import create_settings_app
    from advisor.persistence.engine import engine_for, prepare

    app = create_settings_app()
    # The master sets logging up once; the workers it forks inherit it.
    logs.configure(app.config["LOG_LEVEL"])
    if app.config["AUTO_MIGRATE"]:
        engine = engine_for(app.config, app.instance_path)
        prepare(engine)
        engine.dispose()
    os.environ["ADVISOR_AUTO_MIGRATE"] = "false"
