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
``TASK_WORDS`` too, the reader's list of the words short task clauses are made of (since
hprobe10), whole.

Words, not syllables (hlex): a compound ("hồ sơ", "dự kiến", "cơ quan") is matched whole over
the run of written words, the longest first; a syllable written only inside compounds ("sơ",
"dự", "cơ") explains nothing alone; and a word of doubt, provision, draft, estimate, limit or
part made of known syllables ("sơ bộ", "dự phòng", "cơ bản", "một phần"; ``DOUBT_WORDS``)
flags wherever it stands. ``_WORDS`` still holds, space-parted, the words and syllables that
stand alone; the lists of compounds are comma-parted.

It holds, last, the one written list of the words that say when (``WHEN_WORDS``), which the
reader's folded checks fold (``FOLDED_TIMING_SYLLABLES``, ``FOLDED_TIMING_VOCABULARY``).
"""

from __future__ import annotations

import re
import unicodedata

from tracker.vn import fold

_WORDS = """
tổ chức thực hiện triển khai xây dựng kế hoạch báo cáo kiểm tra giám sát rà soát tổng hợp
gửi nộp trình ký ban hành tuyên truyền phổ biến tập huấn bồi dưỡng hướng dẫn đôn đốc phối
chủ trì tham mưu tiếp nhận giải quyết xử lý cập nhật công khai niêm yết đăng thu chi quyết
toán thẩm định phê duyệt đánh giá tổng khen thưởng họp hội nghị làm việc
chỉ đạo điều hành quản vận bảo đảm cung cấp lập danh sách hồ thủ tục chính văn bản quả số
liệu thông tin dữ tài biểu mẫu phiếu khảo thống kê chốt phát trao tặng động tham gia cải cách
đại hóa hoá chuyển đổi dịch vụ trực tuyến ứng dụng phần hệ cổng điện tử mạng xét duyệt
nghiệm thu bàn giao tiếp nhận trả lời phản ánh đơn thư khiếu nại tố cáo hòa giải
tiêm phòng chống dịch bệnh vệ sinh môi trường thu gom rác phân loại trồng cây chăm sóc
cứu hộ trợ giúp đỡ hỗ cấp phát chi trả trợ cấp lương hưu bảo hiểm y tế khám chữa học tập
tuyển sinh nhập học thi tốt nghiệp khai giảng bế mạc lễ hội diễn đàn tọa đàm giao lưu
phát động hưởng ứng phong trào thi đua vận động quyên góp ủng hộ
ủy uỷ ban nhân dân đồng xã phường thị trấn huyện quận tỉnh thành phố thôn xóm ấp bản tổ
khu làng trường trạm nhà văn hóa trụ sở bộ phận một cửa phòng ngành đoàn thể mặt trận
quốc công an quân sự phụ nữ nông cựu chiến binh thanh niên đảng chi văn phòng địa bàn
quan đơn vị phương trung ương chợ bưu điện đài truyền thanh
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
hạng thi giải phóng mặt bằng tái cư sổ quyền sử dụng cấp khẩu căn cước danh tử
hiệu đốc quỹ lý bác sĩ y nhân viên cộng sinh nhật khánh cuộc chuyên môn
tuyến
"""

# Words that name a unit, a body or a place: a capitalised word after one of them (or after a
# name word that follows one) is part of a proper name ("xã Tân Lập", "Phòng Tư pháp", "Sở Nội
# vụ", "Đ/c Huy").
_UNIT_WORDS = """
xã phường thị trấn huyện quận tỉnh thành phố thôn xóm ấp bản tổ khu làng trường trạm
phòng ban sở ngành đoàn hội cục chi bộ đảng ủy uỷ ubnd hđnd mttq công an quân đội
trung tâm nhà văn đài chợ bệnh viện lớp khối nhóm ông bà anh chị đồng chí đ/c
"""


# Words of more than one syllable, matched whole (the longest first) over a run of written
# words (hlex). A syllable written in one of them and not on its own in ``_WORDS`` or
# ``TASK_WORDS`` is known only there: "sơ" explains "hồ sơ" and "sơ kết", not "sơ bộ"; "dự"
# explains "dự kiến" and "tham dự", not "dự phòng" or "dự tính".
_COMPOUNDS = """
dự án, dự thi, dự họp, dự lễ, dự hội nghị, tham dự, dự tuyển,
sơ kết, sơ tuyển, sơ cấp, sơ cứu,
hội thảo, thảo luận, soạn thảo,
cơ quan, cơ sở, cơ chế, cơ cấu,
phần mềm, thành phần,
ý kiến, kiến nghị, kiến thức, sáng kiến,
văn nghệ, nghệ thuật, quần chúng, nội đồng, ra quân,
đồng loạt
"""

# Words of doubt, provision, draft, estimate, limit or part, made of syllables the lexicon
# knows, that say how firm or how whole a timing is (hlex): "sơ bộ" (preliminary), "dự
# phòng" (a fallback), "dự thảo" (a draft), "cơ bản" (basically), "một phần" (partly),
# "tham khảo" (for reference). Matched as words before the known ones; a run holding one
# explains nothing, whatever its syllables (a compound no list holds flags anyway when one of
# its syllables is known only inside other words).
_DOUBT_WORDS = """
sơ bộ, dự phòng, dự thảo, dự trù, dự tính, dự báo, dự trữ, tạm, tạm thời,
một phần, phần lớn, phần nào, bước đầu, cơ bản, tham khảo, định hướng, tương đối, ước tính
"""

# Words that change the reading beside them (hprobe14), written, lowered, matched as words
# (``CHANGES``): a move or a stretch ("hoãn", "lùi", "dời", "đổi lịch", "gia hạn", "kéo dài",
# "đẩy", "rút ngắn"), a stop or a ban ("tạm dừng", "ngừng", "hủy", "bỏ", "cấm", "nghỉ",
# "đình chỉ"), an exception or a scope ("trừ", "ngoài", "ngoại", "riêng", "chỉ"), a
# negation ("không", "chưa", "chẳng", "đừng"), a shift or a bound ("sau", "sớm", "muộn", "trễ",
# "chậm", "quá", "hơn", "gần", "sát"), a condition ("nếu", "khi", "giả sử", "trường hợp",
# "tùy"), a doubt or an estimate ("khoảng", "chừng", "độ", "tầm", "ước", "xấp xỉ", "dường",
# "có lẽ", "e là", "may ra"), an exemption ("miễn", "khỏi"), a wait ("chờ", "đợi", "hẹn") and
# a contrast ("nhưng", "song", "tuy"). A run of the task's own words holding one of them
# explains nothing (``reader._content_run``), and a filler word that is one is no filler:
# the class is closed enough to write, where the task's own words are not.
CHANGE_WORDS = """
hoãn, tạm hoãn, trì hoãn, lùi, dời, rời, đổi lịch, đổi ngày, đổi giờ, thay đổi, gia hạn,
kéo dài, rút ngắn, nới, giãn, khất, nán, xê dịch, xê xích, điều chỉnh, dừng, tạm dừng, ngừng, ngưng, hủy bỏ, huỷ bỏ, bãi bỏ, thôi, cấm, nghỉ,
nhích, đình chỉ, đình hoãn, ngoài, ngoại trừ, ngoại lệ, riêng, không, chưa, chẳng, chả, đừng, chớ,
sau, sớm, hơn, kém, gần, lỡ, nhỡ, nếu, khi, giả sử, trường hợp, tùy, tuỳ,
khoảng, chừng, xấp xỉ, ngót, áng, dường, có lẽ, có thể, e là, may ra, biết đâu, nghe đâu,
họa chăng, hình như, phỏng đoán, phỏng chừng, đại khái, đại thể, khỏi, chờ, đợi, hẹn,
nhưng, tuy, thêm, bớt, tối đa, tối thiểu, ít nhất, dự định, cân nhắc, tùy nghi, linh hoạt,
uyển chuyển, mập mờ, bấp bênh, thì, đề xuất, ngấp nghé, tương đối
"""
# Change words whose letters begin or end a word of work, matched only outside it: "thay"
# (not "thay mặt"), "đẩy" (not "đẩy mạnh"), "chỉ" (not "chỉ đạo", "địa chỉ" …), "trừ" (not
# "phòng trừ", "khấu trừ"), "bỏ" (not "bỏ phiếu"), "quá" (not "quá trình"), "miễn" (not
# "miễn phí"), "hủy" (not "hủy hoại"), "chậm", "muộn", "trễ" (not "chậm nhất", the latest day; "chỉ"
# neither before "trong", only within the window read), "song" (not "song song"), "độ", "ước", "tầm", "sát" (not "chế độ", "công
# ước", "tầm soát", "giám sát" …). Regular expressions over the lowered, written text.
CHANGE_PATTERNS = (
    r"thay(?!\s+mặt)",
    r"(?<!tiêu\s)(?:hủy|huỷ)(?!\s+hoại)",
    r"(?:chậm|muộn|trễ)(?!\s+nhất)",
    r"đẩy(?!\s+mạnh)",
    r"(?<!địa\s)chỉ(?!\s+(?:đạo|tiêu|thị|huy|số|định|dẫn|rõ|đường|trong)(?!\w))",
    r"(?<!phòng\s)(?<!khấu\s)(?<!diệt\s)(?<!bài\s)trừ",
    r"bỏ(?!\s+phiếu)",
    r"quá(?!\s+trình)",
    r"miễn(?!\s+(?:phí|dịch|giảm)(?!\w))",
    r"(?<!song\s)song(?!\s+(?:song|ngữ|hành)(?!\w))",
    r"(?<!chế\s)(?<!trình\s)(?<!mức\s)(?<!tiến\s)(?<!thái\s)(?<!nhiệt\s)(?<!cấp\s)(?<!tốc\s)(?<!độ\s)độ",
    r"(?<!hiệp\s)(?<!công\s)(?<!mơ\s)(?<!quy\s)ước(?!\s+mơ)",
    r"tầm(?!\s+(?:nhìn|quan|soát|cỡ|vóc)(?!\w))",
    r"(?<!giám\s)(?<!khảo\s)(?<!kiểm\s)(?<!sâu\s)sát(?!\s+hạch)",
)

# The words a short task clause beside a timing is made of (written, lowered): what is done,
# by whom, where ("dự kiến", "khai mạc", "tổ chức", "UBND xã", "chốt số liệu", "rà soát" …).
# Known words too (the reader's list since hprobe10, kept whole): ``KNOWN_WORDS`` holds its
# one-syllable words, ``_COMPOUNDS`` its longer ones; ``TASK_SYLLABLES`` all its syllables.
# "góp ý", "cho ý kiến" (round twenty-five, working rules): giving opinions; "ý" is known only
# inside "góp ý" and "ý kiến" (hlex). Not "chờ" ("chờ ý kiến", waiting for them): it flags.
# "bắn", "pháo hoa" (round twenty-eight, festivals' programmes): firing fireworks, a task.
TASK_WORDS = """
dự kiến, tính, vào, trong, ra, làm, các, khai mạc, bế mạc, tập huấn, điểm, diễn, trung,
đi, việc, này, nay, được, tổ chức, chuyển, gửi, về, chốt, số liệu, của, hk, đúng, phải,
phục vụ, cùng, triển, cao, dứt, tức, hđnd, ubnd, tỉnh, huyện, xã, khóa, khoá, giai đoạn,
bù, căn cứ, biên bản, công bố, hoạt động, giải quyết, phạm vi, rà soát, tuyển,
chương trình, triệu, kiểm tra, báo cáo, thực hiện, nộp, họp, hội nghị, phòng, ban, sở,
thôn, ấp, bản, trường, đoàn, đảng, ủy, uỷ, mặt trận, hành chính, kế hoạch, tuyên truyền,
ký, kết quả, xây dựng, hoàn thành, tiếp nhận, hồ sơ, dân cư, lễ, tết, trao, mục, lớp, khu,
phố, tiêu hủy, tiêu huỷ, mở, cửa, đóng, học sinh, người, nhà, quốc khánh, niêm yết,
đăng ký, thu, chi,
góp ý, bắn, pháo hoa
"""


# The activities plans of many sectors name their work with (hprobe14), written whole as
# compounds (their syllables explain nothing alone, hlex): farming, building, health,
# schools, culture and sport, order, administration and finance. Part of ``TASK_WORDS``, so a
# short clause of them beside a reading is the task's ("Phun thuốc diệt muỗi trước 15/3").
# No word of change, doubt or timing among them ("tiêm chủng", "mốc giới", "tuần tra" hold a
# timing syllable: left to the folded checks). With them, the discourse words that join a
# task to its timing and change nothing ("cũng", "đều", "cần", "vẫn", "sẽ", "đồng thời",
# "theo đó", "khẩn trương"); not "riêng" (a case of its own, hprobe13), a change word.
# "Gửi giấy mời chậm nhất 07 ngày trước ngày …" (probed, hprobe18): invitations, a task.
ACTIVITIES = """
phun thuốc, diệt muỗi, diệt chuột, phòng trừ sâu bệnh, sâu bệnh, tiêu độc, khử trùng,
chuồng trại, vật nuôi, gia súc, gia cầm, cây trồng, thả cá, cá giống, cây giống, ươm cây,
nạo vét, kênh mương, nội đồng, thủy lợi, thuỷ lợi, làm đất, bón phân, chăn nuôi, trồng rừng,
bảo vệ rừng, kiểm đếm, khởi công, thi công, lắp đặt, sơn sửa, tháo dỡ, san lấp, rải đá,
cấp phối, lát gạch, vỉa hè, đổ bê tông, bê tông hóa, giao thông, nông thôn, làm đường,
đo đạc, địa chính, trích lục, bản đồ, quy hoạch, mặt bằng, công trình, trang thiết bị,
mua sắm, camera, vắc xin, khám sức khỏe, khám sức khoẻ, sức khỏe, sức khoẻ, xét nghiệm,
hiến máu, tình nguyện, an toàn thực phẩm, chữa cháy, phòng cháy, cứu nạn, coi thi,
chấm thi, ra đề, học bổng, phụ huynh, phòng học, sách giáo khoa, thi đua, kiểm định,
chất lượng, bồi dưỡng, nghiệp vụ, phần mềm, sử dụng, văn nghệ, quần chúng, thể dục,
thể thao, bốc thăm, chia bảng, trưng bày, sản phẩm, triển lãm, biểu diễn, hội thao,
kiểm soát, quốc phòng, nghĩa vụ quân sự, giao quân, diễn tập, phòng thủ, kiểm kê, tài sản,
thanh lý, hợp đồng, quyết toán, kinh phí, giải ngân, đầu tư công, thu thuế, phi nông nghiệp,
thẩm tra, lý lịch, chụp ảnh, làm thẻ, cấp phát, phát thẻ, biển số nhà, gắn biển,
biển quảng cáo, quảng cáo, vớt rác, thu gom, tổng vệ sinh, ra quân, quyên góp, người nghèo,
hộ nghèo, lấy ý kiến, nhân dân, đón đoàn, theo dõi, nuôi cấy, vi sinh, đúc kết,
kinh nghiệm, xét tuyển, cử tri, chuyển đổi số, điều tra, trao tặng, thăm hỏi, tặng quà,
đồng thời, bên cạnh đó, theo đó, khẩn trương, nghiêm túc, tiếp tục, cũng, đều, cần, vẫn, sẽ,
dọn dẹp, phát quang, trồng cây, cắt tỉa, in ấn, tài liệu, sao lục, lưu trữ, số hóa,
số hoá, nhập liệu, cập nhật, kiểm tra chéo, đối chiếu, xác minh, đăng ký,
giấy mời
"""


def _norm(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


def _entries(text: str) -> list[tuple[str, ...]]:
    return [tuple(_norm(e).split()) for e in text.replace("\n", " ").split(",") if e.strip()]


TASK_SYLLABLES = frozenset(
    w for entry in _entries(TASK_WORDS) + _entries(ACTIVITIES) for w in entry
)
KNOWN_WORDS = frozenset(_norm(w) for w in _WORDS.split()) | frozenset(
    entry[0] for entry in _entries(TASK_WORDS) + _entries(ACTIVITIES) if len(entry) == 1
)
COMPOUNDS = frozenset(
    e for e in _entries(_COMPOUNDS) + _entries(TASK_WORDS) + _entries(ACTIVITIES) if len(e) > 1
)
DOUBT_WORDS = frozenset(_entries(_DOUBT_WORDS))
CHANGES = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        sorted(
            (r"\s+".join(map(re.escape, e)) for e in _entries(CHANGE_WORDS)),
            key=len,
            reverse=True,
        )
    )
    + "|"
    + "|".join(CHANGE_PATTERNS)
    + r")(?!\w)"
)
# The syllables known only inside a compound ("sơ", "dự", "kiến", "mạc" …): alone, unknown.
BOUND_SYLLABLES = frozenset(w for entry in COMPOUNDS for w in entry) - KNOWN_WORDS
_LONGEST = max(len(e) for e in COMPOUNDS | DOUBT_WORDS)
_FIRSTS = frozenset(e[0] for e in COMPOUNDS | DOUBT_WORDS if len(e) > 1)
UNIT_WORDS = frozenset(_norm(w) for w in _UNIT_WORDS.split())
_STRIP = " ,.'\"-–…()"
# A compound is not read across a mark that parts clauses or opens a remark.
_BREAK_AFTER = (",", ";", ":", ".", ")")


# The words that say when (hlex): one written list the reader's checks share, folded where a
# check compares folded text. Before, the same syllables were written three times (the
# reader's ``_TIMING_SYLLABLES`` and ``_TIMING_VOCABULARY``, folded; ``several._WHEN``,
# written), each kept by hand beside the others.
#
# The timing syllables: never explained away by a lexicon or a role.
_WHEN_SYLLABLES = """
ngày tháng năm quý tuần giờ phút trước sau từ đến tới hết chậm muộn kể khi lần đợt âm lịch
rằm mùng mồng thứ chủ nhật đầu cuối giữa kỳ hằng hàng mỗi từng hoặc nhưng trừ không chưa
hoàn lùi đổi dời tết lễ nghỉ buổi sáng chiều đêm trưa tối tiếp theo liền sớm trễ kịp hôm
mai qua nữa sắp vừa đã rồi đang bắt kết thúc
"""
# The rest of the closed vocabulary a timing is built from: number words, qualifiers ("ít",
# "hơn", "khoảng", "gần"), repetition and resumption ("lại", "trở"), conditions and exceptions
# ("nếu", "hợp" of "trường hợp", "riêng", "ngoài", "chỉ"), suspension and extension ("tạm", "ngưng",
# "hạn"), duration ("thời", "vòng", "suốt", "xuyên", "niên", "tuổi"), seasons, parts of the
# day, sessions and turns ("phiên", "lượt"), occasions ("dịp"), the lunar months and cycle
# years ("Giêng", "Chạp", "Giáp Thìn"), the calendars ("dương"), force ("hiệu lực"), a
# milestone ("mốc"), a prohibition ("cấm": no deadline; probed, hprobe4), "định", and a half
# ("nửa cuối tháng 5", "nửa đầu năm": probed, hprobe17; folded it is "nữa", so a reading
# opening on it was taken for a misspelt "nữa").
_WHEN_MORE = """
một hai ba bốn tư sáu bảy tám chín mười mươi linh lẻ trăm nghìn ngàn vài nhiều ít hơn kém nửa
khoảng gần xấp lại trở nếu hợp riêng ngoài chỉ ngưng tạm hạn thời vòng suốt xuyên niên tuổi
mùa xuân hè thu giây khuya rạng phiên lượt giáp chạp giêng ất bính đinh mậu canh tân nhâm tý
sửu dần mão thìn tỵ ngọ mùi thân dậu tuất hợi dương hiệu lực mốc dịp cấm định
"""
# Said when only as written: folded they are other, common words ("đông" is "đồng", "dự" is
# "dư", "cầu" is "cấu"), so the folded checks leave them; or they say when beside a partner
# ("liên tục", "đột xuất", "theo yêu cầu", "kéo dài", "bù", "thường kỳ").
_WHEN_WRITTEN_ONLY = """
quí kì hạ đông bù dự kéo thường liên tục đột xuất yêu cầu
"""
# Said when only beside their partner ("Chủ nhật", "hiệu lực", "thường niên"): the folded
# checks hold them (they flag), the written list leaves them to the partner, so "Chủ tịch",
# "Hiệu trưởng", "Thanh niên" stay names.
_WHEN_PARTNERED = """
chủ hiệu niên
"""

_when_syllables = frozenset(_norm(w) for w in _WHEN_SYLLABLES.split())
_when_more = frozenset(_norm(w) for w in _WHEN_MORE.split())
_partnered = frozenset(_norm(w) for w in _WHEN_PARTNERED.split())
# Folded: the reader's ``_TIMING_SYLLABLES`` and ``_TIMING_VOCABULARY`` (a syllable stands
# for all its tones there, so the lists err on the side of flagging).
FOLDED_TIMING_SYLLABLES = frozenset(fold(w) for w in _when_syllables)
FOLDED_TIMING_VOCABULARY = FOLDED_TIMING_SYLLABLES | frozenset(fold(w) for w in _when_more)
# Written: ``several._WHEN`` (a label's words are compared unfolded, so "dân" is not "Dần").
WHEN_WORDS = (
    _when_syllables | _when_more | frozenset(_norm(w) for w in _WHEN_WRITTEN_ONLY.split())
) - _partnered


def known(word: str) -> bool:
    """Whether the written word stands alone in the lexicon (``KNOWN_WORDS``): a syllable known
    only inside a compound ("sơ" of "hồ sơ") does not."""
    return _norm(word) in KNOWN_WORDS


def unit_word(word: str) -> bool:
    """Whether the written word names a unit, a body or a place (``UNIT_WORDS``)."""
    return _norm(word) in UNIT_WORDS


def in_place(words: list[str]) -> list[bool | None]:
    """Each written word's standing where it is written (hlex): True when it is part of a
    known compound ("hồ sơ", "dự kiến"; the longest match from the left) or stands alone in
    the lexicon (``known``), False when it is part of a word of doubt ("sơ bộ", "dự phòng";
    ``DOUBT_WORDS``), None when the lexicon does not know it there ("sơ" alone). A compound is
    not matched across a comma, a colon or a bracket."""
    written = [_norm(w.strip(_STRIP + ";:/")) for w in words]
    marks: list[bool | None] = [None] * len(words)
    i = 0
    while i < len(words):
        width = 1
        longest = min(_LONGEST, len(words) - i) if written[i] in _FIRSTS else 1
        for n in range(longest, 1, -1):
            if any(words[j].rstrip().endswith(_BREAK_AFTER) for j in range(i, i + n - 1)) or any(
                words[j].lstrip().startswith("(") for j in range(i + 1, i + n)
            ):
                continue
            entry = tuple(written[i : i + n])
            if entry in DOUBT_WORDS or entry in COMPOUNDS:
                width = n
                break
        entry = tuple(written[i : i + width])
        if entry in DOUBT_WORDS:
            marks[i : i + width] = [False] * width
        elif width > 1 or written[i] in KNOWN_WORDS:
            marks[i : i + width] = [True] * width
        i += width
    return marks


def all_known(words: list[str], after_unit: bool = False) -> bool:
    """Whether every written word is known where it is written (``in_place``: a word of the
    lexicon or of one of its compounds), an abbreviation ("UBND", "Đ/c"), or part of a proper
    name: a capitalised word after a unit word or after another name's word ("xã Tân Lập",
    "Phòng Tư pháp", "Sở Nội vụ"). A word of doubt ("sơ bộ") is never known, but as part of a
    name. ``after_unit``: whether the word before the first was a unit word."""
    marks = in_place(words)
    for word, mark in zip(words, marks, strict=True):
        written = word.strip(_STRIP)
        if not written:
            continue
        if after_unit and written[:1].isupper():
            after_unit = True
            continue
        if mark or (mark is None and ("/" in written or (len(written) > 1 and written.isupper()))):
            after_unit = unit_word(written)
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
