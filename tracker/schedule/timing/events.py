"""Recognisers of what happens rather than when: events that start a deadline, requests,
"thường xuyên", per-assignee deadlines, times of day and the holiday clause."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time, timedelta
from typing import Any

from tracker.schedule.events import GENERIC_EVENT
from tracker.schedule.rules import DayCount, Rule
from tracker.schedule.timing.cell import (
    ANY_DATE,
    Cell,
    date_from,
    deadline,
    month_end,
    rx,
    two_milestones,
)
from tracker.schedule.timing.lexicon import CHANGES, all_known
from tracker.vn import fold

_EVENT_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("bau_cu", ("bau cu",)),
    # "ngày họp Hội đồng nhân dân", "họp Ủy ban nhân dân", "họp Ban Thường vụ" (probed, hprobe18:
    # read before as an unnamed event, without a flag): a body's meeting said with its name.
    (
        "ky_hop",
        (
            "khai mac",
            "ky hop",
            "phien hop",
            "cuoc hop",
            "hop hdnd",
            "hdnd hop",
            "ubnd hop",
            "hop hoi dong",
            "hop uy ban",
            "hop ubnd",
            "hop ban thuong vu",
            "hop ban chap hanh",
        ),
    ),
    ("ket_thuc", ("ket thuc", "be mac", "be giang", "cuoi cung")),
    ("phe_duyet", ("phe duyet", "phe chuan", "thong qua", "chap thuan", "xet duyet")),
    (
        "ky_van_ban",
        # "kể từ ngày văn bản được ban hành": issued is signed.
        (
            "ngay ky",
            "ky ban hanh",
            "ky quyet dinh",
            "ngay ban hanh",
            "ban hanh quyet dinh",
            "duoc ban hanh",
        ),
    ),
    ("qd_cong_bo_tthc", ("cong bo", "thu tuc hanh chinh moi", "tthc moi")),
    ("pakn_chuyen_den", ("chuyen phan anh", "chuyen kien nghi", "chuyen pakn", "van ban chuyen")),
    ("ho_so_den_han", ("den han tra", "han tra ket qua", "den han")),
    (
        "ho_so_tiep_nhan",
        (
            "nhan du ho so",
            "tiep nhan ho so",
            "nhan ho so",
            "nhan duoc ho so",
            "nhan lai ho so",
            "nhan duoc day du ho so",
            "nhan day du ho so",  # "kể từ ngày nhận đầy đủ hồ sơ hợp lệ" (round twenty)
            "nhan duoc du ho so",
            # "kể từ ngày nhận đủ giấy tờ hợp lệ": the file's papers are the file
            "nhan du giay to",
            "nhan duoc giay to",
            "nhan giay to",
        ),
    ),
    ("pakn_tiep_nhan", ("phan anh", "kien nghi", "pakn")),
    (
        "nhan_van_ban",
        (
            "nhan duoc van ban",
            "nhan van ban",
            "yeu cau giai trinh",
            "van ban de nghi",
            "van ban yeu cau",
            "van ban lay y kien",
            "nhan duoc don",
            "nhan don",
            # a written request or proposal received ("sau ngày nhận được đề nghị của …")
            "nhan duoc de nghi",
            "nhan de nghi",
            "nhan duoc yeu cau",
            "nhan yeu cau",
            # a court's judgment or an authority's decision received is a text received
            # ("kể từ ngày nhận được bản án, quyết định")
            "nhan duoc ban an",
            "nhan ban an",
            "nhan duoc quyet dinh",
            "nhan quyet dinh",
            # a deputy's question, a draft, papers, a dispatch or a submission received
            # ("kể từ ngày nhận được điều chất vấn", "nhận được tờ trình"; round twenty-five,
            # working rules): each a text received.
            "nhan duoc dieu chat van",
            "nhan duoc phieu chat van",
            "nhan duoc chat van",
            "nhan chat van",
            "nhan duoc du thao",
            "nhan du thao",
            "nhan duoc tai lieu",
            "nhan duoc cong van",
            "nhan duoc to trinh",
        ),
    ),
    ("tap_huan", ("tap huan", "boi duong", "hoi nghi", "hoi thao", "toa dam", "lop ")),
    ("thay_doi_nhan_su", ("thay doi", "phan cong lai", "nhan su", "dieu dong", "luan chuyen")),
    ("yeu_cau", ("yeu cau", "de nghi")),
    ("huong_dan_cap_tren", ("huong dan", "chi dao", "cap tren", "van ban")),
]


# "sau khi Hội đồng nhân dân quyết định dự toán", "kể từ ngày HĐND cấp trên trực tiếp quyết
# định …": a council or an assembly deciding is its passing a text, an approval (before the
# words "cấp trên", "hướng dẫn" of the list below name another kind).
_COUNCIL_DECIDES = re.compile(
    r"(?<![a-z])(?:hoi\s+dong\s+nhan\s+dan|hdnd|quoc\s+hoi)(?:\s+[a-z]+){0,4}?\s+quyet\s+dinh(?![a-z])"
)


# "kể từ ngày ra văn bản", "ngày ra quyết định", "ra bản án": a text issued is one signed
# (before "văn bản" alone names a superior's guidance below; after the kinds listed before it,
# so "ra quyết định phê duyệt" stays an approval). A word of its own: "kiểm tra văn bản" is no
# "ra văn bản".
# "kể từ ngày ban hành thông báo nộp tiền", "kể từ ngày UBND ban hành văn bản" (round
# twenty-four): a text's issuing, with "ngày" taken before the event's words, is its signing
# too (read before as an event of its own words, without a flag).
_ISSUES_A_TEXT = re.compile(
    r"(?<![a-z])(?:ra|ban\s+hanh)\s+(?:van\s+ban|quyet\s+dinh|ban\s+an|thong\s+bao|cong\s+van"
    r"|ke\s+hoach|nghi\s+quyet|chi\s+thi|ket\s+luan)(?![a-z])"
)


# "sau khi kết thúc kỳ họp", "kể từ ngày bế mạc kỳ họp": what ends is named after the end,
# which is the event (round sixteen; "kỳ họp" after it was read as the session's opening).
# An election is one day: its end is the election still.
_AN_END = re.compile(r"\s*(?:ngay\s+)?(?:ket\s+thuc|be\s+mac)(?![a-z])(?!.*\bbau\s+cu\b)")
# "kể từ ngày kỳ họp bế mạc", "sau khi hội nghị kết thúc" (round twenty, probed): the end named
# after what ends is its end too (read before as the session's opening, without a flag).
_ENDS_AFTER = re.compile(
    r"^\s*(?:ngay\s+)?(?:ky\s+hop|phien\s+hop|cuoc\s+hop|hoi\s+nghi|dai\s+hoi|hoi\s+thao|lop|dot)"
    r"(?:\s+[a-z]+){0,6}?\s+(?:ket\s+thuc|be\s+mac)(?![a-z])"
)


# "kể từ ngày nhận được khiếu nại", "nhận được dự thảo kết luận thanh tra", "nhận được kết
# luận thanh tra", "nhận được văn bản của cơ quan … về kiến nghị thu hồi đất" (round
# eighteen): a complaint, a denunciation, a draft, a conclusion, a report or a letter received
# is a text received, whatever the words after it name (a "kiến nghị" inside the letter's
# subject is no citizen's petition). Not a letter that forwards petitions ("văn bản chuyển",
# its own kind), nor "cá nhân báo cáo" (a person reporting).
# "kể từ ngày nhận được bản kê khai", "nhận được tờ khai", "nhận được danh sách", "nhận được
# bảng kê", "nhận được giấy xác nhận", "nhận được thư của …", "nhận được bản giải trình" (first
# sight of round fifty-one, hfirst51: read before as an unnamed event, without a flag): the
# nouns of written things a person or an office files or sends, each a text received, as a
# letter, a form or a report is. Goods, money or a person received ("nhận tiền", "nhận quân")
# stay events of their own words; "hồ sơ" and "giấy tờ" stay a dossier.
_WRITTEN_THINGS = (
    r"to\s+khai|ban\s+(?:ke\s+khai|khai|tu\s+khai|dang\s+ky|tu\s+kiem\s+diem|kiem\s+diem"
    r"|cam\s+ket|giai\s+trinh|tuong\s+trinh|sao|chup|nhan\s+xet|de\s+nghi|de\s+xuat|thoa\s+thuan"
    r"|xac\s+nhan|bao\s+cao|tong\s+hop|ghi\s+nho|du\s+thao|gop\s+y|ke)"
    r"|bang\s+(?:ke|tong\s+hop|cham\s+cong)|danh\s+sach|giai\s+trinh|de\s+xuat|hoa\s+don|chung\s+tu"
    r"|giay\s+(?:de\s+nghi|xac\s+nhan|chung\s+nhan|phep|uy\s+quyen|gioi\s+thieu|bien\s+nhan)"
    r"|thu\s+gop\s+y|thu(?=\s+(?:cua|tu)(?![a-z])|\s*[,;.)]|\s*$)"
)
_TEXT_RECEIVED = re.compile(
    r"(?<![a-z])(?<!ca\s)(?:tiep\s+)?nhan\s+(?:duoc\s+)?(?:day\s+du\s+|du\s+)?"
    r"(?:khieu\s+nai|to\s+cao|du\s+thao|ket\s+luan|bao\s+cao|cong\s+van|to\s+trinh|thong\s+bao"
    rf"|van\s+ban(?!\s+chuyen)|{_WRITTEN_THINGS})(?![a-z])"
)


# "Quyết định công bố danh mục TTHC", "kể từ ngày công bố thủ tục hành chính mới": the kind
# is a decision that publishes procedures. "Công bố" of anything else ("kể từ ngày công bố
# quyết định kỷ luật", "công bố kết quả": round eighteen) is another event; "công bố" alone
# is this kind when the task's words name procedures.
_TTHC_PUBLISHED = re.compile(
    r"quyet\s+dinh\s+cong\s+bo|cong\s+bo\s+(?:cong\s+khai\s+)?(?:cac\s+)?(?:danh\s+muc|thu\s+tuc|tthc)"
)
_PUBLISHES_OTHER = re.compile(
    r"cong\s+bo\s+(?!(?:cong\s+khai\s+)?(?:cac\s+)?(?:danh\s+muc|thu\s+tuc|tthc))[a-z]"
)


# "Thay đổi hoặc phân công lại cán bộ": a change of staff. "Thay đổi nơi cư trú", "thay
# đổi địa chỉ" (round eighteen) change something else; "thay đổi" with no object is left as
# it was.
_OTHER_CHANGE = re.compile(
    r"thay\s+doi\s+(?!(?:ve\s+)?(?:can\s+bo|cong\s+chuc|vien\s+chuc|nhan\s+su|nguoi|lanh\s+dao|chuc"
    r"|vi\s+tri|thanh\s+vien|dau\s+moi|thu\s+truong|truong|pho|cap\s+uy|hoac|va|,))[a-z]"
)


# "trong thời hạn 10 ngày làm việc từ khi có sự thay đổi" (round forty, a fuel retailer's
# distribution system): a change that names nothing changed is not a staff change; it is any
# event (read before as a staff change, without a flag). "khi có thay đổi nhân sự", "thay đổi
# cán bộ đầu mối" name one and stay so.
_UNNAMED_CHANGE = re.compile(r"\s*(?:khi\s+)?(?:co\s+)?(?:su\s+)?thay\s+doi\s*")

# What a count runs from, read by its first words before any kind's words inside it (probed,
# hprobe7; each read before as the kind whose words it holds, without a flag):
# - a text received, whatever its subject names: "nhận được tờ trình đề nghị thẩm định" (not a
#   request), "nhận được báo cáo kết quả hội nghị" (not a conference), "nhận được văn bản đề nghị
#   phê duyệt" (not an approval), "nhận được kế hoạch / biên bản / giấy mời / chỉ thị …" (a text,
#   not an unnamed event); a file received whatever it asks for ("nhận được hồ sơ đề nghị phê
#   duyệt"). Not a letter forwarding petitions ("văn bản chuyển"), nor guidance ("hướng dẫn"),
#   nor a decision, which is the event its words name ("nhận được quyết định công bố" is the
#   decision publishing procedures; "nhận được quyết định" alone is a text received, as before).
#   "nhận được phiếu lấy ý kiến", "nhận được thư mời", "nhận được giấy báo trúng tuyển" (probed,
#   hprobe18: read before as an unnamed event, without a flag): a form, a letter, a notice paper.
#   "nhận được kết quả đấu giá, biên bản đấu giá …", "nhận được kết quả thẩm định" (round
#   forty-seven, the auction of number plates): results sent to the one who acts on them are a
#   text received (read before as an unnamed event, without a flag); "có kết quả" (results
#   known, nothing received) stays an event of its own words.
_RECEIPT = r"^\s*(?:ngay\s+)?(?:(?:sau\s+)?khi\s+)?(?:tiep\s+)?nhan\s+(?:duoc\s+)?(?:day\s+du\s+|du\s+|lai\s+)?"
_FILE_RECEIVED = re.compile(_RECEIPT + r"(?:ho\s+so|giay\s+to)(?![a-z])")
_A_TEXT_RECEIVED = re.compile(
    _RECEIPT
    + r"(?:khieu\s+nai|to\s+cao|du\s+thao|ket\s+luan|bao\s+cao|cong\s+van|to\s+trinh|thong\s+bao"
    r"|van\s+ban(?!\s+chuyen)|ke\s+hoach|bien\s+ban|giay\s+moi|chi\s+thi|nghi\s+quyet"
    r"|nghi\s+dinh|thong\s+tu|ban\s+an|don(?!\s+vi(?![a-z]))|yeu\s+cau|de\s+nghi"
    r"|phieu|thu\s+(?:moi|ngo|xin|tay|dien\s+tu)|giay\s+(?:bao|trieu\s+tap)|ket\s+qua"
    # "nhận được ý kiến bằng văn bản", "nhận được thông tin bằng văn bản" (hfirst51): whatever
    # the thing, given in writing it is a text received.
    # A petition in writing stays a petition ("nhận được kiến nghị bằng văn bản").
    rf"|{_WRITTEN_THINGS}|(?:(?!(?:kien\s+nghi|phan\s+anh|pakn|duoc)(?![a-z]))[a-z]+\s+){{1,5}}?bang\s+van\s+ban)(?![a-z])"
)
# - our own act of sending, a refusal, a term's end: "trình phê duyệt", "gửi hồ sơ đề nghị phê
#   duyệt", "nộp hồ sơ xin …", "gửi văn bản" (not an approval, a request or a superior's
#   guidance); "không phê duyệt", "từ chối tiếp nhận hồ sơ" (not an approval, not a file
#   received); "hết hạn nhận hồ sơ", "hết thời hạn tiếp nhận hồ sơ" (the end of a time for
#   files, not one received): events of their own words (no kind: ``su_kien``);
_OWN_ACT = re.compile(
    r"^\s*(?:ngay\s+)?(?:trinh|gui|nop|khong|chua|tu\s+choi|het\s+(?:thoi\s+)?han)(?![a-z])"
)
# - the end named after what ends: "kỳ họp kết thúc", "cuộc họp kết thúc", "phiên họp bế mạc",
#   "hội nghị kết thúc" (not its opening); an election is one day (its end is the election);
_END_AFTER_ANY = re.compile(r"(?<![a-z])(?:ket\s+thuc|be\s+mac)(?![a-z])")
# - the result of a thing is not the thing: "công bố kết quả bầu cử", "có kết quả bầu cử" (not
#   election day), "kết quả kỳ họp" (not its opening), "kết quả hội nghị";
_RESULT_OF = re.compile(r"(?<![a-z])ket\s+qua(?![a-z])")
# - an approval asked for is not given: "đề nghị phê duyệt", "xin phê duyệt", "đề nghị thông qua"
#   ("chương trình được thông qua" is a programme approved: "trình" there is no submission);
_ASKED_FOR = re.compile(
    r"(?<![a-z])(?:(?<!chuong\s)trinh|de\s+nghi|xin|gui|nop|khong|chua)(?:\s+[a-z]+){0,5}?\s+"
    r"(?:phe\s+duyet|phe\s+chuan|thong\s+qua|chap\s+thuan|xet\s+duyet)(?![a-z])"
)
# - a day a payment, a tax, a debt or a report falls due is no file's due day ("đến hạn nộp
#   thuế", "đến hạn trả nợ", "đến hạn thanh toán"); a file's is ("hồ sơ đến hạn (trả kết quả)");
_A_FILES_DUE = re.compile(r"ho\s+so|han\s+tra\s+(?:ket\s+qua|ho\s+so)|den\s+han\s*$")
# - a thing taking effect ("văn bản có hiệu lực", not a superior's text); a tour guide ("hướng
#   dẫn viên") is no guidance, nor a steering committee ("Ban chỉ đạo", a body's name); "ký
#   hợp đồng" is a signing, not a meeting ("ký họp" folds alike).
_TAKES_EFFECT = re.compile(r"(?<![a-z])(?:co|het)\s+hieu\s+luc(?![a-z])")
_COMPOUNDS = re.compile(
    r"(?<![a-z])(?:hop\s+dong|huong\s+dan\s+vien|(?<!van\s)ban\s+chi\s+dao)(?![a-z])"
)
# "kể từ ngày nhận được hồ sơ đăng ký hợp lệ", "kể từ ngày ký hợp đồng" (round twenty): "ký
# hợp" folds as "kỳ họp" does, and was read as a session opening, without a flag. A word
# after it ("hợp lệ", "hợp đồng", "hợp tác") or "đăng" before it says it is no session.
_NOT_A_SESSION = re.compile(
    r"(?:(?<![a-z])dang\s+ky\s+hop|(?<![a-z])ky\s+hop\s+(?:le|dong|tac|nhat|phap|thuc))(?![a-z])"
)
# "trước ngày dự định khai mạc lễ hội", "khai mạc hội chợ", "khai mạc năm học" (round
# twenty): an opening of something that is no session or meeting is an event of its own
# words; "khai mạc" alone, or of a session, a conference or a congress, stays one.
_OPENS_NO_MEETING = re.compile(
    r"(?<![a-z])khai\s+mac\s+(?:cac\s+)?(?:le(?!\s+tong\s+ket)|hoi\s+(?:cho|thi|dien|trai|xuan|choi|lang"
    r"|dua|bao)|trien\s+lam|giai|nam\s+hoc|tuan\s+(?:le|van\s+hoa|du\s+lich)|lien\s+hoan|festival"
    r"|ngay\s+hoi|mua|chuong\s+trinh|chien\s+dich|phien\s+cho|cho\s+phien)(?![a-z])"
)


# "không quá 05 ngày làm việc kể từ ngày tiếp nhận" (hsweep): "tiếp nhận" alone, the word of
# the one-stop desk, with a count in working days (an administrative procedure's count) receives
# a file, as "hồ sơ" in the task would say; unless the task names a letter, a complaint or a
# petition, received and answered too. "nhận", "nhận được" alone, or a count in calendar days,
# still flag.
_A_LETTER_RECEIVED = re.compile(
    r"(?<![a-z])(?:don|thu|khieu\s+nai|to\s+cao|van\s+ban|cong\s+van|phan\s+anh|kien\s+nghi)(?![a-z])"
)


# "kể từ ngày thụ lý đơn yêu cầu giải quyết tranh chấp đất đai", "kể từ ngày thụ lý đơn đề
# nghị" (round forty-four): accepting a petition or a complaint for handling is an event of its
# own words, as "kể từ ngày thụ lý (tố cáo)" is labelled; the "yêu cầu", "đề nghị" of the
# petition's name are no authority's request. "thụ lý hồ sơ" is left as it was.
_ACCEPTED_FOR_HANDLING = re.compile(r"^\s*(?:ngay\s+)?thu\s+ly(?![a-z])(?!\s+ho\s+so)")


def _event_kind(event_text: str, context: str) -> str | None:
    words = fold(event_text)
    if "ky hop" in words:
        words = _NOT_A_SESSION.sub(lambda m: m[0].replace("ky hop", "ky_hop"), words)
    if "hop dong" in words or "huong dan vien" in words or "ban chi dao" in words:
        # Each compound to a letter run no kind's words hold (as substrings).
        words = _COMPOUNDS.sub(lambda m: "zz" + m[0].replace(" ", "") + "zz", words)
    if _FILE_RECEIVED.match(words):
        return "ho_so_tiep_nhan"
    if _A_TEXT_RECEIVED.match(words):
        return "nhan_van_ban"
    if _ACCEPTED_FOR_HANDLING.match(words):
        return None  # an event of its own words
    if _OWN_ACT.match(words) or (_TAKES_EFFECT.search(words) and not words.startswith("co")):
        return None  # an event of its own words
    if _COUNCIL_DECIDES.search(words):
        return "phe_duyet"
    if (
        _AN_END.match(words)
        or (("ket thuc" in words or "be mac" in words) and _ENDS_AFTER.match(words))
        or (_END_AFTER_ANY.search(words) and "bau cu" not in words)
    ):
        return "ket_thuc"
    issued = _ISSUES_A_TEXT.search(words) and not re.search(r"(?<![a-z])nhan(?![a-z])", words)
    received = "nhan" in words and _TEXT_RECEIVED.search(words) is not None
    result = _RESULT_OF.search(words)
    for kind, needles in _EVENT_WORDS:
        if any(n in words for n in needles) or (issued and kind == "ky_van_ban"):
            if (
                result
                and kind in ("bau_cu", "ky_hop", "tap_huan")
                and not any(n in words[: result.start()] for n in needles)
            ):
                continue  # "công bố kết quả bầu cử": the result, not the thing
            if kind == "phe_duyet" and _ASKED_FOR.search(words):
                continue  # "trình … phê duyệt": asked for, not given
            if kind == "ho_so_den_han" and not _A_FILES_DUE.search(words):
                continue  # "đến hạn nộp thuế": a payment's due day, not a file's
            if kind == "qd_cong_bo_tthc" and not _TTHC_PUBLISHED.search(words):
                about = words + " " + fold(context)
                if _PUBLISHES_OTHER.search(words) or not any(
                    n in about for n in ("thu tuc", "tthc", "danh muc")
                ):
                    continue
            if kind == "thay_doi_nhan_su" and (
                _OTHER_CHANGE.search(words) or _UNNAMED_CHANGE.fullmatch(words)
            ):
                continue
            if kind == "ky_hop" and _OPENS_NO_MEETING.search(words):
                continue
            if kind == "pakn_tiep_nhan" and received:
                return "nhan_van_ban"
            return kind
    if received:
        return "nhan_van_ban"
    # "kể từ ngày tiếp nhận": received what? The task's own words tell.
    if "tiep nhan" in words or "nhan duoc" in words or words.strip() in ("", "nhan"):
        about = fold(context)
        if any(n in about for n in ("phan anh", "kien nghi", "pakn")):
            return "pakn_tiep_nhan"
        if "ho so" in about:
            return "ho_so_tiep_nhan"
    if re.fullmatch(r"\s*(?:ngay\s+)?ky\b.*", words) and not _A_TERM.match(event_text.lower()):
        return "ky_van_ban"  # "kể từ ngày ký"
    return None


# "kỳ thi", "kì nghỉ Tết": a term or a session, not "ký" (signing), which folds the same;
# read before as a text's signing day, without a flag (probed, hprobe5).
_A_TERM = re.compile(r"\s*(?:ngày\s+)?k[ỳì](?!\w)")


# "Trong 10 ngày sau Tết Nguyên đán", "05 ngày làm việc sau kỳ nghỉ Tết", "sau Quốc khánh",
# "sau ngày lễ" (probed, hprobe5): a holiday is a day of the calendar, not an event an
# officer records, and which of its days a count runs from (the first, or the break's end)
# is unsaid. Read before as a count from an event of that name, without a flag.
_HOLIDAY_EVENT = re.compile(
    r"\s*(?:(?:dip|ky|ki|dot|ngay)\s+)?(?:tet(?![a-z])|(?:ngay|nghi)\s+le(?![a-z])|nghi\s+(?:tet|he)(?![a-z])"
    r"|quoc\s+khanh|gio\s+to(?![a-z])|le\s*$)"
)


_HOLIDAY = rx(
    r"(?:neu|truong_hop)_(?:trung|roi)(?:_vao)?_(?:ngay_nghi|ngay_le|ngay_nghi_le|thu_bay|chu_nhat)"
    r"[^.;]*?(?:chuyen|doi|lui|day)_(?:sang|den|toi|ve|len)_ngay_lam_viec_"
    r"(tiep_theo|ke_tiep|lien_sau|sau|truoc_do|lien_truoc|truoc)"
)


# The same clause in the many ways plans write it: "(nếu ngày này trùng vào ngày nghỉ, ngày
# lễ thì thực hiện vào ngày làm việc tiếp theo)", "nếu trùng ngày Lễ, Tết hoặc công tác đột
# xuất sẽ tiếp công dân vào ngày làm việc tiếp theo", "… của tháng đó".
# "(trùng ngày nghỉ thì lùi sang ngày làm việc kế tiếp)", "… thực hiện vào ngày làm việc liền
# kề tiếp theo" (probed, hprobe8: left to flag): "trùng" opening the clause says "nếu", and
# "liền kề" before the next day says it again.
_HOLIDAY_ANY = re.compile(
    r"(?:(?:neu|truong\s+hop|khi)\b[^.;()]{0,40}?\b(?:trung|roi|vao)|(?<![a-z]\s)(?<![a-z])trung)\b"
    r"[^.;()]{0,80}?"
    r"\b(?:nghi|le|tet|thu\s+bay|chu\s+nhat)\b[^.;()]{0,80}?"
    # "… thứ bẩy và chủ nhật hoặc trùng với công việc quan trọng khác theo yêu cầu của cấp có
    # thẩm quyền thì chuyển sang ngày làm việc tiếp theo liền kề" (round forty-five): a second
    # condition, "hoặc trùng …", lengthens the clause; it moves the day the same way.
    r"(?:\bhoac\s+trung\b[^.;()]{0,100}?)?"
    r"ngay\s+lam\s+viec\s+(?:lien\s+ke\s+)?"
    r"(tiep\s+theo|ke\s+tiep|lien\s+sau|sau\s+do|sau|truoc\s+do|lien\s+truoc|truoc)"
    # "… vào ngày làm việc tiếp theo liền kề sau đó": the next one, said twice.
    r"(?:\s+lien\s+ke)?(?:\s+(?:sau|truoc)\s+do)?"
    r"(?:\s+(?:cua|trong)\s+(?:thang|tuan)\s+(?:do|nay))?"
)


# "(nếu trùng vào ngày nghỉ hoặc ngày lễ chuyển sang ngày tiếp theo)": the day after a day
# off, said without "làm việc", is the next working day (a move verb and "ngày nghỉ", "lễ",
# "Tết" or a weekend day before it, as above).
_HOLIDAY_NEXT_DAY = re.compile(
    r"(?:neu|truong\s+hop|khi)\b[^.;()]{0,40}?\b(?:trung|roi)\b[^.;()]{0,80}?"
    r"\b(?:nghi|le|tet|thu\s+bay|chu\s+nhat)\b[^.;()]{0,80}?"
    r"\b(?:chuyen|doi|lui|day)\s+(?:sang|den|toi|vao)\s+ngay\s+(tiep\s+theo|ke\s+tiep|hom\s+sau|lien\s+sau)"
    r"(?![a-z])"
)


# "(Trường hợp trùng vào ngày nghỉ, lễ, Tết thì tổ chức vào ngày làm việc đầu tiên của tuần kế
# tiếp)", "nếu trùng ngày nghỉ thì tiếp vào ngày thứ Ba của tuần làm việc tiếp theo" (hsweep):
# the day moved off a day off to the next week (its first working day, or the same weekday).
# The schedule moves a day to the next working day only: the same for a weekend, not for a
# holiday in mid-week. The clause is taken (its weekday is no weekly cadence: "thứ Ba" in it
# was read as every Tuesday, flagged), the next working day kept, and flagged; unless only a
# weekend is moved to the next week's first working day, the next working day exactly.
_HOLIDAY_NEXT_WEEK = re.compile(
    r"(?:neu|truong\s+hop|khi)\b[^.;()]{0,40}?\b(?:trung|roi)\b[^.;()]{0,80}?"
    r"\b(?:nghi|le|tet|thu\s+bay|chu\s+nhat)\b[^.;()]{0,80}?"
    r"(?:(?:vao\s+)?ngay\s+lam\s+viec\s+dau\s+tien|(?:vao\s+)?(?:ngay\s+)?thu\s+(?:hai|ba|tu|nam|sau|[2-6]))"
    r"\s+(?:cua\s+)?tuan\s+(?:lam\s+viec\s+)?(?:ke\s+tiep|tiep\s+theo|lien\s+sau|sau)(?![a-z])"
)


# "trừ ngày nghỉ theo quy định", "(trừ các ngày nghỉ Lễ, Tết)": the days off the working
# calendar already leaves out; the words change no date.
# "không bao gồm ngày nghỉ hàng tuần, lễ, Tết", "(không kể ngày nghỉ hằng tuần, lễ, Tết)" (round
# seventeen, a payment calendar's window): the same exclusion in other words, the weekly day
# off inside the list as well as after it ("hàng tuần" there is no weekly cadence).
# "(trừ ngày lễ, ngày tết và ngày nghỉ khác theo quy định của pháp luật)" (round fifty-two,
# hfirst52; "khác theo quy định của pháp luật" was left unread, flagged): "the other days off",
# and the law that sets them, name the same days.
_HOLIDAY_ITEM = (
    r"(?:(?:cac\s+)?ngay\s+)?(?:nghi(?:\s+(?:hang\s+tuan|cuoi\s+tuan))?|le|tet)(?:\s+khac)?\b"
)
_EXCEPT_HOLIDAYS = re.compile(
    r"\b(?:tru|khong\s+(?:bao\s+gom|ke|tinh))\s+(?:cac\s+)?"
    rf"{_HOLIDAY_ITEM}(?:\s*(?:,|va|hoac)?\s*{_HOLIDAY_ITEM})*"
    r"(?:\s+(?:hang\s+tuan|cuoi\s+tuan))?"
    r"(?:\s+theo\s+(?:quy|qui)\s+dinh(?:\s+(?:cua\s+phap\s+luat|hien\s+hanh|cua\s+nha\s+nuoc))?)?"
    # "(trừ ngày lễ 30/4, 1/5)": the days named after it are the days left out, not deadlines
    # (found probing round seventeen: read as a window cut at 30/4 and a deadline on 1/5,
    # without a flag); the clause is then left to flag.
    r"(?![\s,:]*(?:ngay\s+)?\d)"
)


# "các ngày làm việc trong tuần (trừ ngày thứ bảy, chủ nhật và ngày lễ)", "từ thứ Hai đến thứ
# Sáu (trừ thứ Bảy, Chủ nhật)" (round twenty, offices' reception days): the weekend left out of
# working days is the days off the calendar already leaves out, no weekly Saturday and Sunday
# (read before as both, flagged). Only after working days or a Monday-to-Friday span: after
# anything else ("hằng ngày (trừ thứ Bảy, Chủ nhật)") the clause changes the reading, and is
# left to flag.
_EXCEPT_WEEKEND = re.compile(
    r"(?:ngay\s+lam\s+viec(?:\s+trong\s+tuan)?|thu\s+(?:hai|2)\s*(?:den|-)\s*(?:het\s+)?thu\s+(?:sau|6)"
    r"(?:\s+hang\s+tuan)?)\s*(\(?\s*tru\s+(?:cac\s+)?(?:ngay\s+)?thu\s+(?:bay|7)\s*(?:,|va)?\s*"
    rf"(?:ngay\s+)?chu\s+nhat(?:\s*(?:,|va)\s*{_HOLIDAY_ITEM})*(?:\s+theo\s+(?:quy|qui)\s+dinh)?\s*\)?)"
)


# "(tính theo dấu bưu điện)", "(theo dấu bưu chính đến)": a file sent by post counts by its
# postmark; the words change no date.
_POSTMARK = re.compile(
    r"\(\s*(?:tinh\s+|can\s+cu\s+)?theo\s+(?:ngay\s+(?:tren\s+)?)?dau\s+buu\s+(?:dien|chinh)"
    r"(?:\s+(?:den|di|gui|noi\s+gui|noi\s+nhan))?\s*\)"
)


# "(giờ địa phương)", "(giờ Hà Nội)", "(theo giờ Việt Nam)" after an hour (round fifteen,
# Earth Hour): the country's one time zone, the one the hours are read in; no date changes.
# Another zone's name ("giờ GMT") is left to flag.
# "Thứ năm, ngày 25/12/2025 16:28 GMT+7", "08:40 (GMT+7)", "07:05 GMT+07:00" (round seventeen,
# news pages' stamps): the offset of that same zone, as a page writes it; "giờ GMT" or another
# offset ("GMT+8") still flags.
_LOCAL_TIME = re.compile(
    r"\(\s*(?:theo\s+)?gio\s+(?:dia\s+phuong|ha\s+noi|viet\s+nam)\s*\)"
    r"|\(\s*(?:gmt|utc)\s*\+\s*0?7(?::00)?\s*\)|(?<![a-z])(?:gmt|utc)\s*\+\s*0?7(?::00)?(?![\d:])"
)
_LOCAL_TIME_WORDS = ("gio dia phuong", "gio ha noi", "gio viet nam", "gmt", "utc")


def holiday_clause(cell: Cell) -> None:
    folded = cell.folded
    next_day = any(
        w in folded for w in ("ngay tiep", "ngay ke tiep", "ngay hom sau", "ngay lien sau")
    )
    for pattern in (
        (_HOLIDAY, _HOLIDAY_ANY, _HOLIDAY_NEXT_DAY) if next_day else (_HOLIDAY, _HOLIDAY_ANY)
    ):
        for match in cell.matches(pattern):
            cell.policy = "previous" if "truoc" in match.group(1) else "next"
            cell.take(match.start(), match.end())
    for match in cell.matches(_HOLIDAY_NEXT_WEEK) if "tuan" in folded else ():
        cell.policy = "next"
        if "dau tien" in match[0] and not re.search(
            r"(?<![a-z])(?:nghi|le|tet)(?![a-z])", match[0]
        ):
            # "trùng vào thứ Bảy, Chủ nhật thì … ngày làm việc đầu tiên của tuần sau": from a
            # weekend, the next week's first working day is the next working day.
            cell.take(match.start(), match.end())
            continue
        shown = cell.original(match.start(), match.end())
        cell.add(
            match,
            [],
            f"'{shown}': ngày nghỉ thì dời sang tuần sau, lịch chỉ dời sang ngày làm việc kế tiếp",
        )
    for match in cell.matches(_EXCEPT_HOLIDAYS) if "tru" in folded or "khong" in folded else ():
        cell.take(match.start(), match.end())
    for match in cell.matches(_EXCEPT_WEEKEND) if "chu nhat" in folded else ():
        if cell.free(match.start(1), match.end(1)):
            cell.take(match.start(1), match.end(1))
    for match in cell.matches(_POSTMARK) if "dau buu" in cell.folded else ():
        cell.take(match.start(), match.end())
    if any(words in cell.folded for words in _LOCAL_TIME_WORDS):
        for match in cell.matches(_LOCAL_TIME):
            cell.take(match.start(), match.end())


# "nhằm ngày 17/9/2024 dương lịch" ("falls on"), "Thời gian: Đêm 31/12/2024" (the night of that
# day, as "tối" is its evening; round seventeen): words before a day that change no date. Read
# last, and only when the day right after them was read: matched with their marks, as "Nhâm"
# (a lunar year's stem) and "đếm" (to count) fold alike and are left as they were.
# "hằng năm lấy tuần lễ từ ngày 15 - 22/5 làm …" (a week named by its days): "tuần lễ" right
# before the window that gives its days.
_DATE_LEAD = re.compile(
    r"(?<!\w)(nhằm|đêm)\s+(?:vào\s+)?(?:ngày\s+)?(?=\d{1,2}\s*[/.\-]\s*\d)"
    r"|(?<!\w)(nhằm)\s+(?:vào\s+)?(?:ngày\s+)?(?=(?:thứ|chủ\s+nhật)(?!\w))"
    r"|(?<!\w)(tuần\s+lễ)\s+(?=từ\s+(?:ngày\s+)?\d{1,2}\s*(?:-|đến)\s*(?:ngày\s+)?\d{1,2}\s*[/.\-]\s*\d)"
)


def date_leads(cell: Cell) -> None:
    if not any(word in cell.folded for word in ("nham", "dem", "tuan le")):
        return
    for match in _DATE_LEAD.finditer(cell.lowered):
        lead = next(group for group in (1, 2, 3) if match[group])
        if cell.taken[match.end()] and not cell.taken[match.start(lead)]:
            cell.take(match.start(lead), match.end(lead))


# "7 giờ 30", "7h30", "7:30", "20g" (giờ, as traffic notices write it: only before its
# minutes, a day, a part of the day or the other end of a range, never "5G" or "500g").
# A colon needs two digits of minutes that start no date, and never follows a batch's or a
# step's number ("Đợt 1: 15/5" is no 01:15), nor a date's month ("26/3: 14h00" is no 03:14).
_G_HOUR = r"g(?=\d|\s+(?:ngay|sang|chieu|toi|dem|trua|den|hang|moi|va|\d)|\s*(?:-|,|;|\)|$))"
_CLOCK = (
    rf"(?<!\d)(?<![/.])(?<!dot\s)(?<!lan\s)(?<!buoc\s)(?<!doan\s)(\d{{1,2}})"
    rf"(?:\s*(?:gio\b|h(?![a-z])|:(?=\s?\d{{2}}(?!\s*[/.\-]\s*\d)))|{_G_HOUR})"
    # Minutes are no count: "17h 7 ngày trước ngày …" (hmeta3) is 17h and a count of days.
    r"\s*(?:(\d{1,2})(?!\d)(?!\s*(?:ngay\s+(?:truoc|sau|ke|tinh|lam)|tuan|lan)(?![a-z]))\s*(?:phut\b|')?)?"
    # "11:30:00 ngày 21/10/2025" (round nineteen, a power cut's notice): seconds of zero after
    # the minutes change nothing; other seconds are left to flag.
    r"(?::00(?![\d/.:]))?"
)


_TIME_RANGE = re.compile(rf"tu\s+{_CLOCK}\s*(?:den|-)\s*{_CLOCK}")
# "7h30-11h30 ngày 15/4", "7g - 11g" (probed, hprobe3; flagged before as two hours for one
# day): two hours, each with its mark, joined by a dash are a span as "từ … đến" is.
_TIME_DASH_RANGE = re.compile(rf"(?<![\d:/.\-]){_CLOCK}\s*-\s*{_CLOCK}(?![\d/.:])")


# "Vào hồi 15 giờ 45 phút ngày 13/5" (round twenty-nine): "hồi", the written word for "at"
# before an hour, as "lúc" is (left unread before, flagged).
_TIME_ONE = re.compile(
    rf"(?:(?:(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+)?(?:truoc|luc|vao(?:\s+hoi)?|hoi|den|toi|han)\s+|(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+)?{_CLOCK}(?![/.\d])"
)


# Words that make a count of hours a duration ("trong 2 giờ"), unless a day follows the
# hour ("không quá 17 giờ ngày 20": a bound).
_DURATION_LEAD = re.compile(
    r"(?<![a-z])(?:trong(?:\s+vong|\s+thoi\s+(?:gian|han))?|khong\s+(?:duoc\s+)?qua|toi\s+da|khoang|keo\s+dai"
    r"|it\s+nhat|mat|sau)\s*$"
)
_COUNTED_FROM = re.compile(r"\s*,?\s*(?:ke\s+tu|tinh\s+tu|sau\s+khi)(?![a-z])")
# "Khoảng 18h tối, ngày 5/12" (the tune part's misses, hmiss): a comma may part the part of
# the day from the day, as it may part the hour from it. "khoảng 22 giờ tối qua, ngày 31/5"
# (hmiss2): the part of the day may be told from the day of writing ("qua", "nay", "mai": last,
# this, tomorrow), as "lúc 22h tối qua, ngày 31/5" reads; the day written after is sure.
# "khoảng 23 giờ đêm hôm qua, ngày 4/6", "khoảng 11 giờ trưa nay, ngày 2/10", "khoảng 3 giờ sáng
# nay (20/4)" (round sixty-three, hfirst63): the night and noon as the other parts, "hôm qua",
# "hôm nay" as "qua", "nay", and the day in brackets after them as after a comma.
_DAY_AFTER = re.compile(
    r"\s*,?\s*(?:(?:sang|trua|chieu|toi|dem)(?:\s+(?:(?:hom\s+)?(?:qua|nay)|mai))?(?:\s*[,(]\s*|\s+))?"
    r"(?:ngay|thu\s|chu\s+nhat|\d{1,2}\s*[/.\-])"
)


def _clock(hour: str, minute: str | None) -> time | None:
    h, m = int(hour), int(minute or 0)
    return time(h, m) if h < 24 and m < 60 else None


# "đến 24 giờ 00’ ngày 20/1/2026", "kết thúc lúc 24h00 ngày 28/01/2024" (round twenty-nine,
# the water release calendars): the twenty-fourth hour of a day is the end of that day, due
# on the day itself with no hour (read before as an hour no clock has, the window flagged as
# two deadlines not joined).
def _day_end(hour: str, minute: str | None) -> bool:
    return int(hour) == 24 and int(minute or 0) == 0


def _in_year_of(start: date, due: date) -> date:
    """A window's start written without its year ("từ 0 giờ ngày 16/1 đến 24 giờ ngày
    20/1/2026") takes the year its end names, where the start falls on or before the end in
    that year (round twenty-nine: the start was put in the plan's year before)."""
    if start.year == due.year:
        return start
    try:
        moved = start.replace(year=due.year)
    except ValueError:
        return start
    return moved if moved <= due else start


# "1 giờ chiều", "8 giờ tối", "9 giờ đêm": an hour told on the twelve-hour clock, its part of
# the day after it (read from the written word: "tới" and "sang" fold as "tối" and "sáng"
# do). The hours each part holds; an hour its part cannot hold ("14 giờ sáng", "2 giờ tối")
# is a slip to flag, never a guess.
_PART_AFTER = re.compile(r"\s*(?:buoi\s+)?(sang|trua|chieu|toi|dem)(?![a-z])")
_PARTS = {"sáng": "sang", "trưa": "trua", "chiều": "chieu", "tối": "toi", "đêm": "dem"}
_PART_HOURS = {  # part: (hours as written, hours written on the twelve-hour clock)
    "sang": (range(12), range(0)),
    "trua": (range(10, 14), range(1, 3)),
    "chieu": (range(12, 19), range(1, 8)),
    "toi": (range(18, 24), range(5, 12)),
    "dem": (range(20, 24), range(8, 12)),
}


def _part_of_day(cell: Cell, end: int) -> tuple[str, int] | None:
    """The part of the day written right after position ``end`` and where it ends."""
    found = _PART_AFTER.match(cell.folded, end)
    if not found:
        return None
    part = _PARTS.get(cell.text[found.start(1) : found.end(1)].lower())
    return (part, found.end()) if part else None


def _in_part(moment: time, part: str) -> time | None:
    """``moment`` in the part of the day written after it, or None when it cannot fall there
    ("14 giờ sáng"). Past midnight ("2 giờ đêm") is as written."""
    as_written, twelve = _PART_HOURS[part]
    if moment.hour in as_written or (part == "dem" and moment.hour < 5):
        return moment
    if moment.hour in twelve:
        return moment.replace(hour=moment.hour + 12)
    return None


# "Từ ngày 16/7 đến 17 giờ ngày 28/7", "bắt đầu từ 7 giờ 30 phút ngày 1-4-2019 và kết thúc
# chậm nhất vào ngày 25-4-2019": a window whose end has its own time (the start's time, if
# any, is only when the work may begin).
# "Khai mạc lúc 18 giờ 00, ngày 28/10/2017 và kết thúc vào 17 giờ 00, ngày 03/11/2017",
# "… và kết thúc lúc 21 giờ ngày 5/11" (round nineteen: "lúc" after the close was left out,
# and the opening and the close read as two deadlines, without a flag),
# "08 giờ 00, ngày 30/10/2017 và kéo dài đến hết ngày 03/11/2017": an opening and a close.
# "từ 22 giờ tối nay 12/7 đến 5 giờ sáng mai 13/7", "từ 22 giờ đêm 10/9 đến 4 giờ sáng 11/9":
# after an hour, the part of the day it falls in, and "nay" or "mai" (today, tomorrow), which
# the date after them names; "mai" is checked (the day after the start), never guessed.
_PART_OF_THE_DAY = r"(?:(?:sang|trua|chieu|toi|dem)(?:\s+(nay|mai))?\s+)?"
# "Bắt đầu thực hiện từ 15/3, và kết thúc lúc 17h ngày 30/6" (probed, hprobe27): the work's
# words (up to three, none a timing word, a doubt or a choice) after "bắt đầu".
_WORK_WORDS = (
    r"(?:(?!(?:tu|den|toi|ngay|thang|nam|quy|tuan|truoc|sau|thu|chu|tai|luc|vao|khong|hoac|du|co"
    r"|sang|trua|chieu|dem)\s)[a-z]+\s+){0,3}"
)
# "bắt đầu từ sáng ngày 2/3 và kết thúc vào lúc 17 giờ ngày 9/3" (round twenty-eight, a fair's
# days): the part of the day after "từ" before a date, and "vào lúc" before the close's hour
# (read before as a start beside a timed day, flagged).
_START = (
    rf"(?:(?:(?:bat\s+dau\s+{_WORK_WORDS})?tu\s+(?:(?:sang|trua|chieu|toi|dem)\s+(?=(?:ngay\s+)?\d))?|khai\s+mac\s*:?\s*(?:(?:luc|vao)\s+)?"
    rf"|bat\s+dau\s*:?\s*{_WORK_WORDS}(?:(?:vao\s+)?luc\s+|vao\s+)?(?=(?:ngay\s+)?\d))?"
    rf"(?:{_CLOCK}\s*,?\s*{_PART_OF_THE_DAY})?(?:ngay\s+)?{ANY_DATE})"
)
# "… đến trước 16 giờ ngày 17/6" (round twenty-six): "trước" after "đến" is the end's own
# bound, as "chậm nhất" is (read before as two deadlines not joined, flagged).
# "từ 18h ngày 31/12/2025 đến rạng sáng 1/1/2026" (round thirty-three): a part of the day with
# no hour before the end's date; the end is that day, with no hour (read before as two
# deadlines not joined, flagged).
# "bắt đầu 8h ngày 3/3, kết thúc 17h ngày 5/3", "Bắt đầu 8h ngày 3/3 và hoàn thành trước 30/6"
# (probed, hprobe27): "bắt đầu" (with "lúc", "vào lúc") right before the start's hour, a
# semicolon before the close, and the close said with "hoàn thành", "hoàn tất", "xong" or
# "chậm nhất đến" ("bắt đầu" was left unread, or the start's hour spread to the close, flagged).
_CLOSES = (
    r"(?:phai\s+)?(?:hoan\s+(?:thanh|tat)|xong|(?:cham|muon|tre)\s+nhat\s+(?:la\s+)?(?:den|toi))"
)
# "bắt đầu" and the work's words, taken whole (atomic), not followed by "từ".
_BEGUN_WITHOUT_FROM = re.compile(rf"(?>bat\s+dau\s*:?\s*{_WORK_WORDS})(?!tu\s)")
_CLOSED_AFTER_BEGUN = re.compile(rf"(?<![a-z])(?:ket\s+thuc|be\s+mac|{_CLOSES})(?![a-z])")
_DAWN_BEFORE_END = r"(?:rang\s+sang|sang|trua|chieu|toi|dem)\s+(?=(?:ngay\s+)?\d)"
_RANGE_TIMED = re.compile(
    rf"{_START}\s*[,;]?\s*(?:den|toi|-|(?:va\s+)?(?:(?:trung\s+bay\s+)?keo\s+dai\s+(?:den|toi)|ket\s+thuc|be\s+mac|{_CLOSES}))"
    rf"\s+(?:(?:cham|muon|tre)\s+nhat\s+|truoc\s+)?(?:(?:la|vao)\s+)?(?:luc\s+)?(?:het\s+)?(?:{_CLOCK}\s*,?\s*{_PART_OF_THE_DAY}|{_DAWN_BEFORE_END})?(?:ngay\s+)?{ANY_DATE}"
)


# "từ 19/6 - 16h30 ngày 15/11/2014": a day, a dash, then the end's hour and day (a date
# before a dash is read as a date only when no hour follows it, hence a pattern of its own).
_RANGE_DASH_TO_TIME = re.compile(
    r"(?:(?:bat\s+dau\s+)?tu\s+)(?:ngay\s+)?(?<!\d)(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?"
    rf"\s*-\s*{_CLOCK}\s*,?\s*(?:ngay\s+)?{ANY_DATE}"
)


_CLOCK_ALONE = re.compile(_CLOCK)
_SOME_CLOCK = re.compile(rf"\d\s*(?:gio\b|h(?![a-z])|:\s*\d)|\d{_G_HOUR}")


# "từ 19 giờ ngày 7/2/2026 (tức 20 tháng Chạp) đến 21 giờ ngày 9/2/2026 (tức 22 tháng
# Chạp)": a lunar aside after the start, checked against its solar day (and taken) by
# ``lunar_dates``, is passed over by a window with hours, as it is by one without (round
# nineteen: the window was read as two timed days before, flagged). An aside not checked
# stays in the way.
_BRACKETED = re.compile(r"\([^()]{1,80}\)")
_LUNAR_MARK = re.compile(r"(?<![a-z])(?:tuc|nham|trung|am\s+lich|al)(?![a-z])")


def _over_lunar_asides(cell: Cell, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    asides = [
        b
        for b in _BRACKETED.finditer(cell.folded)
        if all(cell.taken[b.start() + 1 : b.end() - 1]) and _LUNAR_MARK.search(b.group(0))
    ]
    if not asides:
        yield from cell.matches(pattern)
        return
    blanked = list(cell.folded)
    for aside in asides:
        blanked[aside.start() : aside.end()] = " " * (aside.end() - aside.start())
    text = "".join(blanked)
    for match in pattern.finditer(text):
        if all(
            not cell.taken[i] or any(a.start() <= i < a.end() for a in asides)
            for i in range(match.start(), match.end())
        ):
            yield match


def _timed_ranges(cell: Cell) -> None:
    if not _SOME_CLOCK.search(cell.folded):
        return  # every window read here has a time; the plain date ranges read the rest
    for match in _over_lunar_asides(cell, _RANGE_TIMED):
        if _BEGUN_WITHOUT_FROM.match(match.group(0)) and not _CLOSED_AFTER_BEGUN.search(
            match.group(0)
        ):
            continue  # "bắt đầu lúc 8 giờ ngày 5/3 đến 17 giờ ngày 7/3": left to flag, as before
        groups = match.groups()
        start_day, end_day = groups[2], groups[11]  # "nay"/"mai" after each hour, if any
        groups = groups[:2] + groups[3:11] + groups[12:]
        start = date_from(groups[2:8], cell)
        end_groups = groups[10:16]
        if start is not None and not (end_groups[2] or end_groups[5]):
            end_groups = (*end_groups[:2], str(start.year), *end_groups[3:5], str(start.year))
        due = date_from(end_groups, cell)
        if start is not None and due is not None and not (groups[4] or groups[7]):
            start = _in_year_of(start, due)
        if start is None or due is None or due < start:
            continue
        if start_day == "mai" or (end_day == "mai" and (due - start).days != 1):
            continue  # "tomorrow" that is not the day after the start: left to flag
        moment = _clock(groups[8], groups[9]) if groups[8] else None
        if groups[8] and moment is None and _day_end(groups[8], groups[9]):
            groups = (*groups[:8], None, None, *groups[10:])  # "đến 24 giờ ngày 4/2": that day
        if groups[8] and moment is None:
            continue
        clock = _CLOCK_ALONE.match(cell.folded, match.start(10)) if moment else None
        part = _part_of_day(cell, clock.end()) if clock else None
        if moment and part:
            moment = _in_part(moment, part[0])
            if moment is None:
                continue  # an hour its part of the day cannot hold: left to flag
        if not groups[8] and not groups[0]:
            continue  # no time at all: the plain date ranges read it
        rule = deadline(due, start)
        if moment is not None:
            rule = replace(rule, due_time=moment)
        opened = _clock(groups[0], groups[1]) if groups[0] else None
        if two_milestones(match.group(0), start, due, cell.folded[: match.start()]) and (
            opened or not groups[0]
        ):
            # An opening and a close, at their hours: two days (``cell``).
            first = deadline(start)
            cell.add(
                match,
                [
                    replace(first, due_time=opened) if opened else first,
                    deadline(due) if moment is None else replace(deadline(due), due_time=moment),
                ],
            )
            continue
        cell.add(match, [rule])
    for match in cell.matches(_RANGE_DASH_TO_TIME) if "-" in cell.folded else ():
        groups = match.groups()
        due = date_from(groups[5:11], cell)
        moment = _clock(groups[3], groups[4])
        if due is None or moment is None:
            continue
        try:
            start = date(int(groups[2] or due.year), int(groups[1]), int(groups[0]))
        except ValueError:
            continue
        if start <= due:
            cell.add(match, [replace(deadline(due, start), due_time=moment)])


# "Sáng sớm 2/9": early in a part of the day, before the day it names; "cuối chiều ngày
# 28/9", "đầu giờ sáng 3/5", "cuối buổi chiều 28/9": late or early in it. "buổi sáng từ 7h
# đến 11h": the part of the day its hours fall in.
_EARLY = re.compile(
    r"(?:(?:sang|chieu|toi|dem)\s+som|(?:cuoi|dau)\s+(?:buoi\s+|gio\s+)?(?:sang|chieu|toi))"
    r"(?=\s*,?\s+(?:ngay\s+)?\d)"
)
_PART_OF_DAY = re.compile(
    r"buoi\s+(?:sang|chieu|trua|toi)\s*:?\s*(?=(?:tu\s+)?\d{1,2}\s*(?:gio\b|h(?![a-z])|g(?![a-z])|:))"
    # "vào buổi sáng ngày 01 của tháng": the part of the day before the day it falls on.
    r"|buoi\s+(?:sang|chieu|trua|toi)\s*,?\s+(?=ngay\s+\d)"
)


# "từ 23h đến 4h sáng", "từ 22 giờ đến 5 giờ sáng hôm sau", "trong khung 22h-4h sáng hôm sau",
# "(từ 21 giờ đêm đến 5 giờ sáng hàng ngày)" (round thirty-three, night works and closures):
# hours of the evening to hours of the morning, with no day of their own, are a night's window
# of hours. Read before as two hours for whatever day stood near (the window's end due at the
# morning's hour, flagged as two hours for one deadline). Alone they name no day: flagged.
# Beside a dated window of days they are its nightly hours (see the reader), as opening hours
# beside one are.
_NIGHT_HOURS = re.compile(
    r"(?:(?:hang|moi|vao\s+ban|ban)\s+dem\s*,?\s*)?(?:(?:trong\s+)?khung(?:\s+gio)?\s+)?(?:tu\s+)?"
    rf"{_CLOCK}(?:\s+(?:dem|toi))?\s*(?:den|-|\u2013)\s*{_CLOCK}"
    r"(?:\s*(?:rang\s+)?sang)?(?:\s*(?:cua\s+)?(?:ngay\s+)?hom\s+sau)?"
    r"(?:\s*,?\s*(?:hang|moi)\s+(?:ngay|dem))?"
    r"(?![\s,]*(?:(?:rang\s+)?sang|chieu|toi|trua|dem|hom|ngay|\d))"
)
NIGHT_HOURS_NOTE = "giờ qua đêm, không nêu ngày nào"


def _night_hours(cell: Cell) -> None:
    for match in cell.matches(_NIGHT_HOURS):
        start, end = _clock(match[1], match[2]), _clock(match[3], match[4])
        if start is None or end is None or start.hour < 18 or end.hour > 8:
            continue
        if not re.search(r"(?:^|\s)(?:tu|khung)\s", cell.folded[match.start() : match.start(1)]):
            continue  # "22h-4h" alone: left to the readings of hours
        cell.add(match, [], NIGHT_HOURS_NOTE)


# "(sớm hơn 5h30 so với thông báo trước)", "(sớm hơn 5 giờ 30 phút theo thông báo trước đó)"
# (round thirty-three, a closure moved earlier): how much earlier than an earlier notice, in
# brackets beside the window; a length of time, no hour (read before as the window due at
# 05:30, flagged).
_SHIFTED_BY = re.compile(
    r"\(\s*(?:som|muon|tre|cham)\s+hon\s+\d{1,2}\s*(?:gio|h|tieng|phut|ngay)(?![a-z])"
    r"(?:\s*\d{1,2}\s*(?:phut(?![a-z]))?)?\s*(?:(?:so\s+voi|theo)\s+(?![^()]*\b(?:neu|tru|hoac)\b)[^()]*)?\)"
)


# "trong khoảng thời gian 1 giờ ngày 23/3", "trong thời gian 2 tiếng, ngày 5/6", "kéo dài 3
# giờ vào ngày 9/9" (round sixty-two, hfirst62): a length of time on a day says how long the
# thing lasts on it; the day is due, with no hour. Read before as the count taken for the hour
# (01:00), unflagged after a bare "trong" or "trong thời gian". Only after "trong (vòng |
# (khoảng) thời gian)" or "kéo dài", and only right before the day: "khoảng 1 giờ ngày 23/3"
# (about one o'clock), "không quá 17 giờ ngày 5/3" (a latest hour) and "trong 1 giờ kể từ 8
# giờ ngày 23/3" (counted from an hour) are not this.
_LENGTH_ON_A_DAY = re.compile(
    r"(?<![a-z])(?:trong(?:\s+vong|\s+(?:khoang\s+)?thoi\s+gian)?|keo\s+dai(?:\s+trong)?)\s+"
    r"\d{1,2}\s*(?:gio|tieng)(?:\s+dong\s+ho)?(?:\s*\d{1,2}\s*phut)?(?![a-z])"
    r"(?=\s*,?\s*(?:vao\s+)?(?:ngay\s+\d|\d{1,2}\s*[/.\-]\s*\d))"
)


def times(cell: Cell) -> None:
    for pattern in (_EARLY, _PART_OF_DAY, _SHIFTED_BY, _LENGTH_ON_A_DAY):
        for match in cell.matches(pattern):
            cell.take(match.start(), match.end())
    _timed_ranges(cell)
    _night_hours(cell)
    ranges = cell.matches(_TIME_RANGE)
    if "-" in cell.folded:
        ranges = itertools.chain(ranges, cell.matches(_TIME_DASH_RANGE))
    for match in ranges:
        start, end = _clock(match[1], match[2]), _clock(match[3], match[4])
        if start and end is None and _day_end(match[3], match[4]):
            # "Ngày 29/9: Từ 15h00 đến 24h00" (round thirty-three): to the end of the day,
            # as "đến 24 giờ ngày 4/2" is; the day is due with no hour (left unread before).
            cell.take(match.start(), match.end())
            continue
        part = _part_of_day(cell, match.end()) if start and end else None
        if start and end and part:
            # "từ 1 giờ đến 3 giờ chiều": the part after the end holds both hours.
            later = _in_part(end, part[0])
            if later is None:
                shown = cell.original(match.start(), part[1])
                cell.add(match, [], f"'{shown}': giờ không khớp với buổi trong ngày")
                continue
            if later != end and start.hour + 12 <= later.hour:
                start = start.replace(hour=start.hour + 12)
            end = later
        if start and end and start <= end:
            cell.times.append((match.start(), match.end(), start, end))
            cell.take(match.start(), match.end())
    for match in cell.matches(_TIME_ONE):
        if not re.search(r"gio|\dh|\d\s+h|:|\dg", match.group(0)):
            continue
        lead = _DURATION_LEAD.search(cell.folded, max(0, match.start() - 30), match.start())
        if not lead and _COUNTED_FROM.match(cell.folded, match.end()):
            # "16 giờ kể từ khi tiếp nhận hồ sơ" (probed, hprobe7): hours counted from an
            # event, with no lead before them; read before as 16:00 on the event's day.
            shown = cell.original(match.start(), match.end())
            cell.add(
                match, [], f"'{shown}' tính từ một sự kiện là một khoảng thời gian, cần xem lại"
            )
            continue
        if lead and not _DAY_AFTER.match(cell.folded, match.end()):
            # "trong 2 giờ", "không quá 24 giờ": how long, not at what hour.
            shown = cell.original(lead.start(), match.end())
            cell.add(match, [], f"'{shown}' là một khoảng thời gian, không phải giờ hạn")
            continue
        moment = _clock(match[1], match[2])
        if (
            moment is None
            and _day_end(match[1], match[2])
            and _DAY_AFTER.match(cell.folded, match.end())
        ):
            cell.take(match.start(), match.end())  # the end of the day that follows: no hour
            continue
        part = _part_of_day(cell, match.end()) if moment else None
        reach = match.end()
        if moment and part:
            moment = _in_part(moment, part[0])
            if moment is None:
                shown = cell.original(match.start(), part[1])
                cell.add(match, [], f"'{shown}': giờ không khớp với buổi trong ngày")
                continue
            if part[0] in ("dem", "trua"):
                # Read with its hour; "tối", "chiều", "sáng" are left to the readings that
                # take them (a day after "tối" is read as after "tới").
                reach = part[1]
        if moment:
            cell.times.append((match.start(), reach, None, moment))
            cell.take(match.start(), reach)


_ASSIGNEE = re.compile(rf"(?:truoc|cham nhat|han)(?:\s+ngay)?\s+{ANY_DATE}\s*\(([^()]*)\)")


def per_assignee(cell: Cell) -> None:
    """ "- Trước ngày 10/3/2023 (UBND xã,) - Trước ngày 15/3/2023 (Công chức phụ trách)":
    one deadline per named assignee, when a cell gives two or more."""
    matches = [m for m in cell.matches(_ASSIGNEE) if not re.search(r"\d", m.group(7))]
    if len(matches) < 2:
        return
    for match in matches:
        due = date_from(match.groups()[:6], cell)
        name = cell.original(match.start(7), match.end(7))
        if due is None or not name:
            continue
        cell.add(match, [deadline(due, assignee=name)])


_ON_DEMAND = rx(
    r"(?:theo_yeu_cau|khi_(?:co|duoc|nhan_duoc)_yeu_cau|dot_xuat|theo_de_nghi|khi_can_thiet"
    r"|khi_co_van_ban_yeu_cau|(?:khi|neu)_(?:co_)?phat_sinh)"
)


# "Khi có dấu hiệu vi phạm …": on demand, the sign being the event, in its own words.
_SIGN = re.compile(r"(?:khi|neu)\s+(?:co|phat\s+hien)\s+(dau\s+hieu[^;.()]*)")


# "khi xảy ra dông, lốc, sóng biển cao" (round twenty-nine, a storm season's warnings): a
# hazard's happening, with no count from it, is on demand as a sign is (read before as the
# event's own day, +0). Counted from ("3 ngày sau khi xảy ra sự cố", "kể từ khi xảy ra …"),
# it is left to the counts, as before.
_HAPPENING = re.compile(r"(?<![a-z])(?<!sau\s)(?<!tu\s)(?:khi|neu)\s+xay\s+ra\s+([^;.()]+)")


def on_demand(cell: Cell) -> None:
    for match in cell.matches(_SIGN):
        words = cell.original(match.start(1), match.end(1))
        label = "Khi có " + words
        cell.add(match, [Rule(kind="on_demand", event=GENERIC_EVENT, label=label)])
    if "xay ra" in cell.folded and not re.search(r"\d", cell.folded):
        for match in cell.matches(_HAPPENING):
            label = "Khi xảy ra " + cell.original(match.start(1), match.end(1))
            cell.add(match, [Rule(kind="on_demand", event=GENERIC_EVENT, label=label)])
    for match in cell.matches(_ON_DEMAND):
        cell.add(match, [Rule(kind="on_demand", event="yeu_cau")])


# A bare "khi <event>": "khi" with no "sau", "ngay", "kể từ", "từ", "đến", "trước" before it.
_BARE_WHEN = re.compile(r"khi\s+(?:co\s+|duoc\s+)?(?=[a-z])")
_NOT_BARE_BEFORE = re.compile(r"(?<![a-z])(?:sau|ngay|tu|den|toi|truoc|trong|cho|moi|tinh|ke)\s*$")


def bare_when_on_demand(cell: Cell, final: list[Rule]) -> list[Rule]:
    """ "khi kết thúc thực hiện phong tỏa", "Khi hoàn thành công trình", "khi có quyết định"
    (first sight of round sixty-one, hfirst6061): a bare "khi <event>", no count, no "sau",
    "ngay" or "kể từ", the cell's one reading, is work done when the event happens, on demand,
    as "khi xảy ra …" and "khi có dấu hiệu …" are (the corpus labels all three
    ``ond:su_kien``); read before as a deadline on the event's own day (``rel:…:+0c``), which
    the words do not say. Only an event of no kind of its own, or an end ("kết thúc", "bế
    mạc": the end kind is kept for counts from a close); the kinds a plan records once for
    many tasks (guidance from above, a training, a staff change, a text or a file received,
    an approval) keep the event's day of that kind, as the seed plans have them. Not beside
    another reading (a cadence and a condition still flag as before)."""
    if len(final) != 1:
        return final
    rule = final[0]
    if (
        rule.kind != "relative"
        or rule.offset
        or rule.start_offset is not None
        or rule.event not in (GENERIC_EVENT, "ket_thuc")
    ):
        return final
    spans = [f for f in cell.found if f.rules]
    if len(spans) != 1:
        return final
    found = spans[0]
    if (
        found.note
        or not _BARE_WHEN.match(cell.folded, found.start)
        or _NOT_BARE_BEFORE.search(cell.folded, 0, found.start)
    ):
        return final
    words = cell.original(found.start, found.end)
    label = words[:1].upper() + words[1:]
    return [Rule(kind="on_demand", key=rule.key, event=GENERIC_EVENT, label=label)]


# An event's words, to a clause's end; a dot inside them only before a digit or inside an
# abbreviation ("T.Ư", "TP.HCM", "GD.ĐT": a dot between letters, the word before it short).
_EVENT_TAIL = r"((?:[^;.()]|\.(?=\d)|(?<![a-z][a-z][a-z][a-z])(?<=[a-z])\.(?=[a-z]))*)"


_WINDOW = re.compile(
    r"sau\s+(?:tu\s+)?(\d{1,3})\s*(?:den|-|toi)\s*(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*"
    rf"(?:ke\s+tu|tinh\s+tu|tu)?\s*(?:khi|ngay)?\s*{_EVENT_TAIL}"
)


# "ít nhất là 30 ngày kể từ …", "tối thiểu sau 10 ngày …", "sớm nhất sau 10 ngày …", "sau ít
# nhất 07 ngày …", "không sớm hơn 10 ngày …" (hcount): a floor before a count forward from an
# event, read as part of the count so that the count, not an unread word, says why it flags
# (``_EARLIEST``): the day it gives is the earliest the work may be done, no deadline.
_FLOOR_LEAD = (
    r"(?:(?:sau\s+)?(?:it\s+nhat|toi\s+thieu|som\s+nhat|khong\s+(?:(?:som|it)\s+hon|duoi))"
    r"(?:\s+la)?\s+)?"
)


_WITHIN = re.compile(
    _FLOOR_LEAD
    + r"(?:(?:trong|trong\s+vong|trong\s+thoi\s+han|trong\s+thoi\s+gian|khong\s+(?:duoc\s+)?qua|khong\s+(?:muon|tre|cham)\s+hon|(?:cham|muon|tre)\s+nhat"
    # "trong khoảng thời gian 5 ngày, kể từ ngày ký" (round thirty-one): "within the span of".
    r"|trong\s+khoang\s+thoi\s+gian|sau|thoi\s+han)(?:\s+(?:la|toi\s+da|khong\s+qua))?\s+)?"
    # "khoảng 7 ngày làm việc kể từ …": an approximate count is the count.
    r"(?:khoang\s+)?(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*,?\s*"
    rf"(?:ke\s+tu\s+khi|ke\s+tu|tinh\s+tu|sau\s+khi|sau|tu)\s*(?:khi|ngay)?\s*{_EVENT_TAIL}"
)


# "sau khoảng 30 ngày kể từ …": "after about", an estimate of when (round twenty-one).
_ABOUT_AFTER = re.compile(r"sau\s+khoang\s+\d")
# "Sau 15 ngày kể từ lần thông báo cước phí đầu tiên, … có quyền ngừng cấp điện", "sau 5
# tuần kể từ khi có thông báo" (round twenty-four): a bare "sau" (no "chậm nhất", "trong",
# "không quá" before it) counted from a notice to the one who owes is a grace period, the
# first day a thing may be done (a cut-off), or a due day: which, the phrase does not say.
_GRACE_AFTER_NOTICE = re.compile(r"sau\s+\d")
_A_NOTICE = re.compile(
    r"\s*(?:(?:lan|khi|co|khi\s+co)\s+)?(?:(?:ngay|lan)\s+)?thong\s+bao(?![a-z])"
)
_A_CAP_BEFORE = re.compile(r"(?:(?:cham|muon|tre)\s+nhat|trong|khong\s+qua|toi\s+da|han)\s*$")


# A floor on a count forward from an event (hcount): "ít nhất", "tối thiểu", "sớm nhất",
# "không sớm (ít, dưới) hơn" before the count, or after the event before the count ("sau khi
# kết thúc ít nhất 10 ngày"). The day is the earliest allowed, not a deadline: it flags.
# Before a count back from an event ("ít nhất 10 ngày trước ngày bầu cử") a floor is a
# deadline, and reads as before.
_EARLIEST = re.compile(
    r"(?<![a-z])(?:it\s+nhat|toi\s+thieu|som\s+nhat|khong\s+(?:(?:som|it)\s+hon|duoi))(?![a-z])"
)
_CLAUSE_BREAK = re.compile(r"[;.:()\n]")


def _earliest(cell: Cell, match: re.Match[str], event_group: int, offset: int) -> str:
    if offset <= 0:
        return ""
    begin = match.start()
    breaks = list(_CLAUSE_BREAK.finditer(cell.folded, 0, begin))
    lead_from = max(breaks[-1].end() if breaks else 0, begin - 30)
    lead = cell.folded[lead_from : match.start(event_group)]
    after = cell.folded[match.end(event_group) : match.end()]
    if not (_EARLIEST.search(lead) or _EARLIEST.search(after)):
        return ""
    shown = cell.original(lead_from, match.end()).strip(" ,")
    return f"'{shown}': ngày sớm nhất được làm, không phải thời hạn, cần xem lại"


# "Kiểm tra an toàn thực phẩm sau 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", "UBND xã niêm
# yết sau 3 ngày kể từ …" (hcount): a bare "sau N ngày" (no "chậm nhất", "trong", "không quá",
# "tối đa" or "hạn" before it) after the task's own words in its clause says when the work
# is done after the event: on that day, by it, or any day from it on (the earliest)? Alone,
# at its clause's start ("Sau 10 ngày kể từ ngày ký"), it keeps the house reading, due on the
# event's day plus N (rounds twenty-four, thirty-one and the labels' "house reading").
_BARE_AFTER = re.compile(r"sau\s+(?:(?:khoang|tu)\s+)?\d")
_WORDS_BEFORE = re.compile(r"[a-z]")


def _after_a_task(cell: Cell, match: re.Match[str]) -> str:
    begin = match.start()
    if not _BARE_AFTER.match(cell.folded, begin):
        return ""
    breaks = list(_CLAUSE_BREAK.finditer(cell.folded, 0, begin))
    clause = cell.folded[breaks[-1].end() if breaks else 0 : begin]
    if not _WORDS_BEFORE.search(clause) or _A_CAP_BEFORE.search(clause):
        return ""
    shown = cell.original(begin, match.end())
    return (
        f"'{shown}' sau lời của việc: làm đúng ngày đó, trước ngày đó "
        "hay từ ngày đó trở đi (ngày sớm nhất)? cần xem lại"
    )


# "10 ngày (kể từ ngày nhận được quyết định)", "trong thời hạn 10 ngày làm việc (kể từ ngày
# đăng tin)": the count, then what it runs from in brackets, as its own clause is read.
_WITHIN_BRACKETED = re.compile(
    r"(?:(?:trong|trong\s+vong|trong\s+thoi\s+han|trong\s+thoi\s+gian|khong\s+(?:duoc\s+)?qua|khong\s+(?:muon|tre|cham)\s+hon|(?:cham|muon|tre)\s+nhat"
    r"|thoi\s+han)(?:\s+(?:la|toi\s+da|khong\s+qua))?\s+)?"
    r"(?<![\d/.,])(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*\(\s*"
    rf"(?:ke\s+tu\s+khi|ke\s+tu|tinh\s+tu)\s*(?:khi|ngay)?\s*{_EVENT_TAIL}\)"
)


# "trong vòng 2 tuần kể từ ngày nhận hồ sơ" (probed, hprobe3): a count in weeks from an
# event is offered as seven calendar days a week, flagged. Not in months (their days vary).
_WITHIN_WEEKS = re.compile(
    r"(?:(?:trong|trong\s+vong|trong\s+thoi\s+han|khong\s+(?:duoc\s+)?qua|khong\s+(?:muon|tre|cham)\s+hon|(?:cham|muon|tre)\s+nhat"
    r"|sau|thoi\s+han)(?:\s+(?:la|toi\s+da|khong\s+qua))?\s+)?"
    r"(?<![\d/.,])(\d{1,2})\s+tuan(?:\s+le)?\s*,?\s*"
    rf"(?:ke\s+tu\s+khi|ke\s+tu|tinh\s+tu|sau\s+khi)\s*(?:khi|ngay)?\s*{_EVENT_TAIL}"
)


# "Trong ngày làm việc nhận được hồ sơ hợp lệ", "trong ngày nhận đủ hồ sơ": on the day of a
# known event itself (no count: the same day).
_SAME_DAY_AS = re.compile(
    r"(?<![a-z])trong\s+(?:cung\s+)?ngay(\s+lam\s+viec)?\s+(?:ke\s+tu\s+khi\s+|khi\s+)?"
    rf"(?=[a-z]){_EVENT_TAIL}"
)


_NEXT_DAY = re.compile(r"(?:tiep\s+theo|ke\s+tiep|lien\s+sau|hom\s+sau|sau\s+do)(?![a-z])")


# "ngay trong ngày khám": right on the day of the event named, whatever it is ("ngay" says
# the same day; alone, "ngay trong ngày" is continuous work, read by ``continuous``).
_RIGHT_ON_THE_DAY = re.compile(
    r"(?<![a-z])ngay\s+trong\s+(?:cung\s+)?ngay(\s+lam\s+viec)?\s+(?!hoac|va|hay|lam\s+viec)"
    r"(?=[a-z])([^;.()\d]*?)\s*[.;]?\s*$"
)


# "khi giấy phép còn hiệu lực ít nhất là 45 ngày": N days before a thing's term runs out.
_STILL_VALID = re.compile(
    r"(?<![a-z])(?:truoc\s+)?khi\s+([^;.()\d]+?)\s+con\s+(?:hieu\s+luc|han(?:\s+su\s+dung)?|thoi\s+han)"
    r"\s+(?:(?:it\s+nhat|toi\s+thieu)\s+)?(?:la\s+)?(\d{1,3})\s+ngay(\s+lam\s+viec)?(?![a-z])"
)


# A count's "event" that is a date ("ngày 9-6 đến …", "ngày 10/6", "ngày 10 và 11/6", "ngày
# 10, 11 tháng 6"): the count of a dated window or of days listed, not a count from an event.
# "ngày 22 đến hết ngày 23 tháng 5" (round forty): the window's end may say "hết".
_STARTS_WITH_DATE = re.compile(
    r"\s*(?:ngay\s+)?\d{1,2}(?:\s*[/.\-]\s*\d{1,2}|\s*(?:den|-|toi|va|,)\s*(?:het\s+)?(?:ngay\s+)?\d"
    r"|\s+thang\s+\d)"
)


_COUNT_THEN_DATES = re.compile(r"\s*,?\s*(?:bat\s+dau\s+)?(?:tu\s+)?(?:ngay\s+)?\d")


# "chậm nhất là ngày thứ mười, kể từ ngày phát sinh nghĩa vụ thuế": the Nth day counted
# from the event (the day after it being the first).
_NTH_DAY_SINCE = re.compile(
    r"(?:(?:cham|muon|tre)\s+nhat(?:\s+la)?\s+)?ngay\s+thu\s+(\d{1,3})\s*,?\s*(?:ke\s+tu|tinh\s+tu)\s*"
    rf"(?:khi|ngay)?\s*{_EVENT_TAIL}"
)


# "tổ chức bầu cử trước 2 ngày": a known event, then how long before it.
_EVENT_THEN_DAYS_BEFORE = re.compile(
    r"^\s*([^;.()\d]+?)\s+truoc\s+(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*[.;]?\s*$"
)


# "Kể từ ngày nhận đủ hồ sơ hợp lệ, cơ quan có thẩm quyền xem xét cấp phép trong thời gian
# 20 ngày": the event first, then the task's words and the count (round eighteen; read
# before as the event's own day, the count swallowed in the event's words). Several counts
# after it ("… không quá 20 ngày làm việc đối với công trình, 15 ngày làm việc đối với nhà
# ở …"), a count per case, flag; so does a term of validity ("có hiệu lực 30 ngày").
_SINCE_THEN_COUNT = re.compile(
    r"(?:ke\s+tu|tinh\s+tu)\s+(?:khi|ngay)\s*([^;.()\d,]*[a-z][^;.()\d,]*?)\s*,\s*"
    r"([^;.()\d]*(?<![\d/.,])\d{1,3}\s+ngay[^;.()]*)"
)
_A_COUNT = re.compile(r"(?<![\d/.,])(\d{1,3})\s+ngay(\s+lam\s+viec)?(?![a-z])")


_UNCOUNTED_LIMIT = re.compile(
    r"(?<![a-z])(?:trong|thoi\s+han|thoi\s+gian)(?:\s+[a-z]+){0,6}\s*,?\s*$"
)


# "kể từ ngày ký": the day of the event itself.
_SINCE = re.compile(rf"(?:co\s+hieu\s+luc\s+)?(?:ke\s+tu|tinh\s+tu)\s+(?:khi|ngay)\s*{_EVENT_TAIL}")


# "(có hiệu lực thi hành) từ ngày ký": "từ ngày" before a known event, with no date, is
# "kể từ ngày" that event.
_FROM_EVENT_DAY = re.compile(
    r"(?<![a-z])(?:co\s+hieu\s+luc(?:\s+thi\s+hanh)?\s+)?tu\s+ngay\s+(?=[a-z])([^;.()\d]*)"
)


# "ít nhất trước 45 ngày làm việc đến thời điểm khai mạc đại hội", "trước ít nhất 10 ngày"
# (round twenty-two): the minimum on either side of "trước" (it was left unread).
_BEFORE = re.compile(
    r"(?:(?:it\s+nhat|toi\s+thieu)(?:\s+la)?\s+)?truoc\s+(?:(?:it\s+nhat|toi\s+thieu)(?:\s+la)?\s+)?"
    r"(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*(?:cua|so\s+voi|truoc\s+khi|truoc)?\s*"
    rf"(?:ngay|khi)?\s*{_EVENT_TAIL}"
)


# "sớm hơn 2 ngày so với ngày bầu cử toàn quốc" (round fifty-two, hfirst52; nothing was read):
# "earlier by N days than" an event's day is N days before it, as "trước N ngày so với ngày …"
# is. Only with "so với" and the event's day or moment: "sớm hơn 5 ngày" alone is no count
# from anything.
_EARLIER_THAN = re.compile(
    r"(?<![a-z])som\s+hon\s+(?:(?:it\s+nhat|toi\s+thieu)(?:\s+la)?\s+)?"
    r"(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*,?\s+so\s+voi\s+(?:ngay|thoi\s+diem)\s+"
    rf"{_EVENT_TAIL}"
)


# "Chậm nhất 03 ngày trước khi tổ chức hội nghị": the count before "trước". "ít nhất là 07 ngày
# làm việc trước ngày mở cuộc đấu giá", "tối thiểu là 15 ngày trước …" (round forty-seven, the
# auction law's posting times): the floor may say "là" and "tối thiểu", as "chậm nhất là" may
# (its "ít" was left unread, flagged).
_DAYS_BEFORE = re.compile(
    r"(?:(?:(?:cham|muon|tre)\s+nhat|khong\s+(?:muon|tre|cham)\s+hon|it\s+nhat|toi\s+thieu)(?:\s+la)?\s+)?"
    r"(\d{1,3})\s+ngay(\s+lam\s+viec)?\s*,?\s+truoc\s*"
    rf"(?:khi|ngay)?\s*{_EVENT_TAIL}"
)


# "Trước khi tổ chức hội nghị 05 ngày", "Trước ngày bầu cử 10 ngày", "trước ngày trao thưởng
# ít nhất 07 ngày": the count after the event (its day named by words only, no date:
# "trước ngày 15/6 …" is a date).
_BEFORE_EVENT_DAYS = re.compile(
    r"truoc\s+(?:khi|ngay(?=\s+[a-z]))\s+(?:co\s+)?([^;.()\d]+?)\s+"
    r"(?:(?:it\s+nhat|toi\s+thieu)(?:\s+la)?\s+)?(\d{1,3})\s+ngay(\s+lam\s+viec)?"
    r"(?![a-z\d/])(?!\s*(?:\d|thang|sau|tiep|ke|cuoi|dau))"
)


# "Sau khi kết thúc kỳ thi 10 ngày", "sau ngày bế mạc hội nghị 05 ngày làm việc": the mirror
# of the above, the count after the event (read before as the event's own day, flagged).
_AFTER_EVENT_DAYS = re.compile(
    r"(?<!ngay\s)sau\s+(?:khi|ngay(?=\s+[a-z]))\s+(?:co\s+)?([^;.()\d]+?)\s+"
    r"(?:(?:it\s+nhat|toi\s+thieu|(?:cham|muon|tre)\s+nhat|toi\s+da)(?:\s+la)?\s+)?(\d{1,3})\s+ngay(\s+lam\s+viec)?"
    r"(?![a-z\d/])(?!\s*(?:\d|thang|sau|tiep|ke|cuoi|dau|tro))"
)


# "Báo cáo kết quả sau khi kết thúc đợt kiểm tra 7 ngày" (hprobe23): the count after the event,
# after the task's words in its clause, with no cap ("chậm nhất", "tối đa" between the event
# and the count, or "chậm nhất", "trong", "không quá" before "sau"): as a bare "sau N ngày"
# after task words (hcount, ``_after_a_task``), on that day, by it, or from it on? At its
# clause's start ("Sau khi kết thúc kỳ thi 10 ngày, …") it keeps the house reading.
_CAP_IN_COUNT = re.compile(r"(?<![a-z])(?:(?:cham|muon|tre)\s+nhat|toi\s+da)(?![a-z])")
# "sau khi kết thúc hội nghị trong vòng 10 ngày": the cap taken into the event's words.
_CAP_ENDS_EVENT = re.compile(
    r"(?<![a-z])(?:trong(?:\s+vong|\s+thoi\s+han)?|khong\s+(?:duoc\s+)?qua)\s*$"
)


def _count_after_the_event(cell: Cell, match: re.Match[str]) -> str:
    begin = match.start()
    if _CAP_IN_COUNT.search(cell.folded, match.end(1), match.start(2)) or _CAP_ENDS_EVENT.search(
        match[1]
    ):
        return ""
    breaks = list(_CLAUSE_BREAK.finditer(cell.folded, 0, begin))
    clause = cell.folded[breaks[-1].end() if breaks else 0 : begin]
    if not _WORDS_BEFORE.search(clause) or _A_CAP_BEFORE.search(clause.rstrip()):
        return ""
    shown = cell.original(begin, match.end())
    return (
        f"'{shown}' sau lời của việc: làm đúng ngày đó, trước ngày đó "
        "hay từ ngày đó trở đi (ngày sớm nhất)? cần xem lại"
    )


_PERIOD_WORD = re.compile(r"(?<![a-z])(?:thang|nam|quy|tuan|cuoi|dau|giua)(?![a-z])")


# "Trước ngày 15/12/2026, trước khi …": a bound with its written day, then (past a comma or a
# dash) "trước khi"; nothing else between them.
_DATED_BOUND_BEFORE = re.compile(
    r"(?:^|[\s(\-])(?:truoc|(?:cham|muon)\s+nhat(?:\s+la)?|han(?:\s+chot)?)\s+(?:ngay\s+)?"
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?\s*[,;\-–]?\s*$"
)


# "Trước khi tổ chức hội nghị": before it, by how much unsaid.
_BEFORE_WHEN = re.compile(rf"truoc\s+khi\s+(?:co\s+|to\s+chuc\s+)?{_EVENT_TAIL}")


# "Trước ngày khai mạc kỳ họp", "trước ngày tổ chức Đại hội": an event's day named by words,
# by how much before unsaid; as "trước khi …", the day before it, flagged. Not a day of a
# period or of the week ("trước ngày cuối tháng", "trước ngày thứ Hai"), nor a date.
_BEFORE_EVENT_DAY = re.compile(
    r"truoc\s+ngay\s+(?!(?:thu|chu\s+nhat|lam\s+viec|nghi|mai|hom|le|tet|cuoi|dau|giua|rang|mung|mong"
    r"|ram|hien|nay|do|ay|hang|moi|cac|thang|nam|quy|tuan)(?![a-z]))"
    rf"(?=[a-z]){_EVENT_TAIL}"
)


# "Trước kỳ họp HĐND xã 10 ngày", "trước Tết 10 ngày": the count after an event named without
# "khi" or "ngày"; read only where the words are a known kind of event (or a holiday).
_BEFORE_BARE_EVENT_DAYS = re.compile(
    r"truoc\s+(?!(?:khi|ngay|it|toi|cham|han|thoi|do|day|nay|het)(?![a-z]))([a-z][^;.()\d]*?)\s+"
    r"(?:(?:it\s+nhat|toi\s+thieu)(?:\s+la)?\s+)?(\d{1,3})\s+ngay(\s+lam\s+viec)?"
    r"(?![a-z\d/])(?!\s*(?:\d|thang|sau|tiep|ke|cuoi|dau))"
)


_WHEN = re.compile(
    r"(?:ngay\s+)?(?:khi|sau\s+khi|ngay\s+sau\s+khi)\s+(?:co\s+|nhan\s+duoc\s+|duoc\s+)?"
    rf"{_EVENT_TAIL}"
)


# "Khi có thông tin phản hồi … thì trong vòng 15 ngày làm việc": a condition, then the
# count of days from it. The event holds no number; the count is the rule's.
_WHEN_THEN_WITHIN = re.compile(
    r"(?:ngay\s+)?(?:khi|sau\s+khi|ngay\s+sau\s+khi)\s+(?:co\s+|nhan\s+duoc\s+|duoc\s+)?"
    r"([^;.()\d]+?)\s*,?\s*(?:thi\s+)?(?:trong|trong\s+vong|trong\s+thoi\s+(?:han|gian)|khong\s+(?:duoc\s+)?qua"
    r"|(?:cham|muon|tre)\s+nhat|sau)(?:\s+(?:la|toi\s+da|khong\s+qua))?\s+(\d{1,3})\s+ngay(\s+lam\s+viec)?"
    r"(?![a-z])"
)


_DIRECTED = rx(r"theo_(?:chi_dao|huong_dan)(?:_cua)?(?:_cap_tren)?")


# The period a count runs from the end of: "kết thúc quý", "kết thúc 6 tháng đầu năm (tài
# chính)", "kết thúc năm tài chính", "kết thúc kỳ kế toán năm", "kết thúc năm ngân sách".
_PERIOD_END = re.compile(
    r"ket\s+thuc\s+(?:cac\s+|moi\s+)?(?:(quy)(?:\s+va\s+0?6\s+thang)?|0?6\s+thang\s+(dau|cuoi)(?:\s+nam)?|(thang)"
    r"|(?:ky\s+ke\s+toan\s+)?nam(?:\s+(?:tai\s+chinh|ngan\s+sach|ke\s+toan|duong\s+lich))?)"
    r"(?:\s+(?:tai\s+chinh|ngan\s+sach))?\s*$"
)


def _period_ends(event: str, year: int | None) -> list[date]:
    """The last days of the periods in the plan's year an event "kết thúc …" names; none
    when the period is not one of those (a "kỳ báo cáo", a "6 tháng" without its half)."""
    found = _PERIOD_END.match(event.strip(" ,."))
    if found is None or year is None:
        return []
    quarter, half, month = found.groups()
    # A count from the end of every quarter or month recurs: last year's last one falls due
    # in this year too ("15 ngày kể từ ngày kết thúc quý": 15/01 for the fourth quarter).
    if quarter:
        return [date(year - 1, 12, 31)] + [month_end(year, m) for m in (3, 6, 9, 12)]
    if half:
        return [date(year, 6, 30) if half == "dau" else date(year, 12, 31)]
    if month:
        return [date(year - 1, 12, 31)] + [month_end(year, m) for m in range(1, 13)]
    return [date(year, 12, 31)]


# "30 ngày kể từ ngày kết thúc đợt quan trắc định kỳ (ngày 30/6, 31/12)": the event's own
# dates, in brackets after it, with figures or with words ("(ngày 30 tháng 6, 31 tháng 12)",
# hmeta: read as two deadlines beside the count, unflagged).
_AN_EVENT_DATE = (
    r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?|\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?"
)
_EVENT_DATES = re.compile(
    rf"\s*\(\s*(?:du\s+kien\s+)?(?:vao\s+)?(?:cac\s+)?(?:ngay\s+)?((?:{_AN_EVENT_DATE})"
    rf"(?:\s*(?:,|;|va)\s*(?:ngay\s+)?(?:{_AN_EVENT_DATE}))*)\s*\)"
)
_ONE_DATE = re.compile(
    r"(\d{1,2})(?:\s*[/.\-]\s*|\s+thang\s+)(\d{1,2})(?:\s*[/.\-]\s*(\d{4})|\s+nam\s+(\d{4}))?"
)


def _counted_from_dates(
    cell: Cell, match: re.Match[str], event_text: str, values: dict[str, Any]
) -> bool:
    """A count of days from (or before) an event whose dates follow in brackets ("(ngày
    30/6, 31/12)", "(dự kiến 15/8)"): due that many days after (or before) each. Yearless
    dates of a recurring event (more than one, or "định kỳ") recur: last year's last one
    may fall due in the plan's year, as counts from quarter ends do."""
    listed = _EVENT_DATES.match(cell.folded, match.end())
    offset = values.get("offset", 0)
    if listed is None or cell.year is None or offset == 0 or "start_offset" in values:
        return False
    if values.get("days") != "calendar":
        shown = cell.original(match.start(), listed.end())
        cell.add(match, [], f"'{shown}' đếm ngày làm việc từ các ngày trong ngoặc, cần xem lại")
        cell.take(listed.start(), listed.end())
        return True
    parts = [(d, m, y or y2) for d, m, y, y2 in _ONE_DATE.findall(listed.group(1))]
    recurring = len(parts) > 1 or re.search(r"dinh\s+ky|hang|moi", fold(event_text)) is not None
    dues: list[date] = []
    for day, month, year in parts:
        around = [cell.year - 1, cell.year, cell.year + 1]
        years = [int(year)] if year else (around if recurring else [cell.year])
        for y in years:
            try:
                dues.append(date(y, int(month), int(day)) + timedelta(days=offset))
            except ValueError:
                return False
    if recurring and not any(year for _, _, year in parts):
        dues = [d for d in dues if d.year == cell.year]
    cell.add(match, [deadline(d) for d in sorted(set(dues))])
    cell.take(listed.start(), listed.end())
    return True


# "sớm hơn 1 ngày so với ngày bầu cử, cụ thể là ngày 14/3/2026", "5 ngày trước ngày bầu cử,
# tức là ngày 10/3/2026" (round fifty-two, hfirst52; flagged: a date in the event's words):
# the count, then the day it comes to, named ("cụ thể là", "tức (là)", "nghĩa là"): that day is
# the reading, the count how it was reckoned, as a dated day then "tức N ngày trước …" is
# (``reader``). When the event's own day is in its words, the two must agree, or it flags.
_NAMELY_DAY = re.compile(
    r"\s*,?\s*(?:cu\s+the|tuc|nghia)(?:\s+la)?\s*:?\s+(?:vao\s+)?(?:ngay\s+)?"
    r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\s*$"
)


def _count_then_its_day(
    cell: Cell, match: re.Match[str], event_group: int, event_text: str, values: dict[str, Any]
) -> bool:
    folded = fold(event_text)
    namely = (
        _NAMELY_DAY.search(folded)
        if "tuc" in folded or "cu the" in folded or "nghia" in folded
        else None
    )
    offset = values.get("offset", 0)
    if namely is None or not offset or "start_offset" in values or cell.year is None:
        return False
    day, month, year = namely.groups()
    try:
        named = date(int(year) if year else cell.year, int(month), int(day))
    except ValueError:
        return False
    event_words = folded[: namely.start()]
    shown = cell.original(match.start(), match.end())
    note = ""
    if _SWALLOWED.search(event_words) or _SWALLOWED_CADENCE.search(event_words):
        own = list(_DAY_MONTH_IN_EVENT.finditer(event_words))
        agreed = False
        if (
            len(own) == 1
            and values.get("days") == "calendar"
            and not _SWALLOWED_COUNT.search(event_words)
        ):
            d, m, y = own[0].groups()
            try:
                event_day = date(int(y) if y else named.year, int(m), int(d))
                agreed = event_day + timedelta(days=offset) == named
            except ValueError:
                agreed = False
        if not agreed:
            note = f"'{shown}': ngày và số ngày tính từ sự kiện không khớp nhau, cần xem lại"
    if not note and _qualifies_the_count(event_text[: namely.start()].lower()):
        note = f"'{shown}': lời trong sự kiện có thể đổi thời hạn, cần xem lại"
    cell.add(match, [deadline(named)], note, yearless=not year)
    return True


_DAY_MONTH_IN_EVENT = re.compile(
    r"(?<![\d/.])(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/.])"
)
_SWALLOWED_COUNT = re.compile(r"(?<![\d/.,])\d{1,3}\s+(?:ngay|thang|nam|gio|tuan)(?![a-z])")


_JOINED_SIDE = re.compile(r"\s*(?:,\s*|(?:va|hoac)\s+)(?:trong|sau|truoc)(?![a-z])")


# A count of days, months or hours, or a day of a month, inside an event's words.
_SWALLOWED = re.compile(
    r"(?<![\d/.,])\d{1,3}\s+(?:ngay|thang|nam|gio|tuan)(?![a-z])|(?<![\d/.,])\d{1,2}\s*[/.\-]\s*\d{1,2}(?![\d])"
    # A month, a quarter or a year ("hoặc trong tháng 9/2026", "hay quý III/2026", "hoặc năm
    # 2026", probed, hprobe13): a period left in the event's words, read before as the count
    # alone.
    r"|(?<![\d/.,])\d{1,2}\s*/\s*(?:19|20)\d{2}(?!\d)"
    r"|(?<![a-z])(?:quy\s+(?:i{1,3}|iv|[1-4])|nam\s+(?:19|20)\d{2})(?![a-z\d])"
)


# Where an event's words may run on past the event: a comma, or "mà", "thì" (matched with
# their marks: "thi" folded is also an exam, "thi hành án"), or "hoặc" before another start
# ("hoặc kể từ ngày …", "hoặc ngày …": the count from one of two events). "A hoặc B" naming
# one event in two words ("quyết định hoặc xét duyệt") is no joint (tune labels read it so).
_AFTER_THE_EVENT = re.compile(
    r"\s*,\s*|\s+(?:mà|thì)\s+|\s+(hoặc|hoac)\s+(?=(?:kể|tính|ke|tinh)\s+từ|(?:ngày|ngay|khi|sau\s+khi)\s)",
    re.IGNORECASE,
)
# Words after it that change the count: a condition, a case (not "trừ trường hợp …", the
# exception a count's own sentence makes: a tune label reads the count), an extension or a
# shortening, days put in or left out, a bound, a second day.
_CHANGES_THE_COUNT = re.compile(
    r"(?<![a-z])(?:neu|khi|tuy|(?<!tru\s)truong\s+hop|tru(?!\s+truong\s+hop)|khong\s+(?:tinh|ke|bao\s+gom)"
    r"|chua\s+(?:tinh|ke)|co\s+the|them|keo\s+dai|gia\s+han|lui|rut\s+ngan"
    r"|(?:som|muon|lau|nhanh|cham|dai|ngan)\s+hon|moi\s+lan"
    r"|tinh\s+ca|ke\s+ca|ca\s+ngay|rieng|ngoai\s+ra|toi\s+da|den\s+het|(?:cham|muon|tre)\s+nhat|ngay\s+\d"
    r"|sau\s+(?:khi|do)|truoc\s+(?:khi|ngay)|hoac\s+(?:ke\s+tu|tinh\s+tu|ngay|khi|sau\s+khi)"
    # another time after the event: "…, tháng sau báo cáo", "…, chiều thứ Sáu trả kết quả"
    r"|(?:thang|nam|quy|tuan)\s+(?:sau|truoc|toi|nay)|thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat"
    r"|(?:sang|chieu|toi|trua)\s+(?:hom|ngay|thu|cung|chu)|hom\s+(?:sau|nay)|ngay\s+mai)(?![a-z])"
)


# A cadence inside an event's words ("hằng quý", "mỗi tháng", "thường xuyên").
_SWALLOWED_CADENCE = re.compile(
    r"(?<![a-z])(?:(?:hang|moi)\s+(?:ngay|tuan|thang|quy|nam)|thuong\s+xuyen)(?![a-z])"
)
_CAP = re.compile(
    r"(?<![a-z])(?:(?:cham|muon|tre)\s+nhat|toi\s+da|khong\s+(?:duoc\s+)?qua|khong\s+(?:muon|tre|cham)\s+hon)(?![a-z])"
)
_FLOOR = re.compile(r"(?<![a-z])(?:it\s+nhat|toi\s+thieu|khong\s+(?:it|duoi|som)\s+hon)(?![a-z])")


# Words an event's name never holds, that qualify the count (probed, hprobe10): a doubt
# ("có thể", "chừng", "chưa rõ", "chắc chắn", "tùy"), a shift ("muộn hơn", "sớm hơn", "trễ",
# "kéo dài"), a floor ("tối thiểu", "ít nhất"), a repetition ("mỗi", "đợt sau", "lần sau"),
# "tạm", a case ("trường hợp", not "trừ trường hợp …"). Matched as written: folded, "mỗi" is
# "mới", "chừng" "chứng", "trễ" "trẻ". A negation or a condition only at the event's end or
# after a comma: a refusal names its event ("kể từ ngày nhận được thông báo không chấp thuận").
_QUALIFIER = re.compile(
    r"(?<!\w)(?:có\s+thể(?!\s+(?:được\s+)?(?:điều\s+chỉnh|thay\s+đổi))|chừng|chưa\s+rõ|chắc\s+chắn|tùy|tuỳ|muộn\s+hơn|sớm\s+hơn|trễ|kéo\s+dài"
    r"|tối\s+thiểu|ít\s+nhất|mỗi|đợt\s+sau|lần\s+sau|tạm|(?<!trừ\s)trường\s+hợp"
    # second batch: "có lẽ", "miễn là", "với điều kiện", "không cần", "không ít hơn", "nếu
    # có", "riêng quý IV", "sang năm", "năm kế tiếp", "liên tục", "các lần", a bare "hằng".
    r"|có\s+lẽ|miễn\s+là|điều\s+kiện|không\s+(?:cần|ít|dưới)|nếu|riêng|sang\s+năm|kế\s+tiếp"
    r"|liên\s+tục|các\s+lần|hằng(?!\s+(?:ngày|tuần|tháng|quý|năm))"
    r"|tầm(?!\s+(?:nhìn|quan|cỡ|vóc|xa|soát|ảnh)(?!\w))"
    # third batch: "hình như", "giả sử", "phụ thuộc", "nhích lên", "chờ …", "lặp lại", "ngoài
    # ra", "vài lần", and "khi" inside the event's words ("… nhận được đơn khi có kinh phí").
    r"|hình\s+như|giả\s+sử|phụ\s+thuộc|nhích|chờ|lặp\s+lại|ngoài\s+ra|vài\s+lần|(?<=\s)khi"
    # fourth batch (hmeta3, inserted into tune phrases): a year named by its place ("năm
    # trước", "năm sau", "năm ngoái", "năm tới"), a number of times ("2 lần/năm", "3 lần"),
    # an end of force ("không còn áp dụng"). Not the year of a period the event names ("kỳ
    # họp cuối năm trước", a tune label's event).
    r"|(?<!cuối\s)(?<!đầu\s)(?<!giữa\s)năm\s+(?:trước|sau|ngoái|tới)|\d+\s*lần|lần\s*/|không\s+(?:còn|áp\s+dụng))(?!\w)"
    # "…, UBND xã chưa thống nhất …": not yet, past a comma (not "không": "các bộ, ngành trả
    # lời cử tri không đúng quy định" is an event's words, a tune label's).
    # fifth batch (hprobe23): "chậm hơn", an exception without a comma ("… nhận hồ sơ ngoại
    # trừ xã …", "… trừ ngày nghỉ"); not "trừ trường hợp" (above), "phòng trừ", "khấu trừ".
    r"|chậm\s+hơn|ngoại\s+trừ|(?<!phòng\s)(?<!khấu\s)(?<!\w)trừ(?!\s+trường\s+hợp)(?!\w)"
    r"|,[^,;]*(?<!\w)chưa(?!\w)"
    r"|[,\-–]\s*(?:không|chưa|khi|nếu|độ)(?!\w)|(?<!\w)(?:không|chưa|khi|nếu)\s*[,.]?\s*$"
)


def _unknown_in_brackets(event: str) -> bool:
    return any(not all_known(m[1].split()) for m in re.finditer(r"\(([^()]*)\)?", event))


# "…, hoãn", "…, dời lại", "…, cấm", "…, thay đổi thời gian" (probed, hprobe14): the last
# clause, past a comma, made of a word changing the reading (``lexicon.CHANGES``) alone or
# with "lại" or a word of time, is no part of the event's name. Not a longer clause: "…, giải
# thể, ngừng hoạt động" lists events (a tune label's).
_CHANGE_LAST = re.compile(r",\s*(?=\w)")
_CHANGE_TAIL = re.compile(r"(?:\s+(?:lại|lên|xuống|thời\s+gian|lịch|ngày|hạn))?[\s.]*$")


def _qualifies_the_count(event: str) -> bool:
    if _QUALIFIER.search(event):
        return True
    for comma in _CHANGE_LAST.finditer(event):
        change = CHANGES.match(event, comma.end())
        if change and _CHANGE_TAIL.match(event, change.end()):
            return True
    # "…, treo", "…, xin rút" (probed, hprobe14, second batch): a last clause of one or two
    # words the lexicon does not know names no event; it flags, as an unknown word in brackets.
    last = event.rsplit(",", 1)
    words = last[1].split() if len(last) == 2 else []
    return 0 < len(words) <= 2 and not all_known(words)


# "Có giá trị trong 30 ngày kể từ ngày cấp", "có hiệu lực 90 ngày kể từ ngày ký" (probed,
# hprobe7): how long a paper holds, said before the count, not a deadline (read before as
# one, without a flag; said after the event it already flagged).
_VALID_FOR = re.compile(
    r"(?<![a-z])(?:hieu\s+luc(?:\s+thi\s+hanh)?|gia\s+tri)(?:\s+su\s+dung)?(?:\s+(?:la|trong|toi\s+da|sau))?\s*$"
)


# "Quá 10 ngày kể từ …", "Trên 10 ngày …", "Kéo dài 10 ngày kể từ ngày khai mạc", "Thêm 10
# ngày …" (probed, hprobe7): more than a count, how long a thing lasts, or days added, not a
# time limit; the lead's words ("quá", "trên", "kéo dài", "thêm") were taken for filler or
# for the task's own words, and the count read as a deadline, without a flag. Not "không
# (được|vượt) quá", a cap, nor "không muộn (chậm, trễ) hơn", "chậm nhất" said otherwise (hmeta).
# Nor "kết quả" (a result: "Báo cáo kết quả sau khi …"), nor "cấp trên" (the upper level),
# whose syllables fold to "qua", "tren" (probed, hprobe18: flagged as more than a count).
_NOT_A_LIMIT = re.compile(
    r"(?<![a-z])(?:(?<!khong\s)(?<!duoc\s)(?<!vuot\s)(?<!ket\s)qua|(?<!cap\s)tren"
    r"|(?<!khong\smuon\s)(?<!khong\scham\s)(?<!khong\stre\s)hon|keo\s+dai|ngoai|them)\s*$"
)
_DATE_AFTER_A_COUNT = re.compile(
    r"\s*\(\s*(?:tuc|nghia\s+la|tuong\s+ung)(?:\s+la)?\s*(?:[a-z]+\s+){0,3}?(?:ngay\s+)?\d"
)


def _count_not_a_limit(cell: Cell, match: re.Match[str]) -> str:
    if not _NOT_A_LIMIT.search(cell.folded, 0, match.start()):
        return ""
    shown = cell.original(max(0, match.start() - 10), match.end())
    return f"'{shown}': quá hoặc kéo dài một số ngày, không phải thời hạn, cần xem lại"


def _validity_before(cell: Cell, match: re.Match[str]) -> str:
    if "hieu luc" not in cell.folded and "gia tri" not in cell.folded:
        return ""
    if not _VALID_FOR.search(cell.folded, 0, match.start()):
        return ""
    shown = cell.original(max(0, match.start() - 20), match.end())
    return f"'{shown}': thời hạn hiệu lực, không phải hạn làm, cần xem lại"


# "4 ngày làm việc kể từ lúc nhận được hồ sơ hợp lệ: - Bộ phận Tiếp nhận và trả kết quả cấp
# huyện: 0,5 ngày; - Phòng Văn hóa và Thông tin: 3,5 ngày." (round twenty, a procedure's cell):
# the count's share for each office, after a colon or in brackets, to the cell's end. When the
# shares add up to the count they explain it, and change nothing; otherwise they are left to
# flag (the event's words held them, or they stayed unread).
_SHARE = (
    r"(?:[-+\u2022]\s*)?[a-z][a-z0-9\s&/\-]{0,80}?\s*:?\s*\d{1,3}(?:,\d)?\s+ngay(?:\s+lam\s+viec)?"
)
_SHARES = re.compile(rf"\s*[:(]\s*{_SHARE}(?:\s*[;,]\s*{_SHARE})+\s*\)?\s*[;.]?\s*$")


def _shares_of_the_count(
    cell: Cell, match: re.Match[str], event_group: int, values: dict[str, Any]
) -> int | None:
    """Where the count's shares begin, when they follow it to the cell's end and add up."""
    offset = values.get("offset")
    if not offset or "start_offset" in values:
        return None
    colon = cell.folded.find(":", match.start(event_group), match.end(event_group))
    begin = colon if colon >= 0 else match.end()
    if cell.folded[begin:].lstrip()[:1] not in (":", "("):
        return None
    shares = _SHARES.match(cell.folded, begin)
    if shares is None or not cell.free(match.end(), len(cell.folded)):
        return None
    parts = re.findall(r"(\d{1,3}(?:,\d)?)\s+ngay", shares[0])
    if abs(sum(float(p.replace(",", ".")) for p in parts) - offset) > 1e-9:
        return None
    return begin


def _relative_rule(
    cell: Cell,
    match: re.Match[str],
    event_group: int,
    note: str = "",
    lead: str = "",
    **values: Any,
) -> None:
    shares = _shares_of_the_count(cell, match, event_group, values)
    if shares is not None:
        event_end = min(shares, match.end(event_group))
        cell.take(match.end(), len(cell.folded))
    else:
        event_end = match.end(event_group)
    event_text = cell.original(match.start(event_group), event_end)
    if _JOINED_SIDE.match(cell.folded, match.start(event_group)):
        # "10 ngày trước và sau Tết", "05 ngày trước, trong và sau kỳ thi": days on both
        # sides of the event, a span around it; the words after the joint are no event.
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}' là một khoảng quanh sự kiện, cần xem lại")
        return
    if _counted_from_dates(cell, match, event_text, values):
        return
    if _count_then_its_day(cell, match, event_group, event_text, values):
        return
    if re.match(
        # "kết thúc học kỳ" (probed, hprobe7): a school term is a "kỳ" too.
        r"ket\s+thuc\s+(?:cac\s+)?(?:quy|0?6\s+thang|nam|thang|(?:hoc\s+)?ky(?!\s+(?:hop|thi)(?![a-z])))",
        fold(event_text),
    ):
        # "45 ngày kể từ ngày kết thúc 6 tháng đầu năm": from the end of a period.
        ends = _period_ends(fold(event_text), cell.year)
        offset = values.get("offset", 0)
        if (
            ends
            and values.get("days") == "calendar"
            and offset > 0
            and "start_offset" not in values
        ):
            dues = [end + timedelta(days=offset) for end in ends]
            if len(ends) > 1 and cell.year is not None:
                # A recurring period's counts: those that fall due in the plan's year.
                dues = [d for d in dues if d.year == cell.year]
            cell.add(match, [deadline(d) for d in dues])
            return
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}' tính từ cuối một kỳ, cần xem lại")
        return
    if _HOLIDAY_EVENT.match(fold(event_text)):
        label = event_text[:1].upper() + event_text[1:]
        rule = Rule(kind="relative", event=GENERIC_EVENT, label=label, **values)
        note = f"'{event_text}' là ngày nghỉ, lễ, Tết theo lịch: tính từ ngày nào, cần xem lại"
        cell.add(match, [rule], note)
        return
    if not note and _SWALLOWED.search(fold(event_text)):
        # "trong 15 ngày kể từ ngày nhận hồ sơ, gia hạn không quá 10 ngày", "kể từ ngày ký,
        # thời gian thực hiện từ 10 đến 15 ngày" (probed, round eighteen): another count or a
        # date left inside the event's words, which no reading took; read before without a
        # flag, the number lost.
        shown = cell.original(match.start(), match.end())
        note = f"'{shown}' còn số ngày hay ngày tháng trong lời sự kiện chưa đọc được, cần xem lại"
    if not note:
        note = (
            _earliest(cell, match, event_group, values.get("offset", 0))
            or _validity_before(cell, match)
            or _count_not_a_limit(cell, match)
        )
    if not note and _SWALLOWED_CADENCE.search(fold(event_text)):
        # "UBND xã khi tổ chức thực hiện hằng quý" (probed, hprobe10): a cadence inside the
        # event's words, which no reading took; read before as the event's day alone.
        shown = cell.original(match.start(), match.end())
        note = (
            f"'{shown}' còn kỳ hằng tuần, tháng, quý trong lời sự kiện chưa đọc được, cần xem lại"
        )
    if not note:
        lead_words = cell.folded[max(0, match.start() - 30) : match.start(event_group)]
        if _CAP.search(lead_words) and _FLOOR.search(lead_words):
            # "Chậm nhất ít nhất 05 ngày trước ngày khai mạc" (probed, hprobe10): a latest
            # and an earliest bound on one count; read before as the count, without a flag.
            note = "vừa 'chậm nhất/tối đa' vừa 'ít nhất/tối thiểu' cho một số ngày, cần xem lại"
    if not note and _qualifies_the_count(cell.lowered[match.start(event_group) : event_end]):
        # "… kể từ ngày khai mạc kỳ họp chưa", "… hồ sơ hợp lệ, không", "… nhận đơn muộn
        # hơn", "… ngày ký (có thể)", "…, UBND xã mỗi tổ chức …" (probed, hprobe10): a doubt,
        # a negation, a shift, a floor or a repetition taken for the event's own words, the
        # count read without a flag.
        shown = cell.original(match.start(), match.end())
        note = f"'{shown}': lời trong sự kiện có thể đổi thời hạn, cần xem lại"
    if not note and _unknown_in_brackets(cell.text[match.start(event_group) : event_end]):
        # "… kể từ ngày nhận được văn bản (e là)", "… (chuyển)" (hsafe): a remark in brackets
        # after the event is no part of its name; unless every word of it is a known one
        # (``lexicon.all_known``), it may change the count and flags.
        shown = cell.original(match.start(), match.end())
        note = f"'{shown}': lời trong ngoặc sau sự kiện chưa hiểu, cần xem lại"
    if not note and _DATE_AFTER_A_COUNT.match(cell.folded, match.end()) and values.get("offset"):
        # "Trong 10 ngày kể từ ngày nhận đơn (tức trước ngày 15/6/2026)" (probed, hprobe7): a
        # count and a day given for one deadline, read before as two rules without a flag.
        note = "số ngày đếm từ sự kiện kèm một ngày cụ thể trong ngoặc, cần xem lại"
    kind_text = event_text
    joint = _AFTER_THE_EVENT.search(event_text) if not note else None
    tail = event_text[joint.end() :] if joint else ""
    if joint and (
        joint[1]
        or _CHANGES_THE_COUNT.search(fold(tail))
        or re.match(r"\s*hoac(?![a-z])", fold(tail))  # "…, hoặc theo thỏa thuận"
        or re.search(r"(?<!\w)thì(?!\w)", tail, re.IGNORECASE)
    ):
        # "… kể từ ngày nhận đủ hồ sơ, trừ trường hợp …", "…, hoặc kể từ ngày …", "… mà không
        # có ý kiến thì …" (probed, hprobe7): words after the event, past a comma, "hoặc",
        # "mà" or "thì", that may change the count (an exception, an alternative, a case, an
        # extension, days left out or put in). Read before with the event, without a flag;
        # the kind is now the first words'.
        kind_text = event_text[: joint.start()]
        if not note:
            shown = cell.original(match.start(event_group) + joint.start(), match.end())
            note = f"'{shown}': lời sau sự kiện có thể đổi thời hạn, cần xem lại"
    if lead and _event_kind(kind_text, cell.context) is None:
        kind_text = lead + kind_text
    kind = _event_kind(kind_text, cell.context)
    label = ""
    if kind is None:
        bare = fold(event_text).strip(" ,.")
        if (
            bare == "tiep nhan"
            and values.get("days") == "working"
            and not _A_LETTER_RECEIVED.search(fold(cell.context))
        ):
            kind = "ho_so_tiep_nhan"
        elif not re.search(r"[a-z]{2}", bare) or bare in ("tiep nhan", "nhan", "nhan duoc", "co"):
            # Received what? No words to carry: an officer must say.
            cell.add(
                match,
                [],
                f"không rõ thời hạn tính từ sự kiện nào ('{cell.original(match.start(), match.end())}')",
            )
            return
        else:
            # Any other event keeps its own words: the officer records it under that name.
            kind, label = GENERIC_EVENT, event_text[:1].upper() + event_text[1:]
            if (_A_JUDGMENT.search(bare) or bare == "thoi gian") and not note:
                # "Khi thích hợp", "khi tình hình cho phép", "khi xét thấy cần" (hprobe23): when
                # someone judges it fit, not an event a plan can record (read before as the
                # event "Thích hợp", without a flag).
                note = f"'{cell.original(match.start(), match.end())}': tùy đánh giá khi nào phù hợp, không phải một sự kiện, cần xem lại"
    cell.add(match, [Rule(kind="relative", event=kind, label=label, **values)], note)


