"""The demo's English edition: the home page, the plan, its units page and one paper.

Translated the way an editor does it in wagtail-localize's editor: each source string
of the Vietnamese page gets its English text, then the translation is saved and
published. Keys are the Vietnamese strings exactly as wagtail-localize extracts them;
`tests/site/test_load_demo.py` fails when one of them no longer matches.
"""

from django.utils.translation import gettext as _
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .release import publish

LANGUAGE = "en"

# The units' own names (Thành ủy Pleiku…) stay as the bodies write them, as in the
# province's English publications; their roles and texts are translated.
PROPAGANDA = "Propaganda Department of the Provincial Party Committee"
PARTY_OFFICE = "Office of the Provincial Party Committee"

HOME = {
    "Báo Gia Lai điện tử": "Gia Lai Online News",
    "home": "en",
    "Tin tức, sự kiện của tỉnh Gia Lai.": "News and events from Gia Lai province.",
}

PLAN = {
    "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh, đáp ứng "
    "yêu cầu nhiệm vụ": (
        "Stepping up the building and rectification of a clean and strong Party and political "
        "system equal to its tasks"
    ),
    "toa-dam-xay-dung-chinh-don-dang-2022": "symposium-party-building-and-rectification-2022",
    "Tọa đàm chỉnh đốn Đảng": "Party rectification symposium",
    "Ban Biên tập": "Editorial Board",
    "Hội trường, nơi dự kiến tổ chức tọa đàm (ảnh minh họa).": (
        "The hall where the symposium is expected to be held (illustration)."
    ),
    "Báo Gia Lai": "Gia Lai Newspaper",
    "Ban Thường vụ Tỉnh ủy Gia Lai": "Standing Committee of the Gia Lai Provincial Party Committee",
    "Gia Lai": "Gia Lai",
    "cuối tháng 8 năm 2022": "late August 2022",
    "Ban Thường vụ Tỉnh ủy Gia Lai tổ chức tọa đàm để các cấp ủy, cơ quan, đơn vị cùng bàn giải "
    "pháp xây dựng, chỉnh đốn Đảng và hệ thống chính trị; tham luận gửi Ban Tuyên giáo Tỉnh ủy "
    "trước ngày 19-8-2022.": (
        "The Standing Committee of the Gia Lai Provincial Party Committee holds a symposium at "
        "which Party committees, agencies and units discuss how to build and rectify the Party "
        "and the political system; papers go to the Propaganda Department by 19 August 2022."
    ),
    "Tọa đàm là một đợt sinh hoạt chính trị rộng khắp trong toàn Đảng bộ tỉnh. Qua đó, cán bộ, "
    "đảng viên hiểu sâu hơn tính chất và tầm quan trọng của việc xây dựng, chỉnh đốn Đảng và hệ "
    "thống chính trị.": (
        "The symposium is a political activity across the whole provincial Party organisation. "
        "Through it, cadres and Party members come to understand more deeply the nature and "
        "weight of building and rectifying the Party and the political system."
    ),
    "Mỗi cấp ủy, tổ chức đảng và từng đảng viên nâng cao trách nhiệm, quyết tâm chính trị và "
    "tinh thần tự soi, tự sửa; cùng trao đổi những nhiệm vụ, giải pháp sát thực tế để thực hiện "
    "Kết luận 21-KL/TW gắn với Kết luận 01-KL/TW và Chỉ thị 05-CT/TW; ngăn chặn, đẩy lùi và xử "
    "lý nghiêm sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn "
    "biến”, “tự chuyển hóa”.": (
        "Every Party committee, Party organisation and Party member raises their sense of "
        "responsibility, political resolve and readiness to examine and correct themselves; "
        "together they exchange practical tasks and solutions for carrying out Conclusion "
        "21-KL/TW together with Conclusion 01-KL/TW and Directive 05-CT/TW, and for preventing, "
        "repelling and firmly dealing with degradation in political ideology, ethics and "
        "lifestyle and the signs of “self-evolution” and “self-transformation”."
    ),
    "Tổ chức thiết thực, nghiêm túc, hiệu quả.": "Practical, serious and effective.",
    "Tham luận và ý kiến thảo luận khách quan, khoa học, có cơ sở lý luận và thực tiễn, mang "
    "tính xây dựng và tính Đảng.": (
        "Papers and contributions to the discussion are objective and well founded in theory "
        "and practice, constructive and true to the Party's principles."
    ),
    "Mỗi tham luận đề xuất được nhiệm vụ, giải pháp cụ thể, có thể vận dụng ngay tại cấp ủy, cơ "
    "quan, đơn vị, địa phương mình.": (
        "Each paper proposes concrete tasks and solutions that its own Party committee, agency, "
        "unit or locality can put to use at once."
    ),
    "Các đơn vị căn cứ tình hình thực tế và đặc thù công tác của mình để chuẩn bị tham luận, có "
    "thể theo bố cục gợi ý sau:": (
        "Units prepare their papers from their own situation and line of work, and may follow "
        "this outline:"
    ),
    "Ý nghĩa, tầm quan trọng, giá trị lý luận và thực tiễn của công tác xây dựng, chỉnh đốn Đảng "
    "và hệ thống chính trị, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
    "Chí Minh.": (
        "The meaning, importance and theoretical and practical value of building and "
        "rectifying the Party and the political system, together with studying and following "
        "Ho Chi Minh's thought, ethics and style."
    ),
    "Những hạn chế và nguyên nhân trong công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị "
    "thời gian qua tại đơn vị.": (
        "Shortcomings in building and rectifying the Party and the political system in the "
        "unit so far, and their causes."
    ),
    "Nhiệm vụ, giải pháp cụ thể để đẩy mạnh thực hiện Kết luận 21-KL/TW; phương hướng lãnh đạo, "
    "chỉ đạo trong thời gian tới.": (
        "Concrete tasks and solutions for stepping up the implementation of Conclusion "
        "21-KL/TW; the direction of leadership in the time ahead."
    ),
    "Đơn vị có thể chọn một vài nội dung phù hợp nhất để đi sâu. Tham luận không quá 7 trang "
    "giấy A4.": (
        "A unit may choose the few points that suit it best and go into them in depth. A paper "
        "runs to no more than 7 A4 pages."
    ),
    "Ban Tuyên giáo Tỉnh ủy": PROPAGANDA,
    "Khó khăn, vướng mắc trong quá trình thực hiện, các cấp ủy, cơ quan, đơn vị, địa phương báo "
    "cáo Ban Thường vụ Tỉnh ủy qua Ban Tuyên giáo Tỉnh ủy.": (
        "Party committees, agencies, units and localities report any difficulty in carrying "
        "out the plan to the Provincial Party Standing Committee through the Propaganda "
        "Department."
    ),
    # Legal basis: the issuers and titles (numbers and dates are kept as issued).
    "Ban Chấp hành Trung ương Đảng khóa XIII": "13th Party Central Committee",
    "Kết luận Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống "
    "chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư "
    "tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”": (
        "Conclusion of the 4th Plenum of the 13th Central Committee on stepping up the building "
        "and rectification of the Party and the political system, and on resolutely preventing, "
        "repelling and strictly dealing with cadres and Party members who degrade in political "
        "ideology, ethics and lifestyle or show “self-evolution” and “self-transformation”"
    ),
    "Bộ Chính trị": "Politburo",
    "Kết luận về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII": (
        "Conclusion on continuing to implement Directive 05-CT/TW of the 12th Politburo"
    ),
    "Bộ Chính trị khóa XII": "12th Politburo",
    "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh": (
        "Directive on stepping up the study and following of Ho Chi Minh's thought, ethics "
        "and style"
    ),
    # Assignments.
    "Chủ trì chuẩn bị nội dung, dự thảo báo cáo đề dẫn và báo cáo tổng kết tọa đàm.<br/>Nhận, "
    "tổng hợp, biên tập và thẩm định các tham luận; in tài liệu phục vụ tọa đàm.<br/>Xây dựng "
    "báo cáo kết quả tổ chức tọa đàm; cùng Văn phòng Tỉnh ủy dự trù kinh phí.": (
        "Leads the preparation of the content and drafts the keynote and closing reports.<br/>"
        "Receives, compiles, edits and vets the papers; prints the symposium's documents.<br/>"
        "Writes the report on the symposium's results; budgets it with the Party Office."
    ),
    "Ban Tổ chức Tỉnh ủy": "Organisation Department of the Provincial Party Committee",
    "Phối hợp với Ban Tuyên giáo Tỉnh ủy chuẩn bị nội dung, báo cáo đề dẫn và tổng kết.": (
        "Works with the Propaganda Department on the content and the keynote and closing reports."
    ),
    "Trường Chính trị tỉnh": "Provincial Political School",
    "Phối hợp chuẩn bị nội dung tọa đàm, góp ý dự thảo báo cáo đề dẫn và tổng kết.": (
        "Helps prepare the content and comments on the drafts of the keynote and closing reports."
    ),
    "Văn phòng Tỉnh ủy": PARTY_OFFICE,
    "Bố trí kinh phí tổ chức, phục vụ tọa đàm và thanh quyết toán theo quy định.": (
        "Funds the organisation and running of the symposium and settles its accounts under "
        "the rules."
    ),
    "Các cấp ủy, cơ quan, đơn vị được mời": "Invited Party committees, agencies and units",
    "Chuẩn bị tham luận theo gợi ý của kế hoạch và cử đại diện lãnh đạo trình bày tại tọa đàm.": (
        "Prepare a paper along the lines the plan suggests and send a leader to present it at "
        "the symposium."
    ),
    # Programme.
    "Đón tiếp đại biểu": "Welcome of the delegates",
    "Tuyên bố lý do, giới thiệu đại biểu": "Opening statement, introduction of the delegates",
    "Báo cáo đề dẫn tọa đàm": "Keynote report",
    "Lãnh đạo Ban Tuyên giáo Tỉnh ủy": "Leaders of the Propaganda Department",
    "Trình bày tham luận của các đơn vị": "Papers presented by the units",
    "Đại diện lãnh đạo các đơn vị": "Leaders representing the units",
    "Thảo luận, trao đổi": "Discussion",
    "Đại biểu dự tọa đàm": "Delegates to the symposium",
    "Tổng kết tọa đàm": "Closing summary",
    "Lãnh đạo Ban Thường vụ Tỉnh ủy": "Leaders of the Provincial Party Standing Committee",
}

