"""The periods a compliance page or report counts over (pure): this week, this month,
this quarter, the year, the year to date, or days of one's own choosing, each around a
reference day (the "as of" day), with the Vietnamese words that name it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.errors import ValidationError
from tracker.vn import ROMAN, format_date

__all__ = ["PERIODS", "Period", "period_of"]

PERIODS: dict[str, str] = {
    "week": "Tuần này",
    "month": "Tháng này",
    "quarter": "Quý này",
    "year": "Cả năm",
    "ytd": "Từ đầu năm đến nay",
    "custom": "Tùy chọn",
}


@dataclass(frozen=True)
class Period:
    key: str
    start: dt.date
    end: dt.date
    label: str

    @property
    def months(self) -> int:
        """How many calendar months the period touches."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


def _span(start: dt.date, end: dt.date) -> str:
    return f"từ {format_date(start)} đến {format_date(end)}"


def period_of(
    key: str, day: dt.date, start: dt.date | None = None, end: dt.date | None = None
) -> Period:
    """The period ``key`` around ``day``; ``custom`` takes ``start`` and ``end`` (each
    defaulting to the year of ``day``)."""
    if key == "week":
        monday = day - dt.timedelta(days=day.weekday())
        sunday = monday + dt.timedelta(days=6)
        return Period(key, monday, sunday, "Tuần " + _span(monday, sunday))
    if key == "month":
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return Period(key, first, following - dt.timedelta(days=1), f"Tháng {day:%m/%Y}")
    if key == "quarter":
        quarter = (day.month - 1) // 3
        first = dt.date(day.year, quarter * 3 + 1, 1)
        following = (
            dt.date(day.year + 1, 1, 1) if quarter == 3 else dt.date(day.year, quarter * 3 + 4, 1)
        )
        label = f"Quý {ROMAN[quarter]}/{day.year}"
        return Period(key, first, following - dt.timedelta(days=1), label)
    if key == "year":
        return Period(key, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), f"Năm {day.year}")
    if key == "ytd":
        first = dt.date(day.year, 1, 1)
        return Period(key, first, day, f"Năm {day.year}, " + _span(first, day))
    if key == "custom":
        first = start or dt.date(day.year, 1, 1)
        last = end or dt.date(first.year, 12, 31)
        if last < first:
            raise ValidationError(
                f"Khoảng thời gian từ {format_date(first)} đến {format_date(last)} không hợp lệ: "
                "ngày kết thúc trước ngày bắt đầu."
            )
        return Period(key, first, last, _span(first, last).capitalize())
    raise ValidationError(f"Không có kỳ '{key}'; chọn một trong {', '.join(PERIODS)}.")
