"""The Piccolo configuration module, for Piccolo's migration machinery.

Piccolo looks up ``DB`` and ``APP_REGISTRY`` here. ``DB`` is whatever engine
:mod:`tracker.db` has bound; when nothing is bound yet (the ``piccolo`` command
line, used to write new migrations) it binds one from the settings.
"""

from __future__ import annotations

from typing import Any

from piccolo.conf.apps import AppRegistry

APPS = [
    "tracker.org.piccolo_app",
    "tracker.plans.piccolo_app",
    "tracker.deadlines.piccolo_app",
    "tracker.notify.piccolo_app",
]

APP_REGISTRY = AppRegistry(apps=APPS)


def __getattr__(name: str) -> Any:
    if name == "DB":
        from tracker import db

        if db.bound_engine() is None:
            from tracker.config import load_settings

            db.bind(db.make_engine(load_settings().effective_database_url))
        return db.bound_engine()
    raise AttributeError(name)
