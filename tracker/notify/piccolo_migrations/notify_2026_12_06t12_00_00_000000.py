"""The provinces whose digests of a day are written: the first pass of a day may be
spread over workers, one task per province, and each marks its own as it finishes."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-06T12:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Digests written per province"


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


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notify", description=DESCRIPTION)
    manager.add_table(
        class_name="DigestBranch", tablename="digest_branch", schema=None, columns=None
    )
    manager.add_column(
        table_class_name="DigestBranch",
        tablename="digest_branch",
        column_name="key",
        db_column_name="key",
        column_class_name="Varchar",
        column_class=Varchar,
        params=_params(length=300, default="", unique=True),
        schema=None,
    )
    manager.add_column(
        table_class_name="DigestBranch",
        tablename="digest_branch",
        column_name="finished_at",
        db_column_name="finished_at",
        column_class_name="Timestamptz",
        column_class=Timestamptz,
        params=_params(default=TimestamptzNow()),
        schema=None,
    )
    return manager
