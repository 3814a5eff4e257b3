"""The notifications page, and following or unfollowing a record from its page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plumbing.pages import get_visible_or_404
from policies.following.models import TARGETS, Follow, Inbox, set_following
from policies.following.notifications import mark_read, notifications_for


@login_required
def notifications(request):
    user = request.user
    now = timezone.now()
    read_up_to = Inbox.objects.filter(user=user).values_list("read_up_to", flat=True).first()
    items = notifications_for(user)
    mark_read(user, now)
    follows = (
        Follow.objects.visible_to(user)
        .following()
        .select_related("tool", "consultation__union", "consultation__proposal", "agreement", "position")
    )
    return render(
        request,
        "following/notifications.html",
        {
            "items": [(item, read_up_to is None or item.when > read_up_to) for item in items],
            "follows": follows,
            "unread_notifications": 0,
        },
    )


@login_required
@require_POST
def follow(request, kind, pk):
    if kind not in TARGETS:
        raise Http404
    target = get_visible_or_404(TARGETS[kind], request.user, pk=pk)
    if request.POST.get("action") == "unfollow":
        set_following(request.user, kind, target, False)
        messages.success(request, _("You no longer follow this."))
    else:
        set_following(request.user, kind, target, True)
        messages.success(request, _("Following: what happens on it appears in your notifications."))
    return redirect(target)
