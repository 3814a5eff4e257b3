"""Bad input answers 4xx with a clear message, never a 500, and changes nothing."""

import pytest

from bargaining.access import Visibility
from bargaining.models import Agreement, BargainingUnit
from consultations.models import Consultation, EdTechTool, ProcurementProposal
from policies.models import Position
from tests.factories import (
    BargainingUnitFactory,
    ConsultationFactory,
    EdTechToolFactory,
    EmployerFactory,
    PositionFactory,
    ProcurementProposalFactory,
    VendorFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_payload(union):
    return {"union": union.pk, "employer": EmployerFactory().pk, "job_group": "teachers", "name": "Teachers"}


def post(client, url, body):
    return client.post(url, body, format="json")


def test_malformed_json_answers_400(api, officer):
    response = api(officer).post("/api/v1/vendors/", '{"name": "Acme', content_type="application/json")

    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_a_body_that_is_not_an_object_answers_400(api, officer):
    response = api(officer).post("/api/v1/vendors/", "[1, 2]", content_type="application/json")

    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_form_encoded_body_answers_415(api, officer):
    response = api(officer).post("/api/v1/vendors/", "name=Acme", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"member_count": "many"}, "member_count"),
        ({"member_count": -1}, "member_count"),
        ({"member_count": 10**30}, "member_count"),
        ({"job_group": "astronauts"}, "job_group"),
        ({"visibility": "secret"}, "visibility"),
        ({"name": "x" * 201}, "name"),
        ({"name": ""}, "name"),
        ({"name": "nul\x00byte"}, "name"),
        ({"employer": "abc"}, "employer"),
        ({"employer": 10**30}, "employer"),
        ({"employer": True}, "employer"),
        ({"employer": 999999}, "employer"),
        ({"union": None}, "union"),
    ],
)
def test_invalid_fields_answer_400_naming_the_field(api, officer, unit_payload, change, field):
    response = post(api(officer), "/api/v1/bargaining-units/", {**unit_payload, **change})

    assert response.status_code == 400
    assert field in response.json()
    assert not BargainingUnit.objects.exists()


@pytest.mark.parametrize("date", ["2025-02-30", "10000-01-01", "0000-01-01", "yesterday", 20250101])
def test_dates_out_of_range_answer_400(api, officer, union, date):
    unit = BargainingUnitFactory(union=union)

    response = post(api(officer), "/api/v1/agreements/", {"bargaining_unit": unit.pk, "title": "A", "term_start": date})

    assert response.status_code == 400
    assert "term_start" in response.json()
    assert not Agreement.objects.exists()


def test_a_reference_to_a_record_the_caller_cannot_see_is_refused_like_a_missing_one(api, other_officer, union):
    hidden_unit = BargainingUnitFactory(union=union, visibility=Visibility.INTERNAL)

    response = post(api(other_officer), "/api/v1/agreements/", {"bargaining_unit": hidden_unit.pk, "title": "A"})

    assert response.status_code == 400
    assert "does not exist" in response.json()["bargaining_unit"][0]


def test_the_model_s_own_rules_answer_400_naming_the_field(api, officer, union):
    unit = BargainingUnitFactory(union=union, visibility=Visibility.PUBLIC)
    client = api(officer)

    response = post(
        client,
        "/api/v1/agreements/",
        {"bargaining_unit": unit.pk, "title": "A", "term_start": "2025-09-01", "term_end": "2024-09-01"},
    )

    assert response.status_code == 400
    assert "term_end" in response.json()


def test_a_child_cannot_be_more_visible_than_its_parent(api, officer, union):
    unit = BargainingUnitFactory(union=union, visibility=Visibility.MEMBERS)

    response = post(
        api(officer), "/api/v1/agreements/", {"bargaining_unit": unit.pk, "title": "A", "visibility": "public"}
    )

    assert response.status_code == 400
    assert "visibility" in response.json()


def test_a_deadline_before_the_opening_is_refused(api, officer, union):
    proposal = ProcurementProposalFactory()

    response = post(
        api(officer),
        "/api/v1/consultations/",
        {"union": union.pk, "proposal": proposal.pk, "opened_on": "2025-03-01", "response_deadline": "2025-02-01"},
    )

    assert response.status_code == 400
    assert "response_deadline" in response.json()
    assert not Consultation.objects.exists()


