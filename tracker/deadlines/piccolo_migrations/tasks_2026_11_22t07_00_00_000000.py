"""Unique occurrence keys per task, and an append-only audit log: the database
itself refuses UPDATE and DELETE on it. Hand-written (Piccolo cannot express
triggers); one SQL text per engine where they differ.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.postgres import PostgresEngine

ID = "2026-11-22T07:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Unique occurrence keys; audit log is append-only"

_MESSAGE = "audit_entry is append-only"

_BOTH = [
    'CREATE UNIQUE INDEX IF NOT EXISTS occurrence_task_key ON occurrence (task, "key")',
]

_SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_entry
    BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_entry
    BEGIN SELECT RAISE(ABORT, '{_MESSAGE}'); END""",
]

_POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION audit_entry_refuse() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '{_MESSAGE}'; END; $$ LANGUAGE plpgsql""",
    """DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry""",
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse()""",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="tasks", description=DESCRIPTION)

    async def run():
        from tracker.audit import AuditEntry

        engine = AuditEntry._meta.db
        statements = _POSTGRES if isinstance(engine, PostgresEngine) else _SQLITE
        for sql in _BOTH + statements:
            await AuditEntry.raw(sql)

    manager.add_raw(run)
    return manager
