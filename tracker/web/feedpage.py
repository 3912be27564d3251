"""What the "Lịch của tôi" page shows: a person's calendar feeds, the units and plans
an officer may share, and a new link with its webcal form and QR code.

A feed's token is stored only as a hash, so its link can be shown once: in the answer
to the request that made it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import segno
from markupsafe import Markup

from tracker.config import Settings
from tracker.notify.feeds import Feed, create_feed, feed_urls
from tracker.org.policy import SHARE_FEED, allowed
from tracker.org.scope import Scope
from tracker.org.services import unit_tree
from tracker.plans.services import list_plans
from tracker.vn import has_number, one_line

__all__ = [
    "QR_ALT",
    "FeedForm",
    "can_share",
    "feed_link",
    "feed_rows",
    "make_feed",
    "qr_svg",
    "share_choices",
]

# The QR code's text alternative (its <title>, and the label the page gives it): what it
# holds, and where the same address is written out.
QR_ALT = "Mã QR của đường dẫn lịch; đường dẫn được ghi bằng chữ ngay dưới mã"

KIND_LABELS = {"person": "Cá nhân", "unit": "Đơn vị", "plan": "Kế hoạch"}


@dataclass
class FeedForm:
    """The fields of the form that makes a feed: ``unit`` is a code, ``plan`` a key."""

    kind: str = "person"
    unit: str = ""
    plan: str = ""


def can_share(viewer: Scope) -> bool:
    """Officers and chairmen make feeds of a unit or a plan, to hand to others."""
    return allowed(viewer, SHARE_FEED)


def _local(moment: dt.datetime | None, settings: Settings) -> dt.datetime | None:
    return moment.astimezone(settings.tz) if moment is not None else None


def feed_rows(feeds: list[Feed], settings: Settings) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "name": f.name,
            "kind": KIND_LABELS.get(f.kind, f.kind),
            "hint": f.hint,
            "created_at": _local(f.created_at, settings),
            "last_used_at": _local(f.last_used_at, settings),
        }
        for f in feeds
    ]


async def share_choices(viewer: Scope) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The units (indented as a tree) and the plans in the viewer's scope, as
    (value, label) pairs for the form's selects; empty for those who cannot share."""
    if not can_share(viewer):
        return [], []
    units: list[tuple[str, str]] = []

    def walk(nodes: list[dict[str, Any]], depth: int) -> None:
        for node in nodes:
            units.append((node["code"], "\u00a0\u00a0" * depth + node["name"]))
            walk(node["children"], depth + 1)

    walk(await unit_tree(viewer), 0)
    plans = [(p.key, _plan_label(p.number, p.title, p.year)) for p in await list_plans(viewer)]
    return units, plans


def _plan_label(number: str | None, title: str, year: int) -> str:
    """ "Số 12/KH-UBND – Kiểm soát thủ tục hành chính… (2026)"; a number left blank in
    the document ("/KH-UBND") is not shown."""
    return (f"Số {number} – " if has_number(number) else "") + f"{one_line(title, 110)} ({year})"


async def make_feed(form: FeedForm, viewer: Scope, now: dt.datetime) -> tuple[Feed, str]:
    """A new feed from the form, for a signed-in viewer; a unit's or a plan's only for
    an officer or a chairman, within their scope."""
    assert viewer.person_id is not None
    return await create_feed(
        form.kind.strip() or "person", unit_code=form.unit.strip(), plan_ref=form.plan.strip(),
        scope=viewer, created_by=viewer.person_id, now=now,
    )  # fmt: skip


def qr_svg(text: str) -> Markup:
    """The QR code of ``text`` as inline SVG. segno writes only its own markup (sizes,
    colours, one path of the modules, and our fixed title); the text itself is not in it."""
    qr = segno.make(text, micro=False)
    svg = qr.svg_inline(scale=5, border=4, dark="#000", light="#fff", svgclass="qr", title=QR_ALT)
    return Markup(svg)


def feed_link(feed: Feed, token: str, settings: Settings) -> dict[str, Any]:
    """What the page shows of a feed just made: its addresses and the QR code."""
    url, webcal = feed_urls(settings, token)
    todo_url, todo_webcal = feed_urls(settings, token, todo=True)
    return {
        "id": feed.id,
        "name": feed.name,
        "kind": KIND_LABELS.get(feed.kind, feed.kind),
        "hint": feed.hint,
        "created_at": _local(feed.created_at, settings),
        "url": url,
        "webcal": webcal,
        "todo_url": todo_url,
        "todo_webcal": todo_webcal,
        "qr": qr_svg(webcal),
        "qr_alt": QR_ALT,
        "refresh_minutes": settings.feed_refresh_minutes,
    }
