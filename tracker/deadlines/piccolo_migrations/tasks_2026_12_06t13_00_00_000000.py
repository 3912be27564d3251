"""An index on the unit a deadline is assigned to, for the deadlines that have one.

A person's or unit's feed, the member's page and the reminder pass's audiences look up
deadlines "assigned to one of these units, or of a task they lead": without this index
PostgreSQL read the whole occurrence table for the first half of that, on every cold
feed (212,653 rows at the country's size). Partial: most deadlines have no assignee.
Hand-written, as SQLite and PostgreSQL both take the same statement."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-12-06T13:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Occurrences: partial index on assignee"


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="tasks", description=DESCRIPTION)

    async def run():
        from tracker.deadlines.tables import Occurrence

        await Occurrence.raw(
            "CREATE INDEX IF NOT EXISTS occurrence_assignee"
            " ON occurrence (assignee) WHERE assignee IS NOT NULL"
        )

    manager.add_raw(run)
    return manager
