from django.utils.functional import SimpleLazyObject

from bargaining.models import DocumentLanguage
from policies.models import BriefingPack


def printing(request):
    """Whether to offer briefing packs (officers and organisers), decided only when a page asks; the languages a
    document can be printed in, for the download forms."""
    return {
        "can_request_packs": SimpleLazyObject(lambda: BriefingPack.objects.may_add(request.user)),
        "document_languages": DocumentLanguage.choices,
    }
