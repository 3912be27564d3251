"""Settings for the whole service, read once from ``TRACKER_*`` environment variables.

This is the only module that reads ``os.environ``; everything else receives a
:class:`Settings` instance.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.errors import ConfigError

__all__ = [
    "MIN_SECRET_KEY_BYTES",
    "PACKAGE_DIR",
    "PROJECT_DIR",
    "Settings",
    "export_settings",
    "load_settings",
    "serving_at",
    "settings_env",
]

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent

# The shortest TRACKER_SECRET_KEY accepted: 256 bits, as the generated key file holds.
MIN_SECRET_KEY_BYTES = 32

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
# Addresses a server listens on that no browser can be sent to.
_ANY_HOST = {"", "0.0.0.0", "::", "[::]"}

LOG_FORMATS = ("text", "json")
DEFAULT_METRICS_ALLOW = "127.0.0.1/32,::1"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _data_path(name: str) -> Path:
    """Find a data folder (seeds, calendars) beside the package, or inside it when installed."""
    beside = PROJECT_DIR / name
    if beside.is_dir():
        return beside
    return PACKAGE_DIR / "_data" / name


@dataclass(frozen=True)
class Settings:
    """Every setting of the service. Build it with :func:`load_settings`."""

    data_dir: Path = Path("data")
    database_url: str = ""
    queue_url: str = ""
    base_url: str = DEFAULT_BASE_URL
    # Whether TRACKER_BASE_URL named the address; if not, a server names its own.
    base_url_set: bool = False
    timezone: str = "Asia/Ho_Chi_Minh"
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_tls: bool = False
    mail_from: str = "tracker@localhost"
    secret_key: str = ""
    public_read: bool = False
    # Seconds after which a message left "sending" by a worker that died is sent again.
    sending_timeout: int = 300
    # Connections to PostgreSQL a process may hold at most (its pool keeps one open idle).
    database_pool: int = 10
    feed_past_days: int = 90
    feed_future_days: int = 365
    feed_refresh_minutes: int = 60
    # The worker builds the feeds of a commune after each change to it and stores them
    # for every web host (off: each web process builds the feeds it is asked for).
    feed_prebuild: bool = False
    # "text" (one readable line) or "json" (one JSON object a line, with the request id).
    log_format: str = "text"
    # Who may read /metrics: these networks, or whoever shows the token (if one is set).
    metrics_allow: tuple[str, ...] = ("127.0.0.1/32", "::1/128")
    metrics_token: str = ""
    # prometheus-client's multiprocess folder (PROMETHEUS_MULTIPROC_DIR), shared by the
    # processes of one host; empty: each process keeps its own numbers.
    metrics_dir: str = ""
    seeds_dir: Path = field(default_factory=lambda: _data_path("seeds"))
    calendars_dir: Path = field(default_factory=lambda: _data_path("calendars"))

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(
                f"TRACKER_TIMEZONE '{self.timezone}' không phải múi giờ hợp lệ; "
                "hãy dùng tên IANA như 'Asia/Ho_Chi_Minh'."
            ) from exc
        if self.secret_key and len(self.secret_key.encode("utf-8")) < MIN_SECRET_KEY_BYTES:
            # A short key can be guessed, and with it a session for anyone (the chairman)
            # forged. The key itself is never repeated in the message.
            raise ConfigError(
                f"TRACKER_SECRET_KEY quá ngắn ({len(self.secret_key.encode('utf-8'))} byte): "
                f"khóa bí mật phải dài ít nhất {MIN_SECRET_KEY_BYTES} byte ngẫu nhiên. Hãy tạo "
                'một khóa bằng lệnh: python -c "import secrets; print(secrets.token_hex(32))", '
                "hoặc bỏ trống biến này để dịch vụ tự tạo khóa trong thư mục dữ liệu."
            )
        if self.log_format not in LOG_FORMATS:
            raise ConfigError(
                f"TRACKER_LOG_FORMAT '{self.log_format}' không hợp lệ; hãy dùng 'text' hoặc 'json'."
            )
        for network in self.metrics_allow:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError as exc:
                raise ConfigError(
                    f"TRACKER_METRICS_ALLOW: '{network}' không phải địa chỉ mạng; ví dụ đúng: "
                    "'127.0.0.1/32,10.0.0.0/8,::1'."
                ) from exc
        if self.database_pool < 1:
            raise ConfigError(
                f"TRACKER_DATABASE_POOL '{self.database_pool}' phải là số nguyên từ 1 trở lên."
            )
        for name in ("database_url", "queue_url"):
            url = getattr(self, name)
            if url and "://" not in url:
                raise ConfigError(
                    f"TRACKER_{name.upper()} '{url}' không phải địa chỉ URL; ví dụ đúng: "
                    "'sqlite:///data/tracker.db' hoặc 'postgresql://user@host/db'."
                )

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'tracker.db'}"

    @property
    def effective_queue_url(self) -> str:
        return self.queue_url or f"sqlite:///{self.data_dir / 'queue.db'}"

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name} '{raw}' không phải giá trị có/không; hãy dùng 'true' hoặc 'false'.")


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} '{raw}' không phải số nguyên.") from exc


def _list(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Read the settings from ``env`` (default: the process environment)."""
    env = os.environ if env is None else env
    values: dict[str, object] = {
        "data_dir": Path(env.get("TRACKER_DATA_DIR") or "data"),
        "database_url": env.get("TRACKER_DATABASE_URL", ""),
        "queue_url": env.get("TRACKER_QUEUE_URL", ""),
        "base_url": (env.get("TRACKER_BASE_URL") or DEFAULT_BASE_URL).rstrip("/"),
        "base_url_set": bool(env.get("TRACKER_BASE_URL")),
        "timezone": env.get("TRACKER_TIMEZONE") or "Asia/Ho_Chi_Minh",
        "smtp_host": env.get("TRACKER_SMTP_HOST", ""),
        "smtp_port": _int(env, "TRACKER_SMTP_PORT", 25),
        "smtp_user": env.get("TRACKER_SMTP_USER", ""),
        "smtp_password": env.get("TRACKER_SMTP_PASSWORD", ""),
        "smtp_tls": _bool(env, "TRACKER_SMTP_TLS", False),
        "mail_from": env.get("TRACKER_MAIL_FROM") or "tracker@localhost",
        "secret_key": env.get("TRACKER_SECRET_KEY", ""),
        "public_read": _bool(env, "TRACKER_PUBLIC_READ", False),
        "sending_timeout": _int(env, "TRACKER_SENDING_TIMEOUT", 300),
        "database_pool": _int(env, "TRACKER_DATABASE_POOL", 10),
        "feed_past_days": _int(env, "TRACKER_FEED_PAST_DAYS", 90),
        "feed_future_days": _int(env, "TRACKER_FEED_FUTURE_DAYS", 365),
        "feed_refresh_minutes": _int(env, "TRACKER_FEED_REFRESH_MINUTES", 60),
        "feed_prebuild": _bool(env, "TRACKER_FEED_PREBUILD", False),
        "log_format": (env.get("TRACKER_LOG_FORMAT") or "text").strip().lower(),
        "metrics_allow": _list(env.get("TRACKER_METRICS_ALLOW", DEFAULT_METRICS_ALLOW)),
        "metrics_token": env.get("TRACKER_METRICS_TOKEN", ""),
        "metrics_dir": env.get("PROMETHEUS_MULTIPROC_DIR", ""),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def serving_at(settings: Settings, host: str, port: int) -> Settings:
    """The settings of a server listening on ``host:port``: without TRACKER_BASE_URL its
    links, feed URLs and the origin its forms are checked against name that address
    (the loopback one when it listens on every interface, whose real name it cannot know)."""
    if settings.base_url_set:
        return settings
    shown = "127.0.0.1" if host in _ANY_HOST else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"  # an IPv6 address
    return settings.with_changes(base_url=f"http://{shown}:{port}", base_url_set=True)


def settings_env(settings: Settings) -> dict[str, str]:
    """The settings as ``TRACKER_*`` variables, for child processes (web workers, the
    queue worker) that must see exactly what this process sees."""
    env = {
        "TRACKER_DATA_DIR": str(settings.data_dir),
        "TRACKER_DATABASE_URL": settings.database_url,
        "TRACKER_QUEUE_URL": settings.queue_url,
        "TRACKER_BASE_URL": settings.base_url,
        "TRACKER_TIMEZONE": settings.timezone,
        "TRACKER_SMTP_HOST": settings.smtp_host,
        "TRACKER_SMTP_PORT": str(settings.smtp_port),
        "TRACKER_SMTP_USER": settings.smtp_user,
        "TRACKER_SMTP_PASSWORD": settings.smtp_password,
        "TRACKER_SMTP_TLS": "true" if settings.smtp_tls else "false",
        "TRACKER_MAIL_FROM": settings.mail_from,
        "TRACKER_SECRET_KEY": settings.secret_key,
        "TRACKER_PUBLIC_READ": "true" if settings.public_read else "false",
        "TRACKER_SENDING_TIMEOUT": str(settings.sending_timeout),
        "TRACKER_DATABASE_POOL": str(settings.database_pool),
        "TRACKER_FEED_PAST_DAYS": str(settings.feed_past_days),
        "TRACKER_FEED_FUTURE_DAYS": str(settings.feed_future_days),
        "TRACKER_FEED_REFRESH_MINUTES": str(settings.feed_refresh_minutes),
        "TRACKER_FEED_PREBUILD": "true" if settings.feed_prebuild else "false",
        "TRACKER_LOG_FORMAT": settings.log_format,
        # An empty list (nobody by address, only the token) must reach the children too.
        "TRACKER_METRICS_ALLOW": ",".join(settings.metrics_allow) or ",",
        "TRACKER_METRICS_TOKEN": settings.metrics_token,
        "PROMETHEUS_MULTIPROC_DIR": settings.metrics_dir,
    }
    return {k: v for k, v in env.items() if v != ""}


def export_settings(settings: Settings) -> None:
    """Put the settings into this process's environment before starting children."""
    os.environ.update(settings_env(settings))


def host_of(base_url: str) -> str:
    """The host name of the service's public address, for Message-IDs and calendar UIDs."""
    return urlsplit(base_url).hostname or "tracker.local"
