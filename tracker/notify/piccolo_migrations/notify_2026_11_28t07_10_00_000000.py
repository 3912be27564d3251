"""The "feeds" data version, raised by the database itself on every change a feed can
show: plans, tasks and their units, the unit tree, memberships, revoked feed tokens, and the
deadline fields of occurrences (not the reminder pass's bookkeeping, which changes every
minute). A cached feed compares one number to know it is still right. Hand-written
(Piccolo cannot express triggers); one SQL text per engine where they differ: PostgreSQL
raises it once per statement, SQLite once per row."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.postgres import PostgresEngine

ID = "2026-11-28T07:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Feeds data version, raised by triggers"

_BUMP = "UPDATE data_version SET value = value + 1, changed_at = {now} WHERE name = 'feeds'"
# Timestamps as Piccolo stores them on SQLite (UTC text with an offset).
_SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'"

_OCCURRENCE_FIELDS = (
    "task, plan, key, kind, label, assignee, start_date, start_at, due_date, due_at, "
    "moved_reason, extended_due_date, extended_due_at, extension_reason, deadline_at, "
    "status, completed_at, evidence, sequence"
)

# (table, the events that change what a feed shows)
_WATCHED = [
    ("plan", ["INSERT", "UPDATE", "DELETE"]),
    ("task", ["INSERT", "UPDATE", "DELETE"]),
    ("task_unit", ["INSERT", "UPDATE", "DELETE"]),
    ("unit", ["INSERT", "UPDATE", "DELETE"]),
    ("group_member", ["INSERT", "UPDATE", "DELETE"]),
    ("membership", ["INSERT", "UPDATE", "DELETE"]),
    # A revoked token must stop at once; its last use (written now and then) is no change.
    ("feed_token", ["UPDATE OF revoked_at, token_hash", "DELETE"]),
    ("occurrence", ["INSERT", f"UPDATE OF {_OCCURRENCE_FIELDS}", "DELETE"]),
]


def _name(table: str, event: str) -> str:
    return f"feeds_version_{table}_{event.split()[0].lower()}"


def _sqlite() -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {_name(table, event)} AFTER {event} ON {table} "
        f"BEGIN {_BUMP.format(now=_SQLITE_NOW)}; END"
        for table, events in _WATCHED
        for event in events
    ]


def _postgres() -> list[str]:
    statements = [
        f"""CREATE OR REPLACE FUNCTION tracker_feeds_version() RETURNS trigger AS $$
        BEGIN {_BUMP.format(now="clock_timestamp()")}; RETURN NULL; END; $$ LANGUAGE plpgsql"""
    ]
    for table, events in _WATCHED:
        for event in events:
            name = _name(table, event)
            statements.append(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
            statements.append(
                f'CREATE TRIGGER {name} AFTER {event} ON "{table}" '
                "FOR EACH STATEMENT EXECUTE FUNCTION tracker_feeds_version()"
            )
    return statements


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notify", description=DESCRIPTION)

    async def run():
        from tracker.notify.tables import DataVersion

        engine = DataVersion._meta.db
        await DataVersion.raw(
            "INSERT INTO data_version (name, value) VALUES ('feeds', 0) "
            "ON CONFLICT (name) DO NOTHING"
        )
        statements = _postgres() if isinstance(engine, PostgresEngine) else _sqlite()
        for sql in statements:
            await DataVersion.raw(sql)

    manager.add_raw(run)
    return manager
