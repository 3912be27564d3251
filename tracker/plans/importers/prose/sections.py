"""What a section is for (tasks, purpose, funding …), the implementation fields under an
item, and the units an item or a heading names."""

from __future__ import annotations

import re

from tracker.plans.importers.base import RawTask
from tracker.plans.importers.prose.paragraphs import Para, is_upper
from tracker.plans.importers.prose.starts import BULLETISH
from tracker.plans.importers.tables import column_role
from tracker.schedule.timing.cell import fold_keep_length
from tracker.vn import fold

_PURPOSE = ("muc dich", "yeu cau", "muc tieu")

_FUNDING = ("kinh phi",)

_BACKGROUND = ("ket qua", "danh gia", "tinh hinh", "thuc trang", "can cu", "co so")

_TASKS = (
    "noi dung", "nhiem vu", "giai phap", "to chuc thuc hien", "trach nhiem", "phan cong",
    "hoat dong", "lo trinh", "tien do", "chuong trinh",
)  # fmt: skip

APPENDIX = re.compile(r"^phu luc\b(?:\s+(?:so\s+)?[ivxl\d]+\b)?\s*[:.\-–]?\s*")


def _role(title: str) -> str:
    """What a top-level section holds, from its title."""
    folded = fold(title)
    if APPENDIX.match(folded):
        return "appendix"
    for role, words in (("purpose", _PURPOSE), ("funding", _FUNDING), ("background", _BACKGROUND)):
        if folded.startswith(words):
            return role
    if any(word in folded for word in _TASKS):
        return "tasks"
    return "unknown"


def top_level(para: Para, in_appendix: bool, in_part: bool = False) -> str:
    """The role of the section ``para`` opens, or "" when it opens none. Under a lettered
    part ("B. NỘI DUNG") the Roman sections are its items."""
    text = para.text
    if para.style == "part":
        return _role(text)
    if para.style == "none":
        folded = fold(text)
        if is_upper(text) and APPENDIX.match(folded):
            return "appendix"
        return ""
    if para.style == "roman" and not in_part and not (in_appendix and not is_upper(text)):
        return _role(text)
    if para.style in ("num", "letter") or para.style.startswith("multi"):
        role = _role(text) if is_upper(text) else ""
        return role if role not in ("unknown", "") else ""
    return ""


