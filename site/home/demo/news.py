"""Demo articles of the news section, written for this project."""

import datetime

SECTION = {
    "title": "Thời sự",
    "slug": "thoi-su",
    "intro": "Tin tức chính trị, xã hội của tỉnh.",
}

ARTICLES = [
    {
        "slug": "ban-hanh-ke-hoach-toa-dam-xay-dung-chinh-don-dang",
        "title": "Tỉnh ủy Gia Lai lên kế hoạch tọa đàm về xây dựng, chỉnh đốn Đảng",
        "date": datetime.datetime(2022, 8, 11, 9, 0),
        "byline": "T.Đ",
        "lead": (
            "Ban Thường vụ Tỉnh ủy vừa ban hành Kế hoạch số 92-KH/TU; tọa đàm dự kiến diễn ra "
            "vào cuối tháng 8-2022, tham luận gửi về Ban Tuyên giáo Tỉnh ủy trước ngày 19-8."
        ),
        "body": [
            "Theo kế hoạch, tọa đàm là dịp để các cấp ủy, tổ chức đảng và cán bộ, đảng viên nhìn "
            "lại việc thực hiện Kết luận 21-KL/TW của Trung ương, gắn với Kết luận 01-KL/TW của Bộ "
            "Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW.",
            "Các cơ quan tham mưu, giúp việc Tỉnh ủy, các ban cán sự đảng, đảng đoàn, Ban Thường vụ "
            "Tỉnh đoàn, các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc và một số tổ chức cơ sở "
            "đảng được đề nghị chuẩn bị tham luận, mỗi bài không quá 7 trang A4.",
            "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và Trường Chính trị "
            "tỉnh chuẩn bị nội dung; Văn phòng Tỉnh ủy lo kinh phí tổ chức.",
        ],
        "image": ("Hội trường tọa đàm (ảnh minh họa)", 92),
        "caption": "Một buổi tọa đàm về công tác xây dựng Đảng (ảnh minh họa).",
        "credit": "Anh Huy",
        "source_name": "Báo Gia Lai",
        "source_url": "http://baogialai.com.vn/",
        "related_symposium": True,
    },
    {
        "slug": "dang-uy-khoi-toa-dam-giai-phap-dot-pha",
        "title": "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh bàn giải pháp đột phá",
        "date": datetime.datetime(2022, 8, 5, 15, 30),
        "byline": "Anh Huy",
        "lead": (
            "Tại buổi tọa đàm, các đại biểu trao đổi về những giải pháp đột phá trong xây dựng, "
            "chỉnh đốn Đảng ở các chi bộ cơ quan và doanh nghiệp."
        ),
        "body": [
            "Nhiều ý kiến tập trung vào việc nâng cao chất lượng sinh hoạt chi bộ và vai trò nêu "
            "gương của người đứng đầu.",
            "Các đại biểu cũng đề xuất tăng cường kiểm tra, giám sát thường xuyên, phát hiện sớm "
            "biểu hiện suy thoái để chấn chỉnh kịp thời.",
        ],
        "image": ("Đại biểu dự tọa đàm (ảnh minh họa)", 21),
        "caption": "Đại biểu dự tọa đàm tại Đảng ủy Khối (ảnh minh họa).",
        "credit": "Anh Huy",
        "source_name": "",
        "source_url": "",
        "related_symposium": True,
    },
    {
        "slug": "hoc-tap-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh",
        "title": "Học tập và làm theo Bác: việc làm thường xuyên ở mỗi chi bộ",
        "date": datetime.datetime(2022, 7, 28, 8, 0),
        "byline": "Phóng viên",
        "lead": (
            "Sau 6 năm thực hiện Chỉ thị 05-CT/TW, nhiều chi bộ trong tỉnh đã đưa việc học tập và "
            "làm theo Bác vào nội dung sinh hoạt định kỳ."
        ),
        "body": [
            "Mỗi chi bộ chọn một việc cụ thể để làm theo, gắn với nhiệm vụ chuyên môn của cơ quan.",
            "Kết quả được đánh giá trong sinh hoạt chi bộ hằng tháng và trong kiểm điểm cuối năm.",
        ],
        "image": ("Sinh hoạt chi bộ (ảnh minh họa)", 5),
        "caption": "Sinh hoạt chuyên đề tại một chi bộ (ảnh minh họa).",
        "credit": "Phóng viên",
        "source_name": "",
        "source_url": "",
        "related_symposium": False,
    },
]
