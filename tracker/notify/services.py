"""Use cases around the reminders: recording an event, completing work, asking for and
deciding an extension (deadlines below, their messages here), what a plan, task or person lets
through, the webhooks, and a person's in-app notifications."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from tracker import db
from tracker.config import Settings
from tracker.deadlines.extensions import (
    ExtensionView,
    approve_extension,
    refuse_extension,
    request_extension,
    withdraw_extension,
)
from tracker.deadlines.progress import EventRecord, complete_occurrence, record_event
from tracker.deadlines.read import OccurrenceView
from tracker.deadlines.schemas import CompleteIn
from tracker.deadlines.services import Expander
from tracker.errors import NotFoundError, ValidationError
from tracker.notify.channels import IN_APP, is_sealed, seal_secret, webhook_key
from tracker.notify.delivery import cancel_pending
from tracker.notify.extension_news import (
    DECISION_STEP,
    cancel_request_news,
    tell_approvers,
    tell_requester,
)
from tracker.notify.policy import LOOKAHEAD, MODES
from tracker.notify.reminders import PassReport, reminder_pass
from tracker.notify.tables import NotifySetting, Outbox, Webhook
from tracker.org.scope import Scope
from tracker.org.tables import Person, Unit
from tracker.plans.tables import Plan, Task
from tracker.schedule.calendars import load_work_calendar

__all__ = [
    "add_webhook",
    "ask_extension",
    "complete_work",
    "expander_for",
    "grant_extension",
    "list_notifications",
    "list_webhooks",
    "mark_all_read",
    "mark_read",
    "record_event_and_remind",
    "seal_webhook_secrets",
    "set_mode",
    "take_back_extension",
    "turn_down_extension",
    "unread_count",
]


def expander_for(settings: Settings) -> Expander:
    """What turns stored plans into deadlines, with the reminder policy's look-ahead."""
    return Expander(load_work_calendar(settings.calendars_dir), settings.tz, LOOKAHEAD)


async def record_event_and_remind(
    kind: str,
    occurred_on: dt.date,
    *,
    unit_code: str | None,
    reference: str,
    scope: Scope,
    settings: Settings,
    now: dt.datetime,
    plan_key: str | None = None,
) -> tuple[EventRecord, PassReport]:
    """Record the event, create the deadlines it starts, and write their first reminders
    to the outbox (the caller delivers them or hands them to the worker)."""
    expander = expander_for(settings)
    record = await record_event(
        kind, occurred_on, unit_code=unit_code, reference=reference, scope=scope,
        expander=expander, now=now, plan_key=plan_key,
    )  # fmt: skip
    report = await reminder_pass(settings, now, calendar=expander.calendar)
    return record, report


async def complete_work(
    occurrence_id: int, work: CompleteIn, *, scope: Scope, tz: ZoneInfo, now: dt.datetime
) -> OccurrenceView:
    """Record the work done and, in the same transaction, cancel its reminders that have
    not gone out yet."""
    async with db.write_transaction():
        row = await complete_occurrence(occurrence_id, work, scope=scope, tz=tz, now=now)
        if row.stored_status == "done":
            await cancel_pending(occurrence_id)
    return row


async def ask_extension(
    occurrence_id: int,
    due_date: dt.date,
    due_time: dt.time | None,
    reason: str,
    *,
    scope: Scope,
    settings: Settings,
    now: dt.datetime,
) -> ExtensionView:
    """Ask for an extension and, in the same transaction, tell each person who may decide
    it (not the requester) through the outbox; the caller hands delivery to the worker."""
    async with db.write_transaction():
        view = await request_extension(
            occurrence_id, due_date, due_time, reason, scope=scope, tz=settings.tz, now=now
        )
        await tell_approvers(view, settings=settings, now=now)
    return view


async def grant_extension(
    extension_id: int, note: str, *, scope: Scope, settings: Settings, now: dt.datetime
) -> ExtensionView:
    """Approve an extension and, in the same transaction, cancel the messages queued for
    the old deadline (its reminders, and the request's to the other approvers): the next
    pass plans the ladder of the new one (the reminder policy's look-ahead before it).
    The requester is told. The feeds see the new deadline at once (the occurrence's
    change raises their data version)."""
    async with db.write_transaction():
        view = await approve_extension(
            extension_id, note, scope=scope, tz=settings.tz, now=now, lookahead=LOOKAHEAD
        )
        # An earlier decision on the same deadline (a refusal not yet mailed) stays true.
        await cancel_pending(view.occurrence_id, keep_steps=(DECISION_STEP,))
        await tell_requester(view, settings=settings, now=now)
    return view


async def turn_down_extension(
    extension_id: int, note: str, *, scope: Scope, settings: Settings, now: dt.datetime
) -> ExtensionView:
    """Refuse an extension and, in the same transaction, cancel the request's messages
    still queued for the approvers and tell the requester."""
    async with db.write_transaction():
        view = await refuse_extension(extension_id, note, scope=scope, tz=settings.tz, now=now)
        await cancel_request_news(extension_id)
        await tell_requester(view, settings=settings, now=now)
    return view


async def take_back_extension(
    extension_id: int, note: str, *, scope: Scope, settings: Settings, now: dt.datetime
) -> ExtensionView:
    """Withdraw an extension request and, in the same transaction, cancel its messages
    still queued for the approvers."""
    async with db.write_transaction():
        view = await withdraw_extension(extension_id, note, scope=scope, tz=settings.tz, now=now)
        await cancel_request_news(extension_id)
    return view