# Words of judgment as an "event": when it is fit, convenient, allowed, needed.
_A_JUDGMENT = re.compile(
    r"(?<![a-z])(?:thich\s+hop|phu\s+hop|thuan\s+(?:loi|tien)|co\s+thoi\s+gian|cho\s+phep"
    r"|xet\s+thay|thay\s+can|can\s+thiet|co\s+the)(?![a-z])"
)


def relative(cell: Cell) -> None:
    for match in cell.matches(_WINDOW):
        days = "working" if match.group(3) else "calendar"
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        note = _after_a_task(cell, match)
        _relative_rule(cell, match, 4, note=note, start_offset=low, offset=high, days=days)
    bracketed = "(" in cell.folded and ("ke tu" in cell.folded or "tinh tu" in cell.folded)
    within = (
        itertools.chain(cell.matches(_WITHIN_BRACKETED), cell.matches(_WITHIN))
        if bracketed
        else cell.matches(_WITHIN)
    )
    for match in within:
        if _STARTS_WITH_DATE.match(cell.folded, match.start(3)):
            continue  # "trong 12 ngày, từ ngày 9-6 đến ngày 20-6": the count of a dated window
        days = "working" if match.group(2) else "calendar"
        note = ""
        if _ABOUT_AFTER.match(cell.folded, match.start()):
            # "sau khoảng 30 ngày kể từ khi đăng tải danh sách, sẽ diễn ra phiên đấu giá"
            # (round twenty-one): about when a thing will happen, foretold; no time limit.
            # "khoảng 7 ngày làm việc kể từ …" alone stays the count (round twelve).
            shown = cell.original(match.start(), match.end(3))
            note = f"'{shown}' là ước chừng khi nào việc diễn ra, không phải thời hạn, cần xem lại"
        elif (
            _GRACE_AFTER_NOTICE.match(cell.folded, match.start())
            and _A_NOTICE.match(match.group(3))
            and not _A_CAP_BEFORE.search(cell.folded[max(0, match.start() - 16) : match.start()])
        ):
            shown = cell.original(match.start(), match.end(3))
            note = (
                f"'{shown}': sau một thông báo có thể là ngày sớm nhất được làm "
                "(như cắt dịch vụ), không phải thời hạn, cần xem lại"
            )
        else:
            note = _after_a_task(cell, match)
        _relative_rule(cell, match, 3, note=note, offset=int(match.group(1)), days=days)
    for match in cell.matches(_WITHIN_WEEKS) if "tuan" in cell.folded else ():
        if int(match.group(1)) and not _STARTS_WITH_DATE.match(cell.folded, match.start(2)):
            # The corpus's written convention (rounds nine and ten) makes a count in weeks
            # from an event a review: offered as seven days a week, flagged.
            note = f"'{cell.original(match.start(), match.end())}' đếm theo tuần, tạm tính 7 ngày một tuần"
            _relative_rule(
                cell, match, 2, note=note, offset=7 * int(match.group(1)), days="calendar"
            )
    for match in cell.matches(_RIGHT_ON_THE_DAY) if "ngay trong" in cell.folded else ():
        if re.search(r"[a-z]{2}", match.group(2)):
            days = "working" if match.group(1) else "calendar"
            _relative_rule(cell, match, 2, offset=0, days=days)
    for match in cell.matches(_SAME_DAY_AS):
        if _event_kind(cell.original(match.start(2), match.end(2)), cell.context) is not None:
            days = "working" if match.group(1) else "calendar"
            note = ""
            if _NEXT_DAY.match(cell.folded, match.start(2)):
                # "Trong ngày làm việc tiếp theo kể từ ngày nhận hồ sơ" (probed, hprobe7): the
                # day after the event, not its own (read before as the same day, no flag).
                shown = cell.original(match.start(), match.end())
                note = f"'{shown}': ngày (làm việc) tiếp theo sau sự kiện, cần xem lại"
            _relative_rule(cell, match, 2, note=note, offset=0, days=days)
    for match in cell.matches(_STILL_VALID) if " con " in cell.folded else ():
        thing = cell.original(match.start(1), match.end(1))
        count: DayCount = "working" if match.group(3) else "calendar"
        label = f"{thing[:1].upper()}{thing[1:]} hết hiệu lực"
        rule = Rule(
            kind="relative", event=GENERIC_EVENT, label=label, offset=-int(match[2]), days=count
        )
        cell.add(match, [rule])
    for match in cell.matches(_NTH_DAY_SINCE):
        _relative_rule(cell, match, 2, offset=int(match.group(1)), days="calendar")
    for match in cell.matches(_EVENT_THEN_DAYS_BEFORE):
        kind = _event_kind(cell.original(match.start(1), match.end(1)), "")
        if kind is not None:
            days = "working" if match.group(3) else "calendar"
            _relative_rule(cell, match, 1, offset=-int(match.group(2)), days=days)
    for match in cell.matches(_SINCE_THEN_COUNT) if "," in cell.folded else ():
        if _event_kind(cell.original(match.start(1), match.end(1)), cell.context) is None:
            continue
        rest = match.group(2)
        counts = _A_COUNT.findall(rest)
        # "kể từ ngày ký, có hiệu lực 30 ngày": how long a text holds, not a deadline.
        lasts = re.search(r"(?<![a-z])(?:hieu\s+luc|gia\s+tri)(?![a-z])", rest)
        if len(counts) == 1 and not lasts and not re.search(r"\d", _A_COUNT.sub("", rest)):
            days = "working" if counts[0][1] else "calendar"
            _relative_rule(cell, match, 1, offset=int(counts[0][0]), days=days)
        else:
            shown = cell.original(match.start(), match.end())
            what = (
                "thời hạn hiệu lực, không phải hạn làm" if lasts else "nhiều thời hạn sau sự kiện"
            )
            cell.add(match, [], f"'{shown}': {what}, cần xem lại")
    for match in cell.matches(_SINCE):
        if _STARTS_WITH_DATE.match(cell.folded, match.start(1)):
            continue  # "kể từ ngày 01/01/2025 đến khi …": a date, no event (probed)
        if _event_kind(cell.original(match.start(1), match.end(1)), cell.context) is not None:
            note = ""
            if _UNCOUNTED_LIMIT.search(cell.folded, 0, match.start()):
                # "Trong thời hạn quy định kể từ ngày nhận đơn" (probed, hprobe7): a limit
                # with no count, its words taken for filler; read before as the event's own
                # day, without a flag.
                shown = cell.original(0, match.end())
                note = f"'{shown}': thời hạn không nêu số ngày, cần xem lại"
            _relative_rule(cell, match, 1, note=note, offset=0)
    for match in cell.matches(_FROM_EVENT_DAY):
        if _event_kind(cell.original(match.start(1), match.end(1)), cell.context) is not None:
            _relative_rule(cell, match, 1, offset=0)
    earlier = "som hon" in cell.folded
    for pattern in (_BEFORE, _DAYS_BEFORE, _EARLIER_THAN) if earlier else (_BEFORE, _DAYS_BEFORE):
        for match in cell.matches(pattern):
            days = "working" if match.group(2) else "calendar"
            _relative_rule(cell, match, 3, offset=-int(match.group(1)), days=days)
    for match in cell.matches(_DIRECTED):
        # In a sentence "theo chỉ đạo của …" usually means "as directed"; only a parenthesis
        # ("(theo chỉ đạo của cấp trên)") makes it a condition that starts the work.
        if cell.strict and not cell.text[: match.start()].rstrip().endswith("("):
            continue
        cell.add(match, [Rule(kind="relative", event="huong_dan_cap_tren")])
    for match in cell.matches(_BEFORE_EVENT_DAYS):
        if match[0].startswith("truoc ngay") and _PERIOD_WORD.search(match[1]):
            continue  # "Trước ngày cuối tháng 5 ngày": a day of a period, not an event
        days = "working" if match.group(3) else "calendar"
        _relative_rule(cell, match, 1, offset=-int(match.group(2)), days=days)
    for match in cell.matches(_AFTER_EVENT_DAYS) if "sau" in cell.folded else ():
        if _PERIOD_WORD.search(match[1]):
            continue  # "sau ngày cuối tháng 5 ngày": a day of a period, not an event
        days = "working" if match.group(3) else "calendar"
        note = _count_after_the_event(cell, match)
        _relative_rule(cell, match, 1, note=note, offset=int(match.group(2)), days=days)
    for match in cell.matches(_BEFORE_BARE_EVENT_DAYS) if "truoc" in cell.folded else ():
        named = cell.original(match.start(1), match.end(1))
        if _event_kind(named, "") is not None or _HOLIDAY_EVENT.match(fold(named)):
            days = "working" if match.group(3) else "calendar"
            _relative_rule(cell, match, 1, offset=-int(match.group(2)), days=days)
    for match in cell.matches(_BEFORE_WHEN):
        if _DATED_BOUND_BEFORE.search(cell.folded, 0, match.start()) and not re.search(
            r"\d", match[0]
        ):
            # "trước ngày 15/12, trước khi tổng kết năm" (hsweep): the written day is the
            # deadline; "trước khi …" after it only says what it comes before. Read before as a
            # second deadline, the event's day less one, flagged.
            cell.add(match, [])
            continue
        note = "không nêu trước bao nhiêu ngày, tạm hiểu là trước 01 ngày"
        _relative_rule(cell, match, 1, note=note, offset=-1)
    for match in cell.matches(_BEFORE_EVENT_DAY) if "truoc ngay" in cell.folded else ():
        named = fold(cell.original(match.start(1), match.end(1)))
        dated = re.match(r"\s*\(\s*(?:ngay\s+)?\d", cell.folded[match.end() :])
        # "trước ngày Quốc tế Phụ nữ (8/3)": a day named with its date, read by the dates.
        if re.search(r"[a-z]{2}", named) and not re.search(r"\d", named) and not dated:
            note = "không nêu trước bao nhiêu ngày, tạm hiểu là trước 01 ngày"
            _relative_rule(cell, match, 1, note=note, offset=-1)
    for match in cell.matches(_WHEN_THEN_WITHIN):
        if _COUNT_THEN_DATES.match(cell.folded, match.end()):
            continue  # "… thì trong 10 ngày, từ 1/6 đến 10/6": the count of a dated window
        days = "working" if match.group(3) else "calendar"
        lead = _received_lead(cell, match)
        _relative_rule(cell, match, 1, lead=lead, offset=int(match.group(2)), days=days)
    for match in cell.matches(_WHEN):
        # "sau khi có quyết định …", "ngay sau khi niêm yết": after an event, by how long
        # unsaid; like "trước khi …" with no count, it is the event's day, flagged.
        after = "sau khi" in cell.folded[match.start() : match.start(1)]
        note = "không nêu sau bao nhiêu ngày, tạm hiểu là ngay ngày đó" if after else ""
        if not after and cell.lowered[match.start() : match.start() + 5] == "ngay ":
            # "Ngay khi nhận được hồ sơ", "trả ngay khi …" (probed, hprobe7): right when it
            # happens, the same day or within hours, unsaid; as "ngay sau khi", flagged (read
            # before as the event's day, without a flag).
            note = "'ngay khi …': không nêu thời hạn cụ thể, tạm hiểu là ngay ngày đó"
        if re.search(r"\d", match.group(1)):
            # A number after the event (a count, a date) that no rule read: the event's
            # day would drop it.
            shown = cell.original(match.start(), match.end())
            note = f"'{shown}' có số sau sự kiện chưa đọc được, cần xem lại"
        _relative_rule(cell, match, 1, note=note, lead=_received_lead(cell, match))
    _two_counts(cell)
    _days_off_beside_a_count(cell)


