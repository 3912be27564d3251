"""Composite unique keys of the plans app, as unique indexes (see the org app's)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-22T07:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Unique task keys per plan and task units per role"

_SQL = [
    'CREATE UNIQUE INDEX IF NOT EXISTS task_plan_key ON task (plan, "key")',
    "CREATE UNIQUE INDEX IF NOT EXISTS task_unit_task_unit_role ON task_unit (task, unit, role)",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="plans", description=DESCRIPTION)

    async def run():
        from tracker.plans.tables import Task

        for sql in _SQL:
            await Task.raw(sql)

    manager.add_raw(run)
    return manager
