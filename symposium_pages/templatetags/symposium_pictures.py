"""Template filters for pictures that move between the private and the public folder."""

from django import template

from ..picture_storage import forget_stale_renditions

register = template.Library()


@register.filter
def fresh_renditions(image, specs):
    """The image, its cached renditions for `specs` (comma-separated) checked against its file.

    Use it where a page shows a picture not prefetched with its renditions:
    `{% image value.image|fresh_renditions:"max-960x960" max-960x960 %}`.
    """
    return forget_stale_renditions(image, *specs.split(","))