def test_a_second_consultation_on_one_proposal_is_refused(api, officer, union):
    existing = ConsultationFactory(union=union)

    response = post(
        api(officer),
        "/api/v1/consultations/",
        {"union": union.pk, "proposal": existing.proposal.pk, "opened_on": "2025-03-01"},
    )

    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_position_on_a_proposal_for_another_tool_is_refused(api, officer, union):
    proposal = ProcurementProposalFactory()

    response = post(
        api(officer),
        "/api/v1/positions/",
        {"union": union.pk, "title": "P", "proposal": proposal.pk, "tool": EdTechToolFactory().pk},
    )

    assert response.status_code == 400
    assert "tool" in response.json()
    assert not Position.objects.exists()


def test_a_position_about_nothing_is_refused(api, officer, union):
    response = post(api(officer), "/api/v1/positions/", {"union": union.pk, "title": "P"})

    assert response.status_code == 400
    assert "proposal" in response.json()


@pytest.mark.parametrize(
    ("personal_data", "message"),
    [(["fingerprints"], "not a valid choice"), (["conduct", "conduct"], "listed once"), ("conduct", "list")],
)
def test_a_tool_s_personal_data_must_be_known_categories_listed_once(api, officer, personal_data, message):
    payload = {"name": "T", "vendor": VendorFactory().pk, "category": "tutoring", "personal_data": personal_data}

    response = post(api(officer), "/api/v1/tools/", payload)

    assert response.status_code == 400
    assert message in str(response.json()["personal_data"])
    assert not EdTechTool.objects.exists()


def test_a_proposal_cannot_start_before_it_is_announced_or_cost_less_than_nothing(api, officer):
    payload = {
        "employer": EmployerFactory().pk,
        "tool": EdTechToolFactory().pk,
        "title": "P",
        "announced_on": "2025-03-01",
    }
    client = api(officer)

    assert "proposed_start" in post(client, "/api/v1/proposals/", {**payload, "proposed_start": "2025-01-01"}).json()
    assert "cost" in post(client, "/api/v1/proposals/", {**payload, "cost": "-5"}).json()
    assert "cost" in post(client, "/api/v1/proposals/", {**payload, "cost": "1e400"}).json()
    assert "affected_job_groups" in post(client, "/api/v1/proposals/", {**payload, "affected_job_groups": ["x"]}).json()
    assert not ProcurementProposal.objects.exists()


def test_a_failed_update_changes_nothing(api, officer, union):
    position = PositionFactory(union=union, title="Kept")

    response = api(officer).patch(
        f"/api/v1/positions/{position.pk}/", {"title": "", "rationale": "Lost?"}, format="json"
    )

    assert response.status_code == 400
    position.refresh_from_db()
    assert (position.title, position.rationale, position.version) == ("Kept", "", 1)


@pytest.mark.parametrize("address", ["/api/v1/positions/abc/", "/api/v1/positions/1.5/", "/api/v1/nowhere/"])
def test_unknown_addresses_under_the_api_answer_404_in_json(api, officer, address):
    response = api(officer).get(address)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_the_api_answers_json_whatever_the_client_accepts(api, member):
    response = api(member).get("/api/v1/vendors/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_a_detail_is_fetched_by_id_alone_whatever_the_query_string_holds(api, member, union):
    position = PositionFactory(union=union, visibility=Visibility.MEMBERS)

    assert api(member).get(f"/api/v1/positions/{position.pk}/?stance=nonsense").status_code == 200


def test_built_serializer_fields_are_shared_by_class_and_language_and_copied_for_each_use(db):
    """CaucusSerializer builds its model fields once per class and language (see its get_fields)."""
    from django.utils import translation

    from bargaining.serializers import UnionSerializer

    first, second = UnionSerializer(), UnionSerializer()
    assert first.fields["slug"] is not second.fields["slug"]
    assert first.fields["slug"].parent is first and second.fields["slug"].parent is second

    def unique_message():
        (validator,) = [v for v in UnionSerializer().fields["slug"].validators if hasattr(v, "queryset")]
        return str(validator.message)

    english = unique_message()
    with translation.override("cy"):
        welsh = unique_message()
    assert english == "union with this slug already exists."
    assert welsh != english
    assert unique_message() == english
