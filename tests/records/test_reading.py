"""Reading that works: articles in their natural order, Markdown rendered safely, lists that say what to change,
histories that never tell more than the record, links only for those who may use them, and pages whose query
counts do not grow with the record."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from bargaining.access import Role, Visibility
from bargaining.services import table_clause_version
from consultations.services import edit_consultation
from tests.factories import (
    ClauseFactory,
    ConsultationEventFactory,
    MembershipFactory,
    SessionNoteFactory,
    UnionFactory,
    VendorFactory,
)

pytestmark = pytest.mark.django_db

INTERNAL, MEMBERS, PUBLIC = Visibility.INTERNAL, Visibility.MEMBERS, Visibility.PUBLIC


# Article numbers sort as the agreement prints them


@pytest.fixture
def articles(agreement, session, topic):
    clauses = {}
    for number in ["21.10", "21.2", "3", "21.1"]:
        clause = ClauseFactory(agreement=agreement, topic=topic, article_number=number, visibility=MEMBERS)
        table_clause_version(
            clause=clause, text=f"Text of {number}", tabled_by="union", status="proposed", session=session
        )
        clauses[number] = clause
    return clauses


NATURAL = ["3", "21.1", "21.2", "21.10"]


def test_the_agreement_page_lists_articles_in_natural_order(client_for, member, agreement, articles):
    clauses = client_for(member).get(reverse("agreement_detail", args=[agreement.pk])).context["clauses"]

    assert [clause.article_number for clause in clauses] == NATURAL


def test_the_clause_library_orders_articles_naturally(client_for, member, articles):
    client = client_for(member)

    default = client.get(reverse("clause_list")).context["rows"]
    by_article = client.get(reverse("clause_list"), {"ordering": "article_number"}).context["rows"]
    backwards = client.get(reverse("clause_list"), {"ordering": "-article_number"}).context["rows"]

    assert [clause.article_number for clause in default] == NATURAL
    assert [clause.article_number for clause in by_article] == NATURAL
    assert [clause.article_number for clause in backwards] == NATURAL[::-1]


def test_the_session_page_lists_the_versions_tabled_in_article_order(client_for, member, session, articles):
    versions = client_for(member).get(reverse("session_detail", args=[session.pk])).context["versions"]

    assert [version.clause.article_number for version in versions] == NATURAL


def test_renumbering_an_article_moves_it(client_for, member, agreement, articles):
    articles["3"].article_number = "21.11"
    articles["3"].save(update_fields=["article_number"])

    clauses = client_for(member).get(reverse("agreement_detail", args=[agreement.pk])).context["clauses"]

    assert [clause.article_number for clause in clauses] == ["21.1", "21.2", "21.10", "21.11"]


# Tabling a new version from the clause


def test_the_table_form_offers_only_the_sessions_a_new_version_may_be_tabled_in(
    client_for, officer, union, unit, members_clause
):
    from tests.factories import BargainingUnitFactory, NegotiationSessionFactory

    before = NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2025, 3, 1))
    same_day = NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2025, 3, 12))
    after = NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2025, 4, 2))
    elsewhere = NegotiationSessionFactory(
        bargaining_unit=BargainingUnitFactory(union=union, visibility=PUBLIC), held_on=datetime.date(2025, 4, 2)
    )
    hidden = NegotiationSessionFactory(bargaining_unit=unit, held_on=datetime.date(2025, 5, 1), visibility=INTERNAL)
    client = client_for(officer)

    response = client.get(reverse("clause_table", args=[members_clause.pk]))
    refused = client.post(
        reverse("clause_table", args=[members_clause.pk]),
        {"session": before.pk, "tabled_by": "employer", "status": "countered", "text": "Late counter."},
    )

    assert set(response.context["form"].fields["session"].queryset) == {same_day, after, hidden}
    assert elsewhere not in response.context["form"].fields["session"].queryset
    assert "a correction is tabled as a new version" in response.text
    assert response.context["form"]["text"].value() == members_clause.latest_version.text
    assert refused.status_code == 400
    assert "Late counter." in refused.text
    assert members_clause.versions.count() == 2


def test_an_officer_tables_a_correction_as_a_new_version(client_for, officer, session, members_clause):
    response = client_for(officer).post(
        reverse("clause_table", args=[members_clause.pk]),
        {"session": session.pk, "tabled_by": "joint", "status": "tentatively_agreed", "text": "Agreed text."},
    )

    assert response.status_code == 302
    assert [version.text for version in members_clause.versions.order_by("number")][-1] == "Agreed text."
    assert members_clause.versions.count() == 3


# An article with its first version, and sessions whose date is fixed by what was tabled


def test_a_new_article_is_added_with_its_first_version(client_for, officer, agreement, session, topic):
    response = client_for(officer).post(
        reverse("clause_create", args=[agreement.pk]),
        {
            "article_number": "22.1",
            "title": "Notice of new technology",
            "topic": topic.pk,
            "visibility": "members",
            "text": "Ninety days' notice.",
            "tabled_by": "union",
            "status": "proposed",
            "session": session.pk,
        },
    )

    clause = agreement.clauses.get(article_number="22.1")
    assert response.url == reverse("clause_detail", args=[clause.pk])
    [version] = clause.versions.all()
    assert (version.text, version.session, version.tabled_on, version.number) == (
        "Ninety days' notice.",
        session,
        session.held_on,
        1,
    )
    assert version.history.get().history_user == officer


def test_a_new_article_whose_first_version_is_refused_is_not_added_either(client_for, officer, agreement, topic):
    response = client_for(officer).post(
        reverse("clause_create", args=[agreement.pk]),
        {
            "article_number": "22.1",
            "title": "Notice of new technology",
            "topic": topic.pk,
            "visibility": "members",
            "text": "Ninety days' notice.",
            "tabled_by": "union",
            "status": "proposed",
            "tabled_on": "1899-01-01",
        },
    )

    assert response.status_code == 400
    assert "tabled_on" in response.context["form"].errors
    assert not agreement.clauses.filter(article_number="22.1").exists()


def test_an_article_number_used_twice_in_an_agreement_is_a_form_error(client_for, officer, agreement, topic):
    ClauseFactory(agreement=agreement, topic=topic, article_number="22.1")

    response = client_for(officer).post(
        reverse("clause_create", args=[agreement.pk]),
        {"article_number": "22.1", "title": "Again", "topic": topic.pk, "visibility": "members"},
    )

    assert response.status_code == 400
    assert response.context["form"].non_field_errors()


def test_a_session_s_date_is_fixed_once_a_version_was_tabled_in_it(client_for, officer, session, members_clause):
    table_clause_version(clause=members_clause, text="x", tabled_by="union", status="proposed", session=session)
    url = reverse("session_edit", args=[session.pk])
    client = client_for(officer)
    from tests.helpers import form_data

    response = client.post(url, {**form_data(client.get(url).context["form"]), "held_on": "2025-03-13"})

    assert response.status_code == 400
    assert "the session's date cannot change" in response.context["form"].errors["held_on"][0]
    session.refresh_from_db()
    assert session.held_on == datetime.date(2025, 3, 12)


# Rating against the model clause


def test_the_rating_page_shows_the_clause_beside_the_model_clause_with_the_walk_away_wording(
    client_for, officer, members_clause, model_clause
):
    page = client_for(officer).get(reverse("clause_rate", args=[members_clause.pk])).text

    for text in (members_clause.latest_version.text, *(model_clause.preferred_text, model_clause.fallback_text)):
        assert escape(text) in page
    assert escape(model_clause.walk_away_text) in page


def test_without_a_model_clause_the_rating_page_says_so_and_offers_none(client_for, officer, members_clause):
    response = client_for(officer).get(reverse("clause_rate", args=[members_clause.pk]))

    assert "has no model clause on workload" in response.text
    assert "Save rating" not in response.text


def test_an_officer_rates_a_clause_and_the_library_shows_it(client_for, officer, members_clause, model_clause):
    from tests.helpers import form_data

    url = reverse("clause_rate", args=[members_clause.pk])
    client = client_for(officer)

    client.post(url, {**form_data(client.get(url).context["form"]), "model_rating": "fallback"})

    assert "Meets the fallback wording" in client.get(reverse("clause_detail", args=[members_clause.pk])).text


# Markdown, sanitised, in rationales, notes, guidance and outcomes


MARKDOWN = "**Paid** training\n\n- one\n- two\n\n<script>alert('x')</script><img src=x onerror=alert(1)>"


def assert_rendered_safely(html):
    assert "<strong>Paid</strong>" in html
    assert "<li>one</li>" in html
    # Typed markup is either removed or shown as text, never run.
    assert "<script>alert" not in html
    assert "<img" not in html


def test_a_rationale_is_rendered_as_markdown_safely(client_for, officer, draft_position):
    draft_position.rationale = MARKDOWN
    draft_position.save()

    assert_rendered_safely(client_for(officer).get(reverse("position_detail", args=[draft_position.pk])).text)


def test_session_notes_are_rendered_as_markdown_safely(client_for, organiser, session):
    SessionNoteFactory(session=session, body=MARKDOWN)

    assert_rendered_safely(client_for(organiser).get(reverse("session_detail", args=[session.pk])).text)


def test_guidance_and_an_outcome_are_rendered_as_markdown_safely(client_for, officer, model_clause, consultation):
    model_clause.guidance = MARKDOWN
    model_clause.save()
    consultation.outcome = MARKDOWN
    consultation.save()
    client = client_for(officer)

    assert_rendered_safely(client.get(reverse("modelclause_detail", args=[model_clause.pk])).text)
    assert_rendered_safely(client.get(reverse("consultation_detail", args=[consultation.pk])).text)


# Lists that find nothing say what to change


def test_a_filtered_list_with_no_results_says_which_filter_to_clear(client_for, member, consultation):
    response = client_for(member).get(reverse("consultation_list"), {"stage": "review", "deadline_after": "2030-01-01"})

    assert "No consultations match these filters" in response.text
    assert "clear the stage filter" in response.text
    assert "clear the response due after filter" in response.text
    assert 'href="/consultations/?deadline_after=2030-01-01"' in response.text


def test_an_empty_list_without_filters_says_there_is_nothing_yet(client_for, member):
    response = client_for(member).get(reverse("vendor_list"))

    assert "No vendors you may see yet." in response.text


# Histories never tell more than the record


def test_members_read_a_model_clause_history_without_its_walk_away_wording(client_for, officer, member, union, topic):
    from tests.factories import ModelClauseFactory

    model_clause = ModelClauseFactory(union=union, topic=topic, visibility=MEMBERS, walk_away_text="OLD-FLOOR")
    model_clause.walk_away_text = "NEW-FLOOR"
    model_clause.title = "Workload, revised"
    model_clause._history_user = officer
    model_clause.save()

    members_view = client_for(member).get(reverse("modelclause_history", args=[model_clause.pk])).text
    officers_view = client_for(officer).get(reverse("modelclause_history", args=[model_clause.pk])).text

    assert "Workload, revised" in members_view
    assert "FLOOR" not in members_view
    assert "OLD-FLOOR" in officers_view and "NEW-FLOOR" in officers_view


def test_an_internal_note_and_its_history_are_for_the_leadership_only(client_for, member, organiser, session):
    note = SessionNoteFactory(session=session, body="Our bottom line", visibility=INTERNAL)

    assert client_for(member).get(reverse("note_history", args=[note.pk])).status_code == 404
    assert client_for(organiser).get(reverse("note_history", args=[note.pk])).status_code == 200
    assert "Our bottom line" not in client_for(member).get(reverse("session_history", args=[session.pk])).text


def test_a_history_names_who_made_each_change_only_to_the_union_s_leadership(client_for, officer, member, consultation):
    edit_consultation(consultation=consultation, user=officer, changes={"outcome": "Agreed a pilot."})

    assert "officer" in client_for(officer).get(reverse("consultation_history", args=[consultation.pk])).text
    member_view = client_for(member).get(reverse("consultation_history", args=[consultation.pk]))
    assert member_view.context["history"].show_authors is False
    assert "Agreed a pilot." in member_view.text


# Forms made easy for an officer of one union


def test_an_officer_of_one_union_finds_it_chosen(client_for, officer, union):
    for name in ("consultation_create", "unit_create", "principle_create", "modelclause_create", "position_create"):
        form = client_for(officer).get(reverse(name)).context["form"]
        assert form["union"].value() == union.pk, name


def test_an_officer_of_two_unions_chooses_which(client_for, officer, union):
    MembershipFactory(user=officer, union=UnionFactory(), role=Role.OFFICER)

    form = client_for(officer).get(reverse("consultation_create")).context["form"]

    assert form["union"].value() is None


def test_every_date_is_typed_in_a_date_input(client_for, officer, records):
    for name, key in [("consultation_edit", "consultation"), ("session_edit", "session"), ("tool_edit", "tool")]:
        form = client_for(officer).get(reverse(name, args=[records[key].pk])).context["form"]
        dates = [field for field in form if field.field.__class__.__name__ == "DateField"]
        assert dates, name
        assert all(field.field.widget.input_type == "date" for field in dates), name


# Links only for those who may use them


@pytest.mark.parametrize(
    ("page", "key", "links"),
    [
        ("consultation_detail", "consultation", ["consultation_edit", "consultation_delete"]),
        ("agreement_detail", "agreement", ["agreement_edit", "agreement_archive", "clause_create"]),
        ("unit_detail", "unit", ["unit_edit", "agreement_create", "session_create"]),
        ("session_detail", "session", ["session_edit", "note_create"]),
        ("clause_detail", "clause", ["clause_edit", "clause_table", "clause_rate"]),
        ("modelclause_detail", "model_clause", ["modelclause_edit"]),
        ("principle_detail", "principle", ["principle_edit"]),
    ],
)
def test_edit_links_are_shown_to_the_officer_and_not_to_members(client_for, officer, member, records, page, key, links):
    url = reverse(page, args=[records[key].pk])
    officer_page, member_page = client_for(officer).get(url).text, client_for(member).get(url).text

    for name in links:
        address = reverse(name, args=[records[key].pk])
        assert address in officer_page, name
        assert address not in member_page, name
    history = reverse(page.replace("_detail", "_history"), args=[records[key].pk])
    assert history in member_page


def test_add_buttons_are_shown_only_to_officers(client_for, officer, member):
    for name, add in [("unit_list", "unit_create"), ("consultation_list", "consultation_create"),
                      ("principle_list", "principle_create"), ("modelclause_list", "modelclause_create"),
                      ("tool_list", "tool_create"), ("vendor_list", "vendor_create")]:  # fmt: skip
        assert reverse(add) in client_for(officer).get(reverse(name)).text, name
        assert reverse(add) not in client_for(member).get(reverse(name)).text, name


def test_a_position_links_its_consultation_and_a_proposal_lists_its_positions(
    client_for, member, union, consultation, proposal
):
    from tests.factories import PositionFactory

    position = PositionFactory(union=union, proposal=proposal, tool=proposal.tool, visibility=MEMBERS)

    position_page = client_for(member).get(reverse("position_detail", args=[position.pk])).text
    proposal_page = client_for(member).get(reverse("proposal_detail", args=[proposal.pk])).text
    consultation_page = client_for(member).get(reverse("consultation_detail", args=[consultation.pk])).text

    assert reverse("consultation_detail", args=[consultation.pk]) in position_page
    assert reverse("position_detail", args=[position.pk]) in proposal_page
    assert reverse("consultation_detail", args=[consultation.pk]) in proposal_page
    assert reverse("position_detail", args=[position.pk]) in consultation_page
    assert reverse("proposal_detail", args=[proposal.pk]) in consultation_page
    assert reverse("tool_detail", args=[proposal.tool_id]) in consultation_page


def test_a_draft_position_is_not_listed_for_members_on_the_proposal(client_for, member, union, proposal):
    from tests.factories import PositionFactory

    draft = PositionFactory(union=union, proposal=proposal, tool=proposal.tool, title="SECRET draft")

    page = client_for(member).get(reverse("proposal_detail", args=[proposal.pk])).text

    assert reverse("position_detail", args=[draft.pk]) not in page
    assert "SECRET" not in page


# Query counts that do not grow


def test_the_vendor_list_costs_the_same_queries_at_two_sizes(
    client_for, member, count_queries, django_assert_num_queries
):
    client = client_for(member)
    VendorFactory()
    few = count_queries(client, reverse("vendor_list"))
    VendorFactory.create_batch(6)
    with django_assert_num_queries(few):
        client.get(reverse("vendor_list"))


@pytest.mark.parametrize(
    ("name", "key", "field"),
    [
        ("consultation_history", "consultation", "outcome"),
        ("agreement_history", "agreement", "title"),
        ("clause_history", "clause", "title"),
        ("modelclause_history", "model_clause", "title"),
        ("tool_history", "tool", "description"),
        ("proposal_history", "proposal", "purpose"),
        ("session_history", "session", "location"),
        ("note_history", "note", "body"),
    ],
)
def test_history_pages_cost_the_same_queries_at_two_sizes(
    client_for, officer, records, count_queries, django_assert_num_queries, name, key, field
):
    record = records[key]
    client = client_for(officer)
    url = reverse(name, args=[record.pk])
    setattr(record, field, "First change")
    record.save()
    few = count_queries(client, url)
    for number in range(6):
        setattr(record, field, f"Change {number}")
        record.save()
    with django_assert_num_queries(few):
        client.get(url)


@pytest.mark.parametrize(("name", "key"), [("consultation_detail", "consultation"), ("session_detail", "session")])
def test_a_record_page_with_editable_entries_costs_the_same_queries_at_two_sizes(
    client_for, officer, records, count_queries, django_assert_num_queries, name, key
):
    record = records[key]
    client = client_for(officer)
    url = reverse(name, args=[record.pk])

    def add(count):
        for _ in range(count):
            if key == "consultation":
                ConsultationEventFactory(consultation=record)
            else:
                SessionNoteFactory(session=record)

    add(1)
    few = count_queries(client, url)
    add(6)
    with django_assert_num_queries(few):
        client.get(url)
