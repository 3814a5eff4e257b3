from django.utils.functional import SimpleLazyObject

from policies.models import BriefingPack


def printing(request):
    """Whether to offer briefing packs (officers and organisers), decided only when a page asks."""
    return {"can_request_packs": SimpleLazyObject(lambda: BriefingPack.objects.may_add(request.user))}
