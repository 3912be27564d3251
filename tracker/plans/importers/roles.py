"""A cell that names the lead and its partners together ("Công an xã (chủ trì), Văn phòng
HĐND và UBND xã"; "Chủ trì: Phòng Kinh tế; phối hợp: Công an xã"; "Phòng Văn hóa - Xã hội
chủ trì, phối hợp Công an xã"), as one "Đơn vị thực hiện" column often does: split into the
lead's words and the partners' words (pure)."""

from __future__ import annotations

import re

__all__ = ["split_roles"]

_ROLE = r"(?:chủ trì|phối hợp)"
# "Chủ trì:", "Đơn vị phối hợp:", "- Phối hợp:".
_LABEL = re.compile(rf"(?:(?:đơn vị|cơ quan)\s+)?({_ROLE})(?:\s+thực hiện)?\s*:", re.IGNORECASE)
# "(chủ trì)", "(phối hợp)", "(Chủ trì, tổng hợp)".
_MARK = re.compile(rf"\(\s*({_ROLE})\b[^()]*\)", re.IGNORECASE)
# "X chủ trì, phối hợp với Y"; "X chủ trì; Y phối hợp"; "X chủ trì".
_VERB = re.compile(
    r"^(?P<lead>[^()]{3,100}?)\s+chủ trì\b\s*[,;.]?\s*"
    r"(?:(?:và\s+)?phối hợp(?:\s+(?:với|cùng))?\s*:?\s*)?(?P<partners>.*?)"
    r"(?:\s+(?:cùng\s+)?phối hợp(?:\s+thực hiện)?)?\s*[.;]?$",
    re.IGNORECASE | re.DOTALL,
)
_EDGE = " \t\n,;.:-–+•"


def _clean(text: str) -> str:
    return re.sub(r"\s*\n\s*", "; ", text.strip(_EDGE)).strip(_EDGE)


def split_roles(cell: str) -> tuple[str, str] | None:
    """The lead's and the partners' words of a cell that names both roles, or None when
    the cell names no role (a plain list of units is left to the caller)."""
    labels = list(_LABEL.finditer(cell))
    if any(label.group(1).lower() == "chủ trì" for label in labels):
        parts: dict[str, list[str]] = {"chủ trì": [], "phối hợp": []}
        head = cell[: labels[0].start()].strip(_EDGE)
        if head:
            return None
        for match, after in zip(labels, [*labels[1:], None], strict=True):
            end = after.start() if after else len(cell)
            parts[match.group(1).lower()].append(_clean(cell[match.end() : end]))
        lead = "; ".join(p for p in parts["chủ trì"] if p)
        return (lead, "; ".join(p for p in parts["phối hợp"] if p)) if lead else None
    marks = list(_MARK.finditer(cell))
    leads = [m for m in marks if m.group(1).lower() == "chủ trì"]
    if len(leads) == 1:
        mark = leads[0]
        before = cell[: mark.start()]
        cut = max(before.rfind(sep) for sep in (",", ";", "\n"))
        lead = _clean(before[cut + 1 :])
        rest = before[: cut + 1] + " " + cell[mark.end() :]
        partners = _clean(_MARK.sub("", rest))
        partners = re.sub(r"\s*[,;]\s*[,;]\s*", ", ", partners)
        return (lead, partners) if lead else None
    if not marks and not labels and (found := _VERB.match(cell.strip())):
        lead = _clean(found.group("lead"))
        if "phối hợp" in lead.lower():
            return None
        return lead, _clean(found.group("partners"))
    return None
