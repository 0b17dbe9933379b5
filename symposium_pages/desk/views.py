"""A unit's desk: the plan's requirements, its status, its upload and its presenter.

Reached only through the unit's private link. An unknown, revoked or re-issued
link gets the same 404 as any missing page. Every answer forbids caching and
sends a Referer to this site only (`same-origin`: `no-referrer` would make the
browser send `Origin: null` and fail Django's CSRF check), so the token neither
lingers in a shared cache nor leaks to another site; the host's access log
redacts it (see docs/install.md).

The upload goes through the same intake service as the admin's "receive paper":
step one checks the file and shows what was found, storing nothing but the
pending file; confirming files it as a draft revision and writes a receipt.
"""

import uuid
from functools import wraps

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation

from .. import conf
from ..models import DeskLink, Invitation, PaperSubmission
from ..paper_structure import hints_for_check
from ..receiving import PaperRefused, check_for_symposium, receive_paper
from ..tasks import send_desk_receipt
from . import history, language, questions, receipts, reminders, throttle, window
from .forms import PresenterForm, QuestionForm, UploadForm

PENDING_DIR = "symposium_pages/pending"
PENDING_SALT = "symposium_pages.desk"
PENDING_MAX_AGE = 6 * 3600


def private(view):
    """No cache may keep a desk, and no link to another site may carry its address."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "same-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped


def _link(request, token):
    """The active, unexpired link of `token`; a miss is counted against the caller's address."""
    link = DeskLink.find(token) or reminders.find_link(token)
    if link is None or window.link_expired(link.invitation):
        throttle.allow(throttle.address_key(request), conf.get("SYMPOSIUM_DESK_MISSES_PER_HOUR"))
        raise Http404
    return link


def _address_blocked(request):
    """True when this address has tried too many unknown links this hour."""
    from ..models import DeskThrottle

    row = DeskThrottle.objects.filter(key=throttle.address_key(request)).first()
    return (
        row is not None
        and timezone.now() - row.window_start < throttle.HOUR
        and row.hits >= conf.get("SYMPOSIUM_DESK_MISSES_PER_HOUR")
    )


def _too_many(request, context):
    return TemplateResponse(request, "symposium_pages/desk/too_many.html", context, status=429)


def _context(request, link, **extra):
    invitation = Invitation.objects.with_status().get(pk=link.invitation_id)
    code, symposium, languages = language.choose(request, invitation.symposium)
    paper = invitation.latest_paper()
    return {
        "language": code,
        "languages": languages,
        "token": request.resolver_match.kwargs["token"],
        "invitation": invitation,
        "unit": invitation.unit,
        "symposium": symposium,
        "paper": paper,
        "status": invitation.status,
        "statuses": Invitation.Status,
        "closes_at": window.closes_at(invitation),
        "is_open": window.is_open(invitation),
        "days_left": window.days_left(invitation),
        "questions": invitation.desk_questions.all(),
        "submissions": PaperSubmission.objects.filter(invitation=invitation)
        .select_related("exact_count")
        .order_by("-received_at", "-pk"),
        **extra,
    }


def _speak(request, link):
    """Speaks the unit's chosen language for the rest of the request (see language.py)."""
    code, _plan, _choices = language.choose(request, link.invitation.symposium)
    translation.activate(code)
    request.LANGUAGE_CODE = code
    return code


@private
def desk_view(request, token):
    if _address_blocked(request):
        return _too_many(request, {})
    link = _link(request, token)
    code = _speak(request, link)
    return language.remember(request, _desk_action(request, link), code)


def _desk_action(request, link):
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "presenter":
            return _presenter(request, link)
        if action == "question":
            if not throttle.allow(f"questions:{link.pk}", questions.questions_per_hour()):
                return _too_many(request, _context(request, link))
            return _question(request, link)
        if action in ("upload", "confirm", "cancel"):
            limit = conf.get("SYMPOSIUM_DESK_UPLOADS_PER_HOUR")
            if action != "cancel" and not throttle.allow(f"link:{link.pk}", limit):
                return _too_many(request, _context(request, link))
            return {"upload": _upload, "confirm": _confirm, "cancel": _cancel}[action](
                request, link
            )
    return _desk(request, link, question_sent=request.GET.get("asked") == "1")


def _desk(request, link, *, status=200, **extra):
    context = _context(request, link, **extra)
    invitation = context["invitation"]
    context.setdefault("upload_form", UploadForm())
    context.setdefault(
        "presenter_form",
        PresenterForm(
            initial={
                "presenter_name": invitation.presenter_name,
                "presenter_position": invitation.presenter_position,
            }
        ),
    )
    context.setdefault("question_form", QuestionForm())
    return TemplateResponse(request, "symposium_pages/desk/desk.html", context, status=status)


