"""iCal feeds: a person's, a unit's or a plan's deadlines as a calendar subscription.

Each feed is reached by a token of its own, random (192 bits) and stored only as its
SHA-256; a revoked token answers 404 at once. Feeds are read far more often than their
data changes, so a built feed is kept in this process with its ETag, and serving it again
costs one lookup of the "feeds" data version, which the database raises itself on every
change a feed can show (see the notify migrations). A feed also knows when it goes stale
with time alone: the next deadline that passes (its title turns "Quá hạn"), or midnight
(the window moves).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import re
import secrets
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from typing import Any

from piccolo.custom_types import Combinable

from tracker import db
from tracker.config import Settings, host_of
from tracker.deadlines.compliance import BUCKET_LABELS, bucket
from tracker.deadlines.services import local_moment, units_clause
from tracker.deadlines.tables import Occurrence
from tracker.errors import NotFoundError, ValidationError
from tracker.notify.ical import CalendarEntry, build_calendar, occurrence_uid, render_entry
from tracker.notify.messages import Item
from tracker.notify.policy import Deadline, ReminderPolicy
from tracker.notify.tables import DataVersion, FeedToken
from tracker.org.policy import OWN_SETTINGS, SHARE_FEED, Where, allowed, require
from tracker.org.scope import Scope
from tracker.org.services import person_unit_ids, subtree_unit_ids
from tracker.org.tables import Person, Unit
from tracker.plans.services import units_by_task
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import format_date, format_due

__all__ = [
    "KINDS",
    "Feed",
    "FeedBody",
    "build_feed",
    "create_feed",
    "feed_urls",
    "feeds_of",
    "hash_token",
    "open_feed",
    "regenerate_feed",
    "revoke_feed",
]

KINDS = {"person": "người", "unit": "đơn vị", "plan": "kế hoạch"}
TOKEN_BYTES = 24
# A token's last use is written at most this often: each write is a write per request.
LAST_USE_EVERY = dt.timedelta(minutes=15)
CACHE_SIZE = 512
# Rendered entries kept by (occurrence id, component), shared by every feed showing them.
ENTRY_CACHE_SIZE = 50_000
ENTRIES: dict[tuple[int, str], tuple[Any, bytes]] = {}
_END_OF_DAY = dt.time(23, 59, 59)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def feed_urls(settings: Settings, token: str, *, todo: bool = False) -> tuple[str, str]:
    """The feed's address and its webcal:// form (which phones open as a subscription)."""
    url = f"{settings.base_url}/feeds/{token}.ics" + ("?type=todo" if todo else "")
    return url, re.sub(r"^https?://", "webcal://", url)


@dataclass(frozen=True)
class Feed:
    id: int
    kind: str
    target_id: int
    name: str
    hint: str
    person: int | None
    created_by: int | None
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None


@dataclass
class FeedBody:
    body: bytes
    etag: str
    last_modified: dt.datetime
    valid_until: dt.datetime
    name: str
    count: int

    @functools.cached_property
    def gzipped(self) -> bytes:
        """The body compressed once, for the clients that ask for gzip (most do)."""
        return gzip.compress(self.body, compresslevel=4, mtime=0)

    @property
    def gzip_etag(self) -> str:
        return self.etag[:-1] + '-gz"'


# --------------------------------------------------------------------------- tokens


_FEED_COLUMNS = (
    FeedToken.id,
    FeedToken.kind,
    FeedToken.person,
    FeedToken.unit,
    FeedToken.plan,
    FeedToken.hint,
    FeedToken.created_by,
    FeedToken.created_at,
    FeedToken.revoked_at,
    FeedToken.last_used_at,
    FeedToken.person.name.as_alias("person_name"),
    FeedToken.unit.name.as_alias("unit_name"),
    FeedToken.plan.key.as_alias("plan_key"),
    FeedToken.plan.number.as_alias("plan_number"),
    FeedToken.plan.title.as_alias("plan_title"),
)


def _target_id(row: dict[str, Any]) -> int:
    return int(row[row["kind"]])


def _feed_name(row: dict[str, Any]) -> str:
    if row["kind"] == "person":
        return f"Hạn công việc – {row['person_name']}"
    if row["kind"] == "unit":
        return f"Hạn công việc – {row['unit_name']}"
    number = row["plan_number"] or ""
    ref = f"KH số {number}" if any(c.isdigit() for c in number) else row["plan_title"]
    return f"Hạn công việc – {ref}"


