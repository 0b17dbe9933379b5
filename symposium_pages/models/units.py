"""Units (đơn vị) reused across symposia, and their invitation to one symposium."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..categories import CATEGORY_ORDER, UnitCategory


class Unit(index.Indexed, models.Model):
    """An organisation that can be invited: a department, a district committee, a cell."""

    name = models.CharField(_("name"), max_length=255, unique=True)
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
    phone = models.CharField(_("contact phone"), max_length=40, blank=True, help_text=_("Never shown publicly."))
    active = models.BooleanField(_("active"), default=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
        index.FilterField("category"),
        index.FilterField("active"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
        FieldRowPanel([FieldPanel("category"), FieldPanel("parent")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("email"), FieldPanel("phone")])],
            heading=_("Contact (internal)"),
        ),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["category", "name"]

    def __str__(self):
        return self.name

    @property
    def category_position(self):
        return CATEGORY_ORDER.get(self.category, len(CATEGORY_ORDER))


class Invitation(models.Model):
    """One unit invited to one symposium; its status is derived from its paper."""

    class Expectation(models.TextChoices):
        PAPER = "paper", _("Present a paper")
        ATTEND = "attend", _("Attend")

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        ATTENDING = "attending", _("Attending only")
        RECEIVED = "received", _("Received")
        LATE = "late", _("Received late")
        OVER_LIMIT = "over_limit", _("Over the page limit")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

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
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    panels = [
        FieldPanel("symposium"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("expectation")]),
        FieldRowPanel([FieldPanel("presenter_name"), FieldPanel("presenter_position")]),
        FieldPanel("notes"),
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
        papers = list(self.papers.all())
        return papers[0] if papers else None

    @property
    def status(self):
        paper = self.latest_paper()
        if paper is None:
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
