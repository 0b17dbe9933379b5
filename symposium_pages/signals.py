"""Signal receivers, connected in the app config's ready()."""

from .moderation import set_up_symposium


def symposium_created(sender, instance, created, raw=False, **kwargs):
    """Every new symposium runs the two-step workflow, however it was made.

    post_save covers the admin's create view, code (`add_child`), copies and
    translations alike, which a page hook such as `after_create_page` would not.
    """
    if created and not raw:
        set_up_symposium(instance)
