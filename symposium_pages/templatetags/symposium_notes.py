"""Links between a paper's note numbers and its notes, on the public page.

The body stores a note's number as a bare <sup>n</sup> (what the editor sees and
the booklet prints); on the page each number links down to its note and the
note links back up, so a reader on a phone can go to a source and return.
"""

import re

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_NOTE = re.compile(r'<li id="note-(\d+)">')
_NUMBER = re.compile(r"<sup>(\d+)</sup>")


@register.filter(is_safe=True)
def note_links(html):
    """`html` (a rendered paper body) with its note numbers linked to its notes.

    A number is a note's only if that note exists and the numbers so far were lower,
    so "m<sup>2</sup>" after note 2 stays a power.
    """
    html = str(html)
    count = len(_NOTE.findall(html))
    if not count:
        return html
    linked = []

    def link(match):
        number = int(match.group(1))
        if not (linked[-1] if linked else 0) < number <= count:
            return match.group(0)
        linked.append(number)
        return f'<sup><a href="#note-{number}" id="ref-{number}">{number}</a></sup>'

    html = _NUMBER.sub(link, html)
    back = _("Back to the text")
    for number in linked:
        html = html.replace(
            f'<li id="note-{number}">',
            f'<li id="note-{number}"><a class="note-back" href="#ref-{number}" '
            f'aria-label="{back}">↑</a> ',
            1,
        )
    return mark_safe(html)  # noqa: S308 - the body as rendered, with links built from digits
