"""Translating the plan into English with wagtail-localize's own machinery (real database)."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from symposium_pages.models import SymposiumAssignment
from symposium_pages.release import ReleaseRefused
from symposium_pages.vetting import judgement_data

from .factories import make_plan, release
from .reading import paper


def translate(page, locale, strings):
    """What an editor does in wagtail-localize's editor: translate segments, save, then
    release the translation through the workflow (a symposium's pages go live no other way)."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in strings:
            StringTranslation.from_text(
                segment.string, locale, segment.context, strings[segment.string.data]
            )
    translation, _ = source.create_or_update_translation(locale, fallback=True, publish=False)
    return release(translation, save=False)


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
    release(plan)
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
    translated = paper(plan, "Nâng cao chất lượng sinh hoạt chi bộ")
    paper(plan, "Bài chưa dịch")
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


def test_plan_rows_translate_and_keep_their_numbers_and_times(home_page, english):
    import datetime

    from symposium_pages.models import LegalBasis, ProgrammeItem

    plan = make_plan(home_page)
    plan.legal_bases = [
        LegalBasis(sort_order=0, number="21-KL/TW", issuer="Bộ Chính trị", title="Kết luận")
    ]
    plan.programme_items = [
        ProgrammeItem(
            sort_order=0,
            starts_at=datetime.time(8, 15),
            ends_at=datetime.time(8, 45),
            title="Báo cáo đề dẫn tọa đàm",
            speaker="Lãnh đạo Ban Tuyên giáo Tỉnh ủy",
        )
    ]
    release(plan)
    translate(home_page, english, {})
    en_plan = translate(
        plan,
        english,
        {
            "Bộ Chính trị": "Politburo",
            "Kết luận": "Conclusion",
            "Báo cáo đề dẫn tọa đàm": "Keynote report",
            "Lãnh đạo Ban Tuyên giáo Tỉnh ủy": "Leaders of the Propaganda Department",
        },
    ).specific

    [doc] = en_plan.legal_bases.all()
    assert (doc.number, doc.issuer, doc.title) == ("21-KL/TW", "Politburo", "Conclusion")
    assert doc.locale == english
    [item] = en_plan.programme_items.all()
    assert (item.title, item.speaker) == ("Keynote report", "Leaders of the Propaganda Department")
    assert (item.starts_at, item.ends_at) == (datetime.time(8, 15), datetime.time(8, 45))
    # The Vietnamese rows are untouched and keep their own locale.
    [original] = ProgrammeItem.objects.filter(page_id=plan.pk)
    assert original.title == "Báo cáo đề dẫn tọa đàm" and original.locale.language_code == "vi"
    assert original.translation_key == item.translation_key


def test_translated_paper_is_not_a_second_paper_of_its_unit(home_page, english):
    from symposium_pages.models import Invitation
    from symposium_pages.progress import progress

    plan = make_plan(home_page)
    received = paper(plan, "Tham luận của Thành ủy", "Thành ủy Pleiku")
    invitation = received.invitation
    before = Invitation.objects.with_status().get(pk=invitation.pk).status
    counts = progress([plan])[0]
    translate(home_page, english, {})
    translate(plan, english, {})
    en_paper = translate(received, english, {"Tham luận của Thành ủy": "The City's paper"})

    assert en_paper.specific.invitation_id is None
    assert list(invitation.papers.all()) == [received]
    assert Invitation.objects.with_status().get(pk=invitation.pk).status == before
    assert progress([plan])[0] == counts


def test_editor_translates_and_publishes_the_plan_from_the_admin(
    home_page, english, admin_client, client, django_capture_on_commit_callbacks
):
    from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
    from django.urls import reverse
    from wagtail_localize.models import Translation

    plan = make_plan(home_page)
    paper(plan, "Nâng cao chất lượng sinh hoạt chi bộ")
    submit = "wagtail_localize:submit_page_translation"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse(submit, args=[home_page.pk]), {"locales": [english.pk]}
        )
        assert response.status_code == 302
        en_home = home_page.get_translation(english)
        assert not en_home.live  # a draft until the editor publishes it
        admin_client.post(f"/admin/pages/{en_home.pk}/edit/", {"action": "publish"})
        response = admin_client.post(
            reverse(submit, args=[plan.pk]), {"locales": [english.pk], "include_subtree": "on"}
        )
        assert response.status_code == 302
    en_plan = plan.get_translation(english)
    assert en_plan.get_children().count() == 1  # the paper came along with its plan
    assert not en_plan.live  # a draft until the editor publishes it

    translation = Translation.objects.get(
        source__object_id=plan.translation_key, target_locale=english
    )
    segment = StringSegment.objects.get(source=translation.source, string__data=plan.title)
    response = admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart(BOUNDARY, {"value": "Trial symposium"}),
        content_type=MULTIPART_CONTENT,
    )
    assert response.status_code == 201
    # Its editor offers no *Publish* (no bare publish under a symposium) …
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{en_plan.pk}/edit/", {"action": "publish"})
    en_plan.refresh_from_db()
    assert not en_plan.live
    # … the translation goes to the workflow from the page's header instead.
    submit = reverse("symposium_pages_submit_to_workflow", args=[en_plan.pk])
    assert (
        submit
        in admin_client.get(reverse("wagtailadmin_explore", args=[en_plan.pk])).content.decode()
    )
    assert admin_client.post(submit).status_code == 302
    for _step in range(2):
        task_state = type(en_plan).objects.get(pk=en_plan.pk).current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[en_plan.pk, "approve", task_state.pk]
        )
        assert admin_client.post(url, judgement_data(task_state)).status_code == 302

    en_plan.refresh_from_db()
    assert en_plan.live and en_plan.title == "Trial symposium"
    public = client.get(en_plan.url)
    assert public.status_code == 200
    assert ">Trial symposium</h1>" in public.content.decode()


def test_translating_a_live_plan_with_its_subtree_keeps_the_tree_sound(
    home_page, english, admin_client, settings, django_capture_on_commit_callbacks
):
    """wagtail-localize's default publishes at once, on commit, from a page that predates
    the papers' translations: the plan's count of children must survive that publish."""
    from django.urls import reverse
    from wagtail.models import Page

    settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = True
    plan = make_plan(home_page)
    paper(plan, "Nâng cao chất lượng sinh hoạt chi bộ")
    submit = "wagtail_localize:submit_page_translation"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse(submit, args=[home_page.pk]), {"locales": [english.pk]})
    # wagtail-localize then publishes on commit, which the release rule refuses: the
    # translations stay drafts until they pass the workflow.
    with pytest.raises(ReleaseRefused):
        with django_capture_on_commit_callbacks(execute=True):
            admin_client.post(
                reverse(submit, args=[plan.pk]),
                {"locales": [english.pk], "include_subtree": "on"},
            )

    en_plan = plan.get_translation(english)
    assert not en_plan.live
    assert [page.title for page in en_plan.get_children()] == [
        "Nâng cao chất lượng sinh hoạt chi bộ"
    ]
    assert Page.find_problems() == ([], [], [], [], [])
