from django.utils.functional import SimpleLazyObject


def printing(request):
    """Whether to offer briefing packs (officers and organisers), decided only when a page asks."""
    from policies.pdf.packs import can_request_packs

    return {"can_request_packs": SimpleLazyObject(lambda: can_request_packs(request.user))}
