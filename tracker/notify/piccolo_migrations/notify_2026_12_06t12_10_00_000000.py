"""Data versions per commune, per unit and per person, raised by the database itself, so
a change in one commune rebuilds only the feeds that show it (the "feeds" version of the
2026-11-28T07:10 triggers still rises with every change, for the tokens):

- ``scope:<unit id>``: the plans of that unit (a commune), their tasks, the tasks' units
  and their occurrences (the deadline fields, not the reminder pass's bookkeeping);
- ``unit:<id>``: the unit itself and its parent (a unit added below it), a group's members,
  a task naming it, an occurrence assigned to it;
- ``person:<id>``: the person's memberships, their name and whether they are active.

A feed keeps the versions of what it shows (:mod:`tracker.notify.feeds`). A version
that was never raised reads 0. Hand-written: PostgreSQL raises them once per statement
(from its transition tables), SQLite once per row."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.postgres import PostgresEngine

ID = "2026-12-06T12:10:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Feed data versions per commune, unit and person"

_PLAN_UNIT = "(SELECT p.unit FROM plan p WHERE p.id = {r}.plan)"
_OCCURRENCE_FIELDS = (
    "task, plan, key, kind, label, assignee, start_date, start_at, due_date, due_at, "
    "moved_reason, extended_due_date, extended_due_at, extension_reason, deadline_at, "
    "status, completed_at, evidence, sequence"
)

# table: (the version names a row raises, with {r} for the row; the columns whose
# update counts, None for any)
_WATCHED: dict[str, tuple[list[str], str | None]] = {
    "plan": (["'scope:' || {r}.unit"], None),
    "task": (["'scope:' || " + _PLAN_UNIT], None),
    "task_unit": (
        [
            "'scope:' || (SELECT p.unit FROM task t JOIN plan p ON p.id = t.plan "
            "WHERE t.id = {r}.task)",
            "'unit:' || {r}.unit",
        ],
        None,
    ),
    "occurrence": (
        ["'scope:' || " + _PLAN_UNIT, "'unit:' || {r}.assignee"],
        _OCCURRENCE_FIELDS,
    ),
    "unit": (["'unit:' || {r}.id", "'unit:' || {r}.parent"], None),
    "group_member": (["'unit:' || {r}.\"group\"", "'unit:' || {r}.member"], None),
    "membership": (["'person:' || {r}.person"], None),
    "person": (["'person:' || {r}.id"], "active, name"),
}


def _names(exprs: list[str], row: str) -> str:
    return " UNION ".join(f"SELECT {e.format(r=row)} AS n" for e in exprs)


def _sqlite() -> list[str]:
    now = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'"
    statements = []
    for table, (exprs, columns) in _WATCHED.items():
        events = [
            ("insert", "INSERT", ["NEW"]),
            ("update", f"UPDATE OF {columns}" if columns else "UPDATE", ["OLD", "NEW"]),
            ("delete", "DELETE", ["OLD"]),
        ]
        for name, event, rows in events:
            names = " UNION ".join(_names(exprs, row) for row in rows)
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS feed_scope_{table}_{name} AFTER {event} ON "
                f'"{table}" BEGIN INSERT INTO data_version (name, value, changed_at) '
                f"SELECT n, 1, {now} FROM ({names}) WHERE n IS NOT NULL "
                "ON CONFLICT (name) DO UPDATE SET value = value + 1, "
                "changed_at = excluded.changed_at; END"
            )
    return statements


def _upsert(source: str) -> str:
    return (
        "INSERT INTO data_version (name, value, changed_at) "
        # DISTINCT on the names alone: with the (volatile) clock beside them, a statement
        # touching two rows of one name would upsert it twice, which PostgreSQL refuses.
        f"SELECT x.n, 1, clock_timestamp() FROM (SELECT DISTINCT s.n FROM ({source}) s "
        "WHERE s.n IS NOT NULL) x ORDER BY 1 ON CONFLICT (name) DO UPDATE SET value = data_version.value + 1, "
        "changed_at = EXCLUDED.changed_at;"
    )


def _postgres() -> list[str]:
    statements = []
    for table, (exprs, columns) in _WATCHED.items():
        changed = "TRUE"
        if columns:
            fields = [c.strip() for c in columns.split(",")]
            new = ", ".join(f"r.{f}" for f in fields)
            old = ", ".join(f"o.{f}" for f in fields)
            changed = f"ROW({new}) IS DISTINCT FROM ROW({old})"
        pairs = f"new_rows r JOIN old_rows o ON o.id = r.id WHERE {changed}"
        updated = " UNION ".join(
            f"SELECT {e.format(r=alias)} AS n FROM {pairs}" for e in exprs for alias in ("r", "o")
        )
        inserted = " UNION ".join(f"SELECT {e.format(r='r')} AS n FROM new_rows r" for e in exprs)
        deleted = " UNION ".join(f"SELECT {e.format(r='r')} AS n FROM old_rows r" for e in exprs)
        function = f"tracker_feed_scopes_{table}"
        statements.append(
            f"""CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN {_upsert(inserted)}
              ELSIF TG_OP = 'DELETE' THEN {_upsert(deleted)}
              ELSE {_upsert(updated)}
              END IF;
              RETURN NULL;
            END; $$ LANGUAGE plpgsql"""
        )
        for name, event, referencing in (
            ("insert", "INSERT", "NEW TABLE AS new_rows"),
            ("update", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("delete", "DELETE", "OLD TABLE AS old_rows"),
        ):
            trigger = f"feed_scope_{table}_{name}"
            statements.append(f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"')
            statements.append(
                f'CREATE TRIGGER {trigger} AFTER {event} ON "{table}" '
                f"REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
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
