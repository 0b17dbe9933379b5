"""The plan (kế hoạch) of one symposium, as a Wagtail page."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_lazy as wagtail_gettext  # not extracted: Wagtail's
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin, get_page_models
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .. import conf, fragments
from ..budget_panels import PlanBudgetPanel
from ..routing import SpecificChildRouting
from ..validators import validate_plan_number
from .desk_followup import validate_reminder_days
from .news import NewsPageMixin
from .release import ReleaseRuleMixin


class SymposiumPage(ReleaseRuleMixin, RoutablePageMixin, SpecificChildRouting, NewsPageMixin, Page):
    """One symposium as its plan describes it: the facts, the tasks, the programme.

    A news page of the host site too (`NewsPageMixin`), with its own RSS feed of
    papers and coverage (`feed/`) and an iCalendar file of the event (`calendar/`, a .ics file).
    """

    menu_title = models.CharField(
        _("short title"),
        max_length=60,
        blank=True,
        help_text=_(
            "The plan's name in the site's menu, where the whole title would be cut on a "
            "phone (e.g. Tọa đàm chỉnh đốn Đảng). Left empty, the title is used."
        ),
    )
    plan_number = models.CharField(
        _("plan number"),
        max_length=40,
        validators=[validate_plan_number],
        help_text=_("In the Party form, e.g. 92-KH/TU."),
    )
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=255,
        help_text=_("e.g. Ban Thường vụ Tỉnh ủy Gia Lai"),
    )
    issuing_place = models.CharField(
        _("place of issue"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the date line, e.g. Gia Lai."),
    )
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)

    event_starts_at = models.DateTimeField(
        _("starts at"),
        null=True,
        blank=True,
        help_text=_("Exact date and time, when known."),
    )
    event_ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    event_period = models.CharField(
        _("expected period"),
        max_length=120,
        blank=True,
        help_text=_(
            "When only an approximate time is known, written as the plan says it, "
            "e.g. 'cuối tháng 8 năm 2022'. Shown exactly as written."
        ),
    )
    event_period_start = models.DateField(
        _("earliest date of the period"),
        null=True,
        blank=True,
        help_text=_("The first day the expected period can begin; used to check the deadline."),
    )
    event_period_end = models.DateField(_("last date of the period"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    # Stamp of what readers see under the plan; part of the template cache keys.
    public_changed_at = models.DateTimeField(
        _("published content changed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a page under the plan was last published or withdrawn."),
    )

    lead = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown at the top of the page and in listings."),
    )
    purpose = RichTextField(_("purpose"), blank=True)
    requirements = RichTextField(_("requirements"), blank=True)
    paper_guidance = RichTextField(
        _("guidance for papers"),
        blank=True,
        help_text=_("The suggested structure and topics of the papers."),
    )
    page_limit = models.PositiveSmallIntegerField(
        _("page limit (A4 pages)"),
        default=7,
        validators=[MinValueValidator(1)],
    )
    submission_deadline = models.DateField(
        _("papers due before"),
        help_text=_("Papers received on or after this date are late."),
    )
    reminder_days = models.CharField(
        _("reminders, days before the deadline"),
        max_length=40,
        blank=True,
        default="7,2",
        validators=[validate_reminder_days],
        help_text=_(
            "Units that have sent nothing get an e-mail with their desk link this many "
            "days before the deadline (e.g. 7,2). Empty: no reminders."
        ),
    )
    receiving_department = models.CharField(
        _("receiving department"),
        max_length=255,
        help_text=_("The department the units send their papers to."),
    )
    organiser = models.ForeignKey(
        "symposium_pages.Unit",
        verbose_name=_("organising unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_symposia",
        help_text=_(
            "The unit that leads the symposium: it writes the keynote and the closing summary "
            "and issues the report. Its own reports are its contribution, so it is never "
            "counted among the units that have sent nothing."
        ),
    )
    contact = models.TextField(
        _("contact for difficulties"),
        blank=True,
        help_text=_("Where units report difficulties while carrying out the plan."),
    )

    # -- printed documents and budget (the "Budget" tab) ----------------------
    booklet_copies = models.PositiveIntegerField(
        _("booklets to print"),
        default=0,
        help_text=_("Copies of the booklet printed for the participants."),
    )
    price_per_page = models.PositiveIntegerField(
        _("printing price per page (VND)"),
        default=0,
        help_text=_("The printing line of the budget is booklet pages × copies × this price."),
    )
    report_number = models.CharField(
        _("number of the report on results"),
        max_length=40,
        blank=True,
        help_text=_(
            "In the Party form, e.g. 150-BC/BTGTU. Left blank, the report leaves the number "
            "for the office to fill in."
        ),
    )

    # wagtail-localize: text (title, lead, purpose, venue, ...) is translated; the plan's and
    # the report's numbers are identifiers and stay as issued. The legal bases, assignments and
    # programme are copied from the Vietnamese plan as they are (synchronised).
    override_translatable_fields = [
        SynchronizedField("plan_number"),
        SynchronizedField("report_number"),
        # Days before the deadline, not words: the same in every language.
        SynchronizedField("reminder_days"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("plan_number"),
        index.SearchField("lead"),
        index.SearchField("purpose"),
        index.SearchField("requirements"),
        index.SearchField("paper_guidance"),
        index.FilterField("submission_deadline"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("menu_title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("plan_number"), FieldPanel("issued_on")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("issuing_place")]),
            ],
            heading=_("The plan"),
        ),
        FieldPanel("lead"),
        *NewsPageMixin.news_panels(lead=False),
        FieldPanel("purpose"),
        FieldPanel("requirements"),
        InlinePanel("legal_bases", heading=_("Legal basis"), label=_("Party document")),
    ]
    event_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_starts_at"), FieldPanel("event_ends_at")]),
                FieldPanel("event_period"),
                FieldRowPanel([FieldPanel("event_period_start"), FieldPanel("event_period_end")]),
                FieldPanel("venue"),
            ],
            heading=_("Time and place"),
        ),
        InlinePanel("programme_items", heading=_("Programme"), label=_("Programme item")),
    ]
    paper_panels = [
        FieldRowPanel(
            [
                FieldPanel("page_limit"),
                FieldPanel("submission_deadline"),
                FieldPanel("reminder_days"),
            ]
        ),
        FieldRowPanel([FieldPanel("receiving_department"), FieldPanel("organiser")]),
        FieldPanel("paper_guidance"),
        FieldPanel("report_number"),
    ]
    assignment_panels = [
        InlinePanel("assignments", heading=_("Assignments"), label=_("Assignment")),
        FieldPanel("contact"),
    ]
    budget_panels = [
        FieldRowPanel([FieldPanel("booklet_copies"), FieldPanel("price_per_page")]),
        # The lines, actual spending and documents are the Office's record (models/budget.py).
        PlanBudgetPanel(heading=_("Printing and totals")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Plan")),
            ObjectList(event_panels, heading=_("Time and programme")),
            ObjectList(paper_panels, heading=_("Papers")),
            ObjectList(assignment_panels, heading=_("Assignments")),
            ObjectList(budget_panels, heading=_("Budget")),
            # Wagtail's own tabs in Wagtail's own words (and catalogue): every page type's
            # editor names them alike.
            ObjectList(Page.promote_panels, heading=wagtail_gettext("Promote")),
            ObjectList(Page.settings_panels, heading=wagtail_gettext("Settings")),
        ]
    )

    # Where a symposium may be created: SYMPOSIUM_PARENT_PAGE_TYPES, read at run time by
    # clean_parent_page_models below (None: anywhere).
    parent_page_types = None
    subpage_types = [
        "symposium_pages.InvitedUnitsPage",
        "symposium_pages.PaperPage",
        "symposium_pages.CoveragePage",
    ]
    template = "symposium_pages/symposium_page.html"
    # The explorer lists the plan's pages in Wagtail's own order, which is the programme:
    # editors reorder the papers there by dragging them (see `programme.py`).
    admin_default_ordering = "ord"

    @classmethod
    def clean_parent_page_models(cls):
        """SYMPOSIUM_PARENT_PAGE_TYPES as model classes, read on every call (Wagtail's own
        reads `parent_page_types` once and keeps it), so the setting may change at run time."""
        names = conf.get("SYMPOSIUM_PARENT_PAGE_TYPES")
        if names is None:
            return get_page_models()
        parents = [resolve_model_string(name, cls._meta.app_label) for name in names]
        for model in parents:
            if not issubclass(model, Page):
                raise LookupError(f"{model} is not a Page subclass")
        return parents

    news_label = _("Symposium")

    class Meta:
        verbose_name = _("symposium")
        verbose_name_plural = _("symposia")

    # -- derived facts ---------------------------------------------------

    @property
    def event_date(self):
        """The first day the symposium can take place, exact or from the period."""
        if self.event_starts_at:
            return timezone.localtime(self.event_starts_at).date()
        return self.event_period_start

    def deadline_passed(self, today=None):
        today = today or timezone.localdate()
        return self.submission_deadline is not None and today >= self.submission_deadline

    @property
    def last_day_to_submit(self):
        if self.submission_deadline is None:
            return None
        return self.submission_deadline - datetime.timedelta(days=1)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        context["deadline_passed"] = self.deadline_passed(today)
        # Read only when the template's cached fragment is missing (fragments.py).
        context["papers"] = SimpleLazyObject(self.published_papers)
        context["days_left"] = (
            (self.submission_deadline - today).days if self.submission_deadline else None
        )
        context["symposium"] = self
        context["coverage"] = SimpleLazyObject(lambda: self.coverage()[:12])
        return context

    # -- what readers see ------------------------------------------------

    def coverage(self):
        """Live news about this symposium: its coverage pages and the host's articles linking to it."""
        from ..reading import coverage_of

        return coverage_of(self)

    def programme_item_times(self, item):
        """(start, end) of a programme item as aware datetimes, when the day is known."""
        if not (self.event_starts_at and item.starts_at):
            return None, None
        day = timezone.localtime(self.event_starts_at).date()
        tz = timezone.get_current_timezone()

        def at(moment):
            return (
                timezone.make_aware(datetime.datetime.combine(day, moment), tz) if moment else None
            )

        return at(item.starts_at), at(item.ends_at)

    def get_structured_data(self, request=None):
        from ..structured_data import event

        return event(self, request, self.programme_items.all())

    def get_feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")

    def get_calendar_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar")

    @property
    def calendar_filename(self):
        from ..views.public import calendar_filename

        return calendar_filename(self)

    @path("")
    def plan(self, request):
        return self.serve(request)

    @path("feed/", name="feed")
    def feed(self, request):
        from ..feeds import SymposiumFeed

        return fragments.cached_response(
            request, "symposium-feed", lambda: SymposiumFeed()(request, symposium=self), self.pk
        )

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from ..views.public import calendar_response

        return fragments.cached_response(
            request, "symposium-calendar", lambda: calendar_response(request, self), self.pk
        )

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("feed"), self.reverse_subpage("calendar")]

    def get_sitemap_urls(self, request=None):
        """The plan changes for readers when one of its papers is published: say so."""
        urls = super().get_sitemap_urls(request)
        for url in urls:
            url["lastmod"] = max(
                (moment for moment in (url.get("lastmod"), self.public_changed_at) if moment),
                default=None,
            )
        return urls

    def get_cache_key_components(self):
        # What readers see of the plan (its papers, units, related news) changes when
        # anything under it is published or withdrawn (see `reading.touch_symposia`): a
        # host's fragments keyed on the plan's cache_key follow it. The add-on's own
        # templates key theirs on the public version (fragments.py).
        return [*super().get_cache_key_components(), self.public_changed_at]

    def with_content_json(self, content):
        """A revision does not bring back an old stamp of the published lists."""
        obj = super().with_content_json(content)
        obj.public_changed_at = self.public_changed_at
        return obj

    def published_papers(self):
        """The live papers under this plan, in programme order, with their units."""
        from ..programme import in_programme_order
        from ..public import public
        from .papers import PaperPage

        return in_programme_order(
            public(PaperPage.objects.live())
            .child_of(self)
            .select_related("unit", "invitation")
            .defer_streamfields()
        )

    def clean(self):
        super().clean()
        errors = {}
        if not self.event_starts_at and not self.event_period:
            errors["event_period"] = _(
                "Give either the exact start or the expected period of the symposium."
            )
        if self.event_period and not self.event_starts_at and not self.event_period_start:
            errors["event_period_start"] = _(
                "Give the earliest date of the expected period, so the deadline can be checked."
            )
        if (
            self.event_starts_at
            and self.event_ends_at
            and self.event_ends_at < self.event_starts_at
        ):
            errors["event_ends_at"] = _("The symposium cannot end before it starts.")
        if (
            self.event_period_start
            and self.event_period_end
            and self.event_period_end < self.event_period_start
        ):
            errors["event_period_end"] = _("The period cannot end before it begins.")
        event_date = self.event_date
        if self.submission_deadline and event_date and self.submission_deadline >= event_date:
            errors["submission_deadline"] = _(
                "The deadline for papers must fall before the symposium (%(date)s)."
            ) % {"date": event_date.strftime("%d/%m/%Y")}
        if self.page_limit is not None and self.page_limit < 1:
            errors["page_limit"] = _("The page limit must be at least one page.")
        if errors:
            raise ValidationError(errors)