UNITS_PAGE = {
    "Các đơn vị được mời": "Invited units",
    "cac-don-vi-duoc-moi": "invited-units",
    "Theo Kế hoạch số 92-KH/TU, Ban Thường vụ Tỉnh ủy mời các cơ quan, đơn vị dưới đây chuẩn bị "
    "tham luận (không quá 7 trang A4, gửi Ban Tuyên giáo Tỉnh ủy trước ngày 19-8-2022) và cử "
    "đồng chí lãnh đạo trình bày tại tọa đàm. Một số đơn vị được mời dự và tham gia thảo luận.": (
        "Under Plan No. 92-KH/TU, the Provincial Party Standing Committee invites the agencies "
        "and units below to prepare a paper (no more than 7 A4 pages, sent to the Propaganda "
        "Department by 19 August 2022) and to name a leader to present it at the symposium. "
        "Some units are invited to attend and take part in the discussion."
    ),
}

PAPER_SLUG = "thanh-uy-pleiku"
PAPER = {
    "Nâng cao chất lượng sinh hoạt chi bộ ở các phường của thành phố Pleiku": (
        "Raising the quality of Party cell meetings in the wards of Pleiku city"
    ),
    "thanh-uy-pleiku": "pleiku-city-party-committee",
    "Thành ủy Pleiku": "Pleiku City Party Committee",
    "Phó Bí thư Thường trực Thành ủy": "Standing Deputy Secretary of the City Party Committee",
    "I. Thực trạng": "I. Where things stand",
    "Sau một năm thực hiện Kết luận 21-KL/TW, phần lớn chi bộ khu dân cư đã sinh hoạt đúng định "
    "kỳ; nội dung sinh hoạt bớt hình thức và bám sát việc của tổ dân phố.": (
        "A year into Conclusion 21-KL/TW, most residential Party cells meet on schedule; their "
        "meetings are less formal and keep close to the affairs of the neighbourhood."
    ),
    "Tuy vậy, ở một số chi bộ, tự phê bình và phê bình còn nể nang; việc theo dõi, đôn đốc thực "
    "hiện nghị quyết của chi bộ chưa chặt chẽ.": (
        "Even so, in some cells self-criticism and criticism are still held back out of "
        "deference, and the follow-up of the cell's resolutions is not yet close enough."
    ),
    "II. Giải pháp": "II. Solutions",
    "Mỗi quý chọn một chuyên đề gắn với việc cụ thể của khu dân cư.": (
        "Each quarter, choose one theme tied to a concrete matter of the residential area."
    ),
    "Cấp ủy viên thành phố dự sinh hoạt tại chi bộ được phân công theo dõi.": (
        "Members of the city Party Committee attend the meetings of the cells they follow."
    ),
    "Đánh giá chất lượng sinh hoạt chi bộ bằng kết quả việc làm.": (
        "Judge the quality of cell meetings by the results of the work done."
    ),
    "Thành ủy đề nghị Ban Tuyên giáo Tỉnh ủy biên soạn tài liệu gợi ý sinh hoạt chuyên đề hằng "
    "quý.": (
        "The City Party Committee asks the Propaganda Department to compile guidance for the "
        "quarterly thematic meetings."
    ),
}


