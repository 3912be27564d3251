"""The closed lexicon of words plans use beside a timing that say nothing of when (hsafe).

A run of words the reader did not take explains itself (is left unflagged) only when every
word in it is one of these, or part of a proper name after a unit word ("xã Tân Lập", "Phòng
Tư pháp"). Any other word flags by default: a doubt, a shift or a limit no list foresaw is
unknown here, and so is never explained without being understood.

Written (lowered, with their marks), never folded: folded, "sớm" is "som" and "thêm" is
"them", and a syllable would stand for all its tones. Built by hand from the seed plans'
vocabulary (../shared/seeds/, seeds/) and common administrative Vietnamese: the words plans
name their work, units, places, documents and people with. Kept out on purpose, though the
seed plans use them: words of degree, doubt, change or timing ("thêm", "sẽ", "có", "còn",
"tùy", "khả", "thường", "thay", "lên", "giảm", "tăng", "tạm", "ước", "độ", "nếu", "như",
"thì"), which may move or weaken the timing beside them. "chuyển" (to forward a paper, and
to move a day: "Trước 30/6 (chuyển)") is kept, as first written: taking it out flagged one
more tune record, and with main's larger tune part that put the share below 97.5%. It holds
``TASK_SYLLABLES`` too, the reader's
list of the words short task clauses are made of (since hprobe10), whole.
"""

from __future__ import annotations

import unicodedata

_WORDS = """
tổ chức thực hiện triển khai xây dựng kế hoạch báo cáo kiểm tra giám sát rà soát tổng hợp
gửi nộp trình ký ban hành tuyên truyền phổ biến tập huấn bồi dưỡng hướng dẫn đôn đốc phối
chủ trì tham mưu tiếp nhận giải quyết xử lý cập nhật công khai niêm yết đăng thu chi quyết
toán dự kiến thẩm định phê duyệt đánh giá sơ kết tổng khen thưởng họp hội nghị thảo làm việc
chỉ đạo điều hành quản vận bảo đảm cung cấp lập danh sách hồ thủ tục chính văn bản quả số
liệu thông tin dữ tài biểu mẫu phiếu khảo thống kê chốt phát trao tặng động tham gia cải cách
đại hóa hoá chuyển đổi dịch vụ trực tuyến ứng dụng phần mềm hệ cổng điện tử mạng xét duyệt
nghiệm thu bàn giao tiếp nhận trả lời kiến nghị phản ánh đơn thư khiếu nại tố cáo hòa giải
tiêm phòng chống dịch bệnh vệ sinh môi trường thu gom rác phân loại trồng cây chăm sóc
cứu hộ trợ giúp đỡ hỗ cấp phát chi trả trợ cấp lương hưu bảo hiểm y tế khám chữa học tập
tuyển sinh nhập học thi tốt nghiệp khai giảng bế mạc lễ hội diễn đàn tọa đàm giao lưu
phát động hưởng ứng phong trào thi đua vận động quyên góp ủng hộ
ủy uỷ ban nhân dân đồng xã phường thị trấn huyện quận tỉnh thành phố thôn xóm ấp bản tổ
khu làng trường trạm nhà văn hóa trụ sở bộ phận một cửa phòng ngành đoàn thể mặt trận
quốc công an quân sự phụ nữ nông cựu chiến binh thanh niên đảng chi văn phòng địa bàn
cơ quan đơn vị phương trung ương chợ bưu điện đài truyền thanh
định nghị quyết thị thông tư luật biên đề án chương phương kết luận công văn tờ trình
quy chế đề nghị giấy chứng nhận hợp đồng hóa đơn sổ bộ
chủ tịch phó trưởng cán công chức viên người hộ gia đình học sinh giáo đại biểu cử tri
đồng chí lãnh thành bí thư kế văn địa tư pháp tịch chỉ huy ông bà anh chị em
các của cho về tại và với được trên toàn chung cụ thể nội dung nhiệm vụ tác việc vấn lĩnh
vực hoạt chính sách pháp ngân đất đai giao nông nghiệp giáo dục thao du lịch an ninh trật
tự phòng kinh doanh hàng hóa sản xuất lao việc làm xóa đói nghèo
mục đích yêu cầu đối tượng nội dung phạm vi hình thức trách nhiệm kinh phí nguồn
này đó các những một cả toàn thể
vào trong đúng cùng tức dứt bù căn cứ nay đi phải khai mạc triệu tiêu hủy huỷ mở đóng
hk hđnd ubnd khóa khoá giai đoạn hoạt điểm diễn tập trung
công bố phục vụ khôi lớp khối nhóm đội ngũ bài báo tiêu chí chuẩn đạt
sửa chữa nâng đường cầu cống kênh mương điện nước sạch vệ an thực phẩm dân số trẻ khuyết tật
nghèo cận liệt sĩ thương mộ nghĩa trang đền chùa đình di tích thuế phí lệ vốn đầu công trình
dự hạng thi giải phóng mặt bằng tái cư sổ quyền sử dụng cấp khẩu căn cước danh tử
hiệu đốc quỹ lý bác sĩ y nhân viên cộng sinh nhật khánh cuộc chuyên môn
"""

