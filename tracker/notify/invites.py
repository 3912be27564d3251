"""Sending a one-time sign-in link: the link is made in org (:mod:`tracker.org.links`),
its e-mail goes through the outbox like every other message, and the audit log records
that it was sent.

The outbox row never holds the link in clear: its text carries a placeholder and its
payload the link sealed under the service's key, which the e-mail channel opens as it
sends (:mod:`tracker.notify.channels.email`). A copy of the database alone therefore
opens no account, as with sessions and feed tokens. Only e-mail carries the link: never
a webhook or an in-app notice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker import db
from tracker.audit import AuditLog
from tracker.config import Settings
from tracker.errors import ValidationError
from tracker.notify.channels import EMAIL, seal_secret, webhook_key
from tracker.notify.channels.email import LINK_MARK, SEALED_LINK
from tracker.notify.messages import render_sign_in_link
from tracker.notify.tables import Outbox
from tracker.org.links import issue_link
from tracker.org.people import PersonForm, actor_of, add_person, find_person
from tracker.org.policy import require_over_person
from tracker.org.scope import Scope

__all__ = ["SentLink", "add_and_invite", "send_sign_in_link", "sign_in_url"]


@dataclass(frozen=True)
class SentLink:
    """A link whose mail is in the outbox. ``url`` is shown only to the command line."""

    person_id: int
    email: str
    name: str
    url: str
    expires_at: dt.datetime
    outbox_id: int


def sign_in_url(settings: Settings, token: str) -> str:
    return f"{settings.base_url}/sign-in/{token}"


async def send_sign_in_link(
    person_id: int, *, purpose: str, scope: Scope, settings: Settings, now: dt.datetime
) -> SentLink:
    """Make a new link for the person (ending their earlier ones) and put its e-mail in
    the outbox; the caller hands delivery to the worker. Only for a person the caller
    may manage, whose account is not locked."""
    person = await find_person(person_id, scope)
    require_over_person(scope, role=person.role, person_id=None)
    if not person.active:
        raise ValidationError(
            f"Tài khoản của {person.name} đang bị khóa; hãy mở khóa trước khi gửi đường dẫn."
        )
    sender = scope.person_name or "Quản trị hệ thống"
    async with db.write_transaction():
        link = await issue_link(person_id, purpose=purpose, now=now, created_by=scope.person_id)
        url = sign_in_url(settings, link.token)
        expires = link.expires_at.astimezone(settings.tz)
        mail = render_sign_in_link(purpose=purpose, name=person.name, email=person.email,
                                   sender=sender, link=LINK_MARK, expires=expires,
                                   base_url=settings.base_url)  # fmt: skip
        inserted = await Outbox.insert(
            Outbox(
                key=f"sign-in:{link.id}",
                channel=EMAIL,
                step="sign-in-link",
                person=person_id,
                address=person.email,
                subject=mail.subject,
                body_text=mail.text,
                body_html=mail.html,
                payload={SEALED_LINK: seal_secret(webhook_key(settings), url)},
                state="queued",
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        ).returning(Outbox.id)
        log = AuditLog(actor_of(scope), now)
        log.add("person", person_id, purpose, {"link": link.id, "expires_at": expires})
        await log.flush()
    return SentLink(person_id, person.email, person.name, url, expires, inserted[0]["id"])


async def add_and_invite(
    form: PersonForm, *, scope: Scope, settings: Settings, now: dt.datetime
) -> SentLink:
    """Add the person and send them their invitation, in one transaction: a person is
    never left added without the mail that lets them in."""
    async with db.write_transaction():
        person_id = await add_person(form, scope, now)
        return await send_sign_in_link(
            person_id, purpose="invite", scope=scope, settings=settings, now=now
        )
