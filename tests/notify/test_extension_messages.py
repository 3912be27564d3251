"""What an extension's messages say (pure: no database): the request to an approver, the
decision to the requester, and which settings let them through."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

from tracker.deadlines.extensions import ExtensionView
from tracker.notify.messages import render_extension_decision, render_extension_request
from tracker.notify.policy import hears_of_extension

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
BASE = "https://theodoi.example.vn"

REQUEST = ExtensionView(
    id=7,
    occurrence_id=42,
    state="requested",
    reason="Chờ số liệu <của> Công an xã\nvà Trạm Y tế",
    requested_due=dt.date(2026, 4, 20),
    requested_deadline=dt.datetime(2026, 4, 20, 23, 59, tzinfo=TZ),
    previous_due=dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ),
    requested_by="Nguyễn Hữu Long",
    requested_at=dt.datetime(2026, 4, 8, 15, 0, tzinfo=TZ),
    decided_by=None,
    decided_at=None,
    decision_note="",
    original_due=dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ),
    working_due=dt.datetime(2026, 4, 9, 16, 15, tzinfo=TZ),
    occurrence_status="pending",
    label="Quý II/2026",
    task_id=5,
    task_label="2.1.",
    task_content="Báo cáo kết quả giải quyết thủ tục hành chính",
    plan_id=3,
    plan_key="dai-son-2026",
    plan_number="12/KH-UBND",
    plan_title="Kiểm soát thủ tục hành chính năm 2026",
    plan_path="/hai-phong/hai-phong.dai-son/",
    commune="xã Đại Sơn",
    lead_code="hai-phong.dai-son.vp",
    lead_name="Văn phòng HĐND và UBND",
    requested_by_id=11,
)


def test_a_request_names_who_asks_the_task_the_plan_both_deadlines_the_reason_and_the_link() -> (
    None
):
    mail = render_extension_request(REQUEST, person="Trần Thị Hoa", base_url=BASE)
    assert mail.subject == (
        "[Đề nghị gia hạn] Quý II/2026: Báo cáo kết quả giải quyết thủ tục hành chính "
        "– KH số 12/KH-UBND"
    )
    for line in (
        "Kính gửi Trần Thị Hoa,",
        "Nguyễn Hữu Long đề nghị gia hạn một nhiệm vụ; đề nghị đang chờ anh/chị duyệt.",
        "Nhiệm vụ: 2.1. Báo cáo kết quả giải quyết thủ tục hành chính",
        "Kỳ: Quý II/2026",
        "Kế hoạch: KH số 12/KH-UBND – Kiểm soát thủ tục hành chính năm 2026",
        "Chủ trì: Văn phòng HĐND và UBND",
        "Hạn hiện tại: Thứ Năm, 09/04/2026 16:15",
        "Hạn đề nghị: Thứ Hai, 20/04/2026\n",  # a day: no time
        "Lý do: Chờ số liệu <của> Công an xã\nvà Trạm Y tế",
        f"Xem, duyệt hoặc từ chối đề nghị: {BASE}/occurrences/42#gia-han",
    ):
        assert line in mail.text, line
    assert "Chờ số liệu &lt;của&gt; Công an xã" in mail.html
    assert f'href="{BASE}/occurrences/42#gia-han"' in mail.html
    assert mail.payload["type"] == "extension-request"
    assert mail.payload["occurrence"]["id"] == 42
    assert mail.payload["occurrence"]["anchor"] == "#gia-han"
    assert mail.payload["reason"] == (
        "Nguyễn Hữu Long đề nghị gia hạn từ Thứ Năm, 09/04/2026 16:15 đến Thứ Hai, "
        "20/04/2026: Chờ số liệu <của> Công an xã và Trạm Y tế"
    )


def test_a_decision_says_what_was_decided_the_note_and_the_deadline_in_force() -> None:
    approved = dataclasses.replace(
        REQUEST, state="approved", decided_by="Trần Thị Hoa", decision_note="Đồng ý",
        working_due=dt.date(2026, 4, 20),
    )  # fmt: skip
    mail = render_extension_decision(approved, person="Nguyễn Hữu Long", base_url=BASE)
    assert mail.subject.startswith("[Gia hạn được duyệt] Quý II/2026: ")
    assert "Đề nghị gia hạn của anh/chị đã được Trần Thị Hoa duyệt." in mail.text
    assert "Hạn làm việc mới: Thứ Hai, 20/04/2026 (hạn ban đầu Thứ Năm, 09/04/2026 16:15)" in (
        mail.text
    )
    assert "Ghi chú: Đồng ý" in mail.text
    refused = dataclasses.replace(
        REQUEST, state="refused", decided_by="Phạm Văn Thắng", decision_note="Không có lý do"
    )
    mail = render_extension_decision(refused, person="Nguyễn Hữu Long", base_url=BASE)
    assert mail.subject.startswith("[Gia hạn bị từ chối] ")
    assert "Hạn vẫn giữ nguyên: Thứ Năm, 09/04/2026 16:15" in mail.text
    assert "Lý do từ chối: Không có lý do" in mail.text
    assert mail.payload["state"] == "refused"


def test_a_person_on_escalations_hears_of_what_waits_for_them_a_plan_turned_off_does_not() -> None:
    assert hears_of_extension("all")
    assert hears_of_extension("escalations")
    assert not hears_of_extension("off")
