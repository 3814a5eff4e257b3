"""The API: GET /api/v1/deadlines/ (the engine, filtered) and tasks as a collection, with who may not."""

import datetime

import pytest

from bargaining.access import Visibility
from policies.deadlines.models import Task
from tests.factories import AgreementFactory, ConsultationFactory, TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
DEADLINES = "/api/v1/deadlines/"
TASKS = "/api/v1/tasks/"


@pytest.fixture
def items(union, officer, unit, proposal):
    """A task overdue (leadership only), a consultation due in 3 days, an agreement expiring in 200 days."""
    task = TaskFactory(union=union, assignee=officer, title="Draft the response", due_on=TODAY - DAY)
    consultation = ConsultationFactory(
        union=union, proposal=proposal, opened_on=TODAY - 5 * DAY, response_deadline=TODAY + 3 * DAY
    )
    AgreementFactory(bargaining_unit=unit, term_end=TODAY + 200 * DAY, reopener_days=90)
    return task, consultation


def kinds(response):
    assert response.status_code == 200, response.content
    return [row["kind"] for row in response.json()["results"]]


def test_deadlines_are_the_engines_items_oldest_first(api, officer, items):
    task, _consultation = items
    response = api(officer).get(DEADLINES)
    assert kinds(response) == ["task", "consultation_response", "reopener", "agreement_expiry"]
    first = response.json()["results"][0]
    assert first["overdue"] is True and first["union"] == "nea" and first["uid"] == f"task-{task.pk}@caucus"
    assert first["record"] == {"type": "task", "id": task.pk}
    assert first["web_url"].endswith(task.get_absolute_url())


def test_a_member_gets_no_task_and_no_internal_item(api, member, items):
    _task, consultation = items
    consultation.visibility = Visibility.INTERNAL
    consultation.save()
    assert kinds(api(member).get(DEADLINES)) == ["reopener", "agreement_expiry"]


def test_another_unions_officer_gets_nothing_of_ours(api, other_officer, items):
    assert kinds(api(other_officer).get(DEADLINES)) == []


def test_anonymous_must_sign_in(api, anonymous, items):
    assert api(anonymous).get(DEADLINES).status_code == 401


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"overdue": "true"}, ["task"]),
        ({"overdue": "false", "kind": ["agreement_expiry", "task"]}, ["agreement_expiry"]),
        ({"due_after": str(TODAY), "due_before": str(TODAY + 100 * DAY)}, ["consultation_response"]),
        ({"union": "nea", "kind": "reopener"}, ["reopener"]),
        ({"union": "lssu"}, []),
    ],
)
def test_deadlines_filter_by_overdue_kind_range_and_union(api, officer, other_union, items, query, expected):
    assert kinds(api(officer).get(DEADLINES, query)) == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"due_after": "next week"}, "due_after"),
        ({"kind": "birthday"}, "kind"),
        ({"overdue": "perhaps"}, "overdue"),
        ({"union": "no-such-union"}, "union"),
    ],
)
def test_bad_filters_are_a_400_naming_the_field(api, officer, items, query, field):
    response = api(officer).get(DEADLINES, query)
    assert response.status_code == 400
    assert field in response.json()


def test_deadlines_cost_the_same_queries_at_two_sizes(api, officer, union, count_queries):
    client = api(officer)
    counts = []
    for n in (2, 20):
        for i in range(n - (2 if counts else 0)):
            TaskFactory(union=union, assignee=officer, due_on=TODAY + i * DAY)
            ConsultationFactory(union=union, opened_on=TODAY, response_deadline=None)
        counts.append(count_queries(client, DEADLINES))
    assert counts[0] == counts[1]


def test_following_next_pages_through_every_deadline_once_in_order(api, officer, union, items):
    for i in range(7):
        TaskFactory(union=union, assignee=officer, due_on=TODAY + (i % 3) * DAY, title=f"Task {i}")
        ConsultationFactory(union=union, opened_on=TODAY - i * DAY, response_deadline=None)
    client = api(officer)
    everything = client.get(DEADLINES, {"page_size": 200}).json()
    assert everything["next"] is None and len(everything["results"]) == 18

    seen, url = [], f"{DEADLINES}?page_size=4"
    while url:
        page = client.get(url).json()
        assert len(page["results"]) <= 4
        seen += page["results"]
        url = page["next"]
    assert [row["uid"] for row in seen] == [row["uid"] for row in everything["results"]]
    last = client.get(f"{DEADLINES}?page_size=6").json()
    assert client.get(last["next"]).json()["previous"] is not None


