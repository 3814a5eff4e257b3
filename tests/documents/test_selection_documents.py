"""The clause comparison and the coverage matrix of a selection, printed as PDF for an audience."""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import ClauseFactory, ClauseVersionFactory
from tests.helpers import flat, page_texts, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_clause(world):
    clause = ClauseFactory(
        agreement=world.clause.agreement, topic=world.topic, title="MEMBERS-CLAUSE", visibility=Visibility.MEMBERS
    )
    ClauseVersionFactory(clause=clause, text="The District shall pay for training.")
    return clause


def compare(client, *clauses, audience=None):
    query = [("ids", clause.pk) for clause in clauses] + ([("audience", audience)] if audience else [])
    return client.get(reverse("clause_compare_pdf"), query)


def test_a_public_comparison_is_for_publication_with_the_redline(world, officer, client_for):
    other = world.clause.agreement.clauses.exclude(pk=world.clause.pk).filter(visibility=Visibility.PUBLIC).first()
    other = other or ClauseFactory(agreement=world.clause.agreement, topic=world.topic, visibility=Visibility.PUBLIC)
    ClauseVersionFactory(clause=other, text="The District shall tell the union.")

    response = compare(client_for(officer), world.clause, other)

    assert response.status_code == 200
    pages = page_texts(response.content)
    assert "For publication" in flat(pages[0])
    assert "CONFIDENTIAL" not in pdf_text(response.content)


def test_a_comparison_with_a_members_clause_defaults_to_members(world, members_clause, member, client_for):
    response = compare(client_for(member), world.clause, members_clause)

    assert response.status_code == 200
    assert "Prepared for members of NEA" in flat(pdf_text(response.content))


@pytest.mark.parametrize(("persona", "audience"), [("member", "leadership"), ("officer", "public")])
def test_a_comparison_for_an_audience_not_allowed_is_refused(
    world, members_clause, request, client_for, persona, audience
):
    response = compare(client_for(request.getfixturevalue(persona)), world.clause, members_clause, audience=audience)

    assert response.status_code == 400


def test_a_comparison_with_a_clause_the_reader_may_not_see_is_404(world, members_clause, other_officer, client_for):
    assert compare(client_for(other_officer), world.clause, members_clause).status_code == 404


def test_an_internal_clause_compared_for_the_leadership_is_confidential(world, officer, client_for):
    internal = world.clause.agreement.clauses.get(visibility=Visibility.INTERNAL)

    response = compare(client_for(officer), world.clause, internal, audience="leadership")

    assert response.status_code == 200
    assert all("CONFIDENTIAL" in page for page in page_texts(response.content))


def test_the_coverage_prints_for_the_audience_chosen(world, officer, client_for):
    world.unit.visibility = Visibility.MEMBERS
    world.unit.save()
    url = reverse("coverage_pdf")

    public = client_for(officer).get(url, {"union": world.union.slug, "audience": "public"})
    members = client_for(officer).get(url, {"union": world.union.slug, "audience": "members"})

    assert (public.status_code, members.status_code) == (200, 200)
    assert "Lakeside Teachers" in pdf_text(public.content)
    assert "Northview Teachers" not in pdf_text(public.content)
    assert "Northview Teachers" in pdf_text(members.content)
    assert "Prepared for members of NEA" in flat(pdf_text(members.content))


def test_a_member_may_not_print_the_leaderships_coverage(world, member, client_for):
    response = client_for(member).get(reverse("coverage_pdf"), {"union": world.union.slug, "audience": "leadership"})

    assert response.status_code == 400


def test_the_pages_offer_printing_the_selection(world, officer, client_for):
    coverage = client_for(officer).get(reverse("coverage"), {"union": world.union.slug}).content.decode()

    assert reverse("coverage_pdf") in coverage and 'name="audience"' in coverage