def _days_off_beside_a_count(cell: Cell) -> None:
    """ "Trong 06 ngày kể từ ngày nhận đủ hồ sơ (không kể ngày nghỉ theo quy định)", "(không
    tính ngày lễ, Tết)" (probed, hprobe7): days off left out of a count of calendar days make
    it working days, or calendar days less the holidays; the clause changes no date of a day
    written, but it changes a count. Read before as calendar days, without a flag."""
    if "tru" not in cell.folded and "khong" not in cell.folded:
        return
    if not _EXCEPT_HOLIDAYS.search(cell.folded):
        return
    for found in cell.found:
        counted = [
            r for r in found.rules if r.kind == "relative" and r.days == "calendar" and r.offset
        ]
        if counted and not found.note:
            found.note = "đếm ngày theo lịch mà trừ ngày nghỉ: ngày làm việc?, cần xem lại"


def _received_lead(cell: Cell, match: re.Match[str]) -> str:
    """ "khi nhận được hồ sơ": the receipt the pattern left out of the event's words, to give
    the event its kind when the words alone ("hồ sơ") have none (probed, hprobe7: read as an
    unnamed event)."""
    return "nhận được " if cell.folded[: match.start(1)].endswith("nhan duoc ") else ""


def _two_counts(cell: Cell) -> None:
    """ "không quá 30 ngày kể từ ngày thụ lý; vụ việc phức tạp không quá 45 ngày kể từ ngày
    thụ lý" (probed, round eighteen): two counts from events in one cell are a deadline per
    case (or per step), which one timing does not say; read before as both, without a flag."""
    relatives = [f for f in cell.found if any(r.kind == "relative" for r in f.rules)]
    if len(relatives) < 2 or any(f.note for f in relatives):
        return
    counts = {
        (r.event, r.label, r.offset, r.start_offset, r.days)
        for f in relatives
        for r in f.rules
        if r.kind == "relative"
    }
    if len(counts) > 1:
        relatives[
            -1
        ].note = "hai thời hạn tính từ sự kiện trong một ô (mỗi trường hợp, mỗi bước một hạn?), cần xem lại"