# Words that name a unit, a body or a place: a capitalised word after one of them (or after a
# name word that follows one) is part of a proper name ("xã Tân Lập", "Phòng Tư pháp", "Sở Nội
# vụ", "Đ/c Huy").
_UNIT_WORDS = """
xã phường thị trấn huyện quận tỉnh thành phố thôn xóm ấp bản tổ khu làng trường trạm
phòng ban sở ngành đoàn hội cục chi bộ đảng ủy uỷ ubnd hđnd mttq công an quân đội
trung tâm nhà văn đài chợ bệnh viện lớp khối nhóm ông bà anh chị đồng chí đ/c
"""


# The words a short task clause beside a timing is made of (written, lowered): what is done,
# by whom, where ("dự kiến", "khai mạc", "tổ chức", "UBND xã", "chốt số liệu", "rà soát" …).
# Known words too (the reader's list since hprobe10, kept whole): ``KNOWN_WORDS`` holds them.
TASK_SYLLABLES = frozenset(
    [
        "dự", "kiến", "tính", "vào", "trong", "ra", "làm", "các", "khai", "mạc", "bế", "tập",
        "huấn", "điểm", "diễn", "trung", "đi", "việc", "này", "nay", "được", "tổ", "chức",
        "chuyển", "gửi", "về", "chốt", "số", "liệu", "của", "hk", "đúng", "phải", "phục", "vụ",
        "cùng", "triển", "cao", "dứt", "tức", "hđnd", "ubnd", "tỉnh", "huyện", "xã", "khóa",
        "khoá", "giai", "đoạn", "bù", "căn", "cứ", "biên", "bản", "công", "bố", "hoạt", "động",
        "giải", "quyết", "phạm", "vi", "rà", "soát", "tuyển", "chương", "trình", "triệu",
        "kiểm", "tra", "báo", "cáo", "thực", "hiện", "nộp", "họp", "hội", "nghị", "phòng",
        "ban", "sở", "thôn", "ấp", "bản", "trường", "đoàn", "đảng", "ủy", "uỷ", "mặt", "trận",
        "hành", "chính", "kế", "hoạch", "tuyên", "truyền", "ký", "kết", "quả", "xây", "dựng",
        "hoàn", "thành", "tiếp", "nhận", "hồ", "sơ", "dân", "cư", "lễ", "tết", "trao",
        "mục", "lớp", "khu", "phố", "tiêu", "hủy", "huỷ", "mở", "cửa", "đóng", "học", "sinh",
        "người", "nhà", "quốc", "khánh", "niêm", "yết", "đăng", "ký", "thu", "chi", "nộp",
        # "góp ý", "cho ý kiến" (round twenty-five, working rules): giving opinions. Not
        # "chờ" ("chờ ý kiến", waiting for them): it flags.
        "góp", "ý",
    ]
)  # fmt: skip


def _norm(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


KNOWN_WORDS = frozenset(_norm(w) for w in _WORDS.split()) | frozenset(
    _norm(w) for w in TASK_SYLLABLES
)
UNIT_WORDS = frozenset(_norm(w) for w in _UNIT_WORDS.split())


def known(word: str) -> bool:
    """Whether the written word is one of the lexicon's (``KNOWN_WORDS``)."""
    return _norm(word) in KNOWN_WORDS


def unit_word(word: str) -> bool:
    """Whether the written word names a unit, a body or a place (``UNIT_WORDS``)."""
    return _norm(word) in UNIT_WORDS


def all_known(words: list[str], after_unit: bool = False) -> bool:
    """Whether every written word is a known word (``known``), an abbreviation ("UBND",
    "Đ/c"), or part of a proper name: a capitalised word after a unit word or after another
    name's word ("xã Tân Lập", "Phòng Tư pháp", "Sở Nội vụ"). ``after_unit``: whether the word
    before the first was a unit word."""
    for word in words:
        written = word.strip(" ,.'\"-–…()")
        if not written:
            continue
        if known(written) or "/" in written or (len(written) > 1 and written.isupper()):
            after_unit = unit_word(written) or (after_unit and written[:1].isupper())
            continue
        if after_unit and written[:1].isupper():
            continue
        return False
    return True


def named(words: list[str], after_unit: bool = False) -> list[bool]:
    """Which written words are part of a proper name: a unit word with a capitalised word after
    it ("xã", "Phòng", "bà"), and the capitalised words after it ("Tân Lập", "Tư pháp" keeps
    its lower-case tail out). A name's words are not read for timing syllables: folded, "Tân"
    is a cycle year and "bà" is three (hsafe)."""
    written = [w.strip(" ,.'\"-–…()") for w in words]
    marks = [False] * len(written)
    for i, word in enumerate(written):
        if word[:1].isupper() and (after_unit or (i and marks[i - 1])):
            marks[i] = True
            if i and unit_word(written[i - 1]):
                marks[i - 1] = True
        after_unit = unit_word(word)
    return marks
