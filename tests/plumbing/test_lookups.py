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


def _clause_filter(user, data):
    from django.test import RequestFactory

    from bargaining.filters import ClauseFilter
    from bargaining.models import Clause

    request = RequestFactory().get("/clauses/", data)
    request.user = user
    return ClauseFilter(request.GET, queryset=Clause.objects.visible_to(user), request=request)


def test_a_filter_left_empty_never_builds_its_records_rule(officer, union):
    filterset = _clause_filter(officer, {})
    assert filterset.is_valid()
    filterset.qs  # noqa: B018 - the filtering is what is under test
    for name in ("agreement", "bargaining_unit", "employer", "topic", "union"):
        assert filterset.form.fields[name]._queryset is None, name
    # Copies of the form (a page renders one per facet) stay unbuilt too, and build their own when asked.
    copy = filterset.form.fields["agreement"].__deepcopy__({})
    assert copy._queryset is None
    assert copy.queryset.query is not None
    assert filterset.form.fields["agreement"]._queryset is None


def test_a_filter_given_a_record_checks_it_against_what_the_reader_may_see(officer, other_officer, union):
    ours = AgreementFactory(bargaining_unit__union=union, visibility=Visibility.INTERNAL)

    mine = _clause_filter(officer, {"agreement": ours.pk})
    assert mine.is_valid()
    assert mine.form.cleaned_data["agreement"] == ours

    theirs = _clause_filter(other_officer, {"agreement": ours.pk})
    assert not theirs.is_valid()
    assert "agreement" in theirs.errors


def test_a_select_filter_still_lists_the_records_the_reader_may_see(client_for, officer, union, other_union):
    from bargaining.models import Union

    page = client_for(officer).get(reverse("clause_list"))
    assert page.status_code == 200
    unions = list(Union.objects.visible_to(officer))
    assert {union, other_union} <= set(unions)
    for visible in unions:
        assert f'<option value="{visible.slug}"' in page.text


def test_a_list_page_leaves_its_unused_lookups_unbuilt(client_for, officer, union):
    page = client_for(officer).get(reverse("clause_list"))
    assert page.status_code == 200
    fields = page.context["filter"].form.fields
    for name in ("agreement", "bargaining_unit", "employer"):
        assert fields[name]._queryset is None, name
    # The selects list their options, so theirs are built, and say "Any" for no choice.
    assert fields["union"]._queryset is not None
    assert fields["union"].empty_label == "Any"
