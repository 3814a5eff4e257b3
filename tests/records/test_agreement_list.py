"""The agreements list: sorted by expiry, marking what expires or must be reopened soon, only what one may see."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def test_agreements_sort_by_expiry_and_mark_the_ones_due(client_for, officer, unit):
    AgreementFactory(bargaining_unit=unit, title="Later", term_end=TODAY + datetime.timedelta(days=400))
    AgreementFactory(bargaining_unit=unit, title="Soon", term_end=TODAY + datetime.timedelta(days=5))
    AgreementFactory(bargaining_unit=unit, title="Lapsed", term_end=TODAY - datetime.timedelta(days=3))

    page = client_for(officer).get(reverse("agreement_list"), {"ordering": "term_end"}).text

    assert page.index("Lapsed") < page.index("Soon") < page.index("Later")
    assert "⚠ Overdue by 3" in page
    assert "◷ Due in 5" in page


def test_agreements_sort_latest_first_when_asked(client_for, officer, unit):
    AgreementFactory(bargaining_unit=unit, title="Later", term_end=TODAY + datetime.timedelta(days=400))
    AgreementFactory(bargaining_unit=unit, title="Soon", term_end=TODAY + datetime.timedelta(days=5))

    page = client_for(officer).get(reverse("agreement_list"), {"ordering": "-term_end"}).text

    assert page.index("Later") < page.index("Soon")
    assert "▼ latest first" in page


@pytest.mark.parametrize("persona", ["member", "other_officer", "anonymous"])
def test_an_internal_agreement_is_listed_for_no_outsider(client_for, request, unit, persona):
    AgreementFactory(bargaining_unit=unit, title="Secret side letter", visibility=Visibility.INTERNAL)

    response = client_for(request.getfixturevalue(persona)).get(reverse("agreement_list"))

    assert response.status_code == 200
    assert "Secret side letter" not in response.text


def test_a_member_sees_the_members_agreements_and_not_the_internal_ones(client_for, member, unit):
    AgreementFactory(bargaining_unit=unit, title="Secret side letter", visibility=Visibility.INTERNAL)
    AgreementFactory(bargaining_unit=unit, title="Members' agreement", visibility=Visibility.MEMBERS)

    page = client_for(member).get(reverse("agreement_list")).text

    assert "Members&#x27; agreement" in page
    assert "Secret side letter" not in page


def test_the_agreements_list_costs_the_same_queries_at_two_sizes(client_for, officer, unit, count_queries):
    counts = []
    for n in (2, 12):
        for i in range(n - (2 if counts else 0)):
            AgreementFactory(bargaining_unit=unit, title=f"Agreement {n}-{i}")
        counts.append(count_queries(client_for(officer), reverse("agreement_list")))
    assert counts[0] == counts[1]
