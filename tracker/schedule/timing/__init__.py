"""The Vietnamese timing-phrase parser (pure): one timing cell into schedule rules, or a
review item with its reason.

The cell is matched on a folded copy (lower case, no diacritics: documents drop a mark
here and there) that keeps every character's offset, so the names it extracts (an
event, an assignee) keep the document's own spelling. Recognisers take spans of the
text in order of precedence; whatever no recogniser took and is not a benign word
("thực hiện", "báo cáo", "theo quy định" …) makes the result ``review``, with its best
reading kept. Nothing is dropped silently.

Reading conventions (also in the README): "trước ngày X" is due on X; a month or quarter
alone is a window due on its last day; "Năm Y" is due on 31/12/Y; a year missing from a
date is the plan's year; a weekly cadence with no weekday is due on Friday, a monthly,
quarterly or yearly one with no day on the last day of its period, and one "theo quy
định" or "theo kỳ báo cáo" on the 14th, the data cut-off day of Nghị định 09/2019/NĐ-CP.
"""

from tracker.schedule.timing.reader import (
    TimingResult,
    find_timing,
    looks_like_timing,
    parse_timing,
)

__all__ = ["TimingResult", "find_timing", "looks_like_timing", "parse_timing"]
