"""The members' bargaining report: what members may see of a period at the table, on the web and as PDF."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersionStatus
from consultations.models import EventKind
from policies.documents.audience import AudienceRefused
from policies.documents.members_report import Period, render_members_report
from tests.factories import ClauseVersionFactory, ConsultationEventFactory, NegotiationSessionFactory
from tests.helpers import flat, page_texts, pdf_text

pytestmark = pytest.mark.django_db

YEAR = Period(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))


@pytest.fixture
def answered(world):
    ConsultationEventFactory(
        consultation=world.consultation,
        kind=EventKind.UNION_RESPONSE,
        occurred_on=datetime.date(2025, 3, 1),
        summary="MEMBERS-RESPONSE sent to the district",
        visibility=Visibility.MEMBERS,
    )
    ConsultationEventFactory(
        consultation=world.consultation,
        kind=EventKind.UNION_RESPONSE,
        occurred_on=datetime.date(2025, 3, 2),
        summary="INTERNAL-RESPONSE draft",
        visibility=Visibility.INTERNAL,
    )
    return world


def report_text(printer, world, period=YEAR, **subject):
    subject = subject or {"union": world.union}
    content = render_members_report(printer=printer, period=period, **subject)
    return flat(pdf_text(content)), page_texts(content)


def test_the_report_holds_each_article_with_its_versions_redlined(answered, member):
    text, pages = report_text(member, answered)

    assert "Art. 14.1 Use of AI tools" in text
    assert "Proposed" in text and "Countered" in text and "Ratified" in text
    assert "agree with" in text  # the ratified wording, redlined against the counter
    assert "Prepared for members of NEA" in flat(pages[0])


def test_the_report_holds_the_consultations_opened_and_answered_and_the_positions_published(answered, member):
    text, _pages = report_text(member, answered)

    assert "opened: Adopt BrightPath Tutor" in text
    assert "MEMBERS-RESPONSE sent to the district" in text
    assert "Public position on BrightPath" in text and "Members position on BrightPath" in text


def test_an_officers_report_holds_exactly_what_a_members_report_does(answered, member, officer):
    member_text, _ = report_text(member, answered)
    officer_text, _ = report_text(officer, answered)

    for secret in ("INTERNAL-CLAUSE", "INTERNAL-RESPONSE", "Internal position", "CONFIDENTIAL"):
        assert secret not in officer_text
    assert member_text.replace("member", "").split("Art.")[1:] == officer_text.replace("officer", "").split("Art.")[1:]


def test_a_version_from_a_session_members_may_not_see_is_left_out(world, member):
    secret_session = NegotiationSessionFactory(bargaining_unit=world.unit, visibility=Visibility.INTERNAL)
    ClauseVersionFactory(
        clause=world.clause,
        session=secret_session,
        text="SECRET-SESSION-TEXT",
        status=ClauseVersionStatus.TENTATIVELY_AGREED,
    )

    text, _pages = report_text(member, world)

    assert "SECRET-SESSION-TEXT" not in text
    assert "Countered" in text


def test_a_period_leaves_out_what_happened_outside_it(answered, member):
    text, _pages = report_text(member, answered, period=Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)))

    assert "Use of AI tools" not in text and "MEMBERS-RESPONSE" not in text
    assert "Nothing was tabled" in text


def test_a_unit_report_covers_that_unit_only(world, member):
    text, _pages = report_text(member, world, unit=world.unit)

    assert "Use of AI tools" in text
    assert "Workload protection" not in text


@pytest.mark.parametrize("persona", ["other_officer", "anonymous"])
def test_only_the_unions_members_print_its_report(world, request, persona):
    with pytest.raises(AudienceRefused):
        report_text(request.getfixturevalue(persona), world)


# The web page


def page(world, **params):
    query = {"subject": f"union:{world.union.pk}", "start": "2025-01-01", "end": "2025-12-31", **params}
    return reverse("members_report"), query


def test_the_report_page_shows_the_report_and_offers_the_pdf(answered, member, client_for):
    url, query = page(answered)

    html = client_for(member).get(url, query).content.decode()

    assert "Use of AI tools" in html and "MEMBERS-RESPONSE" in html
    assert "INTERNAL-RESPONSE" not in html
    assert 'value="pdf"' in html


def test_the_report_downloads_as_pdf(answered, member, client_for):
    url, query = page(answered, format="pdf")

    response = client_for(member).get(url, query)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Prepared for members of NEA" in flat(pdf_text(response.content))


def test_a_period_that_ends_before_it_starts_is_a_form_error(world, member, client_for):
    url, query = page(world, start="2025-06-01", end="2025-01-01")

    response = client_for(member).get(url, query)

    assert response.status_code == 400
    assert "ends before it starts" in response.content.decode()


def test_an_outsider_cannot_choose_another_unions_report(world, other_officer, client_for):
    url, query = page(world)

    response = client_for(other_officer).get(url, query)

    assert response.status_code == 400
    assert "Use of AI tools" not in response.content.decode()


def test_anonymous_is_sent_to_sign_in_for_the_report(world, anonymous, client_for):
    url, query = page(world)

    assert client_for(anonymous).get(url, query).status_code == 302
