"""One rule for release, tried at every door: a page of a symposium goes live only as a
revision that completed "Duyệt tham luận", whoever asks; unpublishing stays immediate."""

import datetime
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from symposium_pages.models import InvitedUnitsPage, PaperPage, PaperSubmission, SymposiumPage
from symposium_pages.release import ReleaseRefused
from symposium_pages.vetting import judgement_data

from .factories import make_plan, release
from .newsroom import edit_data, make_people, receive

ROLES = ("editor", "reviewer", "moderator", "office")


@pytest.fixture
def people(db):
    return make_people()


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


@pytest.fixture
def paper(plan, people):
    return receive(plan, user=people["editor"])


def reload(page):
    return Page.objects.get(pk=page.pk).specific


def approve_in_turn(client, page, *approvers):
    """Each approver presses *Approve* on the step in front of them, as the modal posts it."""
    for approver in approvers:
        client.force_login(approver)
        task_state = reload(page).current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )
        assert client.post(url, judgement_data(task_state)).status_code == 302


def is_public(client, page):
    client.logout()
    return client.get(reload(page).url or "/nowhere/").status_code == 200


# -- the admin's doors, for every role ------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_edit_view_publish_is_refused(client, paper, people, role):
    client.force_login(people["editor"])
    data = edit_data(client, paper, "Đăng thẳng.", **{"action-publish": "1"})
    client.force_login(people[role])
    client.post(f"/admin/pages/{paper.pk}/edit/", data)
    assert not reload(paper).live
    assert not is_public(client, paper)


def test_edit_view_offers_no_publish_and_says_why(client, paper, people):
    client.force_login(people["moderator"])
    response = client.get(f"/admin/pages/{paper.pk}/edit/")
    html = response.content.decode()
    assert 'name="action-publish"' not in html
    assert "quy trình" in html  # the rule, stated where the moderator would publish
    data = edit_data(client, paper, "Đăng thẳng.", **{"action-publish": "1"})
    response = client.post(f"/admin/pages/{paper.pk}/edit/", data, follow=True)
    assert response.status_code == 200
    assert "chỉ được đăng" in response.content.decode()
    assert not reload(paper).live


def test_superuser_cannot_publish_bare_either(admin_client, paper):
    data = edit_data(admin_client, paper, "Đăng thẳng.", **{"action-publish": "1"})
    admin_client.post(f"/admin/pages/{paper.pk}/edit/", data)
    assert not reload(paper).live


@pytest.mark.parametrize("role", ROLES)
def test_bulk_publish_is_refused(client, paper, people, role):
    client.force_login(people[role])
    url = "/admin/bulk/wagtailcore/page/publish/"
    response = client.post(f"{url}?id={paper.pk}&next=/admin/", {})
    assert response.status_code in (200, 302)
    assert not reload(paper).live


def test_bulk_publish_of_a_section_holding_a_symposium_is_refused(admin_client, plan, paper):
    home = plan.get_parent()
    url = f"/admin/bulk/wagtailcore/page/publish/?id={home.pk}&next=/admin/"
    admin_client.post(url, {"include_descendants": "on"})
    assert not reload(paper).live


def test_anonymous_reaches_no_door(client, paper):
    for url in (
        f"/admin/pages/{paper.pk}/edit/",
        f"/admin/bulk/wagtailcore/page/publish/?id={paper.pk}",
    ):
        response = client.post(url, {"action-publish": "1"})
        assert response.status_code == 302 and "/login/" in response["Location"]
    assert not reload(paper).live


def test_scheduling_an_unvetted_revision_is_refused(client, paper, people):
    client.force_login(people["moderator"])
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = edit_data(client, paper, "Hẹn giờ.", **{"action-publish": "1"})
    data["go_live_at"] = go_live.strftime("%Y-%m-%d %H:%M")
    client.post(f"/admin/pages/{paper.pk}/edit/", data)
    assert not Revision.page_revisions.filter(
        object_id=str(paper.pk), approved_go_live_at__isnull=False
    ).exists()
    # From code too: a go-live time on an unvetted revision is refused.
    revision = reload(paper).get_latest_revision()
    revision.approved_go_live_at = go_live
    with pytest.raises(ReleaseRefused):
        revision.save()


