"""System checks for the settings the editorial workflow relies on."""

from django.conf import settings
from django.core.checks import Warning


def workflow_settings(app_configs, **kwargs):
    warnings = []
    if not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        warnings.append(
            Warning(
                "A revision saved while a paper is in the workflow can be published "
                "without being vetted.",
                hint="Set WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True.",
                id="symposium_pages.W001",
            )
        )
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) == "direct":
        warnings.append(
            Warning(
                "Documents are served straight from storage: the private originals of "
                "papers would be readable by anyone with the link.",
                hint='Set WAGTAILDOCS_SERVE_METHOD = "serve_view".',
                id="symposium_pages.W002",
            )
        )
    warnings.extend(picture_settings())
    if "wagtail_localize" in settings.INSTALLED_APPS and getattr(
        settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True
    ):
        warnings.append(
            Warning(
                "A page translated from the admin goes live at once, before anyone "
                "has translated or vetted a word of it.",
                hint="Set WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False.",
                id="symposium_pages.W003",
            )
        )
    return warnings


def picture_settings():
    """The renditions of pictures not yet released must stay out of the public folder."""
    from django.urls import NoReverseMatch, reverse
    from wagtail.images import get_image_model

    from .picture_storage import RenditionStorage

    storage = get_image_model().get_rendition_model()._meta.get_field("file").storage
    if not isinstance(storage, RenditionStorage):
        return [
            Warning(
                "Renditions of the pictures of papers not yet released are written to the "
                "public images/ folder.",
                hint='Set WAGTAILIMAGES_RENDITION_STORAGE = "symposium_pages.picture_storage.'
                'RenditionStorage".',
                id="symposium_pages.W004",
            )
        ]
    try:
        reverse("symposium_pages_private_picture", args=["images/x.png"])
    except NoReverseMatch:
        return [
            Warning(
                "Editors cannot see the pictures of papers not yet released: the checked "
                "view has no URL.",
                hint='Add path("paper-pictures/", include("symposium_pages.urls")) to your '
                "URLconf, outside i18n_patterns.",
                id="symposium_pages.W005",
            )
        ]
    return []
