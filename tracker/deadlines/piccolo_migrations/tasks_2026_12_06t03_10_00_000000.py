"""At most one open extension request per occurrence, kept by the database itself: two
requests sent at once cannot both be stored (the service answers the second with 409).
Hand-written: a partial unique index, the same SQL on SQLite and PostgreSQL."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-06T03:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Extensions: one open request per occurrence"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="tasks", description=DESCRIPTION)

    async def run():
        from tracker.deadlines.tables import Extension

        await Extension.raw(
            "CREATE UNIQUE INDEX IF NOT EXISTS extension_one_open"
            " ON extension (occurrence) WHERE state = 'requested'"
        )

    manager.add_raw(run)
    return manager
