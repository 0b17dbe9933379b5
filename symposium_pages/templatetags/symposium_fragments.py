"""`{% publicfragment "name" vary_on… %}…{% endpublicfragment %}`: a part of a public page
kept rendered until something public changes (see `fragments`).

The key always holds the public version, the language, the day, the host and the path; give what
else the part depends on, usually the page: `{% publicfragment "paper-body" page.pk %}`.
Previews and signed-in users get it rendered afresh.
"""

from django import template
from django.utils.safestring import mark_safe

from .. import fragments

register = template.Library()


class PublicFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        name = self.name.resolve(context)
        vary_on = [value.resolve(context) for value in self.vary_on]
        return mark_safe(  # noqa: S308 - the template's own output, escaped as it rendered
            fragments.cached(request, name, lambda: self.nodelist.render(context), *vary_on)
        )


@register.tag("publicfragment")
def do_publicfragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    nodelist = parser.parse(("endpublicfragment",))
    parser.delete_first_token()
    return PublicFragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
    )