async def set_mode(
    mode: str,
    *,
    email: str | None = None,
    person_id: int | None = None,
    plan: str | None = None,
    task: str | None = None,
    now: dt.datetime,
) -> str:
    """Store the mode for one person, plan or task; return what it was set for, in words.
    A person may turn off everything but escalations, not those."""
    if mode not in MODES:
        raise ValidationError(f"Mức nhắc việc '{mode}' không có; chỉ nhận {', '.join(MODES)}.")
    if email is not None or person_id is not None:
        if mode == "off":
            raise ValidationError(
                "Một người có thể tắt mọi lời nhắc trừ báo cáo quá hạn: hãy chọn 'escalations'."
            )
        query = Person.select(Person.id, Person.name)
        row = await query.where(
            Person.email == email if email is not None else Person.id == person_id
        ).first()
        if row is None:
            raise NotFoundError(f"Không có người dùng '{email or person_id}'.")
        target, shown = f"person:{row['id']}", row["name"]
    elif plan is not None:
        row = (
            await Plan.select(Plan.id, Plan.key)
            .where((Plan.key == plan) | (Plan.number == plan))
            .first()
        )
        if row is None:
            raise NotFoundError(f"Không có kế hoạch '{plan}'.")
        target, shown = f"plan:{row['id']}", f"kế hoạch {row['key']}"
    elif task is not None:
        plan_key, _, task_key = task.partition("/")
        row = (
            await Task.select(Task.id)
            .where((Task.plan.key == plan_key) & (Task.key == task_key))
            .first()
        )
        if row is None:
            raise NotFoundError(f"Không có nhiệm vụ '{task_key}' trong kế hoạch '{plan_key}'.")
        target, shown = f"task:{row['id']}", f"nhiệm vụ {task}"
    else:
        raise ValidationError("Hãy chọn người, kế hoạch hoặc nhiệm vụ.")
    await NotifySetting.insert(NotifySetting(target=target, mode=mode, updated_at=now)).on_conflict(
        target=NotifySetting.target,
        action="DO UPDATE",
        values=[NotifySetting.mode, NotifySetting.updated_at],
    )
    return str(shown)


async def person_mode(person_id: int) -> str:
    row = (
        await NotifySetting.select(NotifySetting.mode)
        .where(NotifySetting.target == f"person:{person_id}")
        .first()
    )
    return str(row["mode"]) if row else "all"


async def add_webhook(
    url: str, unit_code: str | None, *, settings: Settings, now: dt.datetime
) -> tuple[int, str]:
    """Add a webhook; its secret is returned this once and stored only sealed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(f"'{url}' không phải địa chỉ http:// hoặc https://.")
    unit_id = None
    if unit_code:
        unit = await Unit.select(Unit.id).where(Unit.code == unit_code).first()
        if unit is None:
            raise NotFoundError(f"Không có đơn vị mã '{unit_code}'.")
        unit_id = unit["id"]
    secret = secrets.token_urlsafe(32)
    sealed = seal_secret(webhook_key(settings), secret)
    inserted = await Webhook.insert(
        Webhook(url=url, secret=sealed, unit=unit_id, active=True, created_at=now)
    ).returning(Webhook.id)
    return inserted[0]["id"], secret


async def seal_webhook_secrets(settings: Settings) -> int:
    """Seal every webhook secret an older version stored in clear; how many it sealed.
    Run where the key is known (``tracker db migrate``, ``serve``, ``worker``); running
    it again changes nothing."""
    key = webhook_key(settings)
    rows = await Webhook.select(Webhook.id, Webhook.secret)
    plain = [r for r in rows if not is_sealed(r["secret"])]
    for row in plain:
        await Webhook.update({Webhook.secret: seal_secret(key, row["secret"])}).where(
            (Webhook.id == row["id"]) & (Webhook.secret == row["secret"])
        )
    return len(plain)


async def list_webhooks() -> list[dict[str, Any]]:
    return list(
        await Webhook.select(
            Webhook.id, Webhook.url, Webhook.unit.code.as_alias("unit"), Webhook.active
        ).order_by(Webhook.id)
    )


async def list_notifications(
    person_id: int, *, limit: int = 50, unread: bool = False
) -> list[dict[str, Any]]:
    """A person's in-app notifications, newest first."""
    query = Outbox.select(
        Outbox.id,
        Outbox.step,
        Outbox.subject,
        Outbox.body_text,
        Outbox.occurrence,
        Outbox.created_at,
        Outbox.read_at,
        Outbox.payload,
    ).where((Outbox.person == person_id) & (Outbox.channel == IN_APP))
    if unread:
        query = query.where(Outbox.read_at.is_null())
    return list(
        await query.order_by(Outbox.id, ascending=False).limit(limit).output(load_json=True)
    )


async def mark_read(person_id: int, notification_id: int, now: dt.datetime) -> None:
    row = (
        await Outbox.select(Outbox.id)
        .where(
            (Outbox.id == notification_id)
            & (Outbox.person == person_id)
            & (Outbox.channel == IN_APP)
        )
        .first()
    )
    if row is None:
        raise NotFoundError(f"Không có thông báo số {notification_id}.")
    await Outbox.update(read_at=now).where(
        (Outbox.id == notification_id) & Outbox.read_at.is_null()
    )


async def mark_all_read(person_id: int, now: dt.datetime) -> int:
    """Marks every unread in-app notification of a person read; how many there were."""
    rows = (
        await Outbox.update(read_at=now)
        .where((Outbox.person == person_id) & (Outbox.channel == IN_APP) & Outbox.read_at.is_null())
        .returning(Outbox.id)
    )
    return len(rows)


async def unread_count(person_id: int) -> int:
    """How many of a person's in-app notifications are unread: one COUNT, for the header
    of every page."""
    return int(
        await Outbox.count().where(
            (Outbox.person == person_id) & (Outbox.channel == IN_APP) & Outbox.read_at.is_null()
        )
    )
