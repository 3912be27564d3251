"""Composite unique keys of the org app, as unique indexes (SQLite cannot add
table constraints after creation, and both engines accept these)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-22T07:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Unique group members and memberships"

_SQL = [
    'CREATE UNIQUE INDEX IF NOT EXISTS group_member_group_member ON group_member ("group", member)',
    "CREATE UNIQUE INDEX IF NOT EXISTS membership_person_unit ON membership (person, unit)",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="org", description=DESCRIPTION)

    async def run():
        from tracker.org.tables import Unit

        for sql in _SQL:
            await Unit.raw(sql)

    manager.add_raw(run)
    return manager
