"""The order of search results, on pages built but never saved: title before lead
before body, a phrase before scattered syllables, whole syllables, the marks as typed
before folded ones; and the folding itself."""

import pytest

from news.models import NewsArticlePage
from search.ranking import RankedResults, Wanted
from symposium_pages.folding import fold, syllables

# Pages are built, never saved; Wagtail reads their content type from the database.
pytestmark = pytest.mark.django_db


def ranked(query, pages, phrase_ids=()):
    wanted = Wanted(fold(query).split(), syllables(query))
    order = sorted(pages, key=lambda page: wanted.score(page, set(phrase_ids)), reverse=True)
    return [page.pk for page in order]


def article(pk, title, lead=""):
    return NewsArticlePage(pk=pk, title=title, lead=lead)


def test_folding_drops_marks_case_and_punctuation_and_reads_d_for_đ():
    assert fold("Đẩy mạnh xây dựng, chỉnh đốn ĐẢNG!") == "day manh xay dung chinh don dang"
    assert fold("Số 92-KH/TU") == "so 92 kh tu"
    assert fold("  ") == ""
    # Decomposed input (marks as separate characters) folds the same.
    assert fold("Chu\u031b Pa\u0306h") == "chu pah"


def test_title_before_lead_before_the_rest():
    pages = [
        article(1, "Sinh hoạt định kỳ", "Bàn về công tác ở địa phương."),
        article(2, "Kinh nghiệm của các phường"),
        article(3, "Tin tổng hợp"),  # only the body has it: found by the backend, not here
    ]
    assert ranked("phuong", pages) == [2, 1, 3]


def test_a_phrase_before_the_same_syllables_scattered():
    pages = [
        article(1, "Đảng bộ xây dựng kế hoạch chỉnh đốn"),
        article(2, "Xây dựng, chỉnh đốn Đảng"),
    ]
    assert ranked("xay dung chinh don", pages) == [2, 1]
    # In the body, the backend's phrase hits (phrase_ids) come before scattered ones.
    pages = [article(1, "Tin một"), article(2, "Tin hai")]
    assert ranked("xay dung chinh don", pages, phrase_ids=[2]) == [2, 1]


def test_whole_syllables_only():
    pages = [article(1, "Phương án mới"), article(2, "Phương")]
    assert ranked("phuong an", pages) == [1, 2]
    assert Wanted(["phuon"], ["phuon"]).level("Phương án") == (0, 0)


def test_the_marks_as_typed_before_the_folded_match():
    pages = [article(1, "Kế hoạch của phương"), article(2, "Kế hoạch của phường")]
    assert ranked("phường", pages) == [2, 1]
    assert ranked("phương", pages) == [1, 2]


def test_ranked_results_page_through_the_head_then_the_backends_order():
    class Backend(list):
        def count(self):
            return len(self)

    backend = Backend(range(10))
    results = RankedResults(backend, [3, 1, 0, 2])
    assert results.count() == len(results) == 10
    assert results[0:2] == [3, 1]
    assert results[2:6] == [0, 2, 4, 5]
    assert results[8:] == [8, 9]
    assert results[1] == 1
