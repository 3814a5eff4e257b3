"""Creating records: officers add to what their union owns; nobody adds to what they cannot change."""

import pytest

from bargaining.access import Visibility
from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    Employer,
    NegotiationSession,
    TrainingBudget,
    Union,
)
from consultations.models import Consultation, EdTechTool, ProcurementProposal, Vendor
from policies.models import ModelClause, Position, Principle
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    EdTechToolFactory,
    EmployerFactory,
    ProcurementProposalFactory,
    TopicFactory,
    TrainingBudgetFactory,
    VendorFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC = Visibility.PUBLIC


def payload_for(collection, union):
    """A valid new record of `collection` owned by `union`, and the model it lands in."""
    if collection == "bargaining-units":
        employer = EmployerFactory()
        return BargainingUnit, {"union": union.pk, "employer": employer.pk, "job_group": "teachers", "name": "Unit"}
    if collection == "agreements":
        unit = BargainingUnitFactory(union=union, visibility=PUBLIC)
        return Agreement, {"bargaining_unit": unit.pk, "title": "2025 agreement", "visibility": "members"}
    if collection == "clauses":
        agreement = AgreementFactory(bargaining_unit__union=union, visibility=PUBLIC)
        topic = TopicFactory(code="workload")
        return Clause, {"agreement": agreement.pk, "article_number": "9.1", "title": "Workload", "topic": topic.pk}
    if collection == "sessions":
        unit = BargainingUnitFactory(union=union, visibility=PUBLIC)
        return NegotiationSession, {"bargaining_unit": unit.pk, "held_on": "2025-03-12", "visibility": "members"}
    if collection == "consultations":
        proposal = ProcurementProposalFactory()
        return Consultation, {"union": union.pk, "proposal": proposal.pk, "opened_on": "2025-01-20"}
    if collection == "principles":
        return Principle, {"union": union.pk, "code": "judgement", "title": "Judgement", "statement": "Ours."}
    if collection == "model-clauses":
        topic = TopicFactory(code="training")
        return ModelClause, {"union": union.pk, "topic": topic.pk, "title": "Training", "preferred_text": "Paid."}
    if collection == "positions":
        tool = EdTechToolFactory()
        return Position, {"union": union.pk, "title": "On the tool", "tool": tool.pk, "stance": "oppose"}
    if collection == "budget-support":
        budget = TrainingBudgetFactory()
        return BudgetSupport, {"union": union.pk, "budget": budget.pk, "level": "high", "visibility": "members"}
    raise AssertionError(collection)


# The union-owned collections payload_for() knows how to fill (versions and events: see the workflow API tests).
UNION_OWNED_COLLECTIONS = [
    "bargaining-units",
    "agreements",
    "clauses",
    "sessions",
    "consultations",
    "principles",
    "model-clauses",
    "positions",
    "budget-support",
]


@pytest.mark.parametrize("collection", UNION_OWNED_COLLECTIONS)
def test_officer_creates_a_record_for_their_union(api, union, officer, collection):
    model, payload = payload_for(collection, union)

    response = api(officer).post(f"/api/v1/{collection}/", payload)

    assert response.status_code == 201, response.content
    assert model.objects.filter(pk=response.json()["id"]).exists()
    assert response.json()["url"].endswith(f"/api/v1/{collection}/{response.json()['id']}/")


@pytest.mark.parametrize("collection", UNION_OWNED_COLLECTIONS)
def test_member_cannot_create_records_for_their_union(api, union, member, collection):
    model, payload = payload_for(collection, union)

    response = api(member).post(f"/api/v1/{collection}/", payload)

    assert response.status_code == 403
    assert model.objects.count() == 0


@pytest.mark.parametrize("collection", UNION_OWNED_COLLECTIONS)
def test_other_officer_cannot_create_records_for_another_union(api, union, other_officer, collection):
    model, payload = payload_for(collection, union)

    response = api(other_officer).post(f"/api/v1/{collection}/", payload)

    # The union is visible to all, so that is a 403; a parent record they cannot see is "does not exist".
    assert response.status_code in (400, 403)
    if response.status_code == 400:
        assert "does not exist" in str(response.json())
    assert model.objects.count() == 0


