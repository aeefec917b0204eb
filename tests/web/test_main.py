"""Home page, language choice, health check and error pages."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient


def test_home_page_is_english_by_default(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Which AI-era skills should you learn next?" in page


def test_home_page_follows_accept_language(client: FlaskClient) -> None:
    page = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    text = page.get_data(as_text=True)
    assert '<html lang="fr">' in text
    assert "Quelles compétences de l’ère de l’IA apprendre maintenant\u00a0?" in text


def test_the_switch_overrides_the_browser_and_returns_to_the_page(client: FlaskClient) -> None:
    response = client.get("/language/fr?next=/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="fr">' in page


def test_the_switch_never_redirects_off_site(client: FlaskClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.get("/language/en", query_string={"next": target})
        assert response.headers["Location"] == "/"


def test_an_unknown_language_is_not_found(client: FlaskClient) -> None:
    assert client.get("/language/de").status_code == 404


def test_healthz_checks_the_database(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_dead_database(app: Flask, client: FlaskClient) -> None:
    engine = app.extensions["advisor.store"].engine
    engine.dispose()
    database = Path(engine.url.database)
    for leftover in database.parent.glob(database.name + "*"):
        leftover.unlink()
    database.mkdir()  # a folder where the database file was: every connection now fails
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "error"


def test_not_found_page_is_in_the_persons_language(client: FlaskClient) -> None:
    response = client.get("/no-such-page", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)


def test_a_crash_shows_a_plain_page_without_a_trace(app: Flask) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals /etc/passwd")

    response = app.test_client().get("/boom")
    text = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong" in text
    assert "Traceback" not in text and "secret internals" not in text


def test_api_paths_get_json_errors(client: FlaskClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"