def _upload(request, link):
    invitation = link.invitation
    if not window.is_open(invitation):
        return _desk(request, link, status=403, closed_refusal=True)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _desk(request, link, status=400, upload_form=form)
    upload = form.cleaned_data["file"]
    data = upload.read()
    result = check_for_symposium(invitation.symposium, data, upload.name, method="estimate")
    if result.errors:
        for message in result.errors:
            form.add_error("file", str(message))
        return _desk(request, link, status=400, upload_form=form)
    path = default_storage.save(f"{PENDING_DIR}/{uuid.uuid4().hex}.docx", ContentFile(data))
    pending = signing.dumps(
        {"path": path, "filename": upload.name, "link": link.pk}, salt=PENDING_SALT
    )
    context = _context(
        request,
        link,
        result=result,
        pending=pending,
        filename=upload.name,
        structure_hints=hints_for_check(invitation.symposium, result),
    )
    return TemplateResponse(request, "symposium_pages/desk/preview.html", context)


def _pending(request, link):
    """The file waiting for confirmation, or None when the token is stale or not this link's."""
    try:
        pending = signing.loads(
            request.POST.get("pending", ""), salt=PENDING_SALT, max_age=PENDING_MAX_AGE
        )
    except signing.BadSignature:
        return None
    path = pending.get("path", "")
    if pending.get("link") != link.pk or not path.startswith(f"{PENDING_DIR}/"):
        return None
    if not default_storage.exists(path):
        return None
    return pending


def _cancel(request, link):
    pending = _pending(request, link)
    if pending:
        default_storage.delete(pending["path"])
    return redirect("symposium_pages_desk", request.resolver_match.kwargs["token"])


def _confirm(request, link):
    invitation = link.invitation
    pending = _pending(request, link)
    if pending is None:
        return _desk(request, link, status=400, expired=True)
    if not window.is_open(invitation):
        default_storage.delete(pending["path"])
        return _desk(request, link, status=403, closed_refusal=True)
    with default_storage.open(pending["path"], "rb") as handle:
        data = handle.read()
    try:
        receipt = receive_paper(
            invitation.symposium,
            data=data,
            filename=pending["filename"],
            invitation=invitation,
            count_in_background=True,
        )
    except PaperRefused as refusal:
        form = UploadForm()
        for message in refusal.result.errors:
            form.add_error(None, str(message))
        return _desk(request, link, status=400, upload_form=form)
    finally:
        default_storage.delete(pending["path"])
    submission = receipt.submission
    history.record(
        invitation,
        history.SENT,
        request,
        file=submission.filename,
        receipt=receipts.number(submission),
    )
    transaction.on_commit(lambda: send_desk_receipt.enqueue(submission.pk))
    return redirect(
        "symposium_pages_desk_receipt", request.resolver_match.kwargs["token"], submission.pk
    )


def _presenter(request, link):
    form = PresenterForm(request.POST)
    if not form.is_valid():
        return _desk(request, link, status=400, presenter_form=form)
    invitation = link.invitation
    invitation.presenter_name = form.cleaned_data["presenter_name"]
    invitation.presenter_position = form.cleaned_data["presenter_position"]
    invitation.save(update_fields=["presenter_name", "presenter_position"])
    history.record(
        invitation,
        history.PRESENTER,
        request,
        presenter=f"{invitation.presenter_name}, {invitation.presenter_position}",
    )
    return _desk(request, link, presenter_saved=True)


@private
def receipt_view(request, token, submission_id):
    if _address_blocked(request):
        return _too_many(request, {})
    link = _link(request, token)
    code = _speak(request, link)
    submission = get_object_or_404(
        PaperSubmission.objects.select_related("exact_count", "document"),
        pk=submission_id,
        invitation_id=link.invitation_id,
    )
    context = _context(request, link, receipt=receipts.describe(submission))
    response = TemplateResponse(request, "symposium_pages/desk/receipt.html", context)
    return language.remember(request, response, code)


def _question(request, link):
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _desk(request, link, status=400, question_form=form)
    questions.ask(link.invitation, form.cleaned_data["text"], request)
    # Redirected, so that reloading the page does not send the question again.
    url = reverse("symposium_pages_desk", args=[request.resolver_match.kwargs["token"]])
    return redirect(f"{url}?asked=1#desk-questions-title")
