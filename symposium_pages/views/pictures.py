"""The pictures of papers not yet released, for the people preparing them.

A private picture and its renditions are kept where the front server never looks
(`picture_storage.PRIVATE_DIR`); the admin's choosers and image pages, the page
editor, previews and "view draft" reach them here. Only someone who may choose or
change the picture in its collection, or edit a page that shows it, gets the file;
anyone else gets 404, as for a name that does not exist. Nothing here may be kept
by a browser's shared cache or a CDN.
"""

import mimetypes

from django.http import FileResponse, Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.models import Page

try:  # Wagtail 8
    from wagtail.permissions import policy_registry
except ImportError:  # Wagtail 7.4 LTS: one policy for the image model
    policy_registry = None

from ..picture_release import page_references
from ..picture_storage import PRIVATE_DIR


def can_see_picture(user, image):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if policy_registry is not None:
        policy = policy_registry.get_by_type(type(image))
    else:
        from wagtail.images.permissions import permission_policy as policy
    if policy.user_has_any_permission_for_instance(user, ["choose", "change"], image):
        return True
    page_ids = page_references().filter(to_object_id=str(image.pk)).values_list("object_id")
    pages = Page.objects.filter(pk__in=[int(key) for (key,) in page_ids[:100]])
    return any(page.permissions_for_user(user).can_edit() for page in pages)


def _stored(name):
    """(image, file) for a private picture or one of its renditions, by its stored name."""
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is not None:
        return image, image.file
    rendition = (
        Image.get_rendition_model().objects.select_related("image").filter(file=name).first()
    )
    if rendition is not None:
        return rendition.image, rendition.file
    return None, None


@never_cache
@require_safe
def private_picture_view(request, name):
    image, stored = _stored(f"{PRIVATE_DIR}/{name}")
    if image is None or not can_see_picture(request.user, image):
        raise Http404
    try:
        handle = stored.storage.open(stored.name, "rb")
    except OSError as missing:
        raise Http404 from missing
    content_type = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Robots-Tag"] = "noindex"
    return response