# "ứng trực 24/24 giờ", "trực 24/24h" (round twenty-three): duty round the clock, continuous
# work ("24/24" is no date: no month 24). Only after "trực" or before "giờ"/"h".
# "tiếp nhận thủ tục tất cả các ngày trong tuần" (round thirty-eight): every day of the week,
# continuous work (left unread before, flagged). Only with "tất cả": "các ngày trong tuần"
# alone may mean the working days.
# "Thường trực" is standing duty, except as a body's name: "Ban Thường trực", "Thường trực
# Đảng ủy", "Thường trực HĐND" (a report sent to them, a meeting of theirs) is no continuous
# work; read so before, "Thường trực Đảng ủy họp ngày 5 hằng tháng" gained a continuous rule.
_STANDING_BODY = (
    r"(?:dang|huyen|tinh|thanh|quan|thi|cap|dang)_uy|hdnd|ubnd|hoi_dong|uy_ban|ubmttq|mttq|mat_tran"
    r"|chi_bo|dang|ban_chi_dao|ban_thuong_vu|dang_bo|doan|hoi"
)
_CONTINUOUS = rx(
    r"(?<![a-z])(?:(?:(?:ung|thuong)_)?truc_24 / 24(?: (?:gio|h)(?![a-z]))?|24 / 24 (?:gio|h)(?![a-z])|thuong_xuyen|lien_tuc|hang_ngay|moi_ngay|suot_(?:ca_)?nam|ca_nam|quanh_nam|ngay_trong_ngay"
    rf"|(?<!ban\s)thuong_truc(?!_(?:{_STANDING_BODY})(?![a-z]))|tat_ca_(?:cac_)?ngay_trong_tuan)"
    r"(?:_(?:trong|suot)_(?:ca_)?nam(?:_\d{4})?|_\d{4}(?!\s*[/.\-]?\s*\d))?"
)


