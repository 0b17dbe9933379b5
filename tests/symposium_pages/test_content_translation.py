"""Translating the plan into English with wagtail-localize's own machinery (real database)."""

import pytest
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from symposium_pages.models import SymposiumAssignment

from .factories import make_plan
from .reading import paper


def translate(page, locale, strings):
    """What an editor does in wagtail-localize's editor: translate segments, then publish."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.from_text(
                segment.string, locale, segment.context, strings[segment.string.data]
            )
    # wagtail-localize publishes on commit; the test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation, _ = source.create_or_update_translation(locale, fallback=True)
    return translation


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


def test_english_plan_translates_text_and_keeps_identifiers(home_page, english):
    plan = make_plan(home_page, venue="Hội trường 19-8")
    plan.assignments = [
        SymposiumAssignment(
            sort_order=0, unit_name="Ban Tuyên giáo Tỉnh ủy", role="lead", tasks="Chủ trì"
        )
    ]
    plan.save_revision().publish()
    translate(home_page, english, {})
    en_plan = translate(
        plan, english, {"Tọa đàm thử nghiệm": "Trial symposium", "Hội trường 19-8": "19-8 Hall"}
    )

    en_plan.refresh_from_db()
    assert en_plan.locale == english
    assert en_plan.translation_key == plan.translation_key
    assert en_plan.live
    assert en_plan.title == "Trial symposium"
    assert en_plan.venue == "19-8 Hall"
    assert en_plan.plan_number == "92-KH/TU"
    assert en_plan.page_limit == plan.page_limit
    assert en_plan.submission_deadline == plan.submission_deadline
    assert [a.role for a in en_plan.assignments.all()] == ["lead"]
    assert en_plan.get_parent().specific.locale == english


def test_english_plan_lists_its_english_papers_only(home_page, english):
    plan = make_plan(home_page)
    translated = paper(plan, "Nâng cao chất lượng sinh hoạt chi bộ", 1)
    paper(plan, "Bài chưa dịch", 2)
    translate(home_page, english, {})
    en_plan = translate(plan, english, {})
    en_paper = translate(
        translated,
        english,
        {"Nâng cao chất lượng sinh hoạt chi bộ": "Raising the quality of Party cell meetings"},
    )

    # An untranslated paper is not listed on the English plan: the reader finds it on the
    # Vietnamese plan through the language switcher.
    listed = list(en_plan.specific.published_papers())
    assert [p.pk for p in listed] == [en_paper.pk]
    assert listed[0].title == "Raising the quality of Party cell meetings"
    assert listed[0].translation_key == translated.translation_key


def test_editor_opens_the_translate_view_for_the_plan(home_page, english, admin_client):
    plan = make_plan(home_page)
    translate(home_page, english, {})
    en_plan = translate(plan, english, {})

    response = admin_client.get(f"/admin/pages/{en_plan.pk}/edit/")
    assert response.status_code == 200