def untranslated(page, strings):
    """The source strings of `page` that `strings` leaves without an English text."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return sorted({segment.string.data for segment in segments} - set(strings))


def translate(page, strings, locale, user=None):
    """Translates `page` as wagtail-localize's editor would, then publishes the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.from_text(segment.string, locale, segment.context, text)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # Saved as a draft, then published here: wagtail-localize's own publish waits for the
    # transaction to commit, and load_demo runs in one transaction.
    translation.save_target(user=user, publish=False)
    return publish(page.get_translation(locale), user=user)


def build_english(home, symposium, units_page, log):
    """The English pages, each made once: an existing translation is kept as it is."""
    if LANGUAGE not in get_content_languages():
        return []
    locale, _created = Locale.objects.get_or_create(language_code=LANGUAGE)
    paper = symposium.get_children().filter(slug=PAPER_SLUG).first()
    pages = [(home, HOME), (symposium, PLAN), (units_page, UNITS_PAGE)]
    if paper is not None:
        pages.append((paper.specific, PAPER))
    made = []
    for page, strings in pages:
        if page.get_translation_or_none(locale) is not None:
            continue
        translated = translate(page, strings, locale)
        made.append(translated)
        log("+ " + _("English translation: %(title)s") % {"title": translated.title})
    return made