def cut_prefix(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without the prefix ``pattern`` matches in its folded form (folding keeps
    one character per character of NFC Vietnamese, so the offsets agree)."""
    folded = fold(text)
    match = pattern.match(folded)
    if match is None or len(folded) != len(text):
        return text
    return text[match.end() :].strip()


def field_of(para: Para) -> tuple[str, str] | None:
    """An implementation field ("Cơ quan chủ trì: …") as (role, value without its label).
    Its name is read as a table's column title is; "… thực hiện" names a lead that a
    "chủ trì" field, where there is one, overrides ("lead_any")."""
    if para.style not in BULLETISH:
        return None
    name, colon, value = para.text.partition(":")
    if not colon or len(name) > 60:
        return None
    role = column_role(name)
    if role in (None, "number", "content"):
        return None
    if role == "lead" and "chu tri" not in fold(name):
        role = "lead_any"
    return role, value.strip()


# A later field in the same paragraph: "Cơ quan chủ trì: Công an xã. Cơ quan phối hợp: …;
# thời gian: …".
_NEXT_FIELD = re.compile(r"[.;]\s+([^.;:()]{2,60}):")


def fields_of(para: Para) -> list[tuple[str, str]] | None:
    """The implementation fields of a paragraph, several when one paragraph names them
    one after another ("Chủ trì: …; phối hợp: …; thời gian: …"), or None."""
    first = field_of(para)
    if first is None:
        return None
    role, value = first
    found: list[tuple[str, str]] = []
    start = 0
    for match in _NEXT_FIELD.finditer(value):
        name = match.group(1)
        next_role = column_role(name)
        if next_role in (None, "number", "content"):
            continue
        if next_role == "lead" and "chu tri" not in fold(name):
            next_role = "lead_any"
        found.append((role, value[start : match.start()].strip()))
        role, start = next_role, match.end()
    found.append((role, value[start:].strip()))
    return found


_UNIT_WORDS = (
    "cong chuc", "can bo", "van phong", "phong", "bo phan", "cac bo phan", "cac phong",
    "cac co quan", "co quan", "trung tam", "ubnd", "uy ban", "dai truyen thanh", "dai",
    "cong an", "quan su", "ban", "hoi", "doan thanh nien", "mat tran", "ubmttq", "lanh dao",
    "chu tich", "pho chu tich", "hop dong", "thu truong", "cac nganh", "nganh", "truong",
    "to", "dang uy", "hdnd", "thuong truc", "chi cuc", "so", "cac don vi", "don vi",
    "nguoi dung dau", "buu dien", "tram y te", "cac to chuc", "thanh vien", "cac thanh vien",
    "cac ban", "cac hoi", "cac doan the", "doan the", "cac cong chuc", "cac can bo",
)  # fmt: skip

_NOT_UNITS = (
    "ban hanh", "to chuc", "hoi nghi", "hoi thao", "phong chong", "phong, chong",
    "phong ngua", "truong hop", "so hoa", "so lieu", "so luong", "dai dien", "to trinh",
    "don vi tinh", "hop dong lao dong", "truong hoc", "so ket", "so tay", "dai hoi", "dai hoc",
    "ban giao", "ban cam ket", "to cao", "phong chay", "hoi dap",
)  # fmt: skip

# Words that fold to a unit's: "phỏng vấn" (an interview) is no "Phòng Văn hóa - Xã hội".
_NOT_UNITS_MARKED = ("phỏng vấn",)

# "Trách nhiệm của …"; "Đề nghị …" before a body the plan asks rather than charges
# ("Đề nghị Ủy ban MTTQ Việt Nam xã và các đoàn thể").
_RESPONSIBILITY = re.compile(r"^(?:trach nhiem (cua|thuoc)|de nghi)\s+")


def _names_unit(text: str) -> bool:
    folded = " ".join(fold(text).split())
    if folded.startswith(_NOT_UNITS) or text.strip().lower().startswith(_NOT_UNITS_MARKED):
        return False
    return any(folded == word or folded.startswith(word + " ") for word in _UNIT_WORDS)


def _heading_unit(heading: str) -> str:
    """The unit a heading names ("1. Công chức Văn phòng Đảng ủy - Nội vụ", "a) Trách
    nhiệm của lãnh đạo UBND xã"), or ""."""
    text = cut_prefix(heading.rstrip(" :."), _RESPONSIBILITY)
    if len(text.split()) > 14 or re.search(r"[.;!?]\s", text) or not _names_unit(text):
        return ""
    return text


def unit_heading(text: str) -> bool:
    """Whether a line ending with a colon names a unit alone ("Công an xã:")."""
    return text.rstrip().endswith(":") and bool(_heading_unit(text))


def _prefix_unit(text: str) -> str:
    """The unit before a colon ("Trung tâm Phục vụ hành chính công: Chủ trì, …"), or ""."""
    name, colon, rest = text.partition(":")
    return _heading_unit(name) if colon and rest.strip() else ""


def _leaves(node: RawTask) -> list[RawTask]:
    return [task for task, _ in node.walk() if not task.children and task is not node]


# A duty that opens by joining another unit's work ("Phối hợp với Văn phòng HĐND và UBND
# xã tuyên truyền …"): the unit it names leads, the unit whose duty it is coordinates.
_PARTNER_FIRST = re.compile(r"^[\s\-–+•*]*phoi hop(?: chat che| thuong xuyen)? (?:voi|cung)\s")


def partner_named(text: str) -> str | None:
    """What a duty that begins "Phối hợp với …" (after its unit's "Công an xã:" if any)
    names after those words, or None when it does not begin so."""
    name, colon, rest = text.partition(":")
    if colon and _heading_unit(name):
        text = rest
    found = _PARTNER_FIRST.match(fold_keep_length(text))
    return text[found.end() :] if found else None


def _give(task: RawTask, unit: str) -> None:
    """``unit``'s duty: it leads the task, or coordinates when the duty joins another's."""
    partner_first = partner_named(task.content) is not None
    if task.lead or (partner_first and task.coordinating):
        return
    if partner_first:
        task.coordinating = unit
    else:
        task.lead = unit


def assign_units(node: RawTask) -> None:
    """Duties listed per unit: a heading naming a unit over one paragraph is that unit's
    task; over bullets or paragraphs, each of them is (inner headings first). A duty
    "Phối hợp với X …" is X's task, the heading's unit coordinating (the builder finds X)."""
    for child in node.children:
        assign_units(child)
    if node.lead or not (node.label or (node.children and unit_heading(node.content))):
        return
    unit = _prefix_unit(node.content) or (_heading_unit(node.content) if node.children else "")
    if not unit:
        return
    kids = node.children
    if len(kids) == 1 and kids[0].label == "" and not kids[0].children and unit == node.content:
        node.content, node.details, node.children = kids[0].content, kids[0].details, []
        node.note = node.note or kids[0].note
    if not node.children:
        _give(node, unit)
    for leaf in _leaves(node):
        _give(leaf, unit)


# "Giao Công chức Văn phòng – Thống kê tham mưu, theo dõi và tổ chức thực hiện Kế hoạch này".
_GIAO = re.compile(
    r"\bgiao\s+(?:cho\s+)?(?P<unit>.+?)\s+(?=(?:tham mưu|theo dõi|đôn đốc|chủ trì|phối hợp|"
    r"tổ chức|thực hiện|triển khai|kiểm tra|hướng dẫn|làm đầu mối|là đầu mối|là cơ quan|"
    r"có trách nhiệm|chịu trách nhiệm)\b)",
    re.IGNORECASE,
)

# "Văn phòng HĐND và UBND xã chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch": the unit
# as the sentence's subject.
_SUBJECT = re.compile(
    r"^(?P<unit>[^,;:()]{4,80}?)\s+(?=(?:chủ trì|là đầu mối|làm đầu mối|là cơ quan thường trực|"
    r"có trách nhiệm|chịu trách nhiệm|tham mưu)\b)",
    re.IGNORECASE,
)

_CHARGE = re.compile(r"\b(theo doi|don doc|chu tri|huong dan|tham muu)\b")

# "thực hiện Kế hoạch này"; "triển khai Kế hoạch;" with nothing after it naming another plan
# ("triển khai Kế hoạch phòng chống thiên tai" is another one's).
_THIS_PLAN = re.compile(
    r"\bthuc hien ke hoach nay\b"
    r"|\b(?:thuc hien|trien khai)(?: thuc hien)? ke hoach(?: nay)?(?=\s*(?:[;,.:)]|$|va\b))"
)


def charged_unit(text: str, lead: str) -> str:
    """The unit a sentence charges with the whole plan, or ""."""
    folded = fold(text)
    match = _GIAO.search(text)
    if match and _names_unit(match.group("unit")) and "ke hoach" in folded[match.end() :]:
        return match.group("unit").strip(" ,")
    if lead and _THIS_PLAN.search(folded) and _CHARGE.search(folded):
        return lead
    match = _SUBJECT.match(text)
    rest = fold(text[match.end() :]) if match else ""
    if match and _names_unit(match.group("unit")) and _OVERSEES.search(rest):
        return match.group("unit").strip(" ,")
    return ""


# What a unit charged with the whole plan does with it: follows, urges, sums up its doing.
_OVERSEES = re.compile(
    r"\b(theo doi|don doc|huong dan|kiem tra)\b[^.;]*\b(viec )?(to chuc )?(trien khai|thuc hien)"
    r"( (viec|cac nhiem vu))? (cua )?ke hoach\b"
)


# A sentence that speaks of the list above it: "các nội dung trên", "nhiệm vụ nêu trên",
# "trên đây".
_BACK_REFERENCE = re.compile(
    r"\b(?:(?:noi dung|nhiem vu|viec|cong viec|hoat dong|muc)(?: [a-z]+)? (?:neu )?tren"
    r"|neu tren|tren day)\b"
)


def speaks_of_list(text: str) -> bool:
    """Whether a paragraph speaks of the items before it ("… thực hiện các nội dung trên")."""
    return _BACK_REFERENCE.search(fold(text)) is not None


def list_lead(text: str) -> str:
    """The unit a list's closing sentence gives the items above it ("Văn phòng HĐND và
    UBND xã chủ trì thực hiện các nội dung trên", "Giao Công an xã thực hiện các nhiệm vụ
    nêu trên"), or ""."""
    if not speaks_of_list(text):
        return ""
    for pattern in (_GIAO, _SUBJECT):
        match = pattern.search(text) if pattern is _GIAO else pattern.match(text)
        if match and _names_unit(match.group("unit")):
            return match.group("unit").strip(" ,")
    return ""
