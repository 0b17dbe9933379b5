"""Papers (tham luận): the keynote, the units' papers and the closing summary."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, WorkflowState
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from .. import roles
from ..blocks import PaperBodyBlock
from ..intake import methods as page_count_methods
from ..panels import ExactCountPanel, StructureHintsPanel
from .news import NewsPageMixin
from .release import ReleaseRuleMixin
from .units import Invitation

NOTE_NUMBER = re.compile(r"<sup>\s*\d+\s*</sup>")


def _part_of(task):
    """The editorial part a task plays (`roles.VETTING_TASK`, …), or None for another task."""
    try:
        return task.symposium_role.key
    except ObjectDoesNotExist:
        return None


class PaperPage(ReleaseRuleMixin, RoutablePageMixin, NewsPageMixin, Page):
    """One paper as the Department edits and publishes it; the upload is kept as a document.

    A news page of the host site (`NewsPageMixin`): its `lead` is the paper's summary.
    The original .docx stays private unless editors tick `publish_original`; then
    readers of the published paper download it at `original/`.
    """

    class Kind(models.TextChoices):
        KEYNOTE = "keynote", _("Keynote report")
        PAPER = "paper", _("Paper")
        CLOSING = "closing", _("Closing summary")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PAPER)
    unit = models.ForeignKey(
        "symposium_pages.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="papers",
    )
    invitation = models.ForeignKey(
        "symposium_pages.Invitation",
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="papers",
    )
    presenter_name = models.CharField(_("presenter"), max_length=255, blank=True)
    presenter_position = models.CharField(_("presenter's position"), max_length=255, blank=True)
    body = StreamField(PaperBodyBlock(), verbose_name=_("body"), blank=True)
    original = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The .docx as received; kept in a private collection."),
    )
    publish_original = models.BooleanField(
        _("publish the original file"),
        default=False,
        help_text=_(
            "Readers of the published paper may download the .docx as received. "
            "Left unticked, the original stays private."
        ),
    )
    words = models.PositiveIntegerField(_("words"), null=True, blank=True)
    pages = models.PositiveSmallIntegerField(
        pgettext_lazy("page count", "pages"), null=True, blank=True
    )
    page_count_method = models.CharField(_("pages counted by"), max_length=20, blank=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("byline"),
        index.RelatedFields("unit", [index.SearchField("name"), index.SearchField("short_name")]),
        index.SearchField("body"),
        index.SearchField("presenter_name"),
        index.FilterField("kind"),
    ]

    # wagtail-localize: title, position and body are translated; the presenter's name and
    # the way pages were counted are copied from the Vietnamese paper as they are. The
    # invitation is not: it belongs to the paper the unit sent, so a translation (or a copy)
    # never counts as a second paper received, in the lists, the status or the intake.
    override_translatable_fields = [
        SynchronizedField("presenter_name"),
        SynchronizedField("page_count_method"),
        BaseTranslatableField("invitation"),
    ]
    exclude_fields_in_copy = ["invitation"]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("invitation")]),
        FieldRowPanel([FieldPanel("presenter_name"), FieldPanel("presenter_position")]),
        *NewsPageMixin.news_panels(),
        StructureHintsPanel(heading=_("Expected parts of the paper")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("original"),
                FieldPanel("publish_original"),
                FieldRowPanel(
                    [
                        FieldPanel("pages"),
                        FieldPanel(
                            "page_count_method",
                            widget=forms.Select(choices=page_count_methods.CHOICES),
                        ),
                    ]
                ),
                FieldRowPanel([FieldPanel("words"), FieldPanel("received_at")]),
                ExactCountPanel(),
            ],
            heading=_("As received"),
        ),
    ]

    parent_page_types = ["symposium_pages.SymposiumPage"]
    subpage_types = []
    template = "symposium_pages/paper_page.html"

    class Meta:
        verbose_name = _("paper")
        verbose_name_plural = _("papers")

    # -- what readers see ------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's cached fragment is missing (fragments.py).
        context["symposium"] = SimpleLazyObject(self.get_symposium)
        context["coverage"] = SimpleLazyObject(self._coverage)
        return context

    def _coverage(self):
        symposium = self.get_symposium()
        return symposium.coverage()[:4] if symposium else []

    def get_news_label(self):
        return self.get_kind_display()

    def get_share_image(self):
        if self.main_image_id:
            return self.main_image
        symposium = self.get_symposium()
        return symposium.main_image if symposium else None

    def get_description(self):
        """The editors' description or lead, else the opening of the paper."""
        text = (self.search_description or self.lead or "").strip()
        if text:
            return text
        for block in self.body:
            if block.block_type == "paragraph":
                # Note numbers (<sup>1</sup>) would stick to the word before them.
                text = NOTE_NUMBER.sub("", block.value.source)
                return Truncator(strip_tags(text)).words(45)
        return ""

    def get_structured_data(self, request=None):
        from ..structured_data import paper

        return paper(self, request)

    def programme_neighbours(self):
        """(previous, next) published paper of the same symposium, in programme order."""
        from ..reading import programme_neighbours

        return programme_neighbours(self)

    @property
    def presenter(self):
        """(name, position) of who presents the paper: on the paper, else on the invitation."""
        if self.presenter_name or self.presenter_position or not self.invitation_id:
            return self.presenter_name, self.presenter_position
        invitation = self.invitation
        return invitation.presenter_name, invitation.presenter_position

    @property
    def original_is_public(self):
        return bool(self.publish_original and self.original_id)

    @path("")
    def paper(self, request):
        return self.serve(request)

    @path("original/", name="original")
    def download_original(self, request):
        from ..views.public import original_response

        return original_response(request, self)

    def get_original_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("original")

    def get_cached_paths(self):
        return ["/", self.reverse_subpage("original")]

    # -- derived from the symposium -------------------------------------

    def get_symposium(self):
        from .symposium import SymposiumPage

        cached = getattr(self, "_symposium", None)
        if cached is None:
            cached = SymposiumPage.objects.ancestor_of(self).last()
            self._symposium = cached
        return cached

    @property
    def is_late(self):
        symposium = self.get_symposium()
        if not (self.received_at and symposium and symposium.submission_deadline):
            return False
        return timezone.localtime(self.received_at).date() >= symposium.submission_deadline

    @property
    def is_over_limit(self):
        symposium = self.get_symposium()
        if not (self.pages and symposium):
            return False
        return self.pages > symposium.page_limit

    @property
    def flags(self):
        flags = []
        if self.is_late:
            flags.append(Invitation.Status.LATE)
        if self.is_over_limit:
            flags.append(Invitation.Status.OVER_LIMIT)
        return flags

    @property
    def workflow_stage(self):
        """The step of Wagtail's workflow the latest revision is at, or None.

        In vetting, changes requested, awaiting release approval; "in review" for a
        workflow other than the add-on's. Read from the active workflow state, which
        `Invitation.objects.with_status()` prefetches.
        """
        state = self.current_workflow_state
        if state is None:
            return None
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return Invitation.Status.CHANGES_REQUESTED
        task_state = state.current_task_state
        task_name = _part_of(task_state.task) if task_state else None
        return {
            roles.VETTING_TASK: Invitation.Status.IN_VETTING,
            roles.RELEASE_TASK: Invitation.Status.IN_APPROVAL,
        }.get(task_name, Invitation.Status.IN_REVIEW)

    @property
    def changes_requested_comment(self):
        """What the reviewer wrote when sending the paper back, while it waits for changes."""
        state = self.current_workflow_state
        if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
            return ""
        task_state = state.current_task_state
        return task_state.comment if task_state else ""

    @property
    def status(self):
        """Where the paper stands, read from Wagtail's own page and workflow state.

        `symposium_pages.paper_status` states the same rules for the database.
        """
        if self.live:
            return Invitation.Status.PUBLISHED
        if self.approved_schedule:
            return Invitation.Status.APPROVED
        stage = self.workflow_stage
        if stage is not None:
            return stage
        flags = self.flags
        return flags[0] if flags else Invitation.Status.RECEIVED


class PaperSubmission(models.Model):
    """One upload of a paper: every original is kept, with what the check found.

    It outlives its paper: deleting the page (a moderator's right only, see
    `release.ReleaseTester`) leaves the upload, its file and its invitation.
    """

    paper = models.ForeignKey(
        PaperPage,
        verbose_name=_("paper"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    invitation = models.ForeignKey(
        "symposium_pages.Invitation",
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=pgettext_lazy("symposium", "revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("file name"), max_length=255)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pages = models.PositiveSmallIntegerField(pgettext_lazy("page count", "pages"), null=True)
    page_count_method = models.CharField(_("pages counted by"), max_length=20, blank=True)
    words = models.PositiveIntegerField(_("words"), null=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.filename} ({self.received_at:%d/%m/%Y %H:%M})"
