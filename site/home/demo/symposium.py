"""The Gia Lai symposium of August 2022 (Plan 92-KH/TU), told in our own words."""

import datetime

PLAN = {
    "title": (
        "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, "
        "vững mạnh, đáp ứng yêu cầu nhiệm vụ"
    ),
    "slug": "toa-dam-xay-dung-chinh-don-dang-2022",
    "menu_title": "Tọa đàm chỉnh đốn Đảng",
    "plan_number": "92-KH/TU",
    "issuing_body": "Ban Thường vụ Tỉnh ủy Gia Lai",
    "issuing_place": "Gia Lai",
    "issued_on": datetime.date(2022, 8, 10),
    "event_period": "cuối tháng 8 năm 2022",
    "event_period_start": datetime.date(2022, 8, 21),
    "event_period_end": datetime.date(2022, 8, 31),
    "venue": "",
    "lead": (
        "Ban Thường vụ Tỉnh ủy Gia Lai tổ chức tọa đàm để các cấp ủy, cơ quan, đơn vị "
        "cùng bàn giải pháp xây dựng, chỉnh đốn Đảng và hệ thống chính trị; tham luận "
        "gửi Ban Tuyên giáo Tỉnh ủy trước ngày 19-8-2022."
    ),
    "purpose": (
        "<p>Tọa đàm là một đợt sinh hoạt chính trị rộng khắp trong toàn Đảng bộ tỉnh. "
        "Qua đó, cán bộ, đảng viên hiểu sâu hơn tính chất và tầm quan trọng của việc xây dựng, "
        "chỉnh đốn Đảng và hệ thống chính trị.</p>"
        "<p>Mỗi cấp ủy, tổ chức đảng và từng đảng viên nâng cao trách nhiệm, quyết tâm chính trị "
        "và tinh thần tự soi, tự sửa; cùng trao đổi những nhiệm vụ, giải pháp sát thực tế để thực "
        "hiện Kết luận 21-KL/TW gắn với Kết luận 01-KL/TW và Chỉ thị 05-CT/TW; ngăn chặn, đẩy lùi "
        "và xử lý nghiêm sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện "
        "“tự diễn biến”, “tự chuyển hóa”.</p>"
    ),
    "requirements": (
        "<ul><li>Tổ chức thiết thực, nghiêm túc, hiệu quả.</li>"
        "<li>Tham luận và ý kiến thảo luận khách quan, khoa học, có cơ sở lý luận và thực tiễn, "
        "mang tính xây dựng và tính Đảng.</li>"
        "<li>Mỗi tham luận đề xuất được nhiệm vụ, giải pháp cụ thể, có thể vận dụng ngay tại "
        "cấp ủy, cơ quan, đơn vị, địa phương mình.</li></ul>"
    ),
    "paper_guidance": (
        "<p>Các đơn vị căn cứ tình hình thực tế và đặc thù công tác của mình để chuẩn bị tham luận, "
        "có thể theo bố cục gợi ý sau:</p>"
        "<ol><li>Ý nghĩa, tầm quan trọng, giá trị lý luận và thực tiễn của công tác xây dựng, chỉnh "
        "đốn Đảng và hệ thống chính trị, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong "
        "cách Hồ Chí Minh.</li>"
        "<li>Những hạn chế và nguyên nhân trong công tác xây dựng, chỉnh đốn Đảng và hệ thống chính "
        "trị thời gian qua tại đơn vị.</li>"
        "<li>Nhiệm vụ, giải pháp cụ thể để đẩy mạnh thực hiện Kết luận 21-KL/TW; phương hướng lãnh "
        "đạo, chỉ đạo trong thời gian tới.</li></ol>"
        "<p>Đơn vị có thể chọn một vài nội dung phù hợp nhất để đi sâu. Tham luận không quá 7 trang "
        "giấy A4.</p>"
    ),
    "page_limit": 7,
    "submission_deadline": datetime.date(2022, 8, 19),
    "receiving_department": "Ban Tuyên giáo Tỉnh ủy",
    "contact": (
        "Khó khăn, vướng mắc trong quá trình thực hiện, các cấp ủy, cơ quan, đơn vị, địa phương "
        "báo cáo Ban Thường vụ Tỉnh ủy qua Ban Tuyên giáo Tỉnh ủy."
    ),
}

# The Department leads the symposium (SymposiumPage.organiser): it writes the keynote and
# the closing summary and issues the report, and is one of the invited units.
ORGANISER = PLAN["receiving_department"]