_ROUND_THE_CLOCK_ALONE = re.compile(
    r"^[\s(\-]*24\s*/\s*24(?:\s*(?:,|;|va|-)?\s*7\s*/\s*7)?[\s).;]*$"
)


# "trực 24/24 giờ, kể cả thứ Bảy, Chủ nhật", "24/24h kể cả các ngày lễ, Tết" (round thirty-
# eight): round the clock, the days off named after "kể cả" (including) only widen it. Read
# before as a weekly cadence on those days beside the continuous work, flagged. Only "kể cả"
# and only days off (weekend days, holidays, Tết); "riêng thứ Bảy" (an exception) still flags.
_DAY_OFF = r"(?:thu\s+(?:bay|7)|chu\s+nhat|cuoi\s+tuan|ngay\s+nghi(?:\s+(?:le|cuoi\s+tuan))?|(?:ngay\s+)?le|tet)(?![a-z\d])"
_ROUND_THE_CLOCK_WITH_DAYS_OFF = re.compile(
    r"(?<![a-z\d])(?:(?:(?:ung|thuong)\s+)?truc\s*)?24\s*/\s*24(?:\s*(?:gio|h)(?![a-z]))?"
    r"\s*,?\s*ke\s+ca\s+(?:(?:vao\s+)?(?:cac|nhung)\s+)?(?:ngay\s+)?"
    rf"{_DAY_OFF}(?:\s*(?:,|va|hoac)\s*(?:(?:cac\s+)?ngay\s+)?{_DAY_OFF})*"
)


