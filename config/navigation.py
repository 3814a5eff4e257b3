"""Which part of the main navigation a page belongs to, so that its link is marked on every page of that part
(a tool's edit and history pages too, not only the list and the record's page)."""

# A record that lives inside another, or beside it, is found under that one's link.
SECTION_OF = {
    "vendors": "tools",
    "training-budgets": "employers",
    "budget-support": "employers",
    "events": "consultations",
    "agreements": "units",
    "sessions": "units",
    "notes": "units",
    "print": "packs",
}


def navigation(request):
    first = request.path.strip("/").split("/", 1)[0]
    return {"nav_section": SECTION_OF.get(first, first) or "home"}
