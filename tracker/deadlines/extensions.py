"""Extensions (gia hạn): asking for more time on one deadline, and deciding on it.

Whoever answers for the work (a person of the unit that leads it, or that it is assigned
to), or an officer or chairman of its commune, asks for a new date (and time) with a
reason; an officer or chairman whose scope covers the plan approves it or refuses it with
a note. The occurrence keeps its original deadline; an approval writes the new one as its
working deadline (``extended_due_*``, ``deadline_at``), raises its ``sequence`` so
calendars take the change, and has the reminder pass plan its ladder again from the new
date. Stopping the reminders queued for the old date is the caller's (the outbox lies a
layer up, :func:`tracker.notify.services.grant_extension`), in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from piccolo.custom_types import Combinable

from tracker import db
from tracker.audit import AuditLog
from tracker.deadlines.moments import day_end, local_moment, shown_deadline
from tracker.deadlines.progress import actor_of, find_occurrence, whose_work
from tracker.deadlines.read import OccurrenceView, read_occurrences, with_ids
from tracker.deadlines.services import first_look
from tracker.deadlines.tables import EXTENSION_STATES, Extension, Occurrence
from tracker.errors import ConflictError, NotFoundError, ValidationError
from tracker.org.policy import (
    DECIDE_EXTENSION,
    REQUEST_EXTENSION,
    allowed,
    refusal,
    require,
)
from tracker.org.scope import Scope
from tracker.org.services import staff_scopes
from tracker.org.tables import Unit
from tracker.plans.services import units_by_task
from tracker.vn import format_due

__all__ = [
    "DECIDER_ROLES",
    "NOTE_LIMIT",
    "STATE_LABELS",
    "ExtensionView",
    "approve_extension",
    "can_decide",
    "can_request",
    "deciders",
    "extension_history",
    "find_extension",
    "list_extensions",
    "parse_due_time",
    "refuse_extension",
    "request_extension",
    "withdraw_extension",
]

# The roles the rules table lets decide a request somewhere (DECIDE_EXTENSION's SCOPE).
DECIDER_ROLES = ("officer", "chairman")
# A reason or a note is a few sentences; past this it is refused, naming the length.
NOTE_LIMIT = 2000
# The latest year a new deadline may fall in, as for plans (plans.documents.plan_year).
LAST_YEAR = 2100

STATE_LABELS: dict[str, str] = {
    "requested": "Chờ duyệt",
    "approved": "Đã duyệt",
    "refused": "Bị từ chối",
    "withdrawn": "Đã rút",
}
# "Đề nghị gia hạn số 3 đã …": what became of a request that is no longer open.
_CLOSED_WORDS = {
    "approved": "được duyệt",
    "refused": "bị từ chối",
    "withdrawn": "được rút lại",
}

# The audit log's word for each decision.
_ACTIONS = {"approved": "approve", "refused": "refuse", "withdrawn": "withdraw"}

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hH]\s*(\d{2})\s*$")


@dataclass(frozen=True)
class ExtensionView:
    """One extension request with what a list or a page shows of it: the occurrence, its
    task, plan and lead unit, the original deadline and the one asked for, who asked and
    who decided. Moments are in local time; the ``*_text`` properties are in Vietnamese."""

    id: int
    occurrence_id: int
    state: str
    reason: str
    requested_due: dt.date | dt.datetime  # the new deadline asked for, as asked
    requested_deadline: dt.datetime  # its instant
    previous_due: dt.date | dt.datetime  # the working deadline it replaces (replaced)
    requested_by: str | None
    requested_at: dt.datetime
    decided_by: str | None
    decided_at: dt.datetime | None
    decision_note: str
    original_due: dt.date | dt.datetime  # the occurrence's original deadline
    working_due: dt.date | dt.datetime  # the occurrence's working deadline now
    occurrence_status: str  # the compliance bucket now
    label: str  # the occurrence's period ("Quý II/2026"), often empty
    task_id: int
    task_label: str
    task_content: str
    plan_id: int
    plan_key: str
    plan_number: str
    plan_title: str
    plan_path: str
    commune: str  # the name of the plan's unit
    lead_code: str | None
    lead_name: str | None
    requested_by_id: int | None = None  # the person who asked (None: the command line)
    decided_by_id: int | None = None

    @property
    def open(self) -> bool:
        return self.state == "requested"

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def requested_due_text(self) -> str:
        return format_due(self.requested_due)

    @property
    def previous_due_text(self) -> str:
        return format_due(self.previous_due)

    @property
    def original_due_text(self) -> str:
        return format_due(self.original_due)

    @property
    def working_due_text(self) -> str:
        return format_due(self.working_due)


# --------------------------------------------------------------------------- reading

_COLUMNS = (
    *Extension.all_columns(),
    Extension.requested_by.name.as_alias("requested_by_name"),
    Extension.decided_by.name.as_alias("decided_by_name"),
    Extension.occurrence._.plan._.unit._.path.as_alias("plan_path"),
    Extension.occurrence._.plan._.unit._.name.as_alias("commune"),
)


async def _load(
    *where: Combinable | None, tz: ZoneInfo, now: dt.datetime, newest_first: bool = True
) -> list[ExtensionView]:
    query = Extension.select(*_COLUMNS)
    for clause in where:
        if clause is not None:
            query = query.where(clause)
    rows = await query.order_by(Extension.id, ascending=not newest_first)
    if not rows:
        return []
    views = {
        v.id: v
        for v in await read_occurrences(
            with_ids(sorted({r["occurrence"] for r in rows})), tz=tz, now=now
        )
    }
    leads = await _leads(list(views.values()))
    return [_view(r, views[r["occurrence"]], leads.get(r["occurrence"]), tz) for r in rows]


async def _leads(views: Sequence[OccurrenceView]) -> dict[int, dict[str, Any]]:
    """Each occurrence's lead unit, as the compliance counts take it: the unit it is
    assigned to, else the first lead of its task."""
    units = await units_by_task([v.task_id for v in views])
    assigned = {v.assignee_id for v in views if v.assignee_id}
    by_id = {
        r["id"]: r
        for r in await Unit.select(Unit.id, Unit.code, Unit.name).where(
            Unit.id.is_in(sorted(assigned) or [0])
        )
    }
    out: dict[int, dict[str, Any]] = {}
    for v in views:
        first = (units.get(v.task_id) or {}).get("lead") or []
        unit = by_id.get(v.assignee_id) if v.assignee_id else (first[0] if first else None)
        if unit is not None:
            out[v.id] = unit
    return out


def _view(
    row: dict[str, Any], o: OccurrenceView, lead: dict[str, Any] | None, tz: ZoneInfo
) -> ExtensionView:
    requested = local_moment(row["due_date"], row["due_at"], tz)
    assert requested is not None  # every request names a day
    decided = row["decided_at"]
    return ExtensionView(
        id=row["id"],
        occurrence_id=o.id,
        state=row["state"],
        reason=row["reason"],
        requested_due=requested,
        requested_deadline=row["deadline_at"].astimezone(tz),
        previous_due=shown_deadline(row["previous_deadline_at"], tz),
        requested_by=row["requested_by_name"],
        requested_at=row["requested_at"].astimezone(tz),
        decided_by=row["decided_by_name"],
        decided_at=decided.astimezone(tz) if decided is not None else None,
        decision_note=row["decision_note"],
        original_due=o.due,
        working_due=o.working_due,
        occurrence_status=o.status,
        label=o.label,
        task_id=o.task_id,
        task_label=o.task_label,
        task_content=o.task_content,
        plan_id=o.plan_id,
        plan_key=o.plan_key,
        plan_number=o.plan_number,
        plan_title=o.plan_title,
        plan_path=o.plan_path,
        commune=row["commune"],
        lead_code=lead["code"] if lead else None,
        lead_name=lead["name"] if lead else None,
        requested_by_id=row["requested_by"],
        decided_by_id=row["decided_by"],
    )


async def list_extensions(
    scope: Scope,
    *,
    tz: ZoneInfo,
    now: dt.datetime,
    state: str | None = None,
    waiting_for: Scope | None = None,
    limit: int = 500,
) -> list[ExtensionView]:
    """The extension requests the caller may see, newest first; only those in ``state``
    when given. With ``waiting_for`` (an approver's scope, usually the caller's own): only
    the open requests that person may decide, oldest first, as a list of work waiting."""
    if state is not None and state not in EXTENSION_STATES:
        raise ValidationError(
            f"Trạng thái '{state}' không có; chọn một trong {', '.join(EXTENSION_STATES)}."
        )
    path = Extension.occurrence._.plan._.unit._.path
    clauses: list[Combinable | None] = [scope.where(path)]
    if state is not None:
        clauses.append(Extension.state == state)
    if waiting_for is not None:
        if not allowed(waiting_for, DECIDE_EXTENSION):
            return []
        clauses += [Extension.state == "requested", waiting_for.where(path)]
    views = await _load(*clauses, tz=tz, now=now, newest_first=waiting_for is None)
    if waiting_for is not None:  # the rules table has the last word on every plan
        views = [v for v in views if allowed(waiting_for, DECIDE_EXTENSION, v.plan_path)]
    return views[:limit]


async def extension_history(
    occurrence_id: int, *, tz: ZoneInfo, now: dt.datetime
) -> list[ExtensionView]:
    """Every request made on one occurrence, oldest first (the caller has checked that it
    may see the occurrence)."""
    return await _load(Extension.occurrence == occurrence_id, tz=tz, now=now, newest_first=False)


async def find_extension(
    extension_id: int, scope: Scope, *, tz: ZoneInfo, now: dt.datetime
) -> ExtensionView:
    """The request, if the caller may see its occurrence; else the same "not found" as for
    a number that names none."""
    found = await _load(Extension.id == extension_id, tz=tz, now=now)
    if not found or not scope.covers(found[0].plan_path):
        raise NotFoundError(f"Không có đề nghị gia hạn số {extension_id}.")
    return found[0]


# --------------------------------------------------------------------------- who may


async def can_request(scope: Scope, view: OccurrenceView) -> bool:
    """An officer or chairman of the plan's commune, or someone of a unit that leads the
    work (or that it is assigned to)."""
    if allowed(scope, REQUEST_EXTENSION, view.plan_path):
        return True
    if not allowed(scope, REQUEST_EXTENSION) or scope.person_id is None:
        return False
    return allowed(scope, REQUEST_EXTENSION, whose=await whose_work(scope.person_id, view))


def can_decide(scope: Scope, plan_path: str) -> bool:
    """An officer or chairman whose scope covers the plan (and the command line)."""
    return allowed(scope, DECIDE_EXTENSION, plan_path)


async def deciders(plan_path: str) -> list[Scope]:
    """The people who may decide a request on a plan of ``plan_path``: the active
    officers and chairmen for whom :func:`can_decide` holds, by person id. Only people
    of the plan's province can (a scope never reaches past a person's own province)."""
    top = plan_path.strip("/").split("/", 1)[0]
    staff = await staff_scopes(f"/{top}/", DECIDER_ROLES)
    return sorted((s for s in staff if can_decide(s, plan_path)), key=lambda s: s.person_id or 0)


# --------------------------------------------------------------------------- asking


def parse_due_time(text: str | None) -> dt.time | None:
    """ "16:15" (or "16h15") as a time of day; None for no time."""
    if text is None or not text.strip():
        return None
    found = _TIME.match(text)
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise ValidationError(f"Giờ '{text}' không hợp lệ; hãy viết theo dạng HH:MM, ví dụ 16:15.")
    return dt.time(int(found[1]), int(found[2]))


def _text(value: str, what: str, *, required: bool) -> str:
    value = value.strip()
    if required and not value:
        raise ValidationError(f"Hãy ghi {what}.")
    if len(value) > NOTE_LIMIT:
        raise ValidationError(
            f"{what.capitalize()} dài {len(value)} ký tự; hãy rút gọn còn không quá "
            f"{NOTE_LIMIT} ký tự."
        )
    return value


async def request_extension(
    occurrence_id: int,
    due_date: dt.date,
    due_time: dt.time | None,
    reason: str,
    *,
    scope: Scope,
    tz: ZoneInfo,
    now: dt.datetime,
) -> ExtensionView:
    """Ask for the occurrence's deadline to move to ``due_date`` (at ``due_time``, else to
    the end of that day), for ``reason``. One request per occurrence may be open at once."""
    view = await find_occurrence(occurrence_id, scope, tz=tz, now=now)
    if not await can_request(scope, view):
        raise refusal(scope, REQUEST_EXTENSION)
    _still_open(view)
    reason = _text(reason, "lý do đề nghị gia hạn", required=True)
    if due_date.year > LAST_YEAR:
        raise ValidationError(f"Hạn mới {due_date:%d/%m/%Y} quá xa; hãy chọn một ngày hợp lý.")
    due_at = dt.datetime.combine(due_date, due_time, tzinfo=tz) if due_time else None
    deadline = due_at or day_end(due_date, tz)
    if deadline <= view.deadline:
        raise ValidationError(
            f"Hạn mới {format_due(due_at or due_date)} phải sau hạn hiện tại "
            f"{format_due(view.working_due)}."
        )
    if deadline <= now:
        raise ValidationError(
            f"Hạn mới {format_due(due_at or due_date)} đã qua; hãy chọn một thời điểm sau bây giờ."
        )
    audit = AuditLog(actor_of(scope), now)
    async with db.write_transaction():
        await _no_open_request(occurrence_id)
        # The unique index on open requests settles two requests sent at the same moment.
        inserted = (
            await Extension.insert(
                Extension(
                    occurrence=occurrence_id,
                    requested_by=scope.person_id,
                    requested_at=now,
                    due_date=due_date,
                    due_at=due_at,
                    deadline_at=deadline,
                    previous_deadline_at=view.deadline,
                    reason=reason,
                    state="requested",
                )
            )
            .on_conflict(action="DO NOTHING")
            .returning(Extension.id)
        )
        if not inserted:
            await _no_open_request(occurrence_id)
            raise ConflictError(
                f"Hạn công việc số {occurrence_id} đã có đề nghị gia hạn đang chờ duyệt."
            )
        extension_id = int(inserted[0]["id"])
        audit.add(
            "extension", extension_id, "request",
            {"occurrence": [None, occurrence_id], "state": [None, "requested"],
             "due": [None, (due_at or due_date).isoformat()], "reason": [None, reason]},
            view.plan_id,
        )  # fmt: skip
        await audit.flush()
    return await find_extension(extension_id, scope, tz=tz, now=now)


def _still_open(view: OccurrenceView) -> None:
    if view.stored_status == "done":
        raise ConflictError(
            f"Hạn công việc số {view.id} đã hoàn thành; không gia hạn việc đã xong được."
        )
    if view.stored_status == "cancelled":
        raise ConflictError(f"Hạn công việc số {view.id} đã bị hủy; không gia hạn được.")


async def _no_open_request(occurrence_id: int) -> None:
    waiting = (
        await Extension.select(Extension.id)
        .where((Extension.occurrence == occurrence_id) & (Extension.state == "requested"))
        .first()
    )
    if waiting is not None:
        raise ConflictError(
            f"Hạn công việc số {occurrence_id} đã có đề nghị gia hạn số {waiting['id']} đang "
            "chờ duyệt; hãy chờ quyết định, hoặc rút đề nghị đó trước khi gửi đề nghị mới."
        )


# --------------------------------------------------------------------------- deciding


async def _open_for(
    extension_id: int, scope: Scope, action: str, *, tz: ZoneInfo, now: dt.datetime
) -> tuple[ExtensionView, OccurrenceView]:
    """The request and its occurrence, if the caller may see them, may do ``action`` on
    them, and the request is still open."""
    extension = await find_extension(extension_id, scope, tz=tz, now=now)
    occurrence = await find_occurrence(extension.occurrence_id, scope, tz=tz, now=now)
    if action == DECIDE_EXTENSION:
        require(scope, DECIDE_EXTENSION, extension.plan_path, where=extension.commune)
    elif not await can_request(scope, occurrence):
        raise refusal(scope, action)
    if not extension.open:
        raise ConflictError(
            f"Đề nghị gia hạn số {extension_id} đã {_CLOSED_WORDS[extension.state]}; "
            "không quyết định lại được."
        )
    return extension, occurrence


async def _close(
    extension: ExtensionView,
    state: str,
    note: str,
    scope: Scope,
    now: dt.datetime,
    audit: AuditLog,
    **also: Any,
) -> None:
    """Move an open request to ``state`` (with ``also``, more of its columns). A request
    another caller closed in the meantime is a conflict: the update itself says whether it
    found the request still open (two approvers at once, on PostgreSQL too)."""
    closed = (
        await Extension.update(
            {
                Extension.state: state,
                Extension.decided_by: scope.person_id,
                Extension.decided_at: now,
                Extension.decision_note: note,
                **{Extension._meta.get_column_by_name(k): v for k, v in also.items()},
            }
        )
        .where((Extension.id == extension.id) & (Extension.state == "requested"))
        .returning(Extension.id)
    )
    if not closed:
        raise ConflictError(f"Đề nghị gia hạn số {extension.id} vừa được người khác quyết định.")
    audit.add(
        "extension", extension.id, _ACTIONS[state],
        {"state": ["requested", state], "decided_by": [None, scope.person_id],
         "note": ["", note]},
        extension.plan_id,
    )  # fmt: skip


async def approve_extension(
    extension_id: int,
    note: str,
    *,
    scope: Scope,
    tz: ZoneInfo,
    now: dt.datetime,
    lookahead: dt.timedelta,
) -> ExtensionView:
    """Approve the request: the occurrence's working deadline moves to the new date (the
    original stays), its calendar entries change (``sequence``), and the reminder pass
    looks at it again as at a new deadline (``lookahead`` before it, the reminder
    policy's), counting nothing before this moment as missed."""
    extension, _ = await _open_for(extension_id, scope, DECIDE_EXTENSION, tz=tz, now=now)
    note = _text(note, "ghi chú", required=False)
    audit = AuditLog(actor_of(scope), now)
    async with db.write_transaction():
        # Read again inside the transaction: the work may have been done, or its deadline
        # moved, since the request was made.
        occurrence = await find_occurrence(extension.occurrence_id, scope, tz=tz, now=now)
        _still_open(occurrence)
        if extension.requested_deadline <= occurrence.deadline:
            raise ConflictError(
                f"Hạn công việc số {occurrence.id} nay đã có hạn "
                f"{format_due(occurrence.working_due)}, không sớm hơn hạn đề nghị "
                f"{extension.requested_due_text}; hãy từ chối đề nghị này."
            )
        stored = (
            await Extension.select(Extension.due_date, Extension.due_at, Extension.deadline_at)
            .where(Extension.id == extension_id)
            .first()
        )
        assert stored is not None
        await _close(
            extension, "approved", note, scope, now, audit,
            previous_deadline_at=occurrence.deadline,
        )  # fmt: skip
        by_event = occurrence.event_id is not None
        await Occurrence.update(
            {
                Occurrence.extended_due_date: stored["due_date"],
                Occurrence.extended_due_at: stored["due_at"],
                Occurrence.extension_reason: extension.reason,
                Occurrence.deadline_at: stored["deadline_at"],
                Occurrence.sequence: Occurrence.sequence + 1,
                Occurrence.updated_at: now,
                # The ladder starts again from the new deadline; steps before now are past.
                Occurrence.remind_at: first_look(stored["deadline_at"], by_event, now, lookahead),
                Occurrence.reminded_until: now,
            }
        ).where((Occurrence.id == occurrence.id) & (Occurrence.status == "open"))
        audit.add(
            "occurrence", occurrence.id, "extend",
            {"extended_due": [_iso(occurrence.extended_due), extension.requested_due.isoformat()],
             "deadline_at": [occurrence.deadline.isoformat(),
                             extension.requested_deadline.isoformat()],
             "extension": [None, extension_id]},
            occurrence.plan_id,
        )  # fmt: skip
        await audit.flush()
    return await find_extension(extension_id, scope, tz=tz, now=now)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


async def refuse_extension(
    extension_id: int, note: str, *, scope: Scope, tz: ZoneInfo, now: dt.datetime
) -> ExtensionView:
    """Refuse the request, saying why; the deadline stays as it is."""
    extension, _ = await _open_for(extension_id, scope, DECIDE_EXTENSION, tz=tz, now=now)
    note = _text(note, "lý do từ chối", required=True)
    audit = AuditLog(actor_of(scope), now)
    async with db.write_transaction():
        await _close(extension, "refused", note, scope, now, audit)
        await audit.flush()
    return await find_extension(extension_id, scope, tz=tz, now=now)


async def withdraw_extension(
    extension_id: int, note: str, *, scope: Scope, tz: ZoneInfo, now: dt.datetime
) -> ExtensionView:
    """Withdraw an open request (whoever may ask for one on that work may), so that
    another can be made."""
    extension, _ = await _open_for(extension_id, scope, REQUEST_EXTENSION, tz=tz, now=now)
    note = _text(note, "ghi chú", required=False)
    audit = AuditLog(actor_of(scope), now)
    async with db.write_transaction():
        await _close(extension, "withdrawn", note, scope, now, audit)
        await audit.flush()
    return await find_extension(extension_id, scope, tz=tz, now=now)