# "trong giờ hành chính các ngày làm việc", "Từ thứ Hai đến hết sáng thứ Sáu", "từ thứ hai
# đến thứ sáu, riêng sáng thứ bảy": every working day. "Từ thứ 3 đến Chủ nhật hàng tuần
# (riêng chiều thứ 6 nghỉ …)": any span of weekdays is the days a service is open, a day
# or half-day it closes ("riêng … nghỉ") an exception to it. Not a span whose dates follow
# ("từ thứ Năm đến Chủ nhật, ngày 7-10/3": that week's days, a window). "… mỗi tuần" is
# "… hằng tuần" (hmeta: read before as every last weekday of the span, without a flag).
# "các ngày trong tuần (từ thứ hai đến thứ sáu)" (round forty-six): the days of the week the
# brackets name, a span of weekdays as above ("trong tuần" was left unread, flagged); alone,
# without the span, "các ngày trong tuần" is still not read (see ``_CONTINUOUS``).
_WEEKDAY = r"(?:thu_(?:hai|ba|tu|nam|sau|bay|[2-7])|chu_nhat)(?![a-z\d])"
_OFFICE_HOURS = rx(
    rf"(?:(?:vao|trong)_)?cac_ngay_trong_tuan [(] tu_{_WEEKDAY}_den_(?:het_)?{_WEEKDAY} [)]"
    r"|(?:trong_)?gio_hanh_chinh_(?:(?:vao|cua)_)?(?:(?:tat_ca_)?cac_)?ngay_lam_viec(?:_trong_(?:tuan|thang|nam))?"
    r"|(?:(?:vao|trong)_)?(?:tat_ca_)?cac_ngay_lam_viec(?:_trong_(?:tuan|thang|nam))?"
    rf"|tu_{_WEEKDAY}_den_(?:het_)?(?:sang_)?{_WEEKDAY}(?! [,(]? (?:ngay_)?\d)"
    rf"(?: ,? (?:va|rieng)_(?:buoi_)?sang_{_WEEKDAY}(?!_nghi))?(?:_(?:hang|moi)_tuan)?"
    rf"(?: [(,] rieng_(?:(?:buoi_)?(?:sang|chieu)_)?{_WEEKDAY}_nghi(?:[^()\d]*\))?)?"
)


