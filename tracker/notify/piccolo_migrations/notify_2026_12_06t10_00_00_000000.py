"""The "feeds" data version also rises when a person is deactivated (or reactivated, or
renamed, or deleted): a deactivated person's feeds, and the unit and plan feeds they made,
must stop at once on every web host, and each host's cache only looks again when the
version moves. Hand-written like the first triggers (2026-11-28T07:10), whose function
this reuses on PostgreSQL."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.postgres import PostgresEngine

ID = "2026-12-06T10:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Feeds data version: raised when a person is deactivated"

_BUMP = "UPDATE data_version SET value = value + 1, changed_at = {now} WHERE name = 'feeds'"
_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'"

# (trigger name, event) on the person table.
_EVENTS = [
    ("feeds_version_person_update", "UPDATE OF active, name"),
    ("feeds_version_person_delete", "DELETE"),
]


def _sqlite() -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON person "
        f"BEGIN {_BUMP.format(now=_SQLITE_NOW)}; END"
        for name, event in _EVENTS
    ]


def _postgres() -> list[str]:
    statements = []
    for name, event in _EVENTS:
        statements.append(f'DROP TRIGGER IF EXISTS {name} ON "person"')
        statements.append(
            f'CREATE TRIGGER {name} AFTER {event} ON "person" '
            "FOR EACH STATEMENT EXECUTE FUNCTION tracker_feeds_version()"
        )
    return statements


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notify", description=DESCRIPTION)

    async def run():
        from tracker.notify.tables import DataVersion

        engine = DataVersion._meta.db
        statements = _postgres() if isinstance(engine, PostgresEngine) else _sqlite()
        for sql in statements:
            await DataVersion.raw(sql)

    manager.add_raw(run)
    return manager
