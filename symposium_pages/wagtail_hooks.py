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