# "Kế hoạch số 15/KH-UBND ngày 10/01/2024", "theo Thông tư 01/2024/TT-BNV": a text cited by
# its number, and the day it was signed. That day is the text's, never a deadline; the
# citation says nothing of when the task is due, so it is set aside (read, with no rule).
_TEXT_KIND = (
    r"(?:quyet\s+dinh|ke\s+hoach|cong\s+van|thong\s+tu(?:\s+lien\s+tich)?|nghi\s+dinh|chi\s+thi"
    r"|nghi\s+quyet|thong\s+bao(?:\s+ket\s+luan)?|van\s+ban|huong\s+dan|to\s+trinh|bao\s+cao|chuong\s+trinh"
    r"|ket\s+luan|quy\s+che|de\s+an|luat|phap\s+lenh)"
)
_REFERENCE = re.compile(
    rf"(?:(?:theo|can\s+cu|thuc\s+hien(?:\s+theo)?|trien\s+khai)\s+)?(?:{_TEXT_KIND}\s+)?"
    r"(?:so\s*:?\s*)?(?<![\d/])\d{1,6}\s*/\s*(?:\d{4}\s*/\s*)?[a-z]{1,8}(?:\s*-\s*[a-z]{1,10}){1,3}"
    # "văn bản số 15/UBND-VX của UBND tỉnh ngày 3/3/2024": the issuer between (probed, hprobe4).
    # "… số 15/KH-UBND được ban hành ngày 5/1/2024", "… do UBND huyện ký ngày …".
    rf"(?![a-z\d])(?:\s*,?\s*(?:(?:cua|do)\s+[^\d;(),]{{1,40}}?\s+)?"
    rf"(?:(?:duoc\s+|da\s+)?(?:ban\s+hanh|ky|phe\s+duyet)\s+)?ngay\s+{ANY_DATE})?"
)
# "theo Kế hoạch ngày 5/1/2024", "(Công văn ngày 3/3/2024 của UBND tỉnh)", "tại Thông báo
# kết luận ngày 3/3" (probed, hprobe4): a text cited by its kind and signing day, with no
# number, read before as a deadline on that day. Cited ("theo", "tại", "căn cứ") or opening
# a bracket; not a report's day in a bracket ("(báo cáo ngày 20/6)" may be the task's).
_REFERENCE_BY_DAY = re.compile(
    rf"(?:(?<![a-z])(?:theo|tai|can\s+cu(?:\s+vao)?)\s+{_TEXT_KIND}"
    rf"|\(\s*(?!bao\s+cao){_TEXT_KIND})"
    r"(?:\s+[^\d\s;(),]+){0,6}?\s*,?\s+(?:ban\s+hanh\s+|ky\s+)?ngay\s+"
    rf"{ANY_DATE}(?:\s+(?:cua|do)\s+[^\d;(),]{{1,40}}?(?=\s*\)))?"
)
_CARRIED_OUT_BY_DAY = re.compile(
    rf"(?<![a-z])(?:thuc\s+hien|trien\s+khai|quan\s+triet)\s+(?!bao\s+cao){_TEXT_KIND}"
    rf"\s*,?\s+ngay\s+{ANY_DATE}"
)


