from symposium_pages.titles import readable_title


def test_capitals_become_a_sentence_with_proper_names_restored():
    assert (
        readable_title(
            "NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ Ở THÀNH PHỐ PLEIKU", ["Thành ủy Pleiku"]
        )
        == "Nâng cao chất lượng sinh hoạt chi bộ ở thành phố Pleiku"
    )
    assert (
        readable_title(
            "NGƯỜI ĐỨNG ĐẦU NÊU GƯƠNG: KINH NGHIỆM TỪ HUYỆN CHƯ PĂH", ["Huyện ủy Chư Păh"]
        )
        == "Người đứng đầu nêu gương: kinh nghiệm từ huyện Chư Păh"
    )
    assert readable_title("HỌC TẬP VÀ LÀM THEO BÁC, XÂY DỰNG ĐẢNG") == (
        "Học tập và làm theo Bác, xây dựng Đảng"
    )


def test_titles_in_mixed_case_are_kept():
    assert readable_title("Kinh nghiệm ở  huyện Kbang") == "Kinh nghiệm ở huyện Kbang"
    assert readable_title("2022") == "2022"
    assert readable_title("") == ""
