"""HTTP 429 for a login attempt over either limit, before the password is even checked."""

import math

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .addresses import client_address
from .counts import address_key, live_counts, user_key

# The login views whose failures count: Wagtail's admin and Django's own.
LOGIN_URL_NAMES = {"wagtailadmin_login", "login", "admin:login"}


def refusal(request, seconds):
    minutes = max(1, math.ceil(seconds / 60))
    message = _(
        "Too many failed sign-in attempts. Please wait %(minutes)s minutes and try again."
    ) % {"minutes": minutes}
    body = render_to_string("login_rate_limited.html", {"message": message}, request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(math.ceil(seconds))
    return response


class LoginRateLimitMiddleware:
    """Refuses a login POST once LOGIN_RATE_LIMIT_ATTEMPTS failures for that username from
    this address, or LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS failures for any usernames from this
    address, fell within LOGIN_RATE_LIMIT_WINDOW seconds, until that window ends."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in LOGIN_URL_NAMES:
            return None
        address = client_address(request)
        # Per username at this address, and per address (settings/base.py); 0 turns one off.
        limits = {
            user_key(request.POST.get("username", ""), address): settings.LOGIN_RATE_LIMIT_ATTEMPTS,
            address_key(address): settings.LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS,
        }
        limits = {key: limit for key, limit in limits.items() if limit > 0}
        waits = [
            left for key, (failures, left) in live_counts(limits).items() if failures >= limits[key]
        ]
        return refusal(request, max(waits)) if waits else None
