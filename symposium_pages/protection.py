"""A delete the database refuses answers with a message in the admin, not a server error.

The originals of received papers and the receipts of the Office's budget are kept by
protected foreign keys. Wagtail's admin deletes documents, images and snippets inside a
transaction but does not catch Django's ProtectedError, so deleting one of them rolled
back and showed a 500. This middleware turns the refusal into a message naming what
keeps the object, and sends the user back to the page they came from; nothing is deleted.
"""

from django.contrib import messages
from django.db.models import ProtectedError, RestrictedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

ADMIN_HOME = "wagtailadmin_home"


def _keepers(error):
    found = getattr(error, "protected_objects", None) or getattr(error, "restricted_objects", ())
    names = sorted({str(obj._meta.verbose_name) for obj in found})
    return ", ".join(names), len(found)


class ProtectedDeleteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ProtectedError | RestrictedError):
            return None
        if not getattr(request, "user", None) or not request.user.is_authenticated:
            return None
        names, count = _keepers(exception)
        messages.error(
            request,
            _("Nothing was deleted: %(count)d record(s) still need it (%(names)s), so it is kept.")
            % {"count": count, "names": names},
        )
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse(ADMIN_HOME)
        return redirect(back)
