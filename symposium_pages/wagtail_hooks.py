"""Admin wiring of the add-on: rich-text features, snippets, views and buttons."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler


@hooks.register("register_rich_text_features")
def register_underline_feature(features):
    """Papers keep the underlining their authors used; Wagtail has no such feature built in."""
    features.register_editor_plugin(
        "draftail",
        "underline",
        draftail_features.InlineStyleFeature(
            {"type": "UNDERLINE", "label": "U", "description": _("Underline")}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "underline",
        {
            "from_database_format": {"u": InlineStyleElementHandler("UNDERLINE")},
            "to_database_format": {"style_map": {"UNDERLINE": "u"}},
        },
    )


# -- Receive paper (Nhận tham luận) ---------------------------------------


@hooks.register("register_admin_urls")
def register_receive_paper_url():
    from django.urls import path

    from .views.receive import receive_paper_view

    return [
        path(
            "symposium/<int:symposium_id>/receive-paper/",
            receive_paper_view,
            name="symposium_pages_receive_paper",
        )
    ]


@hooks.register("register_page_header_buttons")
def receive_paper_header_button(page, user, view_name, next_url=None):
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    from .models import SymposiumPage

    if page.specific_class is not SymposiumPage:
        return
    if not page.permissions_for_user(user).can_add_subpage():
        return
    yield Button(
        _("Receive a paper"),
        reverse("symposium_pages_receive_paper", args=[page.pk]),
        icon_name="doc-full-inverse",
        priority=12,
    )


# -- Units and invitations: snippets under the "Symposia" menu --------------


def _register_units_admin():
    from wagtail.snippets.models import register_snippet

    from .views.units import SymposiaViewSetGroup

    register_snippet(SymposiaViewSetGroup)


_register_units_admin()
