"""Task pages: the list, assigning a task from what it follows up, editing it, marking it done; who may not."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from policies.deadlines.models import Task
from tests.factories import TaskFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def task(union, organiser, consultation):
    return TaskFactory(union=union, assignee=organiser, consultation=consultation, title="Draft the response")


def new_task(assignee, **extra):
    return {"title": "Send the information request", "assignee": assignee.pk, "due_on": TODAY + 5 * DAY, **extra}


# The list --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["officer", "organiser"])
def test_the_unions_leadership_sees_its_tasks(request, client_for, persona, task):
    response = client_for(request.getfixturevalue(persona)).get(reverse("task_list"))
    assert list(response.context["rows"]) == [task]
    assert "Draft the response" in response.text


@pytest.mark.parametrize("persona", ["member", "other_officer", "staff"])
def test_others_see_no_task(request, client_for, persona, task):
    # Staff see every task, as they see every record.
    response = client_for(request.getfixturevalue(persona)).get(reverse("task_list"))
    assert (list(response.context["rows"]) == [task]) is (persona == "staff")


def test_anonymous_is_sent_to_sign_in(client_for, anonymous, task):
    for url in (reverse("task_list"), reverse("task_create"), reverse("task_edit", args=[task.pk])):
        response = client_for(anonymous).get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_overdue_and_due_soon_tasks_are_marked_in_words(client_for, officer, union):
    TaskFactory(union=union, assignee=officer, title="Late one", due_on=TODAY - 2 * DAY)
    TaskFactory(union=union, assignee=officer, title="Soon one", due_on=TODAY + 2 * DAY)
    text = client_for(officer).get(reverse("task_list")).text
    assert "⚠ Overdue by 2" in text
    assert "◷ Due in 2" in text


def test_tasks_sort_by_due_date_either_way(client_for, officer, union):
    later = TaskFactory(union=union, assignee=officer, due_on=TODAY + 9 * DAY)
    sooner = TaskFactory(union=union, assignee=officer, due_on=TODAY + DAY)
    client = client_for(officer)
    assert list(client.get(reverse("task_list"), {"ordering": "due"}).context["rows"]) == [sooner, later]
    assert list(client.get(reverse("task_list"), {"ordering": "-due"}).context["rows"]) == [later, sooner]


def test_task_list_filters_by_what_it_follows_up(client_for, officer, union, task):
    TaskFactory(union=union, assignee=officer)
    rows = client_for(officer).get(reverse("task_list"), {"consultation": task.consultation_id}).context["rows"]
    assert list(rows) == [task]


def test_a_huge_id_in_the_filter_is_refused_not_a_server_error(client_for, officer, task):
    response = client_for(officer).get(reverse("task_list"), {"consultation": "9" * 30})
    assert response.status_code == 200
    assert list(response.context["rows"]) == []


def test_task_list_costs_the_same_queries_at_two_sizes(
    client_for, officer, union, consultation, session, proposal, count_queries
):
    client = client_for(officer)
    counts = []
    for n in (3, 12):
        for _ in range(n // 3 - (1 if counts else 0)):
            TaskFactory(union=union, assignee=officer, consultation=consultation)
            TaskFactory(union=union, assignee=officer, session=session)
            TaskFactory(union=union, assignee=officer, proposal=proposal)
        counts.append(count_queries(client, reverse("task_list")))
    assert counts[0] == counts[1]


# Assigning a task --------------------------------------------------------------------------------------


def test_officer_assigns_a_task_from_a_consultation(client_for, officer, organiser, consultation):
    url = reverse("task_create") + f"?consultation={consultation.pk}"
    client = client_for(officer)
    page = client.get(url)
    assert page.status_code == 200
    assert "union" not in page.context["form"].fields  # the consultation decides it
    response = client.post(url, new_task(organiser))
    task = Task.objects.get()
    assert response.status_code == 302
    assert (task.union, task.consultation, task.assignee) == (consultation.union, consultation, organiser)
    assert task.history.get().history_user == officer


def test_officer_assigns_a_task_from_a_session(client_for, officer, session):
    response = client_for(officer).post(reverse("task_create") + f"?session={session.pk}", new_task(officer))
    assert response.status_code == 302
    assert Task.objects.get().session == session


def test_a_task_from_a_proposal_belongs_to_the_officers_union(client_for, officer, union, proposal):
    url = reverse("task_create") + f"?proposal={proposal.pk}"
    client = client_for(officer)
    assert client.get(url).context["form"].fields["union"].initial == union.pk
    response = client.post(url, new_task(officer, union=union.pk))
    assert response.status_code == 302
    assert (Task.objects.get().proposal, Task.objects.get().union) == (proposal, union)


def test_a_task_goes_to_the_unions_leadership_only(client_for, officer, member, other_officer, consultation):
    url = reverse("task_create") + f"?consultation={consultation.pk}"
    for outsider in (member, other_officer):
        response = client_for(officer).post(url, new_task(outsider))
        assert response.status_code == 400
        assert response.context["form"].errors["assignee"]
        assert 'value="Send the information request"' in response.text  # what was typed stays
    assert not Task.objects.exists()


def test_a_task_without_a_title_or_date_is_refused_by_field(client_for, officer, consultation):
    response = client_for(officer).post(
        reverse("task_create") + f"?consultation={consultation.pk}", {"assignee": officer.pk, "due_on": "soon"}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title", "due_on"}


@pytest.mark.parametrize(("persona", "status"), [("member", 403), ("organiser", 403), ("other_officer", 404)])
def test_only_the_unions_officers_assign_its_tasks(request, client_for, persona, status, consultation):
    client = client_for(request.getfixturevalue(persona))
    url = reverse("task_create") + f"?consultation={consultation.pk}"
    assert client.get(url).status_code == status
    assert client.post(url, {"title": "x"}).status_code == status
    assert not Task.objects.exists()


def test_a_session_the_officer_may_not_see_is_a_404(client_for, other_officer, session):
    session.visibility = Visibility.INTERNAL
    session.save()
    assert client_for(other_officer).get(reverse("task_create") + f"?session={session.pk}").status_code == 404


@pytest.mark.parametrize("value", ["abc", "9" * 30, "-1"])
def test_a_malformed_subject_is_a_404(client_for, officer, value):
    assert client_for(officer).get(reverse("task_create") + f"?consultation={value}").status_code == 404


# Editing and marking done --------------------------------------------------------------------------------


def test_officer_edits_a_task(client_for, officer, organiser, task):
    client = client_for(officer)
    form = client.get(reverse("task_edit", args=[task.pk])).context["form"]
    data = {**new_task(organiser, title="Draft the response by Friday"), "read_version": form["read_version"].value()}
    response = client.post(reverse("task_edit", args=[task.pk]), data)
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.title == "Draft the response by Friday"


def test_an_edit_over_a_newer_save_is_refused(client_for, officer, organiser, task):
    client = client_for(officer)
    form = client.get(reverse("task_edit", args=[task.pk])).context["form"]
    Task.objects.filter(pk=task.pk).update(title="Changed meanwhile")
    data = {**new_task(organiser), "read_version": form["read_version"].value()}
    assert client.post(reverse("task_edit", args=[task.pk]), data).status_code == 409


@pytest.mark.parametrize(("persona", "status"), [("organiser", 403), ("member", 404), ("other_officer", 404)])
def test_only_the_unions_officers_edit_or_complete_its_tasks(request, client_for, persona, status, task):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("task_edit", args=[task.pk])).status_code == status
    assert client.post(reverse("task_done", args=[task.pk]), {"action": "done"}).status_code == status
    task.refresh_from_db()
    assert task.done_on is None


def test_officer_marks_a_task_done_and_opens_it_again(client_for, officer, task):
    client = client_for(officer)
    client.post(reverse("task_done", args=[task.pk]), {"action": "done"})
    task.refresh_from_db()
    assert task.done_on == TODAY
    client.post(reverse("task_done", args=[task.pk]), {"action": "reopen"})
    task.refresh_from_db()
    assert task.done_on is None


def test_marking_done_needs_a_post(client_for, officer, task):
    assert client_for(officer).get(reverse("task_done", args=[task.pk])).status_code == 405


@pytest.mark.parametrize(("persona", "status"), [("organiser", 200), ("member", 404), ("other_officer", 404)])
def test_a_tasks_history_is_for_the_leadership(request, client_for, persona, status, task):
    assert client_for(request.getfixturevalue(persona)).get(reverse("task_history", args=[task.pk])).status_code == (
        status
    )


def test_record_pages_offer_a_task_to_officers_only(client_for, officer, member, consultation):
    url = reverse("consultation_detail", args=[consultation.pk])
    link = reverse("task_create") + f"?consultation={consultation.pk}"
    assert link in client_for(officer).get(url).text
    assert link not in client_for(member).get(url).text


def test_consultations_list_marks_overdue_and_computed_deadlines_and_sorts_by_them(client_for, member, union):
    from tests.factories import ConsultationFactory

    late = ConsultationFactory(union=union, opened_on=TODAY - 40 * DAY, response_deadline=TODAY - DAY)
    counted = ConsultationFactory(union=union, opened_on=TODAY - 25 * DAY, response_deadline=None)
    client = client_for(member)
    response = client.get(reverse("consultation_list"), {"ordering": "response_deadline"})
    assert "⚠ Overdue by 1" in response.text
    assert "(computed)" in response.text and "◷ Due in 5" in response.text
    assert "▲ soonest first" in response.text
    # The sort is by the date due, entered or counted: the counted one (in 5 days) after the late one.
    assert list(response.context["rows"])[:2] == [late, counted]
    later = ConsultationFactory(union=union, opened_on=TODAY - 40 * DAY, response_deadline=TODAY + 2 * DAY)
    response = client.get(reverse("consultation_list"), {"ordering": "response_deadline"})
    assert list(response.context["rows"])[:3] == [late, later, counted]
    # Filtering by the date due counts the computed deadline too.
    response = client.get(reverse("consultation_list"), {"deadline_after": TODAY + 3 * DAY})
    assert list(response.context["rows"]) == [counted]


def test_agreement_page_marks_expiry_and_reopener_dates(client_for, member, unit):
    from tests.factories import AgreementFactory

    agreement = AgreementFactory(bargaining_unit=unit, term_end=TODAY + 5 * DAY, reopener_days=90)
    text = client_for(member).get(reverse("agreement_detail", args=[agreement.pk])).text
    assert "◷ Due in 5" in text
    assert "Notice to reopen by" in text and "⚠ Overdue by" in text
    last_day = TODAY + 5 * DAY - 90 * DAY
    assert f"{last_day.day} {last_day:%b %Y}" in text


def test_agreement_list_dates_the_reopener_notice_and_leaves_it_blank_without_an_end(client_for, member, unit):
    from tests.factories import AgreementFactory

    AgreementFactory(bargaining_unit=unit, term_end=TODAY + 100 * DAY, reopener_days=95, title="Ends")
    AgreementFactory(bargaining_unit=unit, term_end=None, title="Open-ended")
    response = client_for(member).get(reverse("agreement_list"))
    assert f'<time datetime="{TODAY + 5 * DAY:%Y-%m-%d}">' in response.text
    assert response.text.count("◷ Due in 5") == 1
    assert {a.title: a.reopener_notice_by for a in response.context["rows"]} == {
        "Ends": TODAY + 5 * DAY,
        "Open-ended": None,
    }


def test_open_tasks_come_before_done_ones_and_the_state_filter_splits_them(client_for, officer, union):
    done = TaskFactory(union=union, assignee=officer, due_on=TODAY - 9 * DAY, done_on=TODAY)
    open_task = TaskFactory(union=union, assignee=officer, due_on=TODAY)
    client = client_for(officer)
    assert list(client.get(reverse("task_list")).context["rows"]) == [open_task, done]
    assert list(client.get(reverse("task_list"), {"state": "done"}).context["rows"]) == [done]
    assert list(client.get(reverse("task_list"), {"state": "open", "mine": "me"}).context["rows"]) == [open_task]
    assert list(client.get(reverse("task_list"), {"mine": "others"}).context["rows"]) == []


def test_the_api_filters_and_pages_consultations_by_the_date_due_as_the_reader_counts_it(api, member, organiser, union):
    from consultations.models import EventKind
    from tests.factories import ConsultationEventFactory, ConsultationFactory

    entered = ConsultationFactory(union=union, opened_on=TODAY - 40 * DAY, response_deadline=TODAY + 10 * DAY)
    counted = ConsultationFactory(union=union, opened_on=TODAY - 25 * DAY, response_deadline=None)  # due in 5
    # Leadership sees a later notice: the window counts from it for them, from the opening for members.
    ConsultationEventFactory(
        consultation=counted, kind=EventKind.NOTICE, occurred_on=TODAY - 10 * DAY, visibility=Visibility.INTERNAL
    )
    url = "/api/v1/consultations/"

    def ids(user, **params):
        found, page = [], api(user).get(url, {"page_size": 1, **params})
        while True:
            assert page.status_code == 200, page.content
            found += [row["id"] for row in page.data["results"]]
            if not page.data["next"]:
                return found
            page = api(user).get(page.data["next"])

    assert ids(member, ordering="response_deadline") == [counted.pk, entered.pk]
    assert ids(organiser, ordering="response_deadline") == [entered.pk, counted.pk]  # due in 20 for them
    assert ids(member, deadline_after=TODAY + 6 * DAY) == [entered.pk]
    assert ids(organiser, deadline_after=TODAY + 15 * DAY) == [counted.pk]


def test_the_api_and_the_export_give_the_date_the_response_is_due(api, client_for, officer, member, union):
    from tests.factories import ConsultationFactory

    counted = ConsultationFactory(union=union, opened_on=TODAY - 25 * DAY, response_deadline=None)  # due in 5
    detail = f"/api/v1/consultations/{counted.pk}/"
    assert api(member).get(detail).data["response_due"] == (TODAY + 5 * DAY).isoformat()
    [row] = api(member).get("/api/v1/consultations/").data["results"]
    assert (row["response_deadline"], row["response_due"]) == (None, (TODAY + 5 * DAY).isoformat())
    # Written through the API: the answer reads the new date as the caller's timeline counts it.
    changed = api(officer).patch(detail, {"response_deadline": (TODAY + 9 * DAY).isoformat()})
    assert changed.status_code == 200, changed.data
    assert changed.data["response_due"] == (TODAY + 9 * DAY).isoformat()
    exported = client_for(member).get(reverse("consultation_list"), {"format": "csv"})
    csv = b"".join(exported.streaming_content).decode()
    header, line = csv.splitlines()[:2]
    assert "Response due" in header.split(",")
    assert (TODAY + 9 * DAY).isoformat() in line
