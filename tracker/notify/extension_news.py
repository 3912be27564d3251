"""Telling people about extension requests, through the outbox like every other message:
the approvers of a plan when a request is made, the requester when it is decided; and
taking back what was queued for a request that is no longer open.

Each message has a key of its own, "x7:p3:request" (extension 7, person 3) or
"x7:p12:approved", so a request or a decision written twice is sent once. A message
concerns the occurrence (``Outbox.occurrence``): completing the work cancels what has
not gone out, as it does a reminder. Who hears it is the policy's
(:func:`tracker.notify.policy.hears_of_extension`), with the plan's, the task's and the
person's settings as for a reminder.
"""

from __future__ import annotations

import datetime as dt

from tracker.config import Settings
from tracker.deadlines.extensions import ExtensionView, deciders
from tracker.notify.channels import registered
from tracker.notify.messages import Rendered, render_extension_decision, render_extension_request
from tracker.notify.people import PeopleIndex, PersonInfo
from tracker.notify.policy import effective_mode, hears_of_extension
from tracker.notify.reminders import Message, write_messages
from tracker.notify.tables import Outbox

__all__ = [
    "DECISION_STEP",
    "REQUEST_STEP",
    "cancel_request_news",
    "tell_approvers",
    "tell_requester",
]

REQUEST_STEP = "extension-request"
DECISION_STEP = "extension-decision"


def _key(extension_id: int, person_id: int, what: str) -> str:
    return f"x{extension_id}:p{person_id}:{what}"


def _hears(people: PeopleIndex, ext: ExtensionView, person_id: int) -> bool:
    mode = effective_mode(
        people.mode("plan", ext.plan_id),
        people.mode("task", ext.task_id),
        people.mode("person", person_id),
    )
    return hears_of_extension(mode)


def _message(
    key: str, step: str, person: PersonInfo, ext: ExtensionView, rendered: Rendered,
    people: PeopleIndex,
) -> Message:  # fmt: skip
    channels = tuple(
        destination
        for channel in registered()
        for destination in channel.destinations(person, people)
    )
    return Message(key, step, person, ext.occurrence_id, rendered, channels)


async def tell_approvers(ext: ExtensionView, *, settings: Settings, now: dt.datetime) -> int:
    """One message to each person who may decide the open request ``ext``, but not to
    the requester; how many outbox rows were written (every channel counts)."""
    ids = [s.person_id for s in await deciders(ext.plan_path) if s.person_id is not None]
    ids = [p for p in ids if p != ext.requested_by_id]
    people = await PeopleIndex.of_people(ids, targets=_targets(ext))
    messages = []
    for person_id in ids:
        person = people.people.get(person_id)
        if person is None or not _hears(people, ext, person_id):
            continue
        rendered = render_extension_request(ext, person=person.name, base_url=settings.base_url)
        messages.append(
            _message(
                _key(ext.id, person_id, "request"), REQUEST_STEP, person, ext, rendered, people
            )
        )
    return await write_messages(messages, now)


async def tell_requester(ext: ExtensionView, *, settings: Settings, now: dt.datetime) -> int:
    """The decision on ``ext`` (approved or refused) to the person who asked, unless they
    decided it themselves or asked from the command line; how many outbox rows."""
    asker = ext.requested_by_id
    if asker is None or asker == ext.decided_by_id or ext.state not in ("approved", "refused"):
        return 0
    people = await PeopleIndex.of_people([asker], targets=_targets(ext))
    person = people.people.get(asker)
    if person is None or not _hears(people, ext, asker):
        return 0
    rendered = render_extension_decision(ext, person=person.name, base_url=settings.base_url)
    message = _message(_key(ext.id, asker, ext.state), DECISION_STEP, person, ext, rendered, people)
    return await write_messages([message], now)


async def cancel_request_news(extension_id: int) -> int:
    """The request is closed: its messages to the approvers that have not gone out will
    not (an in-app one is delivered when written, and stays on the person's page)."""
    rows = (
        await Outbox.update(state="cancelled")
        .where(
            Outbox.key.like(f"x{extension_id}:p%:request")
            & (Outbox.step == REQUEST_STEP)
            & (Outbox.state == "queued")
        )
        .returning(Outbox.id)
    )
    return len(rows)


def _targets(ext: ExtensionView) -> list[str]:
    return [f"plan:{ext.plan_id}", f"task:{ext.task_id}"]
