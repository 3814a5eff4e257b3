"""The search over everything (/search/ and /api/v1/search/): every kind, grouped with counts, and only what the
reader may see, in results, counts and snippets, per-field rules included."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from bargaining.access import Visibility
from tests.factories import (
    ConsultationEventFactory,
    EdTechToolFactory,
    ModelClauseFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    clause_with_versions,
)

pytestmark = pytest.mark.django_db


def counts(client, q):
    response = client.get(reverse("search"), {"q": q})
    assert response.status_code == 200
    return {group.kind: group.count for group in response.context["groups"]}, response


def api_counts(client, q):
    response = client.get("/api/v1/search/", {"q": q})
    assert response.status_code == 200, response.content
    return {group["kind"]: group["count"] for group in response.json()["groups"]}, response


@pytest.fixture
def gradegenie(union, tool, proposal, consultation, internal_consultation, draft_position, public_position):
    """GradeGenie everywhere: a tool, two proposals, a members' and an internal consultation, positions."""
    ConsultationEventFactory(consultation=consultation, summary="GradeGenie pilot announced", visibility="members")
    ConsultationEventFactory(consultation=consultation, summary="GradeGenie secret tactic", visibility="internal")
    PrincipleFactory(union=union, title="GradeGenie marks are advice only", visibility=Visibility.PUBLIC)


def test_an_officer_finds_every_kind_with_counts_and_links(client_for, officer, gradegenie, tool):
    found, response = counts(client_for(officer), "gradegenie")

    assert found == {
        "clauses": 0,
        "model-clauses": 0,
        "tools": 1,
        "proposals": 2,
        "consultations": 2,
        "events": 2,
        "positions": 2,
        "principles": 1,
        "documents": 0,
    }
    assert f'href="{tool.get_absolute_url()}"' in response.text
    assert "<mark>GradeGenie</mark>" in response.text


def test_a_member_finds_only_what_members_may_see(client_for, member, gradegenie):
    found, response = counts(client_for(member), "gradegenie")

    assert found["consultations"] == 1 and found["events"] == 1 and found["positions"] == 1
    assert "secret tactic" not in response.text and "Draft:" not in response.text


def test_another_unions_officer_finds_none_of_our_internal_or_members_records(client_for, other_officer, gradegenie):
    found, response = counts(client_for(other_officer), "gradegenie")

    assert found["consultations"] == 0 and found["events"] == 0 and found["positions"] == 1
    assert "secret tactic" not in response.text and "pilot announced" not in response.text


def test_anonymous_finds_only_public_records(client_for, anonymous, gradegenie):
    found, _ = counts(client_for(anonymous), "gradegenie")

    assert found == {
        "clauses": 0,
        "model-clauses": 0,
        "tools": 0,
        "proposals": 0,
        "consultations": 0,
        "events": 0,
        "positions": 1,
        "principles": 1,
        "documents": 0,
    }


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_the_api_counts_the_same_hidden_records_out(request, api, persona, gradegenie):
    found, response = api_counts(api(request.getfixturevalue(persona)), "gradegenie")

    assert found["events"] <= 1 and "secret tactic" not in response.content.decode()
    assert found["positions"] == 1


def test_clauses_are_found_through_the_index_with_a_link_to_all_of_them(client_for, member, members_clause):
    found, response = counts(client_for(member), "workloads")

    assert found["clauses"] == 1
    assert "teacher&#x27;s <mark>workload</mark>" in response.text
    assert f"{reverse('clause_list')}?search=workloads" in response.text or found["clauses"] <= 5


def test_a_clause_found_says_whose_agreement_it_is_on_the_page_and_in_the_api(client_for, api, member, members_clause):
    agreement = members_clause.agreement
    where = f"{agreement.title} · {agreement.bargaining_unit.employer.name}"
    page = client_for(member).get(reverse("search"), {"q": "workloads"})
    assert f'<p class="meta">{escape(where)}</p>' in page.text
    answer = api(member).get("/api/v1/search/", {"q": "workloads"}).data
    [clauses] = [group for group in answer["groups"] if group["kind"] == "clauses"]
    assert [result["context"] for result in clauses["results"]] == [where]


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_a_hidden_clause_is_never_found(request, client_for, persona, internal_clause):
    found, response = counts(client_for(request.getfixturevalue(persona)), "monitoring")

    assert found["clauses"] == 0 and "never be used for discipline" not in response.text


