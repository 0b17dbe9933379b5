"""The demo's papers, written for this project: what each unit says, in outline.

Each paper is a title and a list of sections; a section is a heading and its
items: a string is a paragraph, a list is a bulleted list, a tuple of rows is
a table. `paper_files.py` turns them into real .docx files.
"""

KEYNOTE = {
    "title": "Báo cáo đề dẫn tọa đàm",
    "sections": [
        (
            "I. Mục đích của tọa đàm",
            [
                "Tọa đàm là dịp để các cấp ủy, tổ chức đảng trong tỉnh cùng nhìn lại một năm thực "
                "hiện Kết luận 21-KL/TW, trao đổi cách làm hay và chỉ ra những việc còn chậm.",
                "Ban Tuyên giáo Tỉnh ủy đề nghị các tham luận đi thẳng vào thực tiễn của đơn vị, "
                "nêu rõ việc đã làm được, việc chưa làm được và nguyên nhân.",
            ],
        ),
        (
            "II. Những vấn đề đề nghị tập trung thảo luận",
            [
                [
                    "Nâng cao chất lượng sinh hoạt chi bộ và tự phê bình, phê bình.",
                    "Vai trò nêu gương của người đứng đầu cấp ủy, cơ quan, đơn vị.",
                    "Kiểm tra, giám sát để phát hiện sớm biểu hiện suy thoái.",
                    "Gắn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh với nhiệm vụ chuyên môn.",
                ],
                "Mỗi vấn đề nên có số liệu minh chứng và đề xuất cụ thể cho thời gian tới.",
            ],
        ),
    ],
}

CLOSING = {
    "title": "Báo cáo tổng kết tọa đàm",
    "sections": [
        (
            "I. Kết quả tọa đàm",
            [
                "Các tham luận đã phản ánh khá đầy đủ thực tiễn công tác xây dựng, chỉnh đốn Đảng ở "
                "các địa phương, cơ quan, đơn vị; nhiều ý kiến thẳng thắn, có tính xây dựng.",
            ],
        ),
        (
            "II. Những nhiệm vụ cần tập trung",
            [
                [
                    "Duy trì nền nếp sinh hoạt chi bộ, nâng cao chất lượng sinh hoạt chuyên đề.",
                    "Cụ thể hóa trách nhiệm nêu gương bằng việc làm, kết quả đo đếm được.",
                    "Tăng cường kiểm tra, giám sát thường xuyên, xử lý kịp thời vi phạm.",
                ],
            ],
        ),
    ],
}

PAPERS = {
    "Thành ủy Pleiku": {
        "title": "Nâng cao chất lượng sinh hoạt chi bộ ở các phường của thành phố Pleiku",
        "sections": [
            (
                "I. Thực trạng",
                [
                    "Sau một năm thực hiện Kết luận 21-KL/TW, phần lớn chi bộ khu dân cư đã sinh hoạt "
                    "đúng định kỳ; nội dung sinh hoạt bớt hình thức và bám sát việc của tổ dân phố.",
                    "Tuy vậy, ở một số chi bộ, tự phê bình và phê bình còn nể nang; việc theo dõi, "
                    "đôn đốc thực hiện nghị quyết của chi bộ chưa chặt chẽ.",
                ],
            ),
            (
                "II. Giải pháp",
                [
                    [
                        "Mỗi quý chọn một chuyên đề gắn với việc cụ thể của khu dân cư.",
                        "Cấp ủy viên thành phố dự sinh hoạt tại chi bộ được phân công theo dõi.",
                        "Đánh giá chất lượng sinh hoạt chi bộ bằng kết quả việc làm.",
                    ],
                    "Thành ủy đề nghị Ban Tuyên giáo Tỉnh ủy biên soạn tài liệu gợi ý sinh hoạt chuyên đề hằng quý.",
                ],
            ),
        ],
    },
    "Huyện ủy Chư Păh": {
        "title": "Người đứng đầu nêu gương: kinh nghiệm từ huyện Chư Păh",
        "sections": [
            (
                "I. Cách làm",
                [
                    "Huyện ủy yêu cầu mỗi đồng chí ủy viên Ban Thường vụ đăng ký một việc làm nêu gương "
                    "và báo cáo kết quả trước chi bộ nơi sinh hoạt.",
                    "Việc đăng ký được công khai tại cơ quan để cán bộ, đảng viên cùng giám sát.",
                ],
            ),
            (
                "II. Kết quả",
                [
                    (
                        ("Nội dung", "Năm 2021", "6 tháng 2022"),
                        ("Cán bộ chủ chốt đăng ký việc làm nêu gương", "42", "45"),
                        ("Việc đăng ký đã hoàn thành", "35", "40"),
                        ("Chi bộ được đánh giá sinh hoạt tốt", "61", "68"),
                    ),
                    "Những con số trên cho thấy việc nêu gương đã đi vào nền nếp, dù cần thêm thời gian để lan tỏa xuống cơ sở.",
                ],
            ),
        ],
    },
    "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh": {
        "title": "Giải pháp đột phá trong xây dựng, chỉnh đốn Đảng ở khối cơ quan và doanh nghiệp",
        "sections": [
            (
                "I. Đặt vấn đề",
                [
                    "Đảng bộ Khối có nhiều chi bộ trong doanh nghiệp, nơi đảng viên bận sản xuất, kinh "
                    "doanh nên việc sinh hoạt thường xuyên gặp khó khăn.",
                ],
            ),
            (
                "II. Đề xuất",
                [
                    [
                        "Linh hoạt thời gian sinh hoạt chi bộ theo ca làm việc.",
                        "Gắn đánh giá đảng viên với hiệu quả công việc tại doanh nghiệp.",
                        "Phối hợp với chủ doanh nghiệp tạo điều kiện cho hoạt động của tổ chức đảng.",
                    ],
                ],
            ),
        ],
    },
    "Ban Thường vụ Tỉnh đoàn": {
        "title": "Đoàn viên thanh niên học tập và làm theo Bác bằng việc làm cụ thể",
        "sections": [
            (
                "I. Những việc đã làm",
                [
                    "Các cơ sở đoàn tổ chức nhiều công trình thanh niên, ngày thứ bảy tình nguyện và "
                    "diễn đàn để đoàn viên nói lên suy nghĩ về đạo đức, lối sống.",
                ],
            ),
            (
                "II. Kiến nghị",
                [
                    "Tỉnh đoàn kiến nghị cấp ủy các cấp quan tâm giới thiệu đoàn viên ưu tú để Đảng xem xét kết nạp.",
                ],
            ),
        ],
    },
    "Huyện ủy Kbang": {
        "title": "Kiểm tra, giám sát để ngăn chặn suy thoái từ sớm ở huyện Kbang",
        "sections": [
            (
                "I. Thực trạng",
                [
                    "Công tác kiểm tra, giám sát của cấp ủy cơ sở đã được quan tâm, nhưng việc phát hiện "
                    "sớm dấu hiệu vi phạm còn hạn chế.",
                ],
            ),
            (
                "II. Giải pháp",
                [
                    [
                        "Giám sát thường xuyên qua sinh hoạt chi bộ và phản ánh của Nhân dân.",
                        "Công khai kết quả kiểm tra trong chi bộ.",
                    ],
                ],
            ),
        ],
        # This unit wrote at length: the demo shows a paper over the page limit.
        "extra_pages": 8,
    },
    "Đảng đoàn Hội Nông dân tỉnh": {
        "title": "Tập hợp hội viên nông dân tham gia xây dựng Đảng và hệ thống chính trị",
        "sections": [
            (
                "I. Vai trò của Hội",
                [
                    "Hội Nông dân các cấp là cầu nối để cấp ủy lắng nghe ý kiến của nông dân về cán bộ, "
                    "đảng viên nơi cư trú.",
                ],
            ),
        ],
    },
}

