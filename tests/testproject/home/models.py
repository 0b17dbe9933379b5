"""The home page of a fresh `wagtail start` site: a Page with no fields of its own."""

from wagtail.models import Page


class HomePage(Page):
    pass
