"""One row per message and channel: the outbox key with its channel is unique, so a
pass that runs twice (or two at once) writes each message once. Hand-written: Piccolo
cannot add a composite unique constraint on SQLite."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-22T09:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Unique outbox key per channel"

_SQL = [
    'CREATE UNIQUE INDEX IF NOT EXISTS outbox_key_channel ON outbox ("key", channel)',
    "CREATE INDEX IF NOT EXISTS outbox_state_next ON outbox (state, next_attempt_at)",
]


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="notify", description=DESCRIPTION)

    async def run():
        from tracker.notify.tables import Outbox

        for statement in _SQL:
            await Outbox.raw(statement)

    manager.add_raw(run)
    return manager