PAPERS["Thị ủy An Khê"] = {
    "title": "Phát huy truyền thống quê hương Tây Sơn trong xây dựng Đảng ở thị xã An Khê",
    "sections": [
        (
            "I. Những kết quả bước đầu",
            [
                "Thị ủy gắn việc học tập lịch sử địa phương với giáo dục đạo đức cách mạng cho cán bộ, "
                "đảng viên trẻ, qua đó nâng cao ý thức trách nhiệm với công việc.",
            ],
        ),
        (
            "II. Đề xuất",
            [
                "Thị ủy đề nghị đưa nội dung giáo dục truyền thống địa phương vào chương trình bồi dưỡng đảng viên mới.",
            ],
        ),
    ],
}

# Two more papers, for the workflow's middle steps: one sent back by the vetting
# reviewers, one vetted and waiting for the moderators.
PAPERS["Huyện ủy Đak Đoa"] = {
    "title": "Xây dựng chi bộ thôn, làng vững mạnh ở vùng đồng bào dân tộc thiểu số huyện Đak Đoa",
    "sections": [
        (
            "I. Thực trạng",
            [
                "Nhiều chi bộ thôn, làng có đảng viên là người dân tộc thiểu số, làm nương rẫy xa nhà "
                "nên sinh hoạt chi bộ có lúc chưa đủ số lượng.",
                "Một số bí thư chi bộ còn lúng túng khi chuẩn bị nội dung sinh hoạt chuyên đề.",
            ],
        ),
        (
            "II. Giải pháp",
            [
                [
                    "Bồi dưỡng bí thư chi bộ thôn, làng bằng tiếng dân tộc và tài liệu ngắn gọn.",
                    "Già làng, người có uy tín cùng chi bộ vận động bà con thực hiện nếp sống mới.",
                    "Cấp ủy viên huyện dự sinh hoạt chi bộ thôn, làng ít nhất mỗi quý một lần.",
                ],
            ],
        ),
    ],
}

PAPERS["Ủy ban Kiểm tra Tỉnh ủy"] = {
    "title": "Kiểm tra, giám sát góp phần ngăn chặn suy thoái tư tưởng chính trị, đạo đức, lối sống",
    "sections": [
        (
            "I. Kết quả kiểm tra, giám sát",
            [
                "Ủy ban Kiểm tra các cấp đã chú trọng giám sát thường xuyên, phát hiện sớm những "
                "biểu hiện suy thoái để nhắc nhở, chấn chỉnh kịp thời.",
            ],
        ),
        (
            "II. Bài học kinh nghiệm",
            [
                "Kiểm tra, giám sát phải đi trước một bước, gắn với tự phê bình và phê bình trong "
                "chi bộ, và công khai kết quả để đảng viên cùng theo dõi.",
            ],
        ),
    ],
}
