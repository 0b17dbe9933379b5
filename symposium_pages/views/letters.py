"""Editors print the invitation letters, one unit or a whole symposium, or e-mail them.

Every letter carries a freshly issued link (a token is only ever shown once), so
producing letters replaces the units' current links; both pages say so before
the editor confirms.

A whole round is built in the request: writing 42 letters takes 1.5-2.4 s on
the project's 2-CPU machine (bench/bench_letters.py), over half of it drawing
the QR codes, and the request with its links issued 3.5 s (301 queries) on that
machine under load. A background export would have to keep a file of live
links on disk until it is fetched, which the hash-only storage of the links
exists to avoid; the e-mails, which need no answer, are background tasks.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.snippets.permissions import get_permission_name

from ..desk import letters
from ..languages import originals
from ..models import Invitation, SymposiumPage
from ..tasks import send_invitation_letter

INVITATION_ACTIONS = ("letter", "email")


def _url_for(request):
    from .desk_links import desk_url

    return lambda token: desk_url(request, token)


def _docx_response(content, filename):
    response = HttpResponse(content, content_type=letters.DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # it holds live links
    return response


def can_send_letters(user):
    return user.has_perm(get_permission_name("change", Invitation))


def invitation_letter_action(request, invitation):
    """The "letter" and "email" buttons of the desk-link page (views/desk_links.py)."""
    if request.POST.get("action") == "letter":
        content = letters.letter_docx(invitation, _url_for(request), request.user)
        return _docx_response(content, letters.letter_filename(invitation.unit))
    if not invitation.unit.email:
        messages.error(
            request, _("%(unit)s has no e-mail address.") % {"unit": invitation.unit.name}
        )
    else:
        send_invitation_letter.enqueue(invitation.pk, request.user.pk)
        messages.success(
            request,
            _("The letter and a new link are on their way to %(email)s.")
            % {"email": invitation.unit.email},
        )
    return redirect("symposium_pages_desk_link", invitation.pk)


def symposium_letters_view(request, symposium_id):
    """All the letters of a symposium: choose the units, then print them or e-mail them."""
    if not can_send_letters(request.user):
        raise PermissionDenied
    symposium = get_object_or_404(originals(SymposiumPage.objects), pk=symposium_id)
    invitations = list(letters.expecting_papers(symposium))
    if request.method == "POST":
        chosen = set(request.POST.getlist("invitation"))
        selected = [item for item in invitations if str(item.pk) in chosen]
        if not selected:
            messages.error(request, _("Choose at least one unit."))
        elif request.POST.get("action") == "email":
            return _email_all(request, symposium, selected)
        else:
            content = letters.letters_docx(selected, _url_for(request), request.user)
            return _docx_response(content, f"cong-van-moi-{symposium.slug}.docx")
    context = {
        "symposium": symposium,
        "invitations": invitations,
        "without_email": sum(1 for item in invitations if not item.unit.email),
        "page_title": _("Invitation letters"),
        "page_subtitle": symposium.title,
        "header_title": _("Invitation letters"),
        "header_icon": "mail",
    }
    return TemplateResponse(request, "symposium_pages/admin/letters.html", context)


def _email_all(request, symposium, selected):
    sent = [item for item in selected if item.unit.email]
    for item in sent:
        send_invitation_letter.enqueue(item.pk, request.user.pk)
    skipped = [item.unit.name for item in selected if not item.unit.email]
    messages.success(
        request,
        ngettext(
            "%(count)d letter is being e-mailed with its new link.",
            "%(count)d letters are being e-mailed with their new links.",
            len(sent),
        )
        % {"count": len(sent)},
    )
    if skipped:
        messages.warning(
            request,
            _("No e-mail address, nothing sent: %(units)s.") % {"units": ", ".join(skipped)},
        )
    return redirect("symposium_pages_letters", symposium.pk)
