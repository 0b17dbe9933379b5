"""Counting failed logins per username at an address and per address, in the database.

Each failure is one UPDATE that adds one or, once the window is over, starts again at
one: atomic whichever worker or server runs it. Two workers starting the same key at
once meet on its unique index, and the loser counts on the winner's row.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from .addresses import client_address
from .models import FailedLogins


def user_key(username, address):
    digest = hashlib.sha256(f"{username.strip().casefold()}\0{address}".encode()).hexdigest()
    return f"user:{digest}"


def address_key(address):
    return f"address:{hashlib.sha256(address.encode()).hexdigest()}"


def add_failure(key, window):
    """One more failure under `key`; a window of `window` seconds starts with the first."""
    for _ in range(3):
        now = timezone.now()
        ends = now + timedelta(seconds=window)
        live = Q(expires__gt=now)
        if FailedLogins.objects.filter(key=key).update(
            count=Case(When(live, then=F("count") + 1), default=Value(1)),
            expires=Case(When(live, then=F("expires")), default=Value(ends)),
        ):
            return
        try:
            with transaction.atomic():
                FailedLogins.objects.create(key=key, count=1, expires=ends)
        except IntegrityError:
            continue  # another worker made the row first: count on it
        # A new key is rare next to a counted one: sweep the windows that are over.
        FailedLogins.objects.filter(expires__lte=now).delete()
        return


def live_counts(keys):
    """{key: (failures, seconds left)} for the keys whose window is still open."""
    now = timezone.now()
    rows = FailedLogins.objects.filter(key__in=keys, expires__gt=now)
    return {
        key: (count, (expires - now).total_seconds())
        for key, count, expires in rows.values_list("key", "count", "expires")
    }


def record_failure(sender, credentials, request=None, **kwargs):
    """Django's user_login_failed: one more failure for the username here and for here."""
    if request is None:
        return
    address = client_address(request)
    window = settings.LOGIN_RATE_LIMIT_WINDOW
    add_failure(user_key(credentials.get("username", ""), address), window)
    add_failure(address_key(address), window)


def forget_failures(sender, request, user, **kwargs):
    """Django's user_logged_in: the username's failures here are forgotten. The address's
    are not, or one account of one's own would reset the count between guesses."""
    if request is not None:
        key = user_key(user.get_username(), client_address(request))
        FailedLogins.objects.filter(key=key).delete()