def test_a_page_that_fills_exactly_has_no_next(api, officer, items):
    page = api(officer).get(DEADLINES, {"page_size": 4}).json()
    assert len(page["results"]) == 4 and page["next"] is None


# Tasks ---------------------------------------------------------------------------------------------


@pytest.fixture
def task(union, organiser, consultation):
    return TaskFactory(union=union, assignee=organiser, consultation=consultation, title="Draft the response")


def new_task(union, assignee, **extra):
    return {"union": union.pk, "title": "Send the request", "assignee": assignee.pk, "due_on": str(TODAY), **extra}


@pytest.mark.parametrize(("persona", "sees"), [("officer", True), ("organiser", True), ("member", False)])
def test_tasks_are_listed_for_the_unions_leadership(request, api, persona, sees, task):
    client = api(request.getfixturevalue(persona))
    assert [row["id"] for row in client.get(TASKS).json()["results"]] == ([task.pk] if sees else [])
    assert client.get(f"{TASKS}{task.pk}/").status_code == (200 if sees else 404)


@pytest.mark.parametrize("persona", ["other_officer", "anonymous"])
def test_outsiders_see_no_task(request, api, persona, task):
    client = api(request.getfixturevalue(persona))
    assert client.get(TASKS).json()["results"] == []
    assert client.get(f"{TASKS}{task.pk}/").status_code == 404


def test_officer_assigns_a_task_through_the_api(api, officer, organiser, union, consultation):
    response = api(officer).post(TASKS, new_task(union, organiser, consultation=consultation.pk))
    assert response.status_code == 201, response.content
    assert response.json()["assignee_name"] == "organiser"
    assert Task.objects.get().consultation == consultation


@pytest.mark.parametrize(("persona", "status"), [("organiser", 403), ("member", 403), ("other_officer", 403)])
def test_only_the_unions_officers_assign_its_tasks(request, api, persona, status, union, officer):
    response = api(request.getfixturevalue(persona)).post(TASKS, new_task(union, officer))
    assert response.status_code == status
    assert not Task.objects.exists()


def test_anonymous_may_not_assign(api, anonymous, union, officer):
    assert api(anonymous).post(TASKS, new_task(union, officer)).status_code == 401


def test_a_task_for_someone_outside_the_leadership_is_refused(api, officer, member, other_officer, union):
    for outsider in (member, other_officer):
        response = api(officer).post(TASKS, new_task(union, outsider))
        assert response.status_code == 400
        assert "assignee" in response.json()


def test_a_task_cannot_follow_up_another_unions_consultation(api, officer, union, other_union, other_officer):
    theirs = ConsultationFactory(union=other_union, visibility=Visibility.PUBLIC)
    response = api(officer).post(TASKS, new_task(union, officer, consultation=theirs.pk))
    assert response.status_code == 400
    assert "consultation" in response.json()


def test_marking_a_task_done_needs_if_match(api, officer, task):
    url = f"{TASKS}{task.pk}/"
    assert api(officer, read_first=False).patch(url, {"done_on": str(TODAY)}).status_code == 428
    response = api(officer).patch(url, {"done_on": str(TODAY)})
    assert response.status_code == 200, response.content
    task.refresh_from_db()
    assert task.done_on == TODAY
    assert kinds(api(officer).get(DEADLINES, {"kind": "task"})) == []


def test_an_organiser_may_read_but_not_change_a_task(api, organiser, task):
    assert api(organiser).patch(f"{TASKS}{task.pk}/", {"title": "x"}).status_code == 403


def test_tasks_list_costs_the_same_queries_at_two_sizes(api, officer, union, consultation, count_queries):
    client = api(officer)
    counts = []
    for n in (2, 20):
        for _ in range(n - (2 if counts else 0)):
            TaskFactory(union=union, assignee=officer, consultation=consultation)
        counts.append(count_queries(client, TASKS))
    assert counts[0] == counts[1]
