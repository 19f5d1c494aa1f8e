"""Settings for Kindness Stories, read from the environment in this one place.

Development needs nothing set: `make run` writes a `.env` with DJANGO_DEBUG=1 and a fresh secret.
Production fails fast without DJANGO_SECRET_KEY and turns every secure default on.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv(path):
    """Read KEY=value lines from a local .env file without overriding the real environment."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip("'\""))


# Tests build their own settings on top of these and must not pick up a developer's .env.
if os.environ.get("DJANGO_SETTINGS_MODULE", "kindness.settings") == "kindness.settings":
    _load_dotenv(BASE_DIR / ".env")


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "development-only-key-never-used-in-production-0123456789abcdefghijklmnop"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "stories.admin_site.KindnessAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "stories",
]

MIDDLEWARE = [
    "stories.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "stories.middleware.GZipMiddleware",
    "stories.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "kindness.urls"
WSGI_APPLICATION = "kindness.wsgi.application"

_template_loaders = ["django.template.loaders.filesystem.Loader", "django.template.loaders.app_directories.Loader"]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stories.context_processors.site",
            ],
            # The cached loader in production; in development templates reload on every request.
            "loaders": _template_loaders if DEBUG else [("django.template.loaders.cached.Loader", _template_loaders)],
        },
    }
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Data -------------------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with a health check that skips the round trip when the socket is quiet.
    DATABASES["default"]["ENGINE"] = "stories.postgres"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer writes; IMMEDIATE avoids "database is locked"
    # when two requests upgrade a read transaction to a write at once.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# The few queries the public pages run over and over are parsed and planned by PostgreSQL once per
# connection. Off for a pooler that cannot keep prepared statements (PgBouncer in transaction mode
# before 1.22, or without max_prepared_statements).
DB_PREPARED_STATEMENTS = env_bool("DB_PREPARED_STATEMENTS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                # A Redis outage must cost speed, never a 500: reads miss and writes are dropped.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "kindness"),
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Without Redis the database is the one cache every worker shares, so invalidation and
    # rate limits still hold across gunicorn workers on one machine.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kindness_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# The deflate level (zlib-ng's) for responses compressed as they go out (1 fastest, 9 smallest).
GZIP_LEVEL = env_int("GZIP_LEVEL", 2)
if not 1 <= GZIP_LEVEL <= 9:
    raise ImproperlyConfigured("GZIP_LEVEL is a deflate compression level, from 1 (fastest) to 9 (smallest).")

# --- Security ---------------------------------------------------------------------------------

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

EMBED_ALLOWED_ORIGINS = env_list("EMBED_ALLOWED_ORIGINS", "*")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Django's own ModelBackend stays last so sessions signed in before the cached backend came keep
# working; the cached one answers every moderator first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend", "stories.auth.CachedPermissionsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "errors/locked_out.html"
# With Redis the throttle lives in the shared cache; otherwise in the database. Either way
# every app server sees the same failures.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler" if REDIS_URL else "axes.handlers.database.AxesDatabaseHandler"
AXES_IPWARE_PROXY_COUNT = env_int("PROXY_COUNT", 0) or None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/review/"
LOGOUT_REDIRECT_URL = "/"

# --- Rate limits and spam ---------------------------------------------------------------------

RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "stories.views.errors.rate_limited"
SUBMIT_RATE = env("SUBMIT_RATE", "5/h")
REPORT_RATE = env("REPORT_RATE", "10/h")
HEART_RATE = env("HEART_RATE", "120/h")
LOST_LINK_RATE = env("LOST_LINK_RATE", "5/h")
SUBMIT_MIN_SECONDS = env_int("SUBMIT_MIN_SECONDS", 3)
REPORTS_TO_HIDE = env_int("REPORTS_TO_HIDE", 3)
# When the shared cache is down the limits cannot be counted: let people through (the honeypot,
# the form timer and the duplicate check still hold) rather than refuse everyone with a 429.
RATELIMIT_FAIL_OPEN = env_bool("RATELIMIT_FAIL_OPEN", True)
if not REDIS_URL:
    # The database cache is shared by every worker, so the limits are not per process.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- Mail and tasks ---------------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Kindness Stories <stories@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MODERATOR_EMAILS = env_list("MODERATOR_EMAILS")
if env("EMAIL_URL"):
    _email = urlparse(env("EMAIL_URL"))
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 587
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme in {"smtp+tls", "submission"}
    EMAIL_USE_SSL = _email.scheme == "smtps"
elif env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = 10

TASKS = {
    "default": {
        "BACKEND": env(
            "TASK_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend" if DEBUG else "django_tasks_db.DatabaseBackend",
        )
    }
}

# A task still RUNNING after this long lost its worker (SIGKILL, lost machine): the worker's
# start (Procfile) puts it back in the queue with `manage.py requeue_stale_tasks`.
TASK_STALE_SECONDS = env_int("TASK_STALE_SECONDS", 600)

# --- Site -------------------------------------------------------------------------------------

SITE_NAME = env("SITE_NAME", "Kindness Stories")
SITE_TAGLINE = env("SITE_TAGLINE", "True stories of people who went out of their way to help.")
SITE_URL = env("SITE_URL", "").rstrip("/")

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "stories.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Logs and errors --------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "stories.middleware.RequestIdFilter"},
        "private_links": {"()": "stories.log_filters.MaskPrivateLinks"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id", "private_links"],
                    "stream": "ext://sys.stdout"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # The request line of our own middleware replaces Django's, which repeats the full URL.
        # Propagate, or runserver's own lines skip the console handler and its token mask.
        "django.server": {"level": "WARNING", "propagate": True},
        # Without handlers of its own, Django's output also goes through the console handler above.
        "django": {"level": "INFO"},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

if env("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(dsn=env("SENTRY_DSN"), send_default_pii=False, traces_sample_rate=0.0)
CSRF_FAILURE_VIEW = "stories.views.errors.csrf_failure"
PROXY_COUNT = env_int("PROXY_COUNT", 0)
