"""Filters over records are lookups: the form renders the chosen record only, the lookup answers only what the
reader may see, and without JavaScript an id or a name still works."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ConsultationFactory,
    ProcurementProposalFactory,
)

pytestmark = pytest.mark.django_db


def found(client, kind, q=""):
    answer = client.get(reverse("lookup", args=[kind]), {"q": q})
    assert answer.status_code == 200
    return [row["label"] for row in answer.json()["results"]]


def test_the_consultations_filter_renders_only_the_chosen_proposal(client_for, member, union):
    chosen = ProcurementProposalFactory(title="Adopt the chosen one")
    ProcurementProposalFactory.create_batch(5, title="Adopt another")
    ConsultationFactory(union=union, proposal=chosen, visibility=Visibility.MEMBERS)

    page = client_for(member).get(reverse("consultation_list"), {"proposal": chosen.pk})

    assert page.status_code == 200
    assert 'data-lookup="/lookup/proposals/"' in page.text
    assert f'<option value="{chosen.pk}">' in page.text
    assert "Adopt another" not in page.text


def test_a_filter_takes_a_name_typed_without_javascript(client_for, member, union, employer):
    consultation = ConsultationFactory(union=union, proposal__employer=employer, visibility=Visibility.MEMBERS)
    ConsultationFactory(union=union, visibility=Visibility.MEMBERS)

    page = client_for(member).get(reverse("consultation_list"), {"employer": "Northview School District"})

    assert list(page.context["rows"]) == [consultation]


def test_a_lookup_answers_matching_records_by_name(client_for, member, employer):
    assert found(client_for(member), "employers", "northview") == ["Northview School District"]


@pytest.mark.parametrize("persona", ["member", "other_officer"])
def test_a_hidden_unit_never_appears_in_a_lookup(request, client_for, persona, union, other_union, employer):
    BargainingUnitFactory(union=union, employer=employer, name="Hidden internal unit", visibility=Visibility.INTERNAL)
    BargainingUnitFactory(union=other_union, employer=employer, name="Other members unit", visibility="members")
    user = request.getfixturevalue(persona)

    labels = found(client_for(user), "units", "unit")

    assert "Hidden internal unit" not in labels
    if persona == "member":
        assert "Other members unit" not in labels


def test_an_officer_finds_their_unions_internal_unit(client_for, officer, union, employer):
    BargainingUnitFactory(union=union, employer=employer, name="Hidden internal unit", visibility=Visibility.INTERNAL)

    assert found(client_for(officer), "units", "hidden") == ["Hidden internal unit"]


def test_a_hidden_agreement_cannot_be_named_by_its_id_either(client_for, member, union):
    hidden = AgreementFactory(bargaining_unit__union=union, title="Secret side letter", visibility=Visibility.INTERNAL)
    client = client_for(member)

    assert found(client, "agreements", str(hidden.pk)) == []
    page = client.get(reverse("clause_list"), {"agreement": hidden.pk})
    assert list(page.context["filter"].errors) == ["agreement"]
    assert "Secret side letter" not in page.text


def test_anonymous_visitors_find_no_reference_records(client_for, anonymous, employer):
    assert found(client_for(anonymous), "employers", "north") == []


def test_an_unknown_lookup_is_not_found(client_for, member):
    assert client_for(member).get("/lookup/passwords/").status_code == 404


def test_a_lookup_answers_at_most_twenty_records(client_for, member):
    ProcurementProposalFactory.create_batch(25, title="Adopt a tool")

    assert len(found(client_for(member), "proposals", "adopt")) == 20


@pytest.mark.parametrize("proposals", [2, 9])
def test_the_consultations_page_runs_the_same_queries_however_many_proposals(
    client_for, member, union, proposals, django_assert_num_queries
):
    for _ in range(proposals):
        ConsultationFactory(union=union, visibility=Visibility.MEMBERS)
    client = client_for(member)
    client.get(reverse("consultation_list"))

    with django_assert_num_queries(8):
        page = client.get(reverse("consultation_list"))

    assert page.status_code == 200
