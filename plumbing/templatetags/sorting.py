"""`{% sort_href request "due" %}`: the address of the same list sorted by a column, keeping its filters.

Sorting by the column already in use reverses it; the page starts again at 1.
"""

from django import template
from django.utils.translation import gettext as _

from plumbing.keyset import CURSOR_PARAM

register = template.Library()


@register.simple_tag
def sort_href(request, field: str) -> str:
    query = request.GET.copy()
    query.pop(CURSOR_PARAM, None)
    query["ordering"] = f"-{field}" if request.GET.get("ordering") == field else field
    return f"?{query.urlencode()}"


@register.simple_tag
def sort_state(request, field: str) -> str:
    """Words for a column's sort state, read out with its heading (not shown by an arrow alone)."""
    current = request.GET.get("ordering")
    if current == field:
        # Translators: read out with a column heading when the list is sorted by it in ascending order.
        return "▲ " + _("soonest first")
    if current == f"-{field}":
        # Translators: read out with a column heading when the list is sorted by it in descending order.
        return "▼ " + _("latest first")
    return ""
