"""The stock site tree for the add-on's tests: the home page at the root, the default site."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .models import HomePage


def build_home():
    """The home page `wagtail start` makes (replacing Wagtail's welcome page), idempotent."""
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).first()
    if home is None:
        welcome = Page.objects.child_of(root).filter(slug="home").first()
        if welcome is not None and welcome.specific_class is Page:
            welcome.delete()
        home = HomePage(title="Home", slug="home", locale=Locale.get_default())
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname
    site.port = address.port or 80
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    return home
