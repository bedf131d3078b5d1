"""Lan Tỏa settings: one file, every deployment difference read from the environment.

Environment variables (docs/deploy.md lists them with examples):
  DEBUG, SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, LANTOA_HTTPS, LANTOA_DATA_DIR,
  DATABASE_URL, REDIS_URL, EMAIL_HOST/EMAIL_PORT/EMAIL_HOST_USER/EMAIL_HOST_PASSWORD/EMAIL_USE_TLS,
  DEFAULT_FROM_EMAIL, LANTOA_PROXY_COUNT, MEDIA_ROOT, STATIC_ROOT.
"""

import os
import secrets
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
LANTOA_DEBUG_PAGES = env_bool("LANTOA_DEBUG_PAGES")  # Django's debug 404/500 pages under DEBUG
DATA_DIR = Path(os.environ.get("LANTOA_DATA_DIR", PROJECT_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in DATA_DIR (never in git)."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "huey.contrib.djhuey",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "lantoa.core",
    "lantoa.org",
    "lantoa.accounts",
    "lantoa.plans",
    "lantoa.activities",
    "lantoa.indicators",
    "lantoa.reporting",
    "lantoa.dispatch",
    "lantoa.web",
    "lantoa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lantoa.web.middleware.VietnameseFirstLocaleMiddleware",
    "lantoa.web.middleware.OwnErrorPagesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "lantoa.accounts.middleware.SessionTimeoutMiddleware",
    "lantoa.accounts.middleware.MfaMiddleware",
    "lantoa.accounts.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lantoa.urls"
WSGI_APPLICATION = "lantoa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lantoa.web.context_processors.navigation",
                "lantoa.web.context_processors.undo",
            ],
        },
    }
]

# Database: SQLite for one ward, PostgreSQL for a province or the nation (DESIGN.md).
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "lantoa.sqlite3",
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=10000;"
                    "PRAGMA foreign_keys=ON;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Tests use a file too (not SQLite's shared in-memory cache, which answers
            # "database table is locked" instead of waiting), so concurrent requests in the
            # tests queue as they do in production (tests/test_concurrency.py).
            "TEST": {
                "NAME": str(Path(tempfile.gettempdir()) / f"lantoa-test-{os.getpid()}.sqlite3")
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs: SQLite-backed Huey by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "lantoa",
        "url": REDIS_URL,
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "lantoa",
        "filename": str(DATA_DIR / "huey.sqlite3"),
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }

# Accounts and login security (ASVS level 2, DESIGN.md).
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "lantoa.accounts.backends.UsernameOrEmailBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "lantoa.accounts.validators.PersonalDetailValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# django-axes: lock a username from one IP after 5 failures for 15 minutes, never a whole office.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# One identity per account for sign-in and lockout: the lower-cased username, an e-mail resolved
# to it (issue 12, item 1); the client address behind our own proxies (core.net).
AXES_USERNAME_CALLABLE = "lantoa.accounts.backends.login_identity"
AXES_CLIENT_IP_CALLABLE = "lantoa.core.net.client_ip"
LANTOA_PROXY_COUNT_RAW = os.environ.get("LANTOA_PROXY_COUNT", "0")
LANTOA_PROXY_COUNT = int(LANTOA_PROXY_COUNT_RAW) if LANTOA_PROXY_COUNT_RAW.isdigit() else 0

# Two-step sign-in (TOTP) is required of coordinators, leaders, the Sở and administrators, and
# offered to everyone (issue 12, item 1); off by default only for `make run`'s demo (DEBUG=1).
LANTOA_MFA_REQUIRED = env_bool("LANTOA_MFA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = "Lan Tỏa"

# Sessions close after idle minutes and at most so many hours after sign-in (issue 12, item 3).
LANTOA_SESSION_IDLE_MINUTES = int(os.environ.get("LANTOA_SESSION_IDLE_MINUTES", "30"))
LANTOA_SESSION_MAX_HOURS = int(os.environ.get("LANTOA_SESSION_MAX_HOURS", "10"))
SESSION_COOKIE_AGE = 60 * 60 * LANTOA_SESSION_MAX_HOURS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (issue 12, item 2): scripts only our own files (a nonce for any inline
# one), no plugins, no <base>, never framed, forms post only here. Styles allow inline
# attributes: templates still size a few elements (inputs, thumbnails) with style="".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# HTTPS settings: on in production (LANTOA_HTTPS=1, docs/deploy.md), off for `make run`.
LANTOA_HTTPS = env_bool("LANTOA_HTTPS")
if LANTOA_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Vietnamese first.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Files: static from npm (copied by `make vendor`), uploads kept private under DATA_DIR.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "private"))
MEDIA_URL = "/private/"  # never served directly: files go out through scope-checked views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
LANTOA_ROSTER_MAX_BYTES = 10 * 1024 * 1024

# Mail: console by default, SMTP when EMAIL_HOST is set.
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Lan Tỏa <khong-tra-loi@lantoa.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
