"""The kinds of event that start relative and on-demand deadlines.

A plan says "sau từ 5 đến 7 ngày kể từ khi có Quyết định công bố danh mục
TTHC"; the officer later records that such a decision was published on a date,
and the occurrences follow. Kinds are a fixed vocabulary so rules and recorded
events meet; each has its Vietnamese name for pages and messages.
"""

from __future__ import annotations

__all__ = ["EVENT_KINDS", "GENERIC_EVENT", "event_kind_label"]

EVENT_KINDS: dict[str, str] = {
    "qd_cong_bo_tthc": "Quyết định công bố danh mục thủ tục hành chính",
    "pakn_tiep_nhan": "Tiếp nhận phản ánh, kiến nghị của cá nhân, tổ chức",
    "pakn_chuyen_den": "Nhận văn bản chuyển phản ánh, kiến nghị",
    "ho_so_den_han": "Hồ sơ thủ tục hành chính đến hạn trả kết quả",
    "ho_so_tiep_nhan": "Tiếp nhận đủ hồ sơ thủ tục hành chính",
    "tap_huan": "Cấp trên tổ chức tập huấn, bồi dưỡng, hội nghị, hội thảo",
    "thay_doi_nhan_su": "Thay đổi hoặc phân công lại cán bộ, công chức",
    "huong_dan_cap_tren": "Có hướng dẫn, chỉ đạo của cấp trên",
    "yeu_cau": "Yêu cầu đột xuất của cơ quan có thẩm quyền",
    "ky_hop": "Khai mạc kỳ họp, cuộc họp",
    "bau_cu": "Ngày bầu cử",
    "ky_van_ban": "Ký, ban hành văn bản",
    "phe_duyet": "Cấp có thẩm quyền phê duyệt, thông qua",
    "ket_thuc": "Kết thúc hội nghị, kỳ thi, đợt công tác",
    "nhan_van_ban": "Nhận văn bản đề nghị, yêu cầu",
    # Any other event: the rule's label carries the document's own words for it.
    "su_kien": "Sự kiện khác (ghi theo lời văn bản)",
}

GENERIC_EVENT = "su_kien"


def event_kind_label(kind: str) -> str:
    return EVENT_KINDS.get(kind, kind)
