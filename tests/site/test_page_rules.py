"""Where the plan page may live, and what may live under it."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage
from symposium_pages.models import SymposiumPage


class PageRulesTests(WagtailPageTestCase):
    def test_plan_can_be_created_under_home_and_news_index(self):
        self.assertCanCreateAt(HomePage, SymposiumPage)
        self.assertCanCreateAt(NewsIndexPage, SymposiumPage)

    def test_plan_cannot_be_created_elsewhere(self):
        self.assertCanNotCreateAt(Page, SymposiumPage)
        self.assertCanNotCreateAt(NewsArticlePage, SymposiumPage)
        self.assertCanNotCreateAt(SymposiumPage, SymposiumPage)

    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(SymposiumPage, {HomePage, NewsIndexPage})

    def test_children_are_only_the_addons_page_types(self):
        allowed = SymposiumPage.allowed_subpage_models()
        self.assertTrue(all(model._meta.app_label == "symposium_pages" for model in allowed))
        self.assertCanNotCreateAt(SymposiumPage, NewsArticlePage)
        self.assertCanNotCreateAt(SymposiumPage, HomePage)

    def test_host_tree(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, SymposiumPage})
