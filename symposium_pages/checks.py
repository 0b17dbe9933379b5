"""System checks for the settings the editorial workflow relies on."""

from django.conf import settings
from django.core.checks import Error, Warning


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


# Apps the add-on's models, blocks and translations need in the host's INSTALLED_APPS.
REQUIRED_APPS = {
    "wagtail.contrib.table_block": (
        "The paper body's tables need wagtail.contrib.table_block: without it the editor "
        "cannot load the table widget and saving a paper fails (MultiValueDictKeyError "
        "'body-count')."
    ),
    "wagtail_localize": "Plans and papers are translated with wagtail-localize.",
    "django_filters": "The admin's symposium reports filter with django-filter.",
}
# Apps the add-on works without, less well. (wagtail.contrib.routable_page is not needed: the
# add-on uses its mixin, not its template tag.)
RECOMMENDED_APPS = {
    "django_tasks": "Booklets of many papers are built as django_tasks background tasks.",
}
# The blocks of the host's base template the add-on's pages fill.
CONTENT_BLOCK = "content"
HEAD_BLOCKS = ("meta", "extra_css")


def host_settings(app_configs, **kwargs):
    """What a host site can get wrong when it installs the add-on (docs/install.md)."""
    messages = []
    installed = settings.INSTALLED_APPS
    for number, (app, why) in enumerate(REQUIRED_APPS.items(), start=1):
        if app not in installed:
            messages.append(
                Error(
                    f"{app} is not in INSTALLED_APPS. {why}",
                    hint=f'Add "{app}" to INSTALLED_APPS (docs/install.md).',
                    id=f"symposium_pages.E00{number}",
                )
            )
    for app, why in RECOMMENDED_APPS.items():
        if app not in installed:
            messages.append(
                Warning(
                    f"{app} is not in INSTALLED_APPS. {why}",
                    hint=f'Add "{app}" to INSTALLED_APPS (docs/install.md).',
                    id="symposium_pages.W006",
                )
            )
    if "wagtail_localize" in installed and "wagtail_localize.locales" not in installed:
        messages.append(
            Warning(
                "wagtail_localize.locales is not in INSTALLED_APPS: the admin's Locales "
                "screen does not sync translated pages.",
                hint='Replace "wagtail.locales" with "wagtail_localize.locales" in INSTALLED_APPS.',
                id="symposium_pages.W007",
            )
        )
    messages.extend(parent_page_types())
    messages.extend(base_template_blocks())
    messages.extend(language_prefixes())
    messages.extend(desk_urls())
    messages.extend(amount_words())
    messages.extend(protected_deletes())
    return messages


def protected_deletes():
    """Without the middleware, deleting a kept original or receipt in the admin is a 500."""
    if "symposium_pages.protection.ProtectedDeleteMiddleware" in settings.MIDDLEWARE:
        return []
    return [
        Warning(
            "Deleting a document the add-on keeps (a paper's original, a budget receipt) "
            "answers with a server error in Wagtail's admin.",
            hint='Add "symposium_pages.protection.ProtectedDeleteMiddleware" to MIDDLEWARE '
            "(docs/install.md).",
            id="symposium_pages.W013",
        )
    ]


def amount_words():
    """The settlement spells its totals with the configured word for a thousand."""
    from . import conf
    from .amounts import THOUSAND_WORDS

    word = conf.get("SYMPOSIUM_THOUSAND_WORD")
    if word in THOUSAND_WORDS:
        return []
    return [
        Error(
            f"SYMPOSIUM_THOUSAND_WORD is {word!r}: the settlement of a budget, which writes "
            "its totals in words, cannot be built.",
            hint='Set it to "nghìn" or "ngàn".',
            id="symposium_pages.E007",
        )
    ]


def desk_urls():
    """The units' desks need their URLs, outside any language prefix."""
    from django.urls import NoReverseMatch, reverse

    try:
        reverse("symposium_pages_desk", args=["token"])
    except NoReverseMatch:
        return [
            Warning(
                "Invited units have no desk: its URLs are not in the URLconf, so private "
                "links cannot be issued.",
                hint='Add path("desk/", include("symposium_pages.desk.urls")) to your '
                "URLconf, outside i18n_patterns (docs/install.md).",
                id="symposium_pages.W011",
            )
        ]
    return []


