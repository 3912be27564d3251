"""A plan deleted in the browser is kept, marked (``plan.deleted_at``), with its tasks,
deadlines and audit log; every reader leaves it out. A task cancelled in the browser is
kept too (``task.cancelled_at``): its open deadlines are cancelled, its done work stays.
Both are new nullable columns, which SQLite and PostgreSQL add alike."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Timestamptz
from piccolo.columns.indexes import IndexMethod

ID = "2026-12-10T08:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Soft-deleted plans and cancelled tasks"

_PARAMS = {
    "default": None,
    "null": True,
    "primary_key": False,
    "unique": False,
    "index": False,
    "index_method": IndexMethod.btree,
    "choices": None,
    "db_column_name": None,
    "secret": False,
}


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="plans", description=DESCRIPTION)
    manager.add_column(
        table_class_name="Plan",
        tablename="plan",
        column_name="deleted_at",
        db_column_name="deleted_at",
        column_class_name="Timestamptz",
        column_class=Timestamptz,
        params=dict(_PARAMS),
        schema=None,
    )
    manager.add_column(
        table_class_name="Task",
        tablename="task",
        column_name="cancelled_at",
        db_column_name="cancelled_at",
        column_class_name="Timestamptz",
        column_class=Timestamptz,
        params=dict(_PARAMS),
        schema=None,
    )
    return manager