# A number that names a thing, not a day (probed, hprobe3): "Lớp 10/3 - 15/5/2024" (a class,
# read as the window 10/3 to 15/5), "Chi đoàn 12/4", "Khu phố 5/2"; "Đợt 1 - 15/3/2024",
# "Lần 2-10/10/2024", "Bước 2 - 30/6", "Mục 2 - 15/6", "Hoạt động 1 - 15/6", "Buổi 1 - 15/6"
# (a batch, a step, a section, a session: read as days 1 to 15). Not "thời điểm 0 giờ ngày 1/4"
# (a census's moment, the lead's convention, hconv2): "điểm" there is the moment's, and the
# number its hour (set aside before, "giờ" left unread and flagged). The number
# after such a word is set aside before any reading; a unit's name takes the slash pair, a
# batch's or a step's its number alone ("đợt 1/2024" flags: see below). Not "định kỳ 6
# tháng". A unit named by its work and numbered ("Vụ Nghiệp vụ 1", "Phòng Nghiệp vụ 2":
# round fifty-five, hfirst55), only after the unit's word: "tập huấn nghiệp vụ 2 ngày" counts.
_NAMED_NUMBER = re.compile(
    r"(?<![a-z])(?:lop|chi\s+doan|khu\s+pho|to(?:\s+dan\s+pho)?|ap|xom|khom|thon)\s+(?:so\s+)?"
    r"(\d{1,2}\s*/\s*\d{1,2})(?![\d/.])"
    r"|(?<![a-z])(?<!dinh\s)(?:(?<!\d\s)|(?<=\d{4}\s))(?:dot|lan|buoc|giai\s+doan|ky|hoc\s+ky|muc|phan|noi\s+dung"
    r"|hoat\s+dong|nhiem\s+vu|khoa|lop|cum|(?<!thoi\s)diem|doi|nhom|buoi|chuyen\s+de|to|khu\s+pho|ap|xom|thon"
    r"|(?:vu|phong|cuc|doi)\s+nghiep\s+vu)"
    r"\s+(?:thu\s+|so\s+)?(\d{1,2}|i{1,3}|iv)(?![a-z\d]|\s*[/.]\s*\d)"
)
# "Đợt 1/2024" (read as January 2024): the first batch of 2024, or the batch of January?
_BATCH_OF_YEAR = re.compile(
    r"(?<![a-z])(?<!dinh\s)(?:dot|lan|buoc|giai\s+doan|ky)\s+\d{1,2}\s*/\s*\d{4}(?![\d/])"
)


# The words' last syllables, each with the space after it: a cheap test before the scan.
_NAMED_TAILS = (
    "dot ", "lan ", "buoc ", "doan ", "ky ", "muc ", "phan ", "dung ", "dong ", "vu ", "khoa ",
    "lop ", "cum ", "diem ", "doi ", "nhom ", "buoi ", "de ", "to ", "pho ", "ap ", "xom ", "thon ",
)  # fmt: skip


# After a turn's or a batch's number, what shows it names the timing that follows: a colon, a
# dash, a bracket, a number, or a timing word ("Đợt 2 - 15/9", "đợt 2 (30/3)", "Lần 2: trước
# …", "đợt 2 trước ngày …").
_LABELS_WHAT_FOLLOWS = re.compile(
    r"\s*(?:[:\-\u2013\u2014(]|\d|(?:truoc|sau|tu|den|ngay|thang|quy|nam|hang|cham|trong|vao|hoan"
    r"|luc|thu|chu|tuan|cuoi|dau|giua|het|toi|muon|khi|ke|tinh)(?![a-z])"
    # "đợt 1 kéo dài 4 ngày từ ngày 06/1 đến ngày 09/1; Đợt 2 …" (round fifty-seven,
    # hfirst57): how long the batch lasts, then its window (or "kéo dài đến …"): the batch
    # names it, as with "trong 8 ngày từ …" (the count is checked against the window by the
    # reader's ``_length_of_a_window``). Flagged before as a round whose day is unsaid.
    r"|keo\s+dai\s+(?:\d{1,3}\s+ngay(?:\s+lam\s+viec)?\s*,?\s*)?(?:(?:bat\s+dau\s+)?tu|den|toi)(?![a-z])"
    # "Đợt 2 của chiến dịch kéo dài từ 1/6 đến 30/6" (round forty-nine): the batch of a work
    # named, then its window (the reader's ``_batch_as_subject`` reads the words between).
    r"|\s(?:cua|thuoc)\s+(?:[a-z]+\s+){1,8}?(?:(?:se|du\s+kien)\s+)?(?:(?:duoc|da)\s+)?"
    r"(?:dien\s+ra|keo\s+dai|to\s+chuc|trien\s+khai|thuc\s+hien|tien\s+hanh)\s+(?:bat\s+dau\s+)?tu\s)"
)


# "đợt I, bắt đầu từ ngày 2 - 20/4; đợt II, từ ngày 5 - 20/5", "Lần 1 bắt đầu ngày 3/3"
# (round fifty, hfirst50): a comma or "bắt đầu" between the batch's number and its reading;
# the batch still names the reading that follows (flagged before as a round whose day is
# unsaid). Past a comma, only the words that open a reading ("từ", "vào", "trước", a day …),
# not any timing word ("lần 2, hoàn thành …" names no day of its own). Joined to the pattern
# above, so that its users (the turn's-number check, hlan's rounds after a reading) read both.
_PAST_A_COMMA = (
    r"\s*(?:,\s*(?:bat\s+dau\s+)?|bat\s+dau\s+)(?:\d|(?:(?:ke\s+)?tu|vao|truoc|ngay|den|toi|thang"
    r"|quy|(?:cham|muon)\s+nhat|trong\s+(?:ngay|thang|quy|tuan|nam))(?![a-z]))"
)
_LABELS_WHAT_FOLLOWS = re.compile(rf"(?:{_PAST_A_COMMA})|(?:{_LABELS_WHAT_FOLLOWS.pattern})")


# A round of the work named right after a reading (hlan): "Trước 15/3 lần 2 của việc kiểm
# tra", "Tháng 6 đợt 2", "Quý III, giai đoạn 2", "Trước 15/3 lượt thứ hai", "… kỳ 2", "… vòng 2".
# The day is one round's of several, the other rounds' days not in the cell: read before as the
# day alone without a flag ("15/3 lần 2" slipped by the count guard of ``_NAMED_NUMBER``, "2 lần"),
# or "thứ hai" as a Monday. Only the ordinal right after a day, a month, a quarter or a year,
# a comma, a semicolon, a dash or a bracket between, and naming no timing after it ("…; đợt 2
# từ ngày …", "…, lần thứ hai vào ngày …" name the next reading's batch, as
# ``_LABELS_WHAT_FOLLOWS`` says), and the one round in the cell ("tháng 6 lần 1, tháng 12 lần
# 2" gives each round its day); the ordinal is set aside with the flag.
_ROUND_ORDINAL = re.compile(
    r"(?<![a-z])(?:lan|dot|luot|(?<!dinh\s)(?<!hoc\s)ky|(?<!trong\s)vong|giai\s+doan)"
    r"\s+(?:thu\s+)?(?:\d{1,2}|i{1,3}|iv|v|vi|mot|hai|ba|tu|nam|sau|bay|tam|chin|muoi)"
    r"(?![a-z\d]|\s*[/.]\s*\d)"
)
_A_READING_BEFORE = re.compile(
    r"(?:(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?"
    r"|(?<![a-z])(?:thang|quy)\s+(?:\d{1,2}|[ivx]+)(?:\s*[/.\-]\s*\d{4})?"
    r"|(?<![a-z])nam\s+\d{4})\s*[,;(\-\u2013\u2014]?\s*$"
)


def _rounds_after_a_reading(cell: Cell) -> None:
    folded = cell.folded
    rounds = list(cell.matches(_ROUND_ORDINAL))
    if len(rounds) != 1:
        return  # "tháng 6 lần 1, tháng 12 lần 2": each round with its day, a list
    for match in rounds:
        if (
            _A_READING_BEFORE.search(folded, 0, match.start()) is None
            or _LABELS_WHAT_FOLLOWS.match(folded, match.end()) is not None
        ):
            continue  # "…; Đợt 2 từ ngày …", "…, kỳ II trước 31/5": the next reading's name
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': lần, đợt thứ mấy của việc; ngày các lần khác không nêu")


# A round named before its one reading with the task's words between (first sight of round
# fifty-one, hfirst51): "Đợt 3 gieo sạ dứt điểm trước ngày 15/1", "Lần 2 kiểm tra trước 15/3",
# "đợt 2 tiêm vắc xin từ ngày 1/3 đến 15/3". By the lead's convention "Rounds of the work" a
# round before its reading is that reading: the ordinal says which round the day is; the words
# between are the task's, judged as any (an unknown one still flags). Only a round opening the
# cell or a clause (after ";", a line break or a list mark), a few words after it with no number,
# no second round and no word of condition ("hoàn thành" is none: "hoãn" folds as "hoàn" does;
# a comma may come first, "đợt 2, hoàn thành trước 30/9", hprobe25), then a bound or a start
# and a day ("UBND xã lần 2
# tổ chức …", a round after the subject, still flags).
_CLAUSE_OPENS = re.compile(r"(?:^|[;\n])\s*(?:[-+\u2022]\s*)?$")
_TASK_THEN_ITS_READING = re.compile(
    r"\s*,?\s+(?:(?!(?:lan|dot|luot|ky|vong|neu|hoac|tru|chua|khong|hoan(?!\s+thanh)|sau|tiep)(?![a-z]))"
    r"[a-z]+\s+){1,8}?"
    r"(?:truoc|(?:bat\s+dau\s+)?tu|den|toi|(?:cham|muon)\s+nhat(?:\s+la)?|vao|trong)\s+"
    r"(?:ngay\s+)?\d{1,2}\s*[/.\-]\s*\d{1,2}(?![\d])"
)


def _round_opens_its_reading(cell: Cell, match: re.Match[str]) -> bool:
    folded = cell.folded
    return (
        _CLAUSE_OPENS.search(folded, 0, match.start()) is not None
        and _TASK_THEN_ITS_READING.match(folded, match.end()) is not None
    )


def named_numbers(cell: Cell) -> None:
    folded = cell.folded
    _rounds_after_a_reading(cell)
    if not any(tail in folded for tail in _NAMED_TAILS):
        return
    for match in cell.matches(_NAMED_NUMBER):
        group = 1 if match.group(1) else 2
        if (
            group == 2
            and match[0].startswith(("lan", "dot"))
            and not _LABELS_WHAT_FOLLOWS.match(folded, match.end())
            and not _round_opens_its_reading(cell, match)
        ):
            # "Trước ngày 15/3/2026 lần 2", "Hằng tháng (lần 2)", "UBND xã lần 2 tổ chức …"
            # (probed, hprobe10): a turn's or a batch's number that names no timing after it
            # (not "Lần 2: …", "đợt 2 trước ngày …"): the second time of what, and is the day
            # the second time's? Read before as the day alone, without a flag.
            shown = cell.original(match.start(), match.end())
            cell.add(match, [], f"'{shown}': lần thứ mấy của việc, hạn có đổi không, cần xem lại")
            continue
        cell.take(match.start(group), match.end(group))
    for match in cell.matches(_BATCH_OF_YEAR):
        shown = cell.original(match.start(), match.end())
        cell.add(match, [], f"'{shown}': đợt thứ mấy trong năm, hay đợt của tháng ấy, cần xem lại")


def references(cell: Cell) -> None:
    if "/" in cell.folded:
        for match in cell.matches(_REFERENCE):
            cell.add(match, [])
    if "ngay" not in cell.folded:
        return
    for match in cell.matches(_REFERENCE_BY_DAY):
        cell.add(match, [])
    for match in cell.matches(_CARRIED_OUT_BY_DAY):
        # "Thực hiện Kế hoạch ngày 5/1/2024": the plan's day, or the day it is carried out?
        # Beside another reading, the text's; alone, an officer says.
        outside = cell.folded[: match.start()] + " " + cell.folded[match.end() :]
        shown = cell.original(match.start(), match.end())
        note = "" if re.search(r"\d", outside) else f"'{shown}': ngày của văn bản, hay ngày làm?"
        cell.add(match, [], note)


# "6 tháng đầu năm và cả năm", "Quý I, 6 tháng, 9 tháng và cả năm" (probed, hprobe3): the
# periods a plan's reports cover, the year the last of them, due at its end; not work all
# year round (which lost the year's end). Not a window over the year: a window holding
# another is read as its frame.
# A cadence before them ("hằng quý và cả năm", "Hằng tháng, cả năm", "6 tháng/lần và cả năm",
# "mỗi quý một lần và cả năm", hprobe23) is read the same way: the year its last report.
_PERIOD_THEN_YEAR = re.compile(
    r"(?<![a-z])(?:(?:6|9|sau|chin)\s+thang(?:\s+(?:dau|cuoi)\s+nam)?|quy\s+(?:i{1,3}|iv|[1-4])"
    r"|(?:hang|moi)\s+(?:thang|quy|tuan)(?:\s+(?:mot|1|01)\s+lan)?"
    r"|\d{1,2}\s+thang\s*(?:/|mot)\s*(?:(?:mot|1|01)\s*)?lan)"
    r"\s*(?:,|va)\s*$"
)


def _other_years_work(cell: Cell, match: re.Match[str]) -> str:
    """ "cả năm 2015", "thường xuyên trong năm 2025" in a plan of another year (round
    fifteen: "trong 3 tháng cuối năm 2014 và cả năm 2015", read as the last quarter and work
    all along the plan's year, without a flag): continuous work in a year the plan's
    period does not hold, which a continuous rule cannot place. Offered, flagged."""
    written = re.search(r"\d{4}", match[0])
    if written is None or cell.year is None or int(written[0]) == cell.year:
        return ""
    shown = cell.original(match.start(), match.end())
    return f"'{shown}': việc suốt năm {written[0]}, không phải năm của kế hoạch ({cell.year})"


# "Trước 15/12 (cả năm)", "Tháng 12 (cả năm)", "…; cả năm trước ngày 15/12", "Cả năm: chậm
# nhất 15/12" (probed, hprobe5): the whole year named beside a deadline is the period that
# deadline reports on, not work all year round (read before as both, without a flag).
_YEAR_IN_BRACKETS = re.compile(r"\(\s*$")
_YEAR_THEN_ITS_DAY = re.compile(
    r"\s*[:,\-]?\s*(?:gui\s+|nop\s+)?(?:truoc|(?:cham|muon|tre)\s+nhat(?:\s+la)?|han(?:\s+chot)?|vao)"
    r"\s*:?\s*(?:ngay\s+)?\d"
)


# "gửi số liệu ước thực hiện cả năm", "báo cáo kết quả cả năm": the year a report, its data
# or its review is about, a few words after their name.
_REPORTED_ON = re.compile(
    r"(?<![a-z])(?:bao\s+cao|so\s+lieu|uoc|ket\s+qua|tong\s+ket|quyet\s+toan)(?:\s+[a-z]+){0,3}\s+$"
)


def _names_the_year_reported(cell: Cell, match: re.Match[str]) -> bool:
    if not match[0].startswith("ca") or re.search(r"\d", match[0]):
        return False
    after = cell.folded[match.end() :]
    if _YEAR_THEN_ITS_DAY.match(after) or _REPORTED_ON.search(cell.folded, 0, match.start()):
        return True
    outside = cell.folded[: match.start()] + cell.folded[match.end() :]
    return (
        _YEAR_IN_BRACKETS.search(cell.folded, 0, match.start()) is not None
        and re.match(r"\s*\)", after) is not None
        and re.search(r"\d", outside) is not None
    )


def continuous(cell: Cell) -> None:
    if not cell.strict:
        for match in cell.matches(_ROUND_THE_CLOCK_WITH_DAYS_OFF):
            cell.add(match, [Rule(kind="continuous")])
    for match in cell.matches(_CONTINUOUS):
        if cell.strict and re.search(r"24\s*/\s*24", match[0]):
            continue  # a sentence's "trực 24/24 giờ" says how, not when (as before)
        if match[0].startswith("ca") and re.search(r"bao\s+cao\s*$", cell.folded[: match.start()]):
            cell.add(match, [])  # "Báo cáo cả năm": the name of the yearly report, no work
            continue
        if (
            match[0].startswith("ca")
            and cell.year
            and not re.search(r"\d", match[0])
            and _PERIOD_THEN_YEAR.search(cell.folded[: match.start()])
        ):  # "6 tháng đầu năm và cả năm": the year as a period, due at its end
            # A report's name before them ("Báo cáo 6 tháng đầu năm và cả năm") makes the
            # half year's a cadence the dated year's end would swallow: flag.
            note = (
                "kỳ báo cáo 6 tháng và cả năm, cần xem lại"
                if cell.reports or re.search(r"bao\s+cao", cell.folded[: match.start()])
                else ""
            )
            cell.add(match, [deadline(date(cell.year, 12, 31))], note)
            continue
        if _names_the_year_reported(cell, match):
            cell.add(match, [])
            continue
        note = _other_years_work(cell, match)
        if match[0].startswith("ngay trong") and not note:
            # "Ngay trong ngày", "Giải quyết ngay trong ngày" (probed, hprobe7): a procedure's
            # "the same day" (as what is received), more often than work every day; offered
            # as continuous work, flagged (read before without a flag).
            note = "'ngay trong ngày': trong ngày nhận (hồ sơ, yêu cầu?), hay việc hằng ngày?"
        cell.add(match, [Rule(kind="continuous")], note)
    if not cell.strict and "24" in cell.folded:
        # "24/24", "24/24, 7/7" alone in a timing cell (hsweep): round the clock, as after
        # "trực" (no month 24, so no date); in a sentence it says how, not when.
        for match in cell.matches(_ROUND_THE_CLOCK_ALONE):
            cell.add(match, [Rule(kind="continuous")])
    for match in cell.matches(_OFFICE_HOURS):
        cell.add(match, [Rule(kind="continuous")])