@pytest.mark.parametrize("collection", UNION_OWNED_COLLECTIONS)
def test_anonymous_cannot_create_records(api, union, anonymous, collection):
    model, payload = payload_for(collection, union)

    assert api(anonymous).post(f"/api/v1/{collection}/", payload).status_code == 401
    assert model.objects.count() == 0


REFERENCE = {
    "employers": (Employer, lambda: {"name": "Hillcrest District", "slug": "hillcrest"}),
    "training-budgets": (
        TrainingBudget,
        lambda: {"employer": EmployerFactory().pk, "school_year": "2025-26", "current": "5000.00"},
    ),
    "vendors": (Vendor, lambda: {"name": "Acme Learning"}),
    "tools": (EdTechTool, lambda: {"name": "GradeBot", "vendor": VendorFactory().pk, "category": "assessment"}),
    "proposals": (
        ProcurementProposal,
        lambda: {
            "employer": EmployerFactory().pk,
            "tool": EdTechToolFactory().pk,
            "title": "Adopt GradeBot",
            "announced_on": "2025-01-15",
        },
    ),
}


@pytest.mark.parametrize("collection", sorted(REFERENCE))
def test_any_union_officer_adds_shared_reference_records(api, officer, collection):
    model, payload = REFERENCE[collection]

    response = api(officer).post(f"/api/v1/{collection}/", payload())

    assert response.status_code == 201, response.content
    assert model.objects.filter(pk=response.json()["id"]).exists()


@pytest.mark.parametrize("collection", sorted(REFERENCE))
def test_member_cannot_add_shared_reference_records(api, member, collection):
    model, payload = REFERENCE[collection]
    before = model.objects.count()

    assert api(member).post(f"/api/v1/{collection}/", payload()).status_code == 403
    assert model.objects.count() == before


@pytest.mark.parametrize("collection", sorted(REFERENCE))
def test_anonymous_sees_no_shared_reference_records(api, anonymous, collection):
    _model, payload = REFERENCE[collection]
    payload()

    assert api(anonymous).get(f"/api/v1/{collection}/").json()["results"] == []


def test_only_site_staff_add_a_union(api, officer, staff):
    payload = {"name": "New Union", "slug": "new-union", "short_name": "NU"}

    assert api(officer).post("/api/v1/unions/", payload).status_code == 403
    assert api(staff).post("/api/v1/unions/", payload).status_code == 201
    assert Union.objects.filter(slug="new-union").exists()


def test_officer_renames_their_own_union_but_not_another(api, union, other_union, officer):
    client = api(officer)

    assert client.patch(f"/api/v1/unions/{union.pk}/", {"short_name": "NEA2"}).status_code == 200
    assert client.patch(f"/api/v1/unions/{other_union.pk}/", {"short_name": "X"}).status_code == 403


def test_anonymous_reads_the_list_of_unions(api, union, anonymous):
    assert union.pk in [row["id"] for row in api(anonymous).get("/api/v1/unions/").json()["results"]]


def test_officer_cannot_move_a_record_to_a_union_they_do_not_lead(api, union, other_union, officer):
    _, payload = payload_for("principles", union)
    created = api(officer).post("/api/v1/principles/", payload).json()

    response = api(officer).patch(f"/api/v1/principles/{created['id']}/", {"union": other_union.pk})

    assert response.status_code == 403
    assert Principle.objects.get(pk=created["id"]).union == union


def test_deleting_a_record_that_others_depend_on_answers_409(api, union, officer):
    unit = BargainingUnitFactory(union=union)
    AgreementFactory(bargaining_unit=unit)

    response = api(officer).delete(f"/api/v1/bargaining-units/{unit.pk}/")

    assert response.status_code == 409
    assert "depend" in response.json()["detail"]
    assert BargainingUnit.objects.filter(pk=unit.pk).exists()
