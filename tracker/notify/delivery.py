"""Delivering the outbox: claim a batch of due rows, send each through the channel the
registry gives for it (:mod:`tracker.notify.channels`), record each result.

A claim is one UPDATE that marks rows "sending" with a random token, so two workers
never take the same row; a row left "sending" by a worker that died is claimed again
once ``sending_timeout`` has passed. The claim's time is the wall clock's, not the
moment the delivery is run for: ``tracker remind --now`` with a past moment must not
make its claims look stale to a worker delivering at the same time (which would send
them again while they are in flight), nor a future moment keep a dead claim for long. Each row is recorded sent the moment its server
took it. A temporary failure is retried with a growing delay; a permanent one, or the
last attempt, leaves the row "failed" with the reason; so does a channel the registry
does not know, at once.

No message can stop the others: when a channel raises instead of reporting a result,
the rows it had not reported are sent again one by one, so the row at fault fails
alone (with the exception in ``last_error``) and the rest of the batch goes out; a row
still without a result goes back to the queue, never left "sending".
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tracker import db
from tracker.config import Settings
from tracker.notify.channels import (
    Channel,
    DeliveryError,
    UnknownChannelError,
    channel_of,
    registered,
    unsendable,
)
from tracker.notify.tables import Outbox

__all__ = [
    "BACKOFF",
    "DeliveryReport",
    "cancel_pending",
    "deliver_due",
    "release_stale",
    "wall_clock",
]

logger = logging.getLogger(__name__)

# Delays before the 2nd, 3rd … attempt; after the last, the row is failed.
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(hours=1),
    dt.timedelta(hours=3),
    dt.timedelta(hours=6),
    dt.timedelta(hours=12),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
BATCH = 50


@dataclass
class DeliveryReport:
    sent: list[dict[str, Any]] = field(default_factory=list)
    retried: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: DeliveryReport) -> None:
        self.sent += other.sent
        self.retried += other.retried
        self.failed += other.failed


_CLAIM = """
UPDATE outbox SET state = 'sending', claimed_at = {}, claim = {}
WHERE id IN (
    SELECT id FROM outbox
    WHERE (state = 'queued' AND next_attempt_at <= {}) OR (state = 'sending' AND claimed_at < {})
    ORDER BY id LIMIT {} %s
)
"""


def wall_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


async def _claim(now: dt.datetime, timeout: dt.timedelta, limit: int,
                 clock: Callable[[], dt.datetime]) -> list[dict[str, Any]]:  # fmt: skip
    """Rows due at ``now`` (or claimed longer than ``timeout`` ago by the wall clock),
    marked "sending" under a token of this claim."""
    token = secrets.token_hex(12)
    lock = "FOR UPDATE SKIP LOCKED" if db.is_postgres() else ""
    claimed_at = clock()
    async with db.write_transaction():
        await Outbox.raw(_CLAIM % lock, claimed_at, token, now, claimed_at - timeout, limit)
    return list(
        await Outbox.select()
        .where(Outbox.claim == token)
        .order_by(Outbox.id)
        .output(load_json=True)
    )


async def _record(row: dict[str, Any], error: DeliveryError | None, now: dt.datetime,
                  report: DeliveryReport) -> None:  # fmt: skip
    summary = {"id": row["id"], "key": row["key"], "channel": row["channel"],
               "address": row["address"], "subject": row["subject"]}  # fmt: skip
    if error is None:
        await Outbox.update(state="sent", sent_at=now, claim="", last_error="").where(
            (Outbox.id == row["id"]) & (Outbox.claim == row["claim"])
        )
        report.sent.append(summary)
        return
    attempts = row["attempts"] + 1
    if error.permanent or attempts >= MAX_ATTEMPTS:
        await Outbox.update(state="failed", attempts=attempts, last_error=error.message,
                            claim="").where(Outbox.id == row["id"])  # fmt: skip
        report.failed.append({**summary, "error": error.message})
        logger.warning("Thư %s không gửi được: %s", row["key"], error.message)
        return
    delay = BACKOFF[min(attempts - 1, len(BACKOFF) - 1)]
    await Outbox.update(
        state="queued", attempts=attempts, next_attempt_at=now + delay, last_error=error.message,
        claim="", claimed_at=None,
    ).where(Outbox.id == row["id"])  # fmt: skip
    report.retried.append({**summary, "error": error.message})


async def _release(rows: list[dict[str, Any]]) -> None:
    """Rows claimed but not tried (the connection failed first): back to the queue."""
    if rows:
        await Outbox.update(state="queued", claim="", claimed_at=None).where(
            Outbox.id.is_in([r["id"] for r in rows]) & (Outbox.state == "sending")
        )


async def _send_batch(settings: Settings, rows: list[dict[str, Any]], now: dt.datetime,
                      report: DeliveryReport) -> None:  # fmt: skip
    """Each row through its channel, channel after channel in the registry's order. A row
    whose channel nobody registers fails at once; the rest of the batch goes on."""
    by_channel: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        try:
            by_channel[channel_of(row["channel"]).name].append(row)
        except UnknownChannelError as error:
            await _record(row, error, now, report)
    for channel in registered():
        if by_channel[channel.name]:
            await _send_through(settings, channel, by_channel[channel.name], now, report)


async def _send_through(settings: Settings, channel: Channel, rows: list[dict[str, Any]],
                        now: dt.datetime, report: DeliveryReport) -> None:  # fmt: skip
    tried: set[int] = set()

    async def on_result(index: int, error: DeliveryError | None) -> None:
        tried.add(index)
        await _record(rows[index], error, now, report)

    try:
        try:
            await channel.send(settings, rows, on_result)
        except Exception:
            logger.exception("Kênh %s lỗi giữa lô; gửi lại từng tin một", channel.name)
            for index, row in enumerate(rows):
                if index not in tried:
                    await _send_alone(settings, channel, row, now, report)
                    tried.add(index)
    finally:
        await _release([row for index, row in enumerate(rows) if index not in tried])


async def _send_alone(settings: Settings, channel: Channel, row: dict[str, Any],
                      now: dt.datetime, report: DeliveryReport) -> None:  # fmt: skip
    """One row through its channel by itself: if the channel raises now, this row is the
    one at fault, and it fails with the reason."""
    results: list[DeliveryError | None] = []

    async def on_result(index: int, error: DeliveryError | None) -> None:
        results.append(error)
        await _record(row, error, now, report)

    try:
        await channel.send(settings, [row], on_result)
    except Exception as exc:
        if results:
            raise  # recorded already: the failure is in recording, not in the message
        logger.warning("Tin %s làm lỗi kênh %s: %r", row["key"], channel.name, exc)
        await _record(row, unsendable(exc), now, report)
        return
    if not results:
        await _release([row])


async def deliver_due(
    settings: Settings,
    now: dt.datetime,
    *,
    batch: int = BATCH,
    sending_timeout: dt.timedelta | None = None,
    max_batches: int | None = None,
    clock: Callable[[], dt.datetime] = wall_clock,
) -> DeliveryReport:
    """Send every row that is due at ``now``, batch after batch, until none is left.
    ``clock`` times the claims (the real time: see the module's text)."""
    if sending_timeout is None:
        sending_timeout = dt.timedelta(seconds=settings.sending_timeout)
    report = DeliveryReport()
    count = 0
    while max_batches is None or count < max_batches:
        rows = await _claim(now, sending_timeout, batch, clock)
        if not rows:
            break
        count += 1
        before = len(report.sent) + len(report.retried) + len(report.failed)
        await _send_batch(settings, rows, now, report)
        if len(report.sent) + len(report.retried) + len(report.failed) == before:
            break  # nothing could be tried (the server is down): try again next tick
    return report


async def release_stale(now: dt.datetime, timeout: dt.timedelta) -> int:
    """Put rows stuck in "sending" for longer than ``timeout`` before ``now`` (a wall-clock
    time, as the claims') back in the queue."""
    stale = await Outbox.select(Outbox.id).where(
        (Outbox.state == "sending") & (Outbox.claimed_at < now - timeout)
    )
    await _release([{"id": r["id"]} for r in stale])
    return len(stale)


async def cancel_pending(occurrence_id: int, *, keep_steps: tuple[str, ...] = ()) -> int:
    """The work is done (or its deadline moved): what has not gone out yet will not, but
    for the messages of ``keep_steps`` (news that stays true, such as an earlier decision)."""
    where = (Outbox.occurrence == occurrence_id) & (Outbox.state == "queued")
    if keep_steps:
        where = where & Outbox.step.not_in(list(keep_steps))
    pending = await Outbox.select(Outbox.id).where(where)
    if pending:
        await Outbox.update(state="cancelled").where(Outbox.id.is_in([r["id"] for r in pending]))
    return len(pending)