class LegalBasis(TranslatableMixin, Orderable):
    """A Party document the plan implements (Kết luận, Chỉ thị, Nghị quyết…).

    Translatable with its plan (wagtail-localize): the issuer and title are translated,
    the document's number and date stay as issued.
    """

    page = ParentalKey(SymposiumPage, on_delete=models.CASCADE, related_name="legal_bases")
    number = models.CharField(_("number"), max_length=40, help_text=_("e.g. 21-KL/TW"))
    issued_on = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    title = models.CharField(pgettext_lazy("party document", "title"), max_length=500)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issued_on")]),
        FieldPanel("issuer"),
        FieldPanel("title"),
    ]

    override_translatable_fields = [SynchronizedField("number")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Party document")
        verbose_name_plural = _("legal basis")

    def __str__(self):
        return self.number


class SymposiumAssignment(TranslatableMixin, Orderable):
    """Who does what: the lead, the coordinating units, the budget, the rest.

    Translatable with its plan: the unit's name and its tasks; the role is kept.
    """

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        COORDINATE = "coordinate", _("Coordinate")
        BUDGET = "budget", _("Budget")
        OTHER = "other", _("Other")

    page = ParentalKey(SymposiumPage, on_delete=models.CASCADE, related_name="assignments")
    unit_name = models.CharField(_("unit"), max_length=255)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OTHER)
    tasks = models.TextField(pgettext_lazy("symposium", "tasks"))

    panels = [
        FieldRowPanel([FieldPanel("unit_name"), FieldPanel("role")]),
        FieldPanel("tasks"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.unit_name} ({self.get_role_display()})"


class ProgrammeItem(TranslatableMixin, Orderable):
    """One item of the programme, in order; translatable with its plan (the times are kept)."""

    page = ParentalKey(SymposiumPage, on_delete=models.CASCADE, related_name="programme_items")
    starts_at = models.TimeField(_("from"), null=True, blank=True)
    ends_at = models.TimeField(_("to"), null=True, blank=True)
    title = models.CharField(pgettext_lazy("symposium", "item"), max_length=500)
    speaker = models.CharField(
        _("speaker or unit"),
        max_length=255,
        blank=True,
    )

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("title"),
        FieldPanel("speaker"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")

    def __str__(self):
        return self.title