def test_the_walk_away_wording_and_guidance_are_searched_for_the_leadership_only(
    client_for, api, officer, member, other_officer, anonymous, model_clause
):
    assert counts(client_for(officer), "thirty")[0]["model-clauses"] == 1
    assert "WALK-AWAY" in counts(client_for(officer), "concede")[1].text
    for user in (member, other_officer, anonymous):
        for q in ("thirty", "concede", "walk-away"):
            found, response = counts(client_for(user), q)
            assert found["model-clauses"] == 0
            assert "WALK-AWAY" not in response.text and "GUIDANCE" not in response.text
            assert api_counts(api(user), q)[0]["model-clauses"] == 0


def test_what_the_reader_may_read_of_a_model_clause_is_found_and_quoted(client_for, member, model_clause):
    found, response = counts(client_for(member), "consultation")

    assert found["model-clauses"] == 1
    assert "WALK-AWAY" not in response.text and "GUIDANCE" not in response.text


def test_stemming_finds_other_forms_of_a_word(client_for, officer, union):
    PrincipleFactory(union=union, title="Monitoring of staff", statement="Never.")

    assert counts(client_for(officer), "monitor")[0]["principles"] == 1


def test_minus_leaves_records_out(client_for, officer, gradegenie):
    assert counts(client_for(officer), "gradegenie -secret")[0]["events"] == 1


def test_a_search_of_hundreds_of_words_is_cut_to_its_first_words_and_says_so(client_for, api, officer, gradegenie):
    words = " ".join(["gradegenie"] * 12 + ["nowhere"] * 488)

    page = client_for(officer).get(reverse("search"), {"q": words})
    answer = api(officer).get("/api/v1/search/", {"q": words})

    assert page.status_code == 200 and "Only the first 12 words" in page.text
    assert {group.kind: group.count for group in page.context["groups"]}["tools"] == 1
    assert answer.status_code == 200 and answer.json()["truncated"] is True


def test_stray_search_syntax_never_errors(client_for, api, officer, gradegenie):
    for q in ['"unbalanced', "NEAR(grade", "grade*", "title:x", "AND OR NOT", "(", '"', "-", "%", "_", "\\"]:
        assert client_for(officer).get(reverse("search"), {"q": q}).status_code == 200
        assert api(officer).get("/api/v1/search/", {"q": q}).status_code == 200


def test_the_api_needs_a_query(api, member):
    answer = api(member).get("/api/v1/search/")

    assert answer.status_code == 400 and "q" in answer.json()


def test_every_page_has_the_search_box(client_for, member, anonymous):
    for user in (member, anonymous):
        assert 'action="/search/"' in client_for(user).get(reverse("home")).text


def _records(union, agreement, topic, n):
    for i in range(n):
        clause_with_versions(agreement, topic, visibility="members", title=f"Budget {i}", texts=["budget text"])
        tool = EdTechToolFactory(name=f"Budget tool {i}")
        ProcurementProposalFactory(tool=tool, title=f"Budget proposal {i}")
        ConsultationEventFactory(consultation__union=union, summary=f"Budget event {i}")
        PositionFactory(union=union, tool=tool, title=f"Budget position {i}")
        PrincipleFactory(union=union, title=f"Budget principle {i}")
        ModelClauseFactory(union=union, title=f"Budget model {i}")


@pytest.mark.parametrize("path", ["/search/?q=budget", "/api/v1/search/?q=budget"])
def test_search_costs_the_same_queries_at_two_sizes(client_for, officer, union, agreement, topic, count_queries, path):
    client = client_for(officer)
    _records(union, agreement, topic, 1)
    few = count_queries(client, path)
    _records(union, agreement, topic, 8)

    assert count_queries(client, path) == few