def test_scheduled_release_goes_live_with_publish_scheduled(paper):
    page = reload(paper)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    release(page)
    page = reload(paper)
    assert not page.live  # approved, waiting for its time
    time.sleep(max(0, (page.go_live_at - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled")
    assert reload(paper).live


def test_code_calling_publish_is_refused_whoever_asks(paper, django_user_model):
    root = django_user_model.objects.create_superuser("sudo", "sudo@example.com", "pw")
    for attempt in (
        lambda: reload(paper).save_revision().publish(),
        lambda: reload(paper).get_latest_revision().publish(user=root, skip_permission_checks=True),
        lambda: reload(paper).publish(reload(paper).get_latest_revision()),
    ):
        with pytest.raises(ReleaseRefused):
            attempt()
    # With a user, the permission check refuses first (no bare publish right, even for root).
    with pytest.raises(PermissionDenied):
        reload(paper).get_latest_revision().publish(user=root)
    page = reload(paper)
    page.live = True
    page.live_revision = page.get_latest_revision()
    with pytest.raises(ReleaseRefused):
        page.save()
    assert not reload(paper).live


def test_a_revision_approved_by_the_workflow_goes_live_with_nothing_more(client, paper, people):
    client.force_login(people["editor"])
    data = edit_data(client, paper, "Bản biên tập.", **{"action-submit": "1"})
    client.post(f"/admin/pages/{paper.pk}/edit/", data)
    approve_in_turn(client, paper, people["reviewer"], people["moderator"])
    page = reload(paper)
    assert page.live and "Bản biên tập." in str(page.body)
    assert is_public(client, page)


def test_an_older_unvetted_revision_is_not_put_back(paper):
    unvetted = reload(paper).get_latest_revision()
    release(paper)  # a newer revision, approved
    with pytest.raises(ReleaseRefused):
        unvetted.publish()
    # A revert in the editor saves a new revision, which is a draft until approved.
    with pytest.raises(ReleaseRefused):
        unvetted.as_object().save_revision().publish()


def test_unpublishing_stays_immediate_for_moderators(client, paper, people):
    release(paper, save=False)
    client.force_login(people["moderator"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[paper.pk]))
    assert response.status_code == 302
    assert not reload(paper).live


def test_copies_start_as_drafts(admin_client, plan, paper):
    release(paper, save=False)
    # In the admin, "publish copies" is refused with a reason …
    url = reverse("wagtailadmin_pages:copy", args=[paper.pk])
    data = {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": plan.pk}
    admin_client.post(url, {**data, "publish_copies": "on"})
    assert not PaperPage.objects.filter(slug="ban-sao", live=True).exists()
    # … and a copy from code, kept live, comes out a draft.
    copy = reload(paper).copy(update_attrs={"slug": "ban-sao-2"}, keep_live=True)
    assert not reload(copy).live
    whole = plan.copy(recursive=True, update_attrs={"slug": "toa-dam-ban-sao"}, keep_live=True)
    assert not Page.objects.descendant_of(whole, inclusive=True).live().exists()


def test_an_alias_mirrors_its_source_only_once_released(plan, paper):
    alias = reload(paper).create_alias(update_slug="ban-phan-chieu")
    assert not reload(alias).live  # its source is not released yet
    release(paper)
    assert reload(alias).live  # published with its source, the same content
    other = PaperPage(title="Chưa duyệt", slug="chua-duyet", live=False)
    plan.add_child(instance=other)
    other.save_revision()
    mirror = reload(other).create_alias(update_slug="chua-duyet-2")
    page = reload(mirror)
    page.live = True
    with pytest.raises(ReleaseRefused):
        page.save()


def test_moving_a_public_page_in_is_refused(plan, home_page):
    article = Page(title="Tin đã đăng", slug="tin-da-dang")  # a public page of the host
    home_page.add_child(instance=article)
    article.save_revision().publish()
    with pytest.raises(ReleaseRefused):
        reload(article).move(plan, pos="last-child")
    assert reload(article).get_parent().pk == home_page.pk


def test_a_released_paper_moves_between_symposia(home_page, paper):
    release(paper, save=False)
    other = make_plan(home_page, slug="toa-dam-khac", title="Tọa đàm khác")
    reload(paper).move(other, pos="last-child")
    page = reload(paper)
    assert page.live and page.get_parent().pk == other.pk


def test_a_new_page_made_live_in_code_starts_as_a_draft(plan):
    page = PaperPage(title="Viết thẳng", slug="viet-thang", live=True)
    plan.add_child(instance=page)
    assert not reload(page).live


def test_translations_go_live_only_through_the_workflow(plan, django_capture_on_commit_callbacks):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    english = Locale.objects.get_or_create(language_code="en")[0]
    source, _created = TranslationSource.get_or_create_from_instance(plan)
    translation = Translation.objects.create(source=source, target_locale=english)
    # wagtail-localize publishes once the transaction commits ("Publish immediately").
    with pytest.raises(ReleaseRefused):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
    translated = SymposiumPage.objects.get(locale=english)
    assert not translated.live
    release(translated, save=False)
    assert reload(translated).live


def test_a_symposium_created_in_the_admin_offers_no_publish(admin_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=["symposium_pages", "symposiumpage", home_page.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="action-publish"' not in html


# -- point 6: a received paper is not lost by an editor's click -------------------


def test_only_moderators_delete_a_paper_holding_originals(client, paper, people):
    for role in ("editor", "reviewer"):
        client.force_login(people[role])
        assert not reload(paper).permissions_for_user(people[role]).can_delete()
        client.post(reverse("wagtailadmin_pages:delete", args=[paper.pk]))
        assert PaperPage.objects.filter(pk=paper.pk).exists()
    originals = list(PaperSubmission.objects.filter(paper=paper).values_list("pk", flat=True))
    assert originals
    client.force_login(people["moderator"])
    assert reload(paper).permissions_for_user(people["moderator"]).can_delete()
    client.post(reverse("wagtailadmin_pages:delete", args=[paper.pk]))
    assert not PaperPage.objects.filter(pk=paper.pk).exists()
    kept = PaperSubmission.objects.filter(pk__in=originals)
    assert kept.count() == len(originals)
    assert all(submission.document_id for submission in kept)
    assert all(submission.invitation_id for submission in kept)


def test_editors_still_delete_their_own_empty_drafts(client, plan, people):
    client.force_login(people["editor"])
    page = PaperPage(title="Nháp trống", slug="nhap-trong", live=False, owner=people["editor"])
    plan.add_child(instance=page)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert not PaperPage.objects.filter(pk=page.pk).exists()


def test_a_translation_is_submitted_from_its_own_door(client, plan, people, admin_client):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    english = Locale.objects.get_or_create(language_code="en")[0]
    source, _created = TranslationSource.get_or_create_from_instance(plan)
    translation = Translation.objects.create(source=source, target_locale=english)
    translation.save_target(publish=False)
    translated = SymposiumPage.objects.get(locale=english)
    # wagtail-localize's "Publish immediately" when syncing is refused with the reason …
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code in (302, 403)
    assert not reload(translated).live
    # … and the explorer offers "Submit to the workflow" in its place.
    client.force_login(people["editor"])
    listing = client.get(reverse("wagtailadmin_explore", args=[plan.get_parent().pk]))
    submit = reverse("symposium_pages_submit_to_workflow", args=[translated.pk])
    assert listing.status_code == 200
    header = client.get(reverse("wagtailadmin_explore", args=[translated.pk]))
    assert submit in header.content.decode()
    assert client.get(submit).status_code == 200
    assert client.post(submit).status_code == 302
    state = reload(translated).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    approve_in_turn(client, translated, people["reviewer"], people["moderator"])
    assert reload(translated).live


def test_the_office_cannot_submit(client, plan, people):
    client.force_login(people["office"])
    submit = reverse("symposium_pages_submit_to_workflow", args=[plan.pk])
    response = client.post(submit)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # refused
    assert reload(plan).current_workflow_state is None


@pytest.mark.parametrize("role", (*ROLES, "anonymous"))
def test_every_admin_door_for_each_role(client, home_page, plan, paper, people, role):
    """One person tries every admin door on an unvetted paper; nothing goes public."""
    article = Page(title="Tin đã đăng", slug="tin-da-dang")  # a public page of the host
    home_page.add_child(instance=article)
    article.save_revision().publish()
    client.force_login(people["editor"])
    data = edit_data(client, paper, "Đăng thẳng.", **{"action-publish": "1"})
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    first = reload(paper).get_latest_revision()
    client.logout()
    if role != "anonymous":
        client.force_login(people[role])
    edit = f"/admin/pages/{paper.pk}/edit/"
    client.post(edit, data)  # Publish
    client.post(edit, {**data, "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")})  # schedule
    client.post(f"/admin/pages/{paper.pk}/revisions/{first.pk}/revert/", data)  # revert
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={paper.pk}&next=/admin/", {})
    client.post(
        reverse("wagtailadmin_pages:copy", args=[paper.pk]),
        {
            "new_title": "Bản sao",
            "new_slug": "ban-sao",
            "new_parent_page": plan.pk,
            "publish_copies": "on",
        },
    )
    client.post(f"/admin/pages/{article.pk}/move/{plan.pk}/confirm/", {})
    assert not reload(paper).live
    assert not Revision.page_revisions.filter(
        object_id=str(paper.pk), approved_go_live_at__isnull=False
    ).exists()
    assert (
        not Page.objects.descendant_of(plan)
        .live()
        .exclude(pk=paper.pk)
        .exclude(pk__in=InvitedUnitsPage.objects.values("pk"))
        .exists()
    )
    assert reload(article).get_parent().pk == home_page.pk
    assert not is_public(client, paper)
