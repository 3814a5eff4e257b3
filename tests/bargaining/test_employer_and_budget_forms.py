"""Officers keep employers, their AI training budgets and their union's support for them on the web.

Employers and budgets are shared records: officers of any union (and staff) change them, every signed-in
user reads them. Support belongs to a union: its officers record it, its visibility decides who reads it.
"""

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import BudgetSupport, Employer, SupportLevel, TrainingBudget
from tests.factories import BudgetSupportFactory, TrainingBudgetFactory

pytestmark = pytest.mark.django_db

MEMBERS, INTERNAL, PUBLIC = Visibility.MEMBERS, Visibility.INTERNAL, Visibility.PUBLIC


@pytest.fixture
def budget(employer):
    return TrainingBudgetFactory(employer=employer, school_year="2025-26", current=10_000, proposed=25_000)


def form_data(client, url) -> dict:
    """The edit form's fields as the page gives them (with the version it was read at)."""
    form = client.get(url).context["form"]
    return {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}


# Who may open the forms: (url name, record fixture or None) by persona


PAGES = [
    ("employer_create", None),
    ("employer_edit", "employer"),
    ("employer_history", "employer"),
    ("trainingbudget_create", None),
    ("trainingbudget_edit", "budget"),
    ("trainingbudget_history", "budget"),
]
SHARED_RECORD_FORMS = [
    # page                      persona          status
    ("employer_create",         "officer",       200),
    ("employer_create",         "other_officer", 200),
    ("employer_create",         "staff",         200),
    ("employer_create",         "organiser",     403),
    ("employer_create",         "member",        403),
    ("employer_create",         "anonymous",     302),
    ("employer_edit",           "officer",       200),
    ("employer_edit",           "other_officer", 200),
    ("employer_edit",           "staff",         200),
    ("employer_edit",           "organiser",     403),
    ("employer_edit",           "member",        403),
    ("employer_edit",           "anonymous",     302),
    ("employer_history",        "member",        200),
    ("employer_history",        "other_officer", 200),
    ("employer_history",        "anonymous",     302),
    ("trainingbudget_create",   "officer",       200),
    ("trainingbudget_create",   "other_officer", 200),
    ("trainingbudget_create",   "organiser",     403),
    ("trainingbudget_create",   "member",        403),
    ("trainingbudget_create",   "anonymous",     302),
    ("trainingbudget_edit",     "officer",       200),
    ("trainingbudget_edit",     "other_officer", 200),
    ("trainingbudget_edit",     "staff",         200),
    ("trainingbudget_edit",     "organiser",     403),
    ("trainingbudget_edit",     "member",        403),
    ("trainingbudget_edit",     "anonymous",     302),
    ("trainingbudget_history",  "member",        200),
    ("trainingbudget_history",  "anonymous",     302),
]  # fmt: skip


@pytest.mark.parametrize(("name", "persona", "status"), SHARED_RECORD_FORMS)
def test_shared_record_forms_open_for_officers_of_any_union_only(
    request, client_for, employer, budget, name, persona, status
):
    record = dict(PAGES)[name]
    args = [request.getfixturevalue(record).pk] if record else []

    response = client_for(request.getfixturevalue(persona)).get(reverse(name, args=args))

    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("login"))


# Employers


def test_officer_adds_an_employer_whose_slug_comes_from_its_name(client_for, officer):
    response = client_for(officer).post(
        reverse("employer_create"), {"name": "Hillcrest Unified", "kind": "school_district", "region": "East"}
    )

    employer = Employer.objects.get(name="Hillcrest Unified")
    assert response.status_code == 302
    assert response.url == reverse("employer_detail", args=[employer.pk])
    assert employer.slug == "hillcrest-unified"
    assert employer.history.get().history_user == officer


def test_another_unions_officer_corrects_a_shared_employer(client_for, other_officer, employer):
    client = client_for(other_officer)
    data = {**form_data(client, reverse("employer_edit", args=[employer.pk])), "region": "North Valley"}

    response = client.post(reverse("employer_edit", args=[employer.pk]), data)

    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.region == "North Valley"


