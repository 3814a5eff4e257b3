from django.utils.functional import SimpleLazyObject

from policies.following.notifications import unread_count


def unread(request):
    """The header's unread count, counted only when a page shows it."""
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(request.user))}
