"""Units (đơn vị) reused across symposia, and their invitation to one symposium."""

from anyascii import anyascii
from django.db import models
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import WorkflowState
from wagtail.search import index

from ..categories import CATEGORY_ORDER, UnitCategory


def plan_order(field="category"):
    """A database expression giving each category its position in the plan (for ordering)."""
    return Case(
        *(When(**{field: key}, then=Value(position)) for key, position in CATEGORY_ORDER.items()),
        default=Value(len(CATEGORY_ORDER)),
        output_field=IntegerField(),
    )


class Unit(index.Indexed, models.Model):
    """An organisation that can be invited: a department, a district committee, a cell."""

    name = models.CharField(pgettext_lazy("symposium", "name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=UnitCategory.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    email = models.EmailField(_("contact e-mail"), blank=True, help_text=_("Never shown publicly."))
    phone = models.CharField(
        _("contact phone"), max_length=40, blank=True, help_text=_("Never shown publicly.")
    )
    active = models.BooleanField(pgettext_lazy("symposium", "active"), default=True)
    position = models.PositiveSmallIntegerField(
        _("order in its category"),
        default=100,
        help_text=_(
            "Lists show units by category in the plan's order, then by this number "
            "(lowest first), then by name: use it for the order of precedence."
        ),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        # Without diacritics too: editors type "chu pah" for "Chư Păh", and only
        # SQLite's tokenizer folds them by itself (PostgreSQL's does not).
        index.SearchField("folded_names"),
        index.AutocompleteField("folded_names"),
        index.FilterField("category"),
        index.FilterField("active"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("position")]),
        FieldPanel("parent"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])],
            heading=_("Contact (internal)"),
        ),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["category", "position", "name"]

    def __str__(self):
        return self.name

    def folded_names(self):
        return anyascii(f"{self.name} {self.short_name}")

    @property
    def category_position(self):
        return CATEGORY_ORDER.get(self.category, len(CATEGORY_ORDER))


class InvitationQuerySet(models.QuerySet):
    def with_status(self):
        """Everything `status` and `flags` read, fetched in a fixed number of queries
        (with each paper's latest upload's page count, see `exact_counts.with_count`)."""
        from ..exact_counts import with_count
        from .papers import PaperPage
        from .vetting import PaperVetting

        # Wagtail's prefetch_workflow_states() follows the base-Page relation unless the
        # queryset came from .specific(); PaperPage.objects needs the specific one.
        active = WorkflowState.objects.active().select_related(
            "current_task_state__task__symposium_role"
        )
        papers = with_count(PaperPage.objects.annotate_approved_schedule()).prefetch_related(
            Prefetch(
                "_specific_workflow_states", queryset=active, to_attr="_current_workflow_states"
            ),
            Prefetch("vettings", queryset=PaperVetting.objects.select_related("reviewer")),
        )
        return self.select_related("unit", "symposium").prefetch_related(
            Prefetch("papers", queryset=papers)
        )

    def filter_status(self, status):
        """Invitations whose derived status is `status`, decided by the database."""
        from ..paper_status import invitation_status

        return self.alias(_db_status=invitation_status()).filter(_db_status=status)

    def filter_late(self, late=True):
        from ..paper_status import invitation_late

        return self.alias(_db_late=invitation_late()).filter(_db_late=late)

    def filter_over_limit(self, over_limit=True):
        from ..paper_status import invitation_over_limit

        return self.alias(_db_over_limit=invitation_over_limit()).filter(_db_over_limit=over_limit)

    def filter_page_count(self, status):
        """Invitations whose latest paper's latest upload has this exact-count status."""
        from ..exact_counts import invitation_count_status

        return self.alias(_db_count=invitation_count_status()).filter(_db_count=status)

    def filter_verdict_changed(self, changed=True):
        from ..exact_counts import invitation_verdict_changed

        return self.alias(_db_verdict=invitation_verdict_changed()).filter(_db_verdict=changed)

    def in_plan_order(self):
        """By category in the plan's order, then by the unit's position and name."""
        return self.annotate(_category_order=plan_order("unit__category")).order_by(
            "_category_order", "unit__position", "unit__name"
        )


class Invitation(models.Model):
    """One unit invited to one symposium; its status is derived from its paper."""

    class Expectation(models.TextChoices):
        PAPER = "paper", _("Present a paper")
        ATTEND = "attend", _("Attend")

    class Status(models.TextChoices):
        # In the order of the life cycle; a paper's status follows Wagtail's workflow.
        INVITED = "invited", _("Invited")
        ATTENDING = "attending", _("Attending only")
        # The symposium's own organiser: its keynote and closing summary are its part.
        ORGANISER = "organiser", _("Organising unit")
        RECEIVED = "received", _("Received")
        LATE = "late", _("Received late")
        OVER_LIMIT = "over_limit", _("Over the page limit")
        IN_VETTING = "in_vetting", _("In vetting")
        CHANGES_REQUESTED = (
            "changes_requested",
            pgettext_lazy("invitation status", "Changes requested"),
        )
        IN_APPROVAL = "in_approval", _("Awaiting release approval")
        IN_REVIEW = "in_review", _("In review")  # a workflow other than the add-on's
        # approved, waiting for its go-live time
        APPROVED = "approved", pgettext_lazy("invitation status", "Approved")
        PUBLISHED = "published", pgettext_lazy("invitation status", "Published")

    symposium = models.ForeignKey(
        "symposium_pages.SymposiumPage",
        verbose_name=_("symposium"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="invitations"
    )
    expectation = models.CharField(
        _("expected contribution"),
        max_length=10,
        choices=Expectation.choices,
        default=Expectation.PAPER,
    )
    presenter_name = models.CharField(_("presenter"), max_length=255, blank=True)
    presenter_position = models.CharField(_("presenter's position"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    presented = models.BooleanField(
        _("presented at the symposium"),
        default=False,
        help_text=_(
            "Ticked after the event for the units whose paper was presented; the report counts them."
        ),
    )
    accept_late_until = models.DateTimeField(
        _("accept uploads until"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to close the unit's desk for uploads after the deadline; "
            "set a later time to let this unit send its paper late."
        ),
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    panels = [
        FieldPanel("symposium"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("expectation")]),
        FieldRowPanel([FieldPanel("presenter_name"), FieldPanel("presenter_position")]),
        FieldPanel("notes"),
        FieldPanel("accept_late_until"),
        FieldPanel("presented"),
    ]

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["symposium", "unit"], name="one_invitation_per_unit")
        ]

    def __str__(self):
        return f"{self.unit} → {self.symposium}"

    def latest_paper(self):
        """The paper page received for this invitation, if any (prefetched when listed)."""
        paper = max(self.papers.all(), key=lambda item: item.pk, default=None)
        if paper is not None and getattr(paper, "_symposium", None) is None:
            # The paper sits under the invitation's symposium: spare it a tree query.
            paper._symposium = self.symposium
        return paper

    @property
    def status(self):
        paper = self.latest_paper()
        if paper is None:
            if self.unit_id == self.symposium.organiser_id:
                return self.Status.ORGANISER
            if self.expectation == self.Expectation.ATTEND:
                return self.Status.ATTENDING
            return self.Status.INVITED
        return paper.status

    @property
    def flags(self):
        """Warnings shown beside the status: late, over the limit."""
        paper = self.latest_paper()
        if paper is None:
            return []
        return paper.flags

    def get_status_display(self):
        return self.Status(self.status).label

    def get_flags_display(self):
        return [self.Status(flag).label for flag in self.flags]