def test_a_duplicate_employer_name_is_refused_on_its_field_keeping_what_was_typed(client_for, officer, employer):
    response = client_for(officer).post(
        reverse("employer_create"),
        {"name": employer.name, "slug": "another", "kind": "trust", "region": "Typed region"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["name"] == ["Employer with this Name already exists."]
    assert 'value="Typed region"' in response.text
    assert Employer.objects.count() == 1


def test_members_and_organisers_cannot_add_or_change_employers(client_for, member, organiser, employer):
    for persona in (member, organiser):
        client = client_for(persona)
        assert client.post(reverse("employer_create"), {"name": "X", "kind": "trust"}).status_code == 403
        assert client.post(reverse("employer_edit", args=[employer.pk]), {"name": "X"}).status_code == 403
    assert not Employer.objects.filter(name="X").exists()


def test_a_stale_employer_edit_is_refused_with_409_keeping_what_was_typed(client_for, officer, other_officer, employer):
    mine, theirs = client_for(officer), client_for(other_officer)
    url = reverse("employer_edit", args=[employer.pk])
    my_form = form_data(mine, url)
    theirs.post(url, {**form_data(theirs, url), "region": "Their region"})

    response = mine.post(url, {**my_form, "region": "My region"})

    assert response.status_code == 409
    assert "Someone else saved this record after you opened it" in response.text
    assert 'value="My region"' in response.text
    employer.refresh_from_db()
    assert employer.region == "Their region"


def test_the_employers_history_shows_who_changed_what(client_for, officer, member, employer):
    client = client_for(officer)
    url = reverse("employer_edit", args=[employer.pk])
    client.post(url, {**form_data(client, url), "region": "North Valley"})

    response = client_for(member).get(reverse("employer_history", args=[employer.pk]))

    assert "North Valley" in response.text
    assert response.context["history"].show_authors
    assert response.context["history"].entries[0].who == officer


# Budgets


def test_officer_records_a_budget_from_the_employers_page(client_for, officer, employer):
    client = client_for(officer)
    form = client.get(reverse("trainingbudget_create"), {"employer": employer.pk}).context["form"]
    assert form["employer"].value() == employer.pk

    response = client.post(
        reverse("trainingbudget_create"),
        {"employer": employer.pk, "school_year": "2024-25", "current": "4000", "proposed": ""},
    )

    budget = TrainingBudget.objects.get(employer=employer, school_year="2024-25")
    assert response.url == reverse("employer_detail", args=[employer.pk]) + "#budgets"
    assert (budget.current, budget.proposed) == (4000, None)
    assert budget.history.get().history_user == officer


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({"school_year": "2024/25"}, "school_year", "Enter a school year as YYYY-YY, for example 2025-26."),
        ({"school_year": "2024-26"}, "school_year", "A school year runs over two consecutive years: 2024-25"),
        ({"school_year": "2025-26"}, "school_year", "This employer already has an AI training budget for that"),
        ({"current": "-100"}, "current", "A budget cannot be negative."),
        ({"proposed": "-1"}, "proposed", "A budget cannot be negative."),
    ],
)
def test_a_bad_budget_is_refused_on_its_field_keeping_what_was_typed(
    client_for, officer, employer, budget, typed, field, message
):
    data = {"employer": employer.pk, "school_year": "2023-24", "current": "1234", "proposed": "5678", **typed}

    response = client_for(officer).post(reverse("trainingbudget_create"), data)

    assert response.status_code == 400
    assert response.context["form"].errors[field][0].startswith(message)
    assert f'value="{data[field]}"' in response.text
    assert f'value="{data["current"]}"' in response.text
    assert TrainingBudget.objects.count() == 1


def test_a_budgets_district_cannot_be_changed_on_edit(client_for, officer, budget):
    form = client_for(officer).get(reverse("trainingbudget_edit", args=[budget.pk])).context["form"]

    assert "employer" not in form.fields


def test_a_stale_budget_edit_is_refused_with_409_keeping_what_was_typed(client_for, officer, other_officer, budget):
    mine, theirs = client_for(officer), client_for(other_officer)
    url = reverse("trainingbudget_edit", args=[budget.pk])
    my_form = form_data(mine, url)
    theirs.post(url, {**form_data(theirs, url), "proposed": "30000"})

    response = mine.post(url, {**my_form, "proposed": "27500"})

    assert response.status_code == 409
    assert 'value="27500"' in response.text
    budget.refresh_from_db()
    assert budget.proposed == 30000


def test_members_cannot_post_a_budget(client_for, member, employer):
    data = {"employer": employer.pk, "school_year": "2024-25", "current": "1"}

    assert client_for(member).post(reverse("trainingbudget_create"), data).status_code == 403
    assert not TrainingBudget.objects.exists()


# The union's support for a budget


SUPPORT_FORMS = [
    # page                    persona          visibility  status
    ("budgetsupport_create",  "officer",       None,       200),
    ("budgetsupport_create",  "other_officer", None,       200),
    ("budgetsupport_create",  "organiser",     None,       403),
    ("budgetsupport_create",  "member",        None,       403),
    ("budgetsupport_create",  "anonymous",     None,       302),
    ("budgetsupport_edit",    "officer",       INTERNAL,   200),
    ("budgetsupport_edit",    "staff",         INTERNAL,   200),
    ("budgetsupport_edit",    "organiser",     INTERNAL,   403),
    ("budgetsupport_edit",    "member",        INTERNAL,   404),
    ("budgetsupport_edit",    "member",        MEMBERS,    403),
    ("budgetsupport_edit",    "other_officer", MEMBERS,    404),
    ("budgetsupport_edit",    "other_officer", PUBLIC,     403),
    ("budgetsupport_edit",    "anonymous",     PUBLIC,     302),
    ("budgetsupport_history", "officer",       INTERNAL,   200),
    ("budgetsupport_history", "organiser",     INTERNAL,   200),
    ("budgetsupport_history", "member",        INTERNAL,   404),
    ("budgetsupport_history", "member",        MEMBERS,    200),
    ("budgetsupport_history", "other_officer", MEMBERS,    404),
    ("budgetsupport_history", "anonymous",     PUBLIC,     302),
]  # fmt: skip


