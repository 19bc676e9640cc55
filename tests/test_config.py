"""Configuration from the environment, and refusing unsafe production settings."""

import pytest

from learn import create_app
from learn.config import ConfigurationError, load_config, normalise_database_url


def test_production_without_secret_key_refuses_to_start(tmp_path):
    with pytest.raises(ConfigurationError, match="KRING_SECRET_KEY"):
        load_config(str(tmp_path), environ={"KRING_ENV": "production"})


@pytest.mark.parametrize("key", ["change-me", "short-key", ""])
def test_production_with_a_placeholder_or_short_key_refuses_to_start(tmp_path, key):
    with pytest.raises(ConfigurationError):
        load_config(str(tmp_path), environ={"KRING_ENV": "production", "KRING_SECRET_KEY": key})


def test_create_app_refuses_too(monkeypatch):
    monkeypatch.setenv("KRING_ENV", "production")
    monkeypatch.delenv("KRING_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError):
        create_app()


def test_production_with_a_real_key_uses_secure_cookies(tmp_path):
    config = load_config(
        str(tmp_path), environ={"KRING_ENV": "production", "KRING_SECRET_KEY": "x" * 40}
    )
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]
    assert config["SESSION_COOKIE_HTTPONLY"] and config["HSTS"]


def test_environment_variables_are_read(tmp_path):
    config = load_config(
        str(tmp_path),
        environ={
            "KRING_DATABASE_URL": "postgres://u:p@db/kring",
            "KRING_TRUSTED_PROXIES": "1",
            "KRING_CASES_DIR": "/srv/cases",
        },
    )
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db/kring"
    assert config["TRUSTED_PROXIES"] == 1
    assert config["CASES_DIR"] == "/srv/cases"


def test_a_bad_number_in_the_environment_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigurationError, match="KRING_TRUSTED_PROXIES"):
        load_config(str(tmp_path), environ={"KRING_TRUSTED_PROXIES": "one"})


def test_unknown_environment_is_refused(tmp_path):
    with pytest.raises(ConfigurationError, match="KRING_ENV"):
        load_config(str(tmp_path), environ={"KRING_ENV": "staging"})


def test_development_keeps_its_generated_key_across_restarts(tmp_path):
    first = load_config(str(tmp_path), environ={})["SECRET_KEY"]
    assert len(first) >= 32
    assert load_config(str(tmp_path), environ={})["SECRET_KEY"] == first


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://a/b", "postgresql+psycopg://a/b"),
        ("postgresql+psycopg://a/b", "postgresql+psycopg://a/b"),
        ("sqlite:///x.db", "sqlite:///x.db"),
    ],
)
def test_database_urls_are_normalised(given, expected):
    assert normalise_database_url(given) == expected
