"""A gunicorn logger that keeps desk tokens out of the access log.

A desk link carries its token in the path, and an access log is read by more
people than the desks' units. Serve with
`gunicorn --logger-class symposium_pages.desk.access_log.RedactingLogger`; the
request line, the path and the Referer then show `/desk/…/` instead of the token.
Only this module needs gunicorn; the add-on does not.
"""

import re
from functools import cache

from gunicorn.glogging import Logger

REDACTED = "…"


@cache
def desk_pattern():
    """The desk's path with its token as a group, from the host's URLs (at first use)."""
    from django.urls import reverse

    marker = "TOKEN"
    prefix, _, rest = reverse("symposium_pages_desk", args=[marker]).partition(marker)
    return re.compile(re.escape(prefix) + r"[^/?#\s]+")


def redact(text, prefix_pattern=None):
    pattern = prefix_pattern or desk_pattern()
    return pattern.sub(
        lambda match: match.group(0)[: match.group(0).rindex("/") + 1] + REDACTED, text
    )


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # Every atom: the request line and path, but also the Referer and the environ's
        # copies ({raw_uri}e, {path_info}e, ...) a custom log format may use.
        for key, value in atoms.items():
            if isinstance(value, str):
                atoms[key] = redact(value)
        return atoms
