"""The Vietnamese lunar calendar (pure): lunar dates to solar ones.

Computed for Vietnam's time zone (UTC+7) from the astronomical new moons and the sun's
longitude (the method Hồ Ngọc Đức published, written here from its description): a month
starts on the day of a new moon in Vietnam, the 11th month holds the winter solstice, and
in a year of 13 months the leap month is the first one without a major solar term. Because
the day of a new moon depends on the time zone, Vietnam's calendar differs from China's
(UTC+8) in some years: Tết 1985 fell on 21 January in Vietnam, 20 February in China.
"""

from __future__ import annotations

import functools
import math
from datetime import date

__all__ = ["BRANCHES", "STEMS", "VIETNAM_TZ", "lunar_to_solar", "spellings", "tet"]

VIETNAM_TZ = 7.0

# The names a year takes in the sixty-year cycle (Can Chi, "năm Bính Ngọ"): the ten stems and
# the twelve branches in order (the year 4 was Giáp Tý), as written. The one list of them: the
# timing reader matches them as written (``spellings``) and folded (lunar_dates, cell).
STEMS = ("giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý")
BRANCHES = ("tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi", "thân", "dậu", "tuất", "hợi")
# Other spellings met of some names: i for y, and the southern "Mẹo" for "Mão".
_ALSO_SPELLED = {"kỷ": ("kỉ",), "tý": ("tí",), "tỵ": ("tị",), "mão": ("mẹo",)}


def spellings(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` as written, each followed by its other spellings."""
    return tuple(s for name in names for s in (name, *_ALSO_SPELLED.get(name, ())))


_SYNODIC = 29.530588853
_EPOCH = 2415021.076998695  # the new moon of 1 January 1900


def _jd_from_date(day: date) -> int:
    return day.toordinal() + 1721425


def _date_from_jd(jd: int) -> date:
    return date.fromordinal(jd - 1721425)


def _new_moon(k: int) -> float:
    """The Julian day (UT) of the k-th new moon after 1 January 1900."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 -= 0.4068 * math.sin(mpr * dr) - 0.0161 * math.sin(dr * 2 * mpr)
    c1 -= 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 -= 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 -= 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c1 - delta


def _new_moon_day(k: int, tz: float) -> int:
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude(jd: float) -> float:
    """The sun's apparent longitude, in radians within [0, 2π), at Julian day ``jd`` (UT)."""
    t = (jd - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - 2 * math.pi * math.floor(longitude / (2 * math.pi))


def _sun_sector(day_number: int, tz: float) -> int:
    """Which of the 12 major solar terms the sun is in at the start of a local day."""
    return math.floor(_sun_longitude(day_number - 0.5 - tz / 24) / math.pi * 6)


# The two steps that cost (a dozen new moons and solar terms each) depend on the year alone:
# kept once computed, as a calendar would be (the reader asks for a few years, many times).
@functools.lru_cache(maxsize=512)
def _month_11(year: int, tz: float) -> int:
    """The first day of the lunar month holding the winter solstice of ``year``."""
    k = math.floor((_jd_from_date(date(year, 12, 31)) - 2415021) / _SYNODIC)
    start = _new_moon_day(k, tz)
    if _sun_sector(start, tz) >= 9:
        start = _new_moon_day(k - 1, tz)
    return start


@functools.lru_cache(maxsize=512)
def _leap_offset(month_11: int, tz: float) -> int:
    k = math.floor((month_11 - _EPOCH) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def lunar_to_solar(
    day: int, month: int, year: int, *, leap: bool = False, tz: float = VIETNAM_TZ
) -> date | None:
    """The solar date of lunar ``day``/``month`` of lunar ``year`` (the year Tết opens), or
    None when no such day exists (a leap month that year does not have, day 30 of a short
    month)."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    if month < 11:
        a11, b11 = _month_11(year - 1, tz), _month_11(year, tz)
    else:
        a11, b11 = _month_11(year, tz), _month_11(year + 1, tz)
    k = math.floor(0.5 + (a11 - _EPOCH) / _SYNODIC)
    offset = (month - 11) % 12
    if b11 - a11 > 365:
        leap_offset = _leap_offset(a11, tz)
        leap_month = (leap_offset - 2) % 12
        if leap and month != leap_month:
            return None
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        return None
    start = _new_moon_day(k + offset, tz)
    if day == 30 and _new_moon_day(k + offset + 1, tz) - start < 30:
        return None
    return _date_from_jd(start + day - 1)


def tet(year: int, *, tz: float = VIETNAM_TZ) -> date:
    """The first day of the lunar year that opens in solar ``year``."""
    found = lunar_to_solar(1, 1, year, tz=tz)
    assert found is not None
    return found
