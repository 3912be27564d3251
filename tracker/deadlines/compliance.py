"""Compliance buckets, as Vietnamese government reports count them (pure).

An occurrence is done on time, done late, not done but still within its
deadline, or not done and overdue. The working deadline is the extended one
when an extension (gia hạn) was approved; the original stays on record.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

__all__ = ["BUCKET_LABELS", "Bucket", "bucket"]

Bucket = Literal["done_on_time", "done_late", "pending", "overdue", "cancelled"]

BUCKET_LABELS: dict[str, str] = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "pending": "Chưa hoàn thành, trong hạn",
    "overdue": "Chưa hoàn thành, quá hạn",
    "cancelled": "Đã hủy",
}


def bucket(
    *, status: str, deadline: datetime, completed_at: datetime | None, now: datetime
) -> Bucket:
    """The bucket of one occurrence at ``now``; ``deadline`` is the working deadline."""
    if status == "cancelled":
        return "cancelled"
    if status == "done":
        if completed_at is not None and completed_at > deadline:
            return "done_late"
        return "done_on_time"
    return "overdue" if now > deadline else "pending"
