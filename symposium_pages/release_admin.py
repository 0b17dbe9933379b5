"""The release rule at the admin's doors: refused with a reason, never with an error page.

The rule itself is kept by the models (`release.py`); these hooks make the admin
say why in Vietnamese before a door would reach it, and offer no door that leads
nowhere: *Publish* in the page editor, *Publish* in bulk, "publish copies", a
move of a public page into a symposium. Imported by `wagtail_hooks.py`.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .release import is_governed, refusal_message


def _refuse(request, message, fallback):
    messages.error(request, message)
    return redirect(request.META.get("HTTP_REFERER") or fallback)


@hooks.register("construct_page_action_menu")
def hide_bare_publish(menu_items, request, context):
    """No *Publish* on a page of a symposium: moderators release by approving the last step."""
    page = context.get("page")
    if page is not None and is_governed(page) or page is None and _creating_governed(request):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _creating_governed(request):
    """The create view passes no page to the menu: its model comes from the URL."""
    from django.apps import apps

    from .models.release import ReleaseRuleMixin

    kwargs = getattr(request.resolver_match, "kwargs", {})
    try:
        model = apps.get_model(kwargs["content_type_app_name"], kwargs["content_type_model_name"])
    except (KeyError, LookupError):
        return False
    return issubclass(model, ReleaseRuleMixin)


@hooks.register("before_publish_page")
def refuse_bare_publish(request, page):
    """The editor's and creator's *Publish* (a revert too): both save a new revision first,
    which no workflow has released yet, so under a symposium it is always refused."""
    if is_governed(page):
        return _refuse(request, refusal_message(), _edit_url(page))


def _edit_url(page):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    include_descendants = request.POST.get("include_descendants") in ("on", "true", "1")
    for page in objects:
        governed = is_governed(page) or (include_descendants and _holds_symposium(page))
        if governed:
            return _refuse(
                request,
                _("“%(title)s”: %(reason)s") % {"title": page.title, "reason": refusal_message()},
                "/admin/",
            )
    return None


def _holds_symposium(page):
    from .models import SymposiumPage

    return SymposiumPage.objects.descendant_of(page).exists()


@hooks.register("before_copy_page")
def refuse_publishing_copies(request, page):
    """Copies of a symposium's pages start as drafts: "publish copies" is refused."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    if is_governed(page) or _holds_symposium(page):
        return _refuse(
            request,
            _(
                "Copies of a symposium's pages start as drafts and go public only through "
                "the workflow: untick “Publish copies” to copy."
            ),
            "/admin/",
        )
    return None


@hooks.register("before_move_page")
def refuse_moving_public_pages_in(request, page_to_move, destination):
    from .release import ReleaseRefused, page_moving

    try:
        page_moving(None, page_to_move, None, destination)
    except ReleaseRefused as refused:
        return _refuse(request, refused.args[0], "/admin/")
    return None


def _edited_as_translation(page):
    """wagtail-localize shows its own editor for a synced translation (no messages there)."""
    from .views.release import synced_translation

    return synced_translation(page) is not None


@hooks.register("before_edit_page")
def state_the_rule(request, page):
    """Moderators read the rule where they would look for *Publish*."""
    if request.method != "GET" or not is_governed(page) or _edited_as_translation(page):
        return None
    tester = page.permissions_for_user(request.user)
    if request.user.is_superuser or "publish" in tester.permissions:
        messages.info(
            request,
            _(
                "Pages of a symposium go public only through the workflow: a moderator "
                "releases a version by approving its last step. Unpublishing takes effect "
                "at once."
            ),
        )
    return None


# -- a translation's own door to the workflow (wagtail-localize's editor has none) --


@hooks.register("register_admin_urls")
def register_submit_to_workflow_url():
    from django.urls import path

    from .views.release import submit_to_workflow_view

    return [
        path(
            "symposium/page/<int:page_id>/submit/",
            submit_to_workflow_view,
            name="symposium_pages_submit_to_workflow",
        )
    ]


@hooks.register("construct_explorer_page_queryset")
def mark_synced_translations(parent_page, pages, request):
    """The explorer's rows say whether wagtail-localize edits them: one subquery, not a
    query per row for the *Submit* button below."""
    from django.db.models import Exists, OuterRef
    from wagtail_localize.models import Translation

    synced = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale_id=OuterRef("locale_id"),
        enabled=True,
    )
    return pages.annotate(symposium_synced_translation=Exists(synced))


def _submit_button(page, user, next_url, priority):
    from django.urls import reverse
    from django.utils.http import urlencode
    from django.utils.translation import pgettext
    from wagtail.admin.widgets import Button

    from .models.release import ReleaseRuleMixin
    from .views.release import may_submit

    if not issubclass(page.specific_class or type(page), ReleaseRuleMixin):
        return
    synced = getattr(page, "symposium_synced_translation", None)
    if not (_edited_as_translation(page) if synced is None else synced):
        return  # Wagtail's own editor has *Submit*
    page = page.specific_deferred
    if not may_submit(page, user):
        return
    url = reverse("symposium_pages_submit_to_workflow", args=[page.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield Button(
        pgettext("symposium admin", "Submit to the workflow"),
        url,
        icon_name="tasks",
        priority=priority,
    )


@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page, user, next_url=None):
    yield from _submit_button(page, user, next_url, priority=5)


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page, user, view_name, next_url=None):
    yield from _submit_button(page, user, next_url, priority=14)
