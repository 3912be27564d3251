"""What a reminder or a digest says: subject, text and HTML bodies from the Jinja2
templates in ``notify/templates``, the deadline as an .ics file, and the JSON a webhook
receives. Pure: everything it shows is passed in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from tracker.config import PACKAGE_DIR, host_of
from tracker.deadlines.extensions import ExtensionView
from tracker.deadlines.read import OccurrenceView
from tracker.notify.ical import CalendarEntry, build_calendar, occurrence_uid
from tracker.notify.policy import Step
from tracker.vn import format_date, format_due, format_time, has_number, one_line

__all__ = [
    "SUBJECT_LIMIT",
    "Digest",
    "Item",
    "Rendered",
    "extension_link",
    "render_digest",
    "render_extension_decision",
    "render_extension_request",
    "render_reminder",
    "render_sign_in_link",
]

# A subject is one line of at most this many characters, whatever the plan, the task or
# an event's reference held (a line break there would otherwise reach the mail header).
SUBJECT_LIMIT = 250


@dataclass(frozen=True)
class Item:
    """One occurrence as a message shows it."""

    occurrence_id: int
    occurrence_key: str
    label: str
    task_label: str
    task_content: str
    output: str
    plan_key: str
    plan_number: str
    plan_title: str
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]
    due: dt.date | dt.datetime
    task_key: str = ""
    start: dt.date | dt.datetime | None = None
    original_due: dt.date | dt.datetime | None = None
    event: str = ""
    days_late: int = 0

    @classmethod
    def of(
        cls,
        view: OccurrenceView,
        lead: Sequence[str],
        coordinating: Sequence[str],
        *,
        event: str = "",
        days_late: int = 0,
    ) -> Item:
        """The item of one occurrence of the read model, with its units by name."""
        return cls(
            occurrence_id=view.id,
            occurrence_key=view.key,
            task_key=view.task_key,
            label=view.label,
            task_label=view.task_label,
            task_content=view.task_content,
            output=view.task_output,
            plan_key=view.plan_key,
            plan_number=view.plan_number,
            plan_title=view.plan_title,
            lead=tuple(lead),
            coordinating=tuple(coordinating),
            due=view.working_due,
            start=view.start,
            original_due=view.due if view.extended_due is not None else None,
            event=event,
            days_late=days_late,
        )

    @property
    def title(self) -> str:
        """A short name: the occurrence's own label, else the task's words."""
        content = (
            self.task_content if len(self.task_content) <= 90 else self.task_content[:87] + "…"
        )
        if self.label and self.label not in content:
            return f"{self.label}: {content}"
        return content

    @property
    def task_line(self) -> str:
        """The task with its number ("2.1. …"); a bullet label ("-", "+") is left off."""
        label = self.task_label.rstrip(".")
        if any(ch.isalnum() for ch in label):
            return f"{label}. {self.task_content}"
        return self.task_content

    @property
    def plan_line(self) -> str:
        """The plan's number and title, or its title alone while it has no number."""
        if has_number(self.plan_number):
            return f"KH số {self.plan_number} – {self.plan_title}"
        return self.plan_title

    @property
    def plan_ref(self) -> str:
        """The plan by its number; a draft whose number is still blank ("/KH-UBND") by
        the start of its title."""
        if has_number(self.plan_number):
            return f"KH số {self.plan_number}"
        return f"KH “{one_line(self.plan_title, 58)}”"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    ics: str = ""
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Digest:
    """One person's day: what is overdue, what falls due within 7 days, and what was
    reported to them as their units' or their commune's late work."""

    day: dt.date
    overdue: tuple[Item, ...] = ()
    soon: tuple[Item, ...] = ()
    escalated: tuple[Item, ...] = ()

    @property
    def items(self) -> tuple[Item, ...]:
        return self.overdue + self.soon + self.escalated


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(PACKAGE_DIR / "notify" / "templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["due"] = format_due
    env.filters["date_vn"] = format_date
    env.filters["time_vn"] = format_time
    return env


def _render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def _headline(step: Step, item: Item, tz: ZoneInfo) -> tuple[str, str]:
    """The subject's tag and the one-line reason of a reminder."""
    due = format_due(item.due)
    if step.name.startswith("before-"):
        return "Nhắc việc", f"Còn {step.days_left} ngày làm việc đến hạn ({due})"
    if step.name == "due":
        if isinstance(item.due, dt.date) and step.at.astimezone(tz).date() == item.due:
            return "Nhắc việc", f"Hôm nay đến hạn ({due})"
        return "Nhắc việc", f"Hạn rơi vào ngày nghỉ; đến hạn {due}"
    if step.name == "eve":
        return "Nhắc việc", f"Sắp đến hạn: {due}"
    if step.name == "2h":
        moment = item.due.astimezone(tz) if isinstance(item.due, dt.datetime) else None
        return (
            "Nhắc việc",
            f"Còn 2 giờ đến hạn (hôm nay lúc {format_time(moment.time() if moment else None)})",
        )
    if step.name == "event":
        reason = f"Việc mới phát sinh ({item.event})" if item.event else "Việc mới phát sinh"
        return "Việc mới", f"{reason}; hạn {due}"
    if step.name == "escalate-head":
        return "Báo cáo lãnh đạo", f"Đã quá hạn {step.overdue_days} ngày làm việc (hạn {due})"
    if step.name == "escalate-chairman":
        return "Báo cáo Chủ tịch", f"Đã quá hạn {step.overdue_days} ngày làm việc (hạn {due})"
    return "Quá hạn", f"Đã quá hạn {step.overdue_days} ngày làm việc (hạn {due})"


def _calendar_entry(item: Item, base_url: str, host: str) -> CalendarEntry:
    lines = [
        f"Kế hoạch: {item.plan_line}",
        f"Nhiệm vụ: {item.task_line}",
    ]
    if item.lead:
        lines.append("Chủ trì: " + "; ".join(item.lead))
    if item.output:
        lines.append("Kết quả: " + item.output)
    return CalendarEntry(
        uid=occurrence_uid(item.plan_key, item.task_key, item.occurrence_key, host),
        summary=f"{item.title} – {item.plan_ref}",
        due=item.due,
        start=item.start if type(item.start) is type(item.due) else None,
        description="\n".join(lines),
        url=f"{base_url}/occurrences/{item.occurrence_id}",
        categories=("Nhắc việc",),
    )


def render_reminder(
    step: Step, item: Item, *, person: str, base_url: str, tz: ZoneInfo, now: dt.datetime
) -> Rendered:
    """A reminder of ``step`` for ``item`` to ``person``."""
    tag, reason = _headline(step, item, tz)
    link = f"{base_url}/occurrences/{item.occurrence_id}"
    context = {"item": item, "reason": reason, "person": person, "link": link, "tag": tag}
    host = host_of(base_url)
    ics = build_calendar(
        [_calendar_entry(item, base_url, host)], name="Nhắc việc", tz=tz, stamp=now
    ).decode("utf-8")
    return Rendered(
        subject=one_line(f"[{tag}] {item.title} – {item.plan_ref}", SUBJECT_LIMIT),
        text=_render("reminder.txt", **context),
        html=_render("reminder.html", **context),
        ics=ics,
        payload={
            "type": "reminder",
            "step": step.name,
            "reason": reason,
            "occurrence": _item_payload(item, link),
        },
    )


def render_digest(digest: Digest, *, person: str, base_url: str) -> Rendered:
    """One person's daily digest."""
    counts = []
    if digest.overdue:
        counts.append(f"{len(digest.overdue)} việc quá hạn")
    if digest.soon:
        counts.append(f"{len(digest.soon)} việc đến hạn trong 7 ngày")
    if digest.escalated:
        counts.append(f"{len(digest.escalated)} việc quá hạn báo lên")
    context = {"digest": digest, "person": person, "base_url": base_url, "counts": counts}
    return Rendered(
        subject=one_line(
            f"[Nhắc việc] Tổng hợp ngày {format_date(digest.day)}: " + ", ".join(counts),
            SUBJECT_LIMIT,
        ),
        text=_render("digest.txt", **context),
        html=_render("digest.html", **context),
        payload={
            "type": "digest",
            "day": digest.day.isoformat(),
            "overdue": [
                _item_payload(i, f"{base_url}/occurrences/{i.occurrence_id}")
                for i in digest.overdue
            ],
            "soon": [
                _item_payload(i, f"{base_url}/occurrences/{i.occurrence_id}") for i in digest.soon
            ],
            "escalated": [
                _item_payload(i, f"{base_url}/occurrences/{i.occurrence_id}")
                for i in digest.escalated
            ],
        },
    )


def _item_payload(item: Item, link: str) -> dict[str, Any]:
    return {
        "id": item.occurrence_id,
        "title": item.title,
        "task": item.task_label,
        "plan": item.plan_key,
        "plan_number": item.plan_number,
        "due": item.due.isoformat(),
        "due_text": format_due(item.due),
        "lead": list(item.lead),
        "coordinating": list(item.coordinating),
        "link": link,
    }


def extension_link(base_url: str, occurrence_id: int) -> str:
    """Where an extension message leads: the occurrence page, at its "Gia hạn" part."""
    return f"{base_url}/occurrences/{occurrence_id}#gia-han"


def _extension_item(ext: ExtensionView) -> Item:
    return Item(
        occurrence_id=ext.occurrence_id,
        occurrence_key="",
        label=ext.label,
        task_label=ext.task_label,
        task_content=ext.task_content,
        output="",
        plan_key=ext.plan_key,
        plan_number=ext.plan_number,
        plan_title=ext.plan_title,
        lead=(ext.lead_name,) if ext.lead_name else (),
        coordinating=(),
        due=ext.working_due,
    )


def _extension_payload(
    kind: str, ext: ExtensionView, item: Item, reason: str, link: str
) -> dict[str, Any]:
    """What the notifications page and a webhook read: the occurrence, as a reminder's."""
    return {
        "type": kind,
        "extension": ext.id,
        "state": ext.state,
        "reason": reason,
        "requested_due": ext.requested_due.isoformat(),
        "occurrence": {**_item_payload(item, link), "anchor": "#gia-han"},
    }


def render_extension_request(ext: ExtensionView, *, person: str, base_url: str) -> Rendered:
    """To an approver: ``ext`` (an open request) waits for their decision."""
    item = _extension_item(ext)
    asker = ext.requested_by or "Quản trị hệ thống"
    link = extension_link(base_url, ext.occurrence_id)
    reason = (
        f"{asker} đề nghị gia hạn từ {format_due(ext.previous_due)} "
        f"đến {format_due(ext.requested_due)}: {one_line(ext.reason, 200)}"
    )
    context = {"ext": ext, "item": item, "person": person, "asker": asker, "link": link}
    return Rendered(
        subject=one_line(f"[Đề nghị gia hạn] {item.title} – {item.plan_ref}", SUBJECT_LIMIT),
        text=_render("extension_request.txt", **context),
        html=_render("extension_request.html", **context),
        payload=_extension_payload("extension-request", ext, item, reason, link),
    )


def render_extension_decision(ext: ExtensionView, *, person: str, base_url: str) -> Rendered:
    """To the requester: their request ``ext`` was approved or refused."""
    item = _extension_item(ext)
    approved = ext.state == "approved"
    who = ext.decided_by or "Quản trị hệ thống"
    link = extension_link(base_url, ext.occurrence_id)
    if approved:
        tag = "Gia hạn được duyệt"
        headline = f"Đề nghị gia hạn của anh/chị đã được {who} duyệt"
        reason = f"{who} đã duyệt gia hạn; hạn mới {format_due(ext.working_due)}"
    else:
        tag = "Gia hạn bị từ chối"
        headline = f"Đề nghị gia hạn của anh/chị đã bị {who} từ chối"
        reason = f"{who} đã từ chối gia hạn; hạn vẫn là {format_due(ext.working_due)}"
    if ext.decision_note:
        reason += f". {'Ghi chú' if approved else 'Lý do'}: {one_line(ext.decision_note, 200)}"
    context = {"ext": ext, "item": item, "person": person, "link": link, "tag": tag,
               "headline": headline, "approved": approved,
               "note_word": "Ghi chú" if approved else "Lý do từ chối"}  # fmt: skip
    return Rendered(
        subject=one_line(f"[{tag}] {item.title} – {item.plan_ref}", SUBJECT_LIMIT),
        text=_render("extension_decision.txt", **context),
        html=_render("extension_decision.html", **context),
        payload=_extension_payload("extension-decision", ext, item, reason, link),
    )


def render_sign_in_link(
    *,
    purpose: str,
    name: str,
    email: str,
    sender: str,
    link: str,
    expires: dt.datetime,
    base_url: str,
) -> Rendered:
    """The mail that carries a one-time sign-in link (``purpose`` "invite" or "reset").
    ``link`` may be a placeholder the e-mail channel fills in when it sends the mail."""
    subject = (
        "Mời bạn đăng nhập hệ thống theo dõi kế hoạch"
        if purpose == "invite"
        else "Đặt lại mật khẩu hệ thống theo dõi kế hoạch"
    )
    context = {"purpose": purpose, "person": name, "email": email, "sender": sender,
               "link": link, "expires": f"{format_time(expires.timetz())} ngày "
               f"{format_date(expires.date())}", "site": host_of(base_url), "subject": subject}  # fmt: skip
    return Rendered(
        subject=subject,
        text=_render("sign_in_link.txt", **context),
        html=_render("sign_in_link.html", **context),
    )
