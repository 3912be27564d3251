"""Occurrences (one per deadline), the events that start relative ones, and the
extensions (gia hạn) asked for and decided on them."""

from __future__ import annotations

from piccolo.columns import (
    Bytea,
    Date,
    ForeignKey,
    Integer,
    OnDelete,
    Serial,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from tracker.org.tables import Person, Unit
from tracker.plans.tables import Plan, Task

__all__ = ["EXTENSION_STATES", "Event", "EvidenceFile", "Extension", "Occurrence"]


class Event(Table):
    """Something that happened and starts relative deadlines (a decision, a complaint)."""

    id: Serial

    kind = Varchar(length=100, index=True)
    occurred_on = Date()
    due_date = Date(null=True, default=None)
    unit = ForeignKey(Unit, null=True, on_delete=OnDelete.set_null)
    plan = ForeignKey(Plan, null=True, on_delete=OnDelete.cascade)
    task = ForeignKey(Task, null=True, on_delete=OnDelete.cascade)
    reference = Text(default="")
    note = Text(default="")
    created_at = Timestamptz()
    created_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)


class Occurrence(Table):
    """One deadline of a task: a period of a recurring one, or one event's follow-up.

    ``due_date``/``due_at`` are the original deadline and are never overwritten
    by an extension; ``deadline_at`` is the working deadline (extended if
    approved, else the original; the end of the day for a date), kept for one
    indexed query over everything falling due.
    """

    id: Serial

    task = ForeignKey(Task, on_delete=OnDelete.cascade, index=True)
    plan = ForeignKey(Plan, on_delete=OnDelete.cascade, index=True)
    key = Varchar(length=300)
    rule_key = Varchar(length=100, default="")
    kind = Varchar(length=20)
    label = Varchar(length=300, default="")
    assignee = ForeignKey(Unit, null=True, on_delete=OnDelete.set_null)
    event = ForeignKey(Event, null=True, on_delete=OnDelete.cascade)
    start_date = Date(null=True, default=None)
    start_at = Timestamptz(null=True, default=None)
    due_date = Date()
    due_at = Timestamptz(null=True, default=None)
    nominal_date = Date()
    moved_reason = Text(default="")
    extended_due_date = Date(null=True, default=None)
    extended_due_at = Timestamptz(null=True, default=None)
    extension_reason = Text(default="")
    deadline_at = Timestamptz(index=True)
    status = Varchar(length=20, default="open", index=True)
    completed_at = Timestamptz(null=True, default=None)
    completed_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)
    evidence = Text(default="")
    note = Text(default="")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    # Reminders (tracker.notify): when the next step falls due (empty: not yet worked
    # out, which the next pass does), and up to when steps have been handled.
    remind_at = Timestamptz(null=True, default=None, index=True)
    # Raised whenever the occurrence changes, for the SEQUENCE of its calendar entries.
    sequence = Integer(default=0)
    reminded_until = Timestamptz(null=True, default=None)


# An extension is asked for, then approved or refused by an officer or the chairman, or
# withdrawn by whoever may ask; only "requested" is open.
EXTENSION_STATES = ("requested", "approved", "refused", "withdrawn")


class Extension(Table):
    """A request to move an occurrence's working deadline (gia hạn), and its decision.

    ``due_date``/``due_at`` are the new deadline as asked (``due_at`` when it has a time),
    ``deadline_at`` its instant. ``previous_deadline_at`` is the working deadline the
    occurrence had before this extension was applied (set again at approval): a report
    "as of" a moment before ``decided_at`` counts against it. The occurrence keeps its
    original deadline; an approval writes the new one into its ``extended_due_*``. At
    most one request per occurrence is open at a time (a unique index, in the migration).
    """

    id: Serial

    occurrence = ForeignKey(Occurrence, on_delete=OnDelete.cascade, index=True)
    requested_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)
    requested_at = Timestamptz()
    due_date = Date()
    due_at = Timestamptz(null=True, default=None)
    deadline_at = Timestamptz()
    previous_deadline_at = Timestamptz()
    reason = Text(default="")
    state = Varchar(length=20, default="requested", index=True)
    decided_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)
    decided_at = Timestamptz(null=True, default=None)
    decision_note = Text(default="")


class EvidenceFile(Table):
    """A file given as evidence that work was done, listed here per occurrence; its content
    is kept once by its SHA-256 (``EvidenceContent``)."""

    id: Serial

    occurrence = ForeignKey(Occurrence, on_delete=OnDelete.cascade, index=True)
    sha256 = Varchar(length=64)
    name = Varchar(length=300)
    content_type = Varchar(length=100)
    size = Integer(default=0)
    uploaded_by = ForeignKey(Person, null=True, on_delete=OnDelete.set_null)
    uploaded_at = Timestamptz()


class EvidenceContent(Table):
    """The bytes of an evidence file, once per content (by SHA-256), in the database: every
    web host of a scale-out serves them, and a database backup holds them."""

    id: Serial

    sha256 = Varchar(length=64, unique=True)
    data = Bytea()