LEGAL_BASES = [
    {
        "number": "21-KL/TW",
        "issued_on": datetime.date(2021, 10, 25),
        "issuer": "Ban Chấp hành Trung ương Đảng khóa XIII",
        "title": (
            "Kết luận Hội nghị Trung ương 4 khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ "
            "thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy "
            "thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện “tự diễn biến”, “tự chuyển hóa”"
        ),
    },
    {
        "number": "01-KL/TW",
        "issued_on": datetime.date(2021, 5, 18),
        "issuer": "Bộ Chính trị",
        "title": "Kết luận về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII",
    },
    {
        "number": "05-CT/TW",
        "issued_on": datetime.date(2016, 5, 15),
        "issuer": "Bộ Chính trị khóa XII",
        "title": "Chỉ thị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    },
]

ASSIGNMENTS = [
    {
        "unit_name": "Ban Tuyên giáo Tỉnh ủy",
        "role": "lead",
        "tasks": (
            "Chủ trì chuẩn bị nội dung, dự thảo báo cáo đề dẫn và báo cáo tổng kết tọa đàm.\n"
            "Nhận, tổng hợp, biên tập và thẩm định các tham luận; in tài liệu phục vụ tọa đàm.\n"
            "Xây dựng báo cáo kết quả tổ chức tọa đàm; cùng Văn phòng Tỉnh ủy dự trù kinh phí."
        ),
    },
    {
        "unit_name": "Ban Tổ chức Tỉnh ủy",
        "role": "coordinate",
        "tasks": "Phối hợp với Ban Tuyên giáo Tỉnh ủy chuẩn bị nội dung, báo cáo đề dẫn và tổng kết.",
    },
    {
        "unit_name": "Trường Chính trị tỉnh",
        "role": "coordinate",
        "tasks": "Phối hợp chuẩn bị nội dung tọa đàm, góp ý dự thảo báo cáo đề dẫn và tổng kết.",
    },
    {
        "unit_name": "Văn phòng Tỉnh ủy",
        "role": "budget",
        "tasks": "Bố trí kinh phí tổ chức, phục vụ tọa đàm và thanh quyết toán theo quy định.",
    },
    {
        "unit_name": "Các cấp ủy, cơ quan, đơn vị được mời",
        "role": "other",
        "tasks": (
            "Chuẩn bị tham luận theo gợi ý của kế hoạch và cử đại diện lãnh đạo trình bày "
            "tại tọa đàm."
        ),
    },
]

PROGRAMME = [
    ("07:30", "08:00", "Đón tiếp đại biểu", "Văn phòng Tỉnh ủy"),
    ("08:00", "08:15", "Tuyên bố lý do, giới thiệu đại biểu", "Ban Tuyên giáo Tỉnh ủy"),
    ("08:15", "08:45", "Báo cáo đề dẫn tọa đàm", "Lãnh đạo Ban Tuyên giáo Tỉnh ủy"),
    ("08:45", "10:30", "Trình bày tham luận của các đơn vị", "Đại diện lãnh đạo các đơn vị"),
    ("10:30", "11:15", "Thảo luận, trao đổi", "Đại biểu dự tọa đàm"),
    ("11:15", "11:30", "Tổng kết tọa đàm", "Lãnh đạo Ban Thường vụ Tỉnh ủy"),
]

# The plan as a news page of the site: when it was published, by whom, its photo.
NEWS = {
    "date": datetime.datetime(2022, 8, 10, 16, 0),
    "byline": "Ban Biên tập",
    "image": ("Hội trường Tỉnh ủy Gia Lai (ảnh minh họa)", 819),
    "caption": "Hội trường, nơi dự kiến tổ chức tọa đàm (ảnh minh họa).",
    "credit": "Báo Gia Lai",
}

# Papers as news: published on the day of the symposium.
PAPERS_PUBLISHED_ON = datetime.datetime(2022, 8, 26, 15, 0)

# The newsroom's own coverage, filed under the plan.
COVERAGE = [
    {
        "slug": "cac-don-vi-gui-tham-luan-ve-toa-dam",
        "title": "Các đơn vị khẩn trương gửi tham luận về tọa đàm xây dựng, chỉnh đốn Đảng",
        "date": datetime.datetime(2022, 8, 17, 10, 30),
        "byline": "Minh Thư",
        "lead": (
            "Gần hạn chót 19-8, Ban Tuyên giáo Tỉnh ủy đã nhận được tham luận của nhiều huyện ủy, "
            "thị ủy, thành ủy và các đảng ủy trực thuộc; các bài đang được biên tập, thẩm định."
        ),
        "body": [
            "Theo Ban Tuyên giáo Tỉnh ủy, phần lớn tham luận bám sát bố cục gợi ý của kế hoạch, "
            "nêu rõ việc đã làm được và những hạn chế cần khắc phục tại đơn vị.",
            "Mỗi tham luận được kiểm tra độ dài (không quá 7 trang A4), biên tập và thẩm định nội "
            "dung trước khi đưa vào tài liệu phục vụ tọa đàm.",
            "Các đơn vị chưa gửi tham luận được đề nghị hoàn thành trước thời hạn để kịp in tài liệu.",
        ],
        "image": ("Cán bộ Ban Tuyên giáo tiếp nhận tham luận (ảnh minh họa)", 1908),
        "caption": "Cán bộ Ban Tuyên giáo Tỉnh ủy tiếp nhận tham luận (ảnh minh họa).",
        "credit": "Minh Thư",
        "source_name": "Báo Gia Lai",
        "source_url": "",
    },
]
