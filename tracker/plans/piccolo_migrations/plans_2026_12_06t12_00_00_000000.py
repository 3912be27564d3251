"""A deadline's lead unit, when the compliance counts group by it, is its task's first
lead: one look into an index on task_unit (task, role, position, id, unit) that holds the
answer, with nothing to sort (bench/compliance.py). Hand-written: a composite index, the
same on SQLite and PostgreSQL."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-06T12:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Task units: index on (task, role, position, id, unit) for a task's first lead"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="plans", description=DESCRIPTION)

    async def run():
        from tracker.plans.tables import TaskUnit

        await TaskUnit.raw(
            "CREATE INDEX IF NOT EXISTS task_unit_task_role_position"
            " ON task_unit (task, role, position, id, unit)"
        )

    manager.add_raw(run)
    return manager
