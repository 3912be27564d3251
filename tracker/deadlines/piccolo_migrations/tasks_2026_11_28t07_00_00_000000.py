"""Every open occurrence has a time the reminder pass first looks at it (three weeks
before its deadline, or at once for work an event started), and the pass finds its work
with one range over (status, remind_at). Hand-written: a composite index, and the times
of the occurrences stored before this change, worked out in Python so that SQLite and
PostgreSQL store them alike."""

import datetime as dt

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-28T07:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Occurrences: first reminder look always set; index on (status, remind_at)"

LOOKAHEAD = dt.timedelta(days=21)  # as tracker.deadlines.services.LOOKAHEAD at this migration


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="tasks", description=DESCRIPTION)

    async def run():
        from tracker.deadlines.tables import Occurrence

        await Occurrence.raw(
            "CREATE INDEX IF NOT EXISTS occurrence_status_remind_at"
            " ON occurrence (status, remind_at)"
        )
        never_looked_at = await Occurrence.select(
            Occurrence.id, Occurrence.deadline_at, Occurrence.event, Occurrence.created_at
        ).where(Occurrence.remind_at.is_null() & Occurrence.reminded_until.is_null())
        for row in never_looked_at:
            first = row["created_at"] if row["event"] else row["deadline_at"] - LOOKAHEAD
            await Occurrence.update({Occurrence.remind_at: first}).where(
                Occurrence.id == row["id"]
            )

    manager.add_raw(run)
    return manager
