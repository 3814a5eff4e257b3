from django.shortcuts import render

from bargaining.models import Agreement, BargainingUnit, Clause, Membership
from consultations.models import Consultation, EdTechTool, ProcurementProposal
from policies.models import ModelClause, Position


def home(request):
    """The landing page: the visitor's unions and how much of the record they can see."""
    user = request.user
    memberships = Membership.objects.filter(user=user).select_related("union") if user.is_authenticated else []
    counted = [
        ("Bargaining units", BargainingUnit),
        ("Agreements", Agreement),
        ("Clauses", Clause),
        ("EdTech tools", EdTechTool),
        ("Procurement proposals", ProcurementProposal),
        ("Consultations", Consultation),
        ("Positions", Position),
        ("Model clauses", ModelClause),
    ]
    counts = [(label, model.objects.visible_to(user).count()) for label, model in counted]
    return render(request, "home.html", {"memberships": memberships, "counts": counts})
