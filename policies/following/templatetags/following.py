"""`{% follow_button "tool" tool %}`: follow or unfollow a record from its page (signed-in readers only)."""

from django import template

from policies.following.models import is_following

register = template.Library()


@register.inclusion_tag("_partials/follow_button.html", takes_context=True)
def follow_button(context, kind: str, record):
    user = context["request"].user
    if not user.is_authenticated:
        return {"show": False}
    following = is_following(user, kind, record)
    return {
        "show": True,
        "kind": kind,
        "record": record,
        "following": following,
        "csrf_token": context.get("csrf_token"),
    }
