"""Feeds built ahead by the worker (TRACKER_FEED_PREBUILD): the bodies every web host may
serve, and per commune the data version a build was last asked for and made at."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import JSON, Bytea, Integer, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-06T13:40:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Pre-built feeds and their marks"


def _params(**changes: object) -> dict[str, object]:
    return {
        "null": False,
        "primary_key": False,
        "unique": False,
        "index": False,
        "index_method": IndexMethod.btree,
        "choices": None,
        "db_column_name": None,
        "secret": False,
        **changes,
    }


_TABLES = {
    ("PrebuiltFeed", "prebuilt_feed"): [
        ("key", Varchar, _params(length=60, default="", unique=True)),
        ("name", Text, _params(default="")),
        ("gzipped", Bytea, _params(default=b"")),
        ("etag", Varchar, _params(length=80, default="")),
        ("entries", Integer, _params(default=0)),
        ("versions", JSON, _params(default="{}")),
        ("built_at", Timestamptz, _params(default=TimestamptzNow())),
        ("last_modified", Timestamptz, _params(default=TimestamptzNow())),
        ("valid_until", Timestamptz, _params(default=TimestamptzNow(), index=True)),
    ],
    ("PrebuildMark", "prebuild_mark"): [
        ("name", Varchar, _params(length=40, default="", unique=True)),
        ("asked", Integer, _params(default=0)),
        ("asked_at", Timestamptz, _params(default=None, null=True)),
        ("built", Integer, _params(default=0)),
    ],
}


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notify", description=DESCRIPTION)
    for (class_name, tablename), columns in _TABLES.items():
        manager.add_table(class_name=class_name, tablename=tablename, schema=None, columns=None)
        for column_name, column_class, params in columns:
            manager.add_column(
                table_class_name=class_name,
                tablename=tablename,
                column_name=column_name,
                db_column_name=column_name,
                column_class_name=column_class.__name__,
                column_class=column_class,
                params=params,
                schema=None,
            )
    return manager