@pytest.mark.parametrize(("name", "persona", "visibility", "status"), SUPPORT_FORMS)
def test_support_is_kept_by_the_unions_officers_and_read_as_its_visibility_allows(
    request, client_for, union, budget, name, persona, visibility, status
):
    args = [BudgetSupportFactory(union=union, budget=budget, visibility=visibility).pk] if visibility else []

    response = client_for(request.getfixturevalue(persona)).get(reverse(name, args=args))

    assert response.status_code == status


def test_an_officer_of_one_union_records_its_support_with_the_union_preselected(client_for, officer, union, budget):
    client = client_for(officer)
    form = client.get(reverse("budgetsupport_create"), {"budget": budget.pk}).context["form"]
    assert (form["union"].value(), form["budget"].value()) == (union.pk, str(budget.pk))

    response = client.post(
        reverse("budgetsupport_create"),
        {"union": union.pk, "budget": budget.pk, "level": "moderate", "note": "Paid time.", "visibility": "internal"},
    )

    support = BudgetSupport.objects.get()
    assert response.url == reverse("employer_detail", args=[budget.employer_id]) + "#budgets"
    assert (support.union, support.level, support.visibility) == (union, SupportLevel.MODERATE, INTERNAL)
    assert support.history.get().history_user == officer


def test_an_officer_cannot_record_support_in_another_unions_name(client_for, other_officer, union, budget):
    response = client_for(other_officer).post(
        reverse("budgetsupport_create"),
        {"union": union.pk, "budget": budget.pk, "level": "opposed", "visibility": "public"},
    )

    assert response.status_code == 400
    assert "union" in response.context["form"].errors
    assert not BudgetSupport.objects.exists()


def test_recording_support_twice_is_refused_on_the_budget_field(client_for, officer, union, budget):
    BudgetSupportFactory(union=union, budget=budget)

    response = client_for(officer).post(
        reverse("budgetsupport_create"),
        {"union": union.pk, "budget": budget.pk, "level": "low", "note": "Typed note", "visibility": "members"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["budget"] == [
        "Your union has already recorded its support for this budget: edit that record instead."
    ]
    assert "Typed note" in response.text


def test_a_stale_support_edit_is_refused_with_409(client_for, officer, union, budget):
    support = BudgetSupportFactory(union=union, budget=budget, level=SupportLevel.HIGH)
    client = client_for(officer)
    url = reverse("budgetsupport_edit", args=[support.pk])
    read = form_data(client, url)
    BudgetSupport.objects.filter(pk=support.pk).update(level=SupportLevel.LOW)

    response = client.post(url, {**read, "level": "opposed", "note": "Typed after reading"})

    assert response.status_code == 409
    assert "Typed after reading" in response.text
    support.refresh_from_db()
    assert support.level == SupportLevel.LOW


def test_a_member_cannot_post_support(client_for, member, union, budget):
    response = client_for(member).post(
        reverse("budgetsupport_create"),
        {"union": union.pk, "budget": budget.pk, "level": "high", "visibility": "members"},
    )

    assert response.status_code == 403
    assert not BudgetSupport.objects.exists()


def test_the_history_of_support_made_while_internal_is_hidden_from_members(client_for, officer, member, union, budget):
    support = BudgetSupportFactory.build(union=union, budget=budget, level=SupportLevel.LOW, visibility=INTERNAL)
    support._history_user = officer
    support.save()
    support.level, support.visibility = SupportLevel.HIGH, MEMBERS
    support.save()

    response = client_for(member).get(reverse("budgetsupport_history", args=[support.pk]))

    assert [entry.kind for entry in response.context["history"]] == ["first_visible"]
    assert "Low" not in response.text


@pytest.mark.parametrize(
    ("name", "field"),
    [("employer_history", "region"), ("trainingbudget_history", "proposed"), ("budgetsupport_history", "note")],
)
def test_history_pages_query_counts_do_not_grow(
    client_for, officer, union, budget, count_queries, django_assert_num_queries, name, field
):
    support = BudgetSupportFactory(union=union, budget=budget)
    record = {"employer_history": budget.employer, "trainingbudget_history": budget}.get(name, support)
    client = client_for(officer)

    def change(times):
        for index in range(times):
            setattr(record, field, 30_000 + index if field == "proposed" else f"Changed {index}")
            record._history_user = officer
            record.save()

    change(1)
    few = count_queries(client, reverse(name, args=[record.pk]))
    change(6)
    with django_assert_num_queries(few):
        response = client.get(reverse(name, args=[record.pk]))
    assert len(response.context["history"]) == 8
