"""The address a login attempt is counted under."""

from django.conf import settings


def client_address(request):
    """The peer's address; with BEHIND_PROXY, the last X-Forwarded-For hop, which our own
    proxy added. Without it the header is the client's to write and is ignored, or anyone
    could escape the limit by sending a new address each time."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")