def _template_chain(name):
    """The Django templates `name` extends, itself first; None when not Django's engine."""
    from django.template import TemplateDoesNotExist
    from django.template.backends.django import Template as DjangoTemplate
    from django.template.loader import get_template
    from django.template.loader_tags import ExtendsNode

    chain = []
    template = get_template(name)
    if not isinstance(template, DjangoTemplate):
        return None
    template = template.template
    while template is not None:
        chain.append(template)
        extends = template.nodelist.get_nodes_by_type(ExtendsNode)
        if not extends:
            break
        parent = extends[0].parent_name.var
        if not isinstance(parent, str):
            break  # a variable parent cannot be followed
        try:
            template = get_template(parent.strip("\"'")).template
        except TemplateDoesNotExist:
            raise TemplateDoesNotExist(parent.strip("\"'")) from None
    return chain


def base_template_blocks():
    """The add-on's pages extend symposium_pages/base.html, which extends the host's base.html."""
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader_tags import BlockNode, ExtendsNode

    try:
        chain = _template_chain("symposium_pages/base.html")
    except TemplateDoesNotExist as missing:
        return [
            Error(
                f"The add-on's pages extend a template that does not exist: {missing}.",
                hint="Give your site a base.html (Wagtail's `wagtail start` makes one), or "
                "override symposium_pages/base.html to extend your own base template.",
                id="symposium_pages.E004",
            )
        ]
    except TemplateSyntaxError:
        return []  # Django reports it when the template is used
    if chain is None:
        return []
    root = chain[-1]
    if root.nodelist.get_nodes_by_type(ExtendsNode):
        return []
    blocks = {node.name for node in root.nodelist.get_nodes_by_type(BlockNode)}
    messages = []
    if CONTENT_BLOCK not in blocks:
        messages.append(
            Error(
                f"{root.origin.name} has no {{% block content %}}: the add-on's pages "
                "(plan, units, papers) would render empty.",
                hint="Add {% block content %}{% endblock %} to your base template's <body>, "
                "or override symposium_pages/base.html to map it to your block.",
                id="symposium_pages.E005",
            )
        )
    if not blocks.intersection(HEAD_BLOCKS):
        messages.append(
            Warning(
                f"{root.origin.name} has neither {{% block meta %}} nor "
                "{% block extra_css %} in its <head>: the add-on's page metadata "
                "(description, canonical, OpenGraph, hreflang, feed) and stylesheet are left out.",
                hint="Add {% block extra_css %}{% endblock %} (as `wagtail start` does) or "
                "{% block meta %}{% endblock %} inside <head>, or call "
                "{% load symposium_meta %}{% page_meta %} there yourself.",
                id="symposium_pages.W008",
            )
        )
    return messages


LOCALE_MIDDLEWARES = (
    "symposium_pages.locale_middleware.LocaleMiddleware",
    "django.middleware.locale.LocaleMiddleware",
)


def language_prefixes():
    """Each language of LANGUAGES is a URL prefix: more than the content has duplicates pages."""
    if not any(name in settings.MIDDLEWARE for name in LOCALE_MIDDLEWARES):
        return []
    languages = {code for code, _name in settings.LANGUAGES}
    content = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    content_codes = {code for code, _name in content}
    from django.conf import global_settings

    if settings.LANGUAGES == global_settings.LANGUAGES:
        return [
            Warning(
                f"LANGUAGES is Django's default ({len(languages)} languages): every page "
                "is served under as many language prefixes (/fr/…, /de/…), each a duplicate.",
                hint="Set LANGUAGES to the languages of your content, e.g. "
                '[("vi", "Tiếng Việt"), ("en", "English")], and WAGTAIL_CONTENT_LANGUAGES '
                "= LANGUAGES.",
                id="symposium_pages.W009",
            )
        ]
    extra = sorted(languages - content_codes)
    if extra:
        return [
            Warning(
                f"{len(extra)} language(s) of LANGUAGES are no content language "
                f"({', '.join(extra[:10])}): pages are served under their prefixes too, "
                "duplicating the default language's content.",
                hint="Make LANGUAGES the same list as WAGTAIL_CONTENT_LANGUAGES.",
                id="symposium_pages.W010",
            )
        ]
    return []


def parent_page_types():
    from .models import SymposiumPage

    try:
        SymposiumPage.clean_parent_page_models()
    except (ValueError, LookupError) as error:
        return [
            Error(
                f"SYMPOSIUM_PARENT_PAGE_TYPES names no page model of this site: {error}.",
                hint='List page models as "app_label.ModelName", e.g. ["home.HomePage"], or '
                "remove the setting to allow symposia anywhere.",
                id="symposium_pages.E006",
            )
        ]
    return []
