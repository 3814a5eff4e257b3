"""The clause library: search, filters, CSV export and each clause's page with its lineage.

It lives here rather than in bargaining because it joins each clause to the tools and consultations
that produced it (the `tool` filter, a clause's consultations); bargaining cannot see those.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bargaining.columns import CLAUSES
from bargaining.models import Clause
from bargaining.redline import redline
from bargaining.search import highlight_clauses
from bargaining.views.clauses import MAX_COMPARED
from consultations.filters import ClauseLibraryFilter
from plumbing.export import export_format, export_list
from plumbing.filters import facet_counts, label_facets
from plumbing.pages import excerpt, filtered_page
from plumbing.records import may_edit
from plumbing.search import TRUNCATED, parse_query

CLAUSE_FILTER_LABELS = {
    "search": _("Search titles and texts"),
    "union": _("Union"),
    "employer": _("Employer"),
    "bargaining_unit": _("Bargaining unit"),
    "job_group": _("Job group"),
    "agreement_status": _("Agreement status"),
    "tool": _("EdTech tool"),
    "model_rating": _("Rating against the model clause"),
}
CLAUSE_PRIMARY_FILTERS = ["search", "topic", "status", "union", "employer", "job_group", "tool"]
# Each of these filters' options says how many clauses it would give (the path is what it counts by). The
# filters over records (employer, unit, agreement) are lookups that list no options, so they count nothing.
CLAUSE_FACETS = {
    "topic": "topic",
    "status": "current_status",
    "union": "agreement__bargaining_unit__union",
    "job_group": "agreement__bargaining_unit__job_group",
    "agreement_status": "agreement__status",
    "model_rating": "model_rating",
    "visibility": "visibility",
}
# A selection longer than the comparison takes is kept (so nothing picked is lost) up to a bound.
MAX_SELECTED = 12


def clause_list(request):
    """The library's results, and the clauses picked for comparison: kept in the address (`?compare=3&compare=8`)
    across pages and filters, so the selection works without JavaScript and can be shared."""
    if export_format(request):
        return export_list(request, ClauseLibraryFilter, CLAUSES)
    clauses = Clause.objects.visible_to(request.user).for_library()
    context = filtered_page(
        request, ClauseLibraryFilter, clauses, labels=CLAUSE_FILTER_LABELS, primary=CLAUSE_PRIMARY_FILTERS
    )
    # Counted among the clauses the reader may see only: a hidden clause adds to no option's count.
    label_facets(context["filter"].form, facet_counts(ClauseLibraryFilter, request, clauses, CLAUSE_FACETS))
    query = parse_query(request.GET.get("search"))
    if query.truncated:
        messages.info(request, TRUNCATED)
    # Highlights come from the index for this page's clauses only, all scoped by visible_to above.
    highlights = highlight_clauses(context["rows"], query)
    selected = _selected_clauses(request)
    selected_ids = [clause.pk for clause in selected]
    context["results"] = [
        {
            "clause": clause,
            "title": highlights[clause.pk].title if clause.pk in highlights else clause.title,
            "excerpt": (
                highlights[clause.pk].snippet
                if clause.pk in highlights and highlights[clause.pk].snippet
                else excerpt(clause.current_text or "", [])
            ),
            "status": clause.current_status_label,
            "selected": clause.pk in selected_ids,
        }
        for clause in context["rows"]
    ]
    on_page = {clause.pk for clause in context["rows"]}
    others = [(name, value) for name, value in _params(request) if name != "compare"]
    context.update(
        selected=[
            {
                "clause": clause,
                "without": urlencode([*others, *(("compare", pk) for pk in selected_ids if pk != clause.pk)]),
            }
            for clause in selected
        ],
        # Picked on other pages: the comparison form carries them along with the boxes ticked here.
        selected_elsewhere=[pk for pk in selected_ids if pk not in on_page],
        # What the filters form keeps when it is applied or cleared, and what "keep the selection" goes back to.
        kept_params=[("compare", pk) for pk in selected_ids],
        kept_query=urlencode([("compare", pk) for pk in selected_ids]),
        page_params=[(name, value) for name, value in others],
        too_many=max(0, len(selected) - MAX_COMPARED),
        most_compared=MAX_COMPARED,
    )
    return render(request, "bargaining/clause_list.html", context)


def _params(request) -> list[tuple[str, str]]:
    return [(name, value) for name, values in request.GET.lists() for value in values]


def _selected_clauses(request) -> list:
    """The clauses in `?compare=` that the reader may see, in the order they were picked (one query)."""
    raw = request.GET.getlist("compare")
    ids = list(dict.fromkeys(int(value) for value in raw if value.isdigit() and len(value) <= 18))[:MAX_SELECTED]
    if not ids:
        return []
    found = {clause.pk: clause for clause in Clause.objects.visible_to(request.user).for_library().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def clause_export(request):
    """The clause library's current result set as CSV (its first address, kept for bookmarks and scripts)."""
    return export_list(request, ClauseLibraryFilter, CLAUSES, fmt="csv", back=reverse("clause_list"))


def clause_detail(request, pk):
    """A clause's lineage, and a redline between any two of its versions (`?from=1&to=3`, version numbers)."""
    user = request.user
    clause = get_object_or_404(Clause.objects.visible_to(user).for_library(), pk=pk)
    # A version may have been tabled in a session the reader may not see: it says so, without naming it.
    versions = list(
        clause.versions.with_visible_session(user).select_related("session", "created_by").order_by("number")
    )
    by_number = {version.number: version for version in versions}
    old, new = _redline_pair(request, by_number)
    return render(
        request,
        "bargaining/clause_detail.html",
        {
            "clause": clause,
            "versions": versions,
            "old": old,
            "new": new,
            "segments": redline(old.text, new.text) if old and new else [],
            "consultations": clause.consultations.visible_to(user).select_related("union", "proposal__tool"),
            "can_edit": may_edit(user, clause),
        },
    )


def _redline_pair(request, by_number):
    numbers = sorted(by_number)
    if len(numbers) < 2:
        return None, None
    default = (numbers[-2], numbers[-1])
    try:
        chosen = (int(request.GET.get("from", default[0])), int(request.GET.get("to", default[1])))
    except ValueError:
        chosen = None
    if chosen is None or chosen[0] not in by_number or chosen[1] not in by_number:
        messages.error(request, gettext("Those versions do not exist: showing the latest two instead."))
        chosen = default
    return by_number[chosen[0]], by_number[chosen[1]]