def _feed(row: dict[str, Any]) -> Feed:
    return Feed(
        id=row["id"],
        kind=row["kind"],
        target_id=_target_id(row),
        name=_feed_name(row),
        hint=row["hint"],
        person=row["person"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
        last_used_at=row["last_used_at"],
    )


async def _resolve_target(
    kind: str, *, email: str | None, unit_code: str | None, plan_ref: str | None, scope: Scope
) -> int:
    """The id of the person (by e-mail; the signed-in person when none is named), unit or
    plan a feed of ``kind`` shows, within ``scope``."""
    if kind == "person":
        target = scope.person_id
        if email is not None or target is None:
            person = await Person.select(Person.id).where(Person.email == (email or "")).first()
            if person is None:
                raise NotFoundError(f"Không có người dùng nào có địa chỉ e-mail '{email}'.")
            target = int(person["id"])
        require(scope, OWN_SETTINGS, whose=_whose(scope, target))
        return target
    if kind in ("unit", "plan"):
        require(scope, SHARE_FEED)
    if kind == "unit":
        unit = await Unit.select(Unit.id, Unit.path).where(Unit.code == (unit_code or "")).first()
        if unit is None or not allowed(scope, SHARE_FEED, unit["path"]):
            raise NotFoundError(f"Không có đơn vị mã '{unit_code}' (hoặc bạn không có quyền xem).")
        return int(unit["id"])
    if kind == "plan":
        from tracker.plans.services import find_plan

        plan = await find_plan(plan_ref or "", scope)
        return int(plan["id"])
    raise ValidationError(f"Loại lịch '{kind}' không có; chọn person, unit hoặc plan.")


async def _load_feed(feed_id: int) -> dict[str, Any]:
    row = await FeedToken.select(*_FEED_COLUMNS).where(FeedToken.id == feed_id).first()
    if row is None:
        raise NotFoundError(f"Không có đường dẫn lịch số {feed_id}.")
    return row


async def _insert_token(
    kind: str, target_id: int, created_by: int | None, now: dt.datetime
) -> tuple[int, str]:
    """Store a new random token's hash for the feed; return its id and the token."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    row = FeedToken(
        kind=kind, token_hash=hash_token(token), hint=token[:6], created_by=created_by,
        created_at=now,
    )  # fmt: skip
    setattr(row, kind, target_id)
    inserted = await FeedToken.insert(row).returning(FeedToken.id)
    return int(inserted[0]["id"]), token


async def create_feed(
    kind: str,
    *,
    email: str | None = None,
    unit_code: str | None = None,
    plan_ref: str | None = None,
    scope: Scope,
    created_by: int | None = None,
    now: dt.datetime,
) -> tuple[Feed, str]:
    """A new feed token for a person (their own deadlines; without ``email``, the
    signed-in person of ``scope``), a unit (with its sub-units) or a plan. Returns the
    feed and the token, which is shown this once."""
    target_id = await _resolve_target(
        kind, email=email, unit_code=unit_code, plan_ref=plan_ref, scope=scope
    )
    feed_id, token = await _insert_token(kind, target_id, created_by, now)
    return _feed(await _load_feed(feed_id)), token


def _whose(scope: Scope, *people: int | None) -> Where:
    """``Where.OWN`` when the caller is one of ``people`` (a feed's person or maker)."""
    mine = scope.person_id is not None and scope.person_id in people
    return Where.OWN if mine else Where.ELSEWHERE


def _require_manage(row: dict[str, Any], scope: Scope) -> None:
    """One's own feeds, and those one made; another's answer as if they did not exist."""
    require(
        scope, OWN_SETTINGS, whose=_whose(scope, row["person"], row["created_by"]),
        hidden=f"Không có đường dẫn lịch số {row['id']}.",
    )  # fmt: skip


async def revoke_feed(feed_id: int, *, scope: Scope, now: dt.datetime) -> Feed:
    """Stop a feed: its token answers 404 from now on, on every web host."""
    row = await _load_feed(feed_id)
    _require_manage(row, scope)
    if row["revoked_at"] is None:
        await FeedToken.update({FeedToken.revoked_at: now}).where(FeedToken.id == feed_id)
    return _feed(await _load_feed(feed_id))


async def regenerate_feed(feed_id: int, *, scope: Scope, now: dt.datetime) -> tuple[Feed, str]:
    """Revoke a feed and make a new token for the same person, unit or plan."""
    row = await _load_feed(feed_id)
    _require_manage(row, scope)
    if row["revoked_at"] is None:
        await FeedToken.update({FeedToken.revoked_at: now}).where(FeedToken.id == feed_id)
    feed_id, token = await _insert_token(
        row["kind"], _target_id(row), scope.person_id or row["created_by"], now
    )
    return _feed(await _load_feed(feed_id)), token


async def feeds_of(person_id: int, *, include_revoked: bool = False) -> list[Feed]:
    """The feeds a person owns (their own) or made (a unit's, a plan's)."""
    query = FeedToken.select(*_FEED_COLUMNS).where(
        (FeedToken.person == person_id) | (FeedToken.created_by == person_id)
    )
    if not include_revoked:
        query = query.where(FeedToken.revoked_at.is_null())
    return [_feed(r) for r in await query.order_by(FeedToken.id)]


# --------------------------------------------------------------------------- content


async def target_filter(kind: str, target_id: int) -> Combinable:
    """The occurrences a feed shows, whatever the window."""
    if kind == "plan":
        return Occurrence.plan == target_id
    if kind == "person":
        return await units_clause(await person_unit_ids(target_id))
    unit = await Unit.select(Unit.code).where(Unit.id == target_id).first()
    return await units_clause(await subtree_unit_ids(unit["code"]) if unit else set())


_ROW_COLUMNS = (
    Occurrence.id,
    Occurrence.key,
    Occurrence.task,
    Occurrence.label,
    Occurrence.kind,
    Occurrence.start_date,
    Occurrence.start_at,
    Occurrence.due_date,
    Occurrence.due_at,
    Occurrence.extended_due_date,
    Occurrence.extended_due_at,
    Occurrence.extension_reason,
    Occurrence.deadline_at,
    Occurrence.status,
    Occurrence.completed_at,
    Occurrence.evidence,
    Occurrence.updated_at,
    Occurrence.sequence,
    Occurrence.moved_reason,
    Occurrence.task.key.as_alias("task_key"),
    Occurrence.task.label.as_alias("task_label"),
    Occurrence.task.content.as_alias("task_content"),
    Occurrence.task.output.as_alias("task_output"),
    Occurrence.plan.key.as_alias("plan_key"),
    Occurrence.plan.number.as_alias("plan_number"),
    Occurrence.plan.title.as_alias("plan_title"),
    # The task's and the plan's words are in the entry: their edits change it too.
    Occurrence.task.updated_at.as_alias("task_updated_at"),
    Occurrence.plan.updated_at.as_alias("plan_updated_at"),
)


async def _task_units(task_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Each task's lead and coordinating units, by name."""
    return defaultdict(
        lambda: {"lead": [], "coordinating": []},
        {
            task: {role: [u["name"] for u in units] for role, units in roles.items()}
            for task, roles in (await units_by_task(task_ids)).items()
        },
    )


def _uid(row: dict[str, Any], host: str) -> str:
    return occurrence_uid(row["plan_key"], row["task_key"], row["key"], host)


def _state(row: dict[str, Any], now: dt.datetime) -> tuple[str, dt.datetime]:
    """The occurrence's compliance bucket at ``now``, and when its entry last changed: an
    edit of it, its task or its plan, or its deadline passing (the title turns "Quá hạn")."""
    state = bucket(
        status=row["status"],
        deadline=row["deadline_at"],
        completed_at=row["completed_at"],
        now=now,
    )
    edits = (row["updated_at"], row["task_updated_at"], row["plan_updated_at"])
    changed = max(e for e in edits if e is not None)
    if state == "overdue":
        return state, max(changed, row["deadline_at"])
    return state, changed


def _entry(
    row: dict[str, Any],
    units: dict[str, list[str]],
    *,
    settings: Settings,
    policy: ReminderPolicy,
    host: str,
    now: dt.datetime,
) -> CalendarEntry:
    tz = settings.tz
    original = local_moment(row["due_date"], row["due_at"], tz)
    extended = local_moment(row["extended_due_date"], row["extended_due_at"], tz)
    due = extended if extended is not None else original
    assert due is not None  # every occurrence has a due date
    state, modified = _state(row, now)
    item = Item(
        occurrence_id=row["id"],
        occurrence_key=row["key"],
        task_key=row["task_key"],
        label=row["label"],
        task_label=row["task_label"],
        task_content=row["task_content"],
        output=row["task_output"],
        plan_key=row["plan_key"],
        plan_number=row["plan_number"],
        plan_title=row["plan_title"],
        lead=tuple(units["lead"]),
        coordinating=tuple(units["coordinating"]),
        due=due,
    )
    link = f"{settings.base_url}/occurrences/{row['id']}"
    lines = [f"Nhiệm vụ: {item.task_line}", f"Kế hoạch: {item.plan_line}"]
    if row["label"]:
        lines.append(f"Kỳ: {row['label']}")
    if item.lead:
        lines.append("Chủ trì: " + "; ".join(item.lead))
    if item.coordinating:
        lines.append("Phối hợp: " + "; ".join(item.coordinating))
    if item.output:
        lines.append("Kết quả cần có: " + item.output)
    lines.append(f"Hạn: {format_due(due)}")
    if extended is not None:
        reason = f" ({row['extension_reason']})" if row["extension_reason"] else ""
        lines.append(f"Gia hạn; hạn ban đầu {format_due(original)}{reason}")
    if row["moved_reason"]:
        lines.append(f"Ghi chú về hạn: {row['moved_reason']}")
    lines.append(f"Tình trạng: {BUCKET_LABELS[state]}")
    if row["completed_at"] is not None:
        lines.append(f"Hoàn thành lúc {format_due(row['completed_at'].astimezone(tz))}")
        if row["evidence"]:
            lines.append(f"Kết quả: {row['evidence']}")
    lines.append(f"Xem và đánh dấu hoàn thành: {link}")
    due_at = due if isinstance(due, dt.datetime) else None
    day = due.date() if isinstance(due, dt.datetime) else due
    open_work = state in ("pending", "overdue")
    alarms = (policy.calendar_alarm(Deadline(day, due_at)),) if open_work else ()
    return CalendarEntry(
        uid=_uid(row, host),
        summary=f"{item.title} – {item.plan_ref}",
        due=due,
        start=local_moment(row["start_date"], row["start_at"], tz),
        description="\n".join(lines),
        url=link,
        categories=(item.plan_ref, *item.lead[:2], BUCKET_LABELS[state]),
        done=row["status"] == "done",
        cancelled=row["status"] == "cancelled",
        overdue=state == "overdue",
        completed=row["completed_at"],
        sequence=row["sequence"],
        last_modified=modified,
        alarms=alarms,
    )


def _window(settings: Settings, now: dt.datetime) -> tuple[dt.date, dt.date]:
    today = now.astimezone(settings.tz).date()
    return (
        today - dt.timedelta(days=settings.feed_past_days),
        today + dt.timedelta(days=settings.feed_future_days),
    )


async def build_feed(
    kind: str, target_id: int, name: str, *, settings: Settings, now: dt.datetime, todo: bool
) -> FeedBody:
    """The feed's calendar at ``now``, with what an HTTP answer needs."""
    start, end = _window(settings, now)
    rows = (
        await Occurrence.select(*_ROW_COLUMNS)
        .where(await target_filter(kind, target_id))
        .where(Occurrence.due_date >= start)
        .where(Occurrence.due_date <= end)
        .where(Occurrence.status != "cancelled")
        .order_by(Occurrence.deadline_at)
        .order_by(Occurrence.id)
    )
    units = await _task_units(sorted({r["task"] for r in rows}))
    host = host_of(settings.base_url)
    # The calendar is loaded once per process (load_work_calendar keeps it).
    policy = ReminderPolicy(load_work_calendar(settings.calendars_dir), settings.tz)
    component = "VTODO" if todo else "VEVENT"
    rendered: list[bytes] = []
    modified: list[dt.datetime] = []
    for row in rows:
        row_units = units[row["task"]]
        state, changed = _state(row, now)
        modified.append(changed)
        # Everything the entry is made of: the same inputs give the same bytes.
        signature = (tuple(row.values()), tuple(map(tuple, row_units.values())), state, host)
        kept = ENTRIES.get((row["id"], component))
        if kept is not None and kept[0] == signature:
            rendered.append(kept[1])
            continue
        entry = _entry(row, row_units, settings=settings, policy=policy, host=host, now=now)
        text = render_entry(entry, component=component, tz=settings.tz, stamp=changed)
        ENTRIES[(row["id"], component)] = (signature, text)
        rendered.append(text)
    while len(ENTRIES) > ENTRY_CACHE_SIZE:
        ENTRIES.pop(next(iter(ENTRIES)))
    local_midnight = dt.datetime.combine(
        now.astimezone(settings.tz).date() + dt.timedelta(days=1), dt.time(0), settings.tz
    )
    upcoming = [r["deadline_at"] for r in rows if r["status"] == "open" and r["deadline_at"] >= now]
    valid_until = min([local_midnight, *upcoming])
    # The latest change it shows: an edit, a deadline that has passed, or today's window.
    today = dt.datetime.combine(now.astimezone(settings.tz).date(), dt.time(0), settings.tz)
    # A change with no timestamp of its own (a membership, a task's units, a unit's
    # name) is dated by the data version; it may move Last-Modified of feeds it did not
    # touch, which costs a client that sends only If-Modified-Since one download.
    version = (
        await DataVersion.select(DataVersion.changed_at).where(DataVersion.name == "feeds").first()
    )
    if version and version["changed_at"] is not None and version["changed_at"] <= now:
        modified.append(version["changed_at"])
    last_modified = max([today, *modified]).replace(microsecond=0)
    body = build_calendar(
        rendered,
        name=name,
        tz=settings.tz,
        stamp=last_modified,
        component=component,
        refresh=dt.timedelta(minutes=settings.feed_refresh_minutes),
        description=(
            f"{name}: các hạn từ {format_date(start)} đến {format_date(end)}, "
            "theo dõi bằng hệ thống tracker."
        ),
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return FeedBody(body, etag, last_modified, valid_until, name, len(rendered))


# --------------------------------------------------------------------------- serving


async def data_version() -> int:
    """The "feeds" data version (the database raises it on every change feeds show).
    Every warm feed asks, so on SQLite it is read through a kept connection."""
    kept = db.kept_read("SELECT value FROM data_version WHERE name = 'feeds'")
    if kept is not None:
        return int(kept[0])
    row = await DataVersion.select(DataVersion.value).where(DataVersion.name == "feeds").first()
    if row is None:
        # An emptied database (tests truncate tables): start the counter again.
        await DataVersion.insert(DataVersion(name="feeds", value=0)).on_conflict(
            target=DataVersion.name, action="DO NOTHING"
        )
        return 0
    return int(row["value"])


@dataclass
class _Cached:
    version: int
    feed: dict[str, Any] | None
    body: FeedBody | None = None


class _Cache:
    """Per process: the token rows and the built feeds of the current data version."""

    def __init__(self) -> None:
        self.tokens: OrderedDict[str, _Cached] = OrderedDict()
        self.bodies: OrderedDict[tuple[str, int, bool], tuple[int, FeedBody]] = OrderedDict()
        self.last_use: dict[int, dt.datetime] = {}

    def clear(self) -> None:
        ENTRIES.clear()
        self.tokens.clear()
        self.bodies.clear()
        self.last_use.clear()

    @staticmethod
    def _put(store: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        store[key] = value
        store.move_to_end(key)
        while len(store) > CACHE_SIZE:
            store.popitem(last=False)


CACHE = _Cache()


async def open_feed(
    token: str, *, settings: Settings, now: dt.datetime, todo: bool = False
) -> FeedBody | None:
    """The feed behind ``token`` as it is at ``now``; None when the token is unknown or
    revoked."""
    version = await data_version()
    digest = hash_token(token)
    cached = CACHE.tokens.get(digest)
    if cached is None or cached.version != version:
        row = await FeedToken.select(*_FEED_COLUMNS).where(FeedToken.token_hash == digest).first()
        cached = _Cached(version, row if row and row["revoked_at"] is None else None)
        CACHE._put(CACHE.tokens, digest, cached)
    row = cached.feed
    if row is None:
        return None
    await _note_use(row["id"], now)
    key = (row["kind"], _target_id(row), todo)
    built = CACHE.bodies.get(key)
    if built is not None and built[0] == version and now < built[1].valid_until:
        return built[1]
    body = await build_feed(
        row["kind"], _target_id(row), _feed_name(row), settings=settings, now=now, todo=todo
    )
    CACHE._put(CACHE.bodies, key, (version, body))
    return body


async def _note_use(feed_id: int, now: dt.datetime) -> None:
    last = CACHE.last_use.get(feed_id)
    if last is not None and now - last < LAST_USE_EVERY:
        return
    CACHE.last_use[feed_id] = now
    await FeedToken.update({FeedToken.last_used_at: now}).where(FeedToken.id == feed_id)
