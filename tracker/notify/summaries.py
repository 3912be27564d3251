"""The weekly summary's side of notify: who receives it (each active chairman and
officer with an e-mail address, unless they turned it off), their setting, and writing
one summary to the outbox. What a summary says is made above, where the reports are
(:mod:`tracker.weekly`): notify and reports do not import each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.notify.channels.email import EMAIL, Attachment, attachment_payload
from tracker.notify.tables import NotifySetting, Outbox
from tracker.org.services import scope_for_person
from tracker.org.tables import Person

__all__ = [
    "WEEKLY_ROLES",
    "WEEKLY_STEP",
    "Recipient",
    "queue_summary",
    "set_weekly_summary",
    "summary_key",
    "weekly_keys_written",
    "weekly_recipients",
    "weekly_summary_on",
]

WEEKLY_ROLES = ("chairman", "officer")
WEEKLY_STEP = "weekly"


def _target(person_id: int) -> str:
    return f"weekly:{person_id}"


@dataclass(frozen=True)
class Recipient:
    id: int
    name: str
    email: str
    role: str
    path: str  # the commune (district, province) whose summary they get


async def set_weekly_summary(person_id: int, on: bool, now: dt.datetime) -> bool:
    """Turn a person's weekly summary on or off (on unless they said otherwise)."""
    mode = "all" if on else "off"
    await NotifySetting.insert(
        NotifySetting(target=_target(person_id), mode=mode, updated_at=now)
    ).on_conflict(
        target=NotifySetting.target,
        action="DO UPDATE",
        values=[NotifySetting.mode, NotifySetting.updated_at],
    )
    return on


async def weekly_summary_on(person_id: int) -> bool:
    row = (
        await NotifySetting.select(NotifySetting.mode)
        .where(NotifySetting.target == _target(person_id))
        .first()
    )
    return row is None or row["mode"] != "off"


async def weekly_recipients() -> list[Recipient]:
    """Every active chairman and officer with an e-mail address who has not turned the
    summary off, once for each commune, district or province they belong to."""
    people = await Person.select(Person.id, Person.name, Person.email, Person.role).where(
        Person.role.is_in(list(WEEKLY_ROLES))
        & (Person.active == True)  # noqa: E712
        & (Person.email != "")
    )
    off = {
        row["target"]
        for row in await NotifySetting.select(NotifySetting.target).where(
            NotifySetting.target.like("weekly:%") & (NotifySetting.mode == "off")
        )
    }
    found = []
    for person in sorted(people, key=lambda p: p["id"]):
        if _target(person["id"]) in off:
            continue
        scope = await scope_for_person(person["id"])
        paths = scope.paths if scope is not None and scope.paths else ()
        for path in paths:
            found.append(
                Recipient(person["id"], person["name"], person["email"], person["role"], path)
            )
    return found


def summary_key(person_id: int, path: str, week: str) -> str:
    return f"weekly:p{person_id}:{path.strip('/').split('/')[-1]}:{week}"


async def weekly_keys_written(week: str) -> set[str]:
    """The summaries of ``week`` ("2026-W27") already in the outbox."""
    rows = await Outbox.select(Outbox.key).where(
        Outbox.key.like(f"weekly:%:{week}") & (Outbox.channel == EMAIL)
    )
    return {row["key"] for row in rows}


async def queue_summary(
    recipient: Recipient,
    week: str,
    *,
    subject: str,
    text: str,
    html: str,
    attachments: Sequence[Attachment],
    now: dt.datetime,
) -> bool:
    """Write one summary to the outbox for e-mail; False when that week's was already
    written (by this pass or another)."""
    inserted = (
        await Outbox.insert(
            Outbox(
                key=summary_key(recipient.id, recipient.path, week),
                channel=EMAIL,
                step=WEEKLY_STEP,
                person=recipient.id,
                occurrence=None,
                address=recipient.email,
                subject=subject,
                body_text=text,
                body_html=html,
                ics="",
                payload=attachment_payload(attachments),
                state="queued",
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
        .on_conflict(target=(Outbox.key, Outbox.channel), action="DO NOTHING")
        .returning(Outbox.id)
    )
    return bool(inserted)
