"""Configuration: defaults per environment, then `KRING_*` environment variables.

Every setting an operator may change is read from the environment here and
documented in the README's configuration table.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Secret keys people copy from examples; production refuses them.
_PLACEHOLDER_SECRETS = {"", "change-me", "changeme", "secret", "dev", "development", "kring"}
MIN_SECRET_KEY_LENGTH = 32


class ConfigurationError(RuntimeError):
    """Raised when Kring is configured in a way it must not start with."""


class Config:
    """Defaults shared by every environment. Instance paths are filled in by `load_config`."""

    KRING_ENV = "development"
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI = "sqlite:///{instance}/kring.sqlite3"
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    CASES_DIR = str(PROJECT_ROOT / "cases")
    MODULES_DIR = str(PROJECT_ROOT / "modules")
    # How often (seconds) an instance looks whether `kring content sync` changed content.
    CONTENT_CHECK_SECONDS = 5.0
    METHODS_DIR = str(PROJECT_ROOT / "methods")
    MIGRATIONS_DIR = str(PROJECT_ROOT / "migrations")
    BABEL_DEFAULT_LOCALE = "nl"
    LANGUAGES = ("nl", "en")
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).parent / "translations")
    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session
    WTF_I18N_ENABLED = False  # learn.forms.KringForm translates WTForms messages itself
    RATELIMIT_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    # Failed logins only: per address+account, per account from any address, and a
    # ceiling per address that a lecture hall behind one NAT address never reaches.
    LOGIN_RATE_LIMIT_PER_ACCOUNT = "5 per minute;20 per hour"
    LOGIN_RATE_LIMIT_PER_ACCOUNT_ANY_ADDRESS = "30 per minute;100 per hour"
    LOGIN_RATE_LIMIT_PER_ADDRESS = "120 per minute;1000 per hour"
    PASSWORD_CHANGE_RATE_LIMIT = "5 per minute;20 per hour"  # noqa: S105 (a limit)
    TRUSTED_PROXIES = 0
    PASSWORD_RESET_HOURS = 48
    BASE_URL = ""  # e.g. https://kring.example.org; links handed out are built on it
    LIVE_EXPIRY_MINUTES = 240  # a live session idle this long is ended and summarised
    LIVE_SSE_SECONDS = 25  # one event stream lasts this long, then the browser reconnects
    LIVE_SSE_MAX_STREAMS = 2  # streams per process, below gunicorn's --threads; others poll
    SESSION_COOKIE_NAME = "kring_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_NAME = "kring_remember"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = False
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    HSTS = False
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    TESTING = False


class DevelopmentConfig(Config):
    """`make run`: a secret key is generated once and kept in instance/."""


class ProductionConfig(Config):
    """Behind HTTPS: secure cookies and HSTS; a real secret key is required."""

    KRING_ENV = "production"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    HSTS = True


class TestingConfig(Config):
    KRING_ENV = "testing"
    TESTING = True


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "testing": TestingConfig,
}
ENVIRONMENTS = tuple(CONFIGS)


def _defaults(env: str, instance_path: str) -> dict[str, Any]:
    config_class = CONFIGS[env]
    values = {key: getattr(config_class, key) for key in dir(config_class) if key.isupper()}
    values["SQLALCHEMY_DATABASE_URI"] = values["SQLALCHEMY_DATABASE_URI"].format(
        instance=Path(instance_path)
    )
    values["SQLALCHEMY_ENGINE_OPTIONS"] = dict(values["SQLALCHEMY_ENGINE_OPTIONS"])
    return values


# Environment variable -> (config key, parser)
_ENV_VARS: dict[str, tuple[str, Any]] = {
    "KRING_SECRET_KEY": ("SECRET_KEY", str),
    "KRING_DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", str),
    "KRING_CASES_DIR": ("CASES_DIR", str),
    "KRING_MODULES_DIR": ("MODULES_DIR", str),
    "KRING_CONTENT_CHECK_SECONDS": ("CONTENT_CHECK_SECONDS", float),
    "KRING_METHODS_DIR": ("METHODS_DIR", str),
    "KRING_RATELIMIT_STORAGE_URI": ("RATELIMIT_STORAGE_URI", str),
    "KRING_LOGIN_RATE_LIMIT": ("LOGIN_RATE_LIMIT_PER_ACCOUNT", str),
    "KRING_LOGIN_ACCOUNT_RATE_LIMIT": ("LOGIN_RATE_LIMIT_PER_ACCOUNT_ANY_ADDRESS", str),
    "KRING_LOGIN_ADDRESS_RATE_LIMIT": ("LOGIN_RATE_LIMIT_PER_ADDRESS", str),
    "KRING_TRUSTED_PROXIES": ("TRUSTED_PROXIES", int),
    "KRING_PASSWORD_RESET_HOURS": ("PASSWORD_RESET_HOURS", int),
    "KRING_BASE_URL": ("BASE_URL", str),
    "KRING_LIVE_EXPIRY_MINUTES": ("LIVE_EXPIRY_MINUTES", int),
    "KRING_LIVE_SSE_SECONDS": ("LIVE_SSE_SECONDS", int),
    "KRING_LIVE_SSE_MAX_STREAMS": ("LIVE_SSE_MAX_STREAMS", int),
}


def normalise_database_url(url: str) -> str:
    """Accept the URL forms hosting providers hand out and use psycopg 3 for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _development_secret(instance_path: str) -> str:
    """A random key kept in instance/, so development sessions survive restarts."""
    path = Path(instance_path) / "dev-secret-key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def check_secret_key(config: Mapping[str, Any]) -> None:
    """Refuse to run in production with a missing, short or placeholder key."""
    if config["KRING_ENV"] != "production":
        return
    key = config.get("SECRET_KEY") or ""
    if key.strip().lower() in _PLACEHOLDER_SECRETS or len(key) < MIN_SECRET_KEY_LENGTH:
        raise ConfigurationError(
            "Kring refuses to start in production without a real secret key. "
            f"Set KRING_SECRET_KEY to a random string of at least {MIN_SECRET_KEY_LENGTH} "
            'characters, e.g. python -c "import secrets; print(secrets.token_hex(32))".'
        )


def load_config(
    instance_path: str,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Defaults for KRING_ENV, then KRING_* variables, then explicit overrides."""
    environ = os.environ if environ is None else environ
    overrides = dict(overrides or {})
    env = overrides.get("KRING_ENV") or environ.get("KRING_ENV", "development")
    if env not in ENVIRONMENTS:
        raise ConfigurationError(f"KRING_ENV is {env!r}; use one of: {', '.join(ENVIRONMENTS)}.")
    config = _defaults(env, instance_path)
    for variable, (key, parse) in _ENV_VARS.items():
        if variable in environ and environ[variable] != "":
            try:
                config[key] = parse(environ[variable])
            except ValueError as exc:
                raise ConfigurationError(f"{variable} is not valid: {exc}") from exc
    config.update(overrides)
    config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(config["SQLALCHEMY_DATABASE_URI"])
    if not config.get("SECRET_KEY") and env != "production":
        config["SECRET_KEY"] = (
            secrets.token_hex(32) if env == "testing" else _development_secret(instance_path)
        )
    check_secret_key(config)
    return config
