"""Tables of the notify app. Outbox, notifications and feed tokens arrive with the
reminder and feed issues; the app is registered now so its migrations have a home."""

from __future__ import annotations

__all__: list[str] = []
