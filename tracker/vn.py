"""Vietnamese text conventions shared by pages, messages and rules.

Dates are written dd/mm/yyyy, weekdays by their Vietnamese names, quarters in
Roman numerals ("Quý II/2023"). Text is compared after NFC normalisation;
diacritics are data and are never stripped.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

__all__ = [
    "ROMAN",
    "fold",
    "format_date",
    "format_datetime",
    "format_due",
    "format_number",
    "format_percent",
    "format_time",
    "has_number",
    "nfc",
    "numbered",
    "one_line",
    "parse_day",
    "quarter_of",
    "unmangle",
    "weekday_name",
]

ROMAN = ("I", "II", "III", "IV")
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def nfc(text: str) -> str:
    """Unicode NFC form with runs of white space folded to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: none
# belongs in one line of text, and CR or LF in a mail header would start a new header.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str, limit: int | None = None, *, at_word: bool = False) -> str:
    """``text`` as one clean line: NFC, every control character (CR and LF among them) and
    every run of white space made one space, and at most ``limit`` characters (cut with
    "…"; ``at_word`` cuts after the last whole word, with " …", where the text has a space
    to cut at). What a mail header, a subject or a stored reference may hold."""
    line = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())
    if limit is not None and len(line) > limit:
        if at_word and " " in line[: max(limit - 2, 0)]:
            cut = line[: limit - 2]
            if line[len(cut)] != " ":  # the cut falls inside a word: drop its start
                cut = cut.rsplit(" ", 1)[0]
            return cut.rstrip(" ,;:–-") + " …"
        line = line[: max(limit - 1, 0)].rstrip() + "…"
    return line


def weekday_name(day: date) -> str:
    return _WEEKDAYS[day.weekday()]


def format_date(day: date | None) -> str:
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


_DAY_TYPED = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_DAY_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(text: str) -> date:
    """A day as people type it, "30/06/2026" (or "30-6-2026", "30.6.2026"), or as a date
    field sends it, "2026-06-30". ValueError for anything else, or a day that does not
    exist ("31/02/2026")."""
    text = text.strip()
    typed = _DAY_TYPED.fullmatch(text)
    iso = None if typed else _DAY_ISO.fullmatch(text)
    try:
        if typed:
            return date(int(typed[3]), int(typed[2]), int(typed[1]))
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
    except ValueError:
        pass
    raise ValueError(f"not a day: {text!r}")


def format_time(moment: time | None) -> str:
    return "" if moment is None else f"{moment.hour:02d}:{moment.minute:02d}"


def format_datetime(moment: datetime, *, with_weekday: bool = True) -> str:
    """ "Thứ Năm, 09/04/2026 16:15" """
    text = f"{format_date(moment.date())} {format_time(moment.time())}"
    return f"{weekday_name(moment.date())}, {text}" if with_weekday else text


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def format_due(value: date | datetime | None) -> str:
    """A deadline as people read it: "Thứ Năm, 09/04/2026" for a day, "Thứ Năm,
    09/04/2026 16:15" for a moment."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    return f"{weekday_name(value)}, {format_date(value)}"


def format_number(value: int) -> str:
    """An integer as Vietnamese documents write it, "." between thousands: "21.914"."""
    return f"{value:,}".replace(",", ".")


def format_percent(rate: float | None, digits: int = 2, *, empty: str = "—") -> str:
    """A rate (0.9862) as a Vietnamese percentage, "," before the decimals and at most
    ``digits`` of them: "98,62%", "50%"; ``empty`` when there is no rate."""
    if rate is None:
        return empty
    whole, _, decimals = f"{rate * 100:.{digits}f}".partition(".")
    decimals = decimals.rstrip("0")
    return f"{format_number(int(whole))}{',' + decimals if decimals else ''}%"


_FOLD = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case without diacritics, for matching words a document may type without them.
    Never stored, never shown: only compared."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# UTF-8 bytes read as Windows-1252 ("Trước" shown as "TrÆ°á»›c"): the lead bytes of
# Vietnamese letters come out as these, a quick test before trying the repair.
_MANGLED = re.compile("Ã|Ä|Æ|Ă|á»|áº|â€")


def unmangle(text: str) -> str:
    """``text`` as it was written when it is UTF-8 that was read as Windows-1252 or 1258 (a
    CSV opened with the wrong code page, a web page's copy): undone only when every character
    maps back to a byte and the bytes are UTF-8, which Vietnamese written right is not (its
    letters "ư", "ơ", "ạ" have no Windows-1252 byte; "ớ", "ạ" none in 1258, whose tones are
    separate marks). Anything else is left as it is."""
    if not _MANGLED.search(text):
        return text
    # Windows-1252 first, then Windows-1258, the Vietnamese code page ("Tá»« ngĂ y").
    for codec in ("cp1252", "cp1258"):
        raw = bytearray()
        for char in text:
            try:
                raw += char.encode(codec)
            except UnicodeEncodeError:
                if ord(char) > 0xFF:  # not a byte the code page left undefined
                    break
                raw.append(ord(char))
        else:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
    return text


def has_number(number: str | None) -> bool:
    """Whether a document's number ("12/KH-UBND") is given: a draft's "/KH-UBND", left
    blank for the number it will get when signed, is not."""
    return any(c.isdigit() for c in number or "")


def numbered(label: str | None) -> str:
    """A task's own number ("2", "II", "a"), or nothing for a bullet ("-", "+", "•")
    that numbers nothing."""
    return label if label and any(c.isalnum() for c in label) else ""
