"""A briefing pack stays bounded however large its subject: the coverage matrix and the lineages are narrowed to
the topics and units asked for, and past MAX_LINEAGES clauses the lineages section summarises (counts, the gaps,
the latest versions) and says what it left out and how to print it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersionStatus, JobGroup
from policies.documents import briefing_pack, common
from policies.documents.briefing_pack import briefing_pack_html, render_briefing_pack
from policies.documents.packs import request_briefing_pack
from policies.documents.position_paper import position_paper_html
from policies.models import BriefingPack, PackSection, PackStatus
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    EmployerFactory,
    TopicFactory,
)
from tests.helpers import flat, pdf_text

pytestmark = pytest.mark.django_db
PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL
LINEAGES = [PackSection.LINEAGES]


class Big:
    """Bigtown: three units of the officer's union; clauses on Workload in two of them, on Privacy in one (one of
    them internal), none at all in the third."""

    def __init__(self, union):
        self.employer = EmployerFactory(name="Bigtown Unified", slug="bigtown")
        self.workload = TopicFactory(code="workload", name="Workload")
        self.privacy = TopicFactory(code="privacy", name="Student privacy")
        self.units = [
            BargainingUnitFactory(union=union, employer=self.employer, name=name, job_group=group, visibility=PUBLIC)
            for name, group in (
                ("Bigtown Teachers", JobGroup.TEACHERS),
                ("Bigtown Support Staff", JobGroup.SUPPORT_STAFF),
                ("Bigtown Specialists", JobGroup.SPECIALISTS),
            )
        ]
        self.clauses = []
        for unit, topic, article, visibility in (
            (self.units[0], self.workload, "1.1", PUBLIC),
            (self.units[0], self.workload, "1.2", PUBLIC),
            (self.units[0], self.privacy, "2.1", INTERNAL),
            (self.units[1], self.workload, "1.1", MEMBERS),
        ):
            self.add(unit, topic, article, visibility)

    def add(self, unit, topic, article, visibility, day=1):
        agreement = unit.agreements.first() or AgreementFactory(bargaining_unit=unit, visibility=PUBLIC)
        clause = ClauseFactory(
            agreement=agreement,
            topic=topic,
            article_number=article,
            title=f"{visibility.upper()}-CLAUSE {unit.name} {article}",
            visibility=visibility,
        )
        ClauseVersionFactory(
            clause=clause,
            text=f"{visibility.upper()}-TEXT of {article} at {unit.name}.",
            status=ClauseVersionStatus.PROPOSED,
            tabled_on=datetime.date(2025, 3, day),
        )
        self.clauses.append(clause)
        return clause


@pytest.fixture
def big(union):
    return Big(union)


@pytest.fixture
def few_lineages(monkeypatch):
    """A pack prints at most two lineages here (sixty in Caucus)."""
    monkeypatch.setattr(briefing_pack, "MAX_LINEAGES", 2)


def html(subject, reader, sections=LINEAGES, **options) -> str:
    return briefing_pack_html(subject=subject, sections=sections, reader=reader, audience="leadership", **options)


def test_within_the_limit_every_lineage_is_printed(big, officer):
    page = html(big.employer, officer)

    assert "Each version is compared with the one before" in page
    for clause in big.clauses:
        assert clause.title in page
    assert "in this pack's scope" not in page


def test_past_the_limit_the_lineages_summarise_and_say_what_was_left_out_and_how_to_get_it(big, officer, few_lineages):
    page = html(big.employer, officer)

    assert "4 clauses are in this pack's scope: more than the 2 whose lineages a pack prints" in page
    assert "ask for a pack with the topics or bargaining units you need chosen" in page
    assert "Each version is compared with the one before" not in page
    # The counts per topic, and the gaps: the specialists have no clause at all, the support staff none on privacy.
    assert "<th>Workload</th>\n                  <td>3</td>\n                  <td>2 of 3</td>" in page
    assert "<th>Student privacy</th>\n                  <td>1</td>\n                  <td>1 of 3</td>" in page
    assert "Bigtown Specialists, Bigtown Support Staff" in page
    # The latest versions are quoted, each with its date.
    assert "INTERNAL-TEXT of 2.1 at Bigtown Teachers." in page and "tabled 1 Mar 2025" in page


def test_a_members_summary_counts_and_quotes_only_what_members_may_read(big, officer, few_lineages):
    big.add(big.units[2], big.privacy, "9.9", PUBLIC)

    page = briefing_pack_html(subject=big.employer, sections=LINEAGES, reader=officer, audience="members")

    assert "4 clauses are in this pack's scope" in page  # five, less the internal one
    assert "INTERNAL" not in page
    assert "CONFIDENTIAL" not in page


def test_a_summary_that_counts_an_internal_clause_is_confidential(big, officer, few_lineages):
    assert "CONFIDENTIAL" in html(big.employer, officer)


def test_past_the_limit_the_pdf_prints_the_summary(big, officer, few_lineages):
    text = flat(
        pdf_text(render_briefing_pack(subject=big.employer, sections=LINEAGES, reader=officer, audience="leadership"))
    )

    assert "4 clauses are in this pack's scope" in text
    assert "The latest versions tabled" in text


def test_the_summary_costs_the_same_queries_however_many_clauses(big, officer, few_lineages):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            html(big.employer, officer)
        return len(captured.captured_queries)

    before = queries()
    for number in range(6):
        big.add(big.units[number % 2], big.privacy, f"7.{number}", PUBLIC, day=number + 2)

    assert queries() == before


def test_topics_asked_for_narrow_the_lineages_and_the_matrix(big, officer):
    page = html(big.employer, officer, sections=[PackSection.COVERAGE, *LINEAGES], topics=[big.privacy.pk])

    assert "INTERNAL-CLAUSE Bigtown Teachers 2.1" in page
    assert "PUBLIC-CLAUSE Bigtown Teachers 1.1" not in page
    assert "the topics chosen: Student privacy" in page
    assert '<th class="topic">Workload</th>' not in page and '<th class="topic">Student privacy</th>' in page


def test_units_asked_for_narrow_the_lineages_and_the_matrix(big, officer):
    page = html(big.employer, officer, sections=[PackSection.COVERAGE, *LINEAGES], units=[big.units[1].pk])

    assert "MEMBERS-CLAUSE Bigtown Support Staff 1.1" in page
    assert "Bigtown Teachers" not in page
    assert "For 1 chosen bargaining unit" in page


def test_narrowing_brings_a_large_subject_back_within_the_limit(big, officer, few_lineages):
    page = html(big.employer, officer, units=[big.units[1].pk])

    assert "in this pack's scope" not in page
    assert "MEMBERS-CLAUSE Bigtown Support Staff 1.1" in page


def test_the_matrix_draws_at_most_the_units_it_may_and_says_how_many_it_left_out(big, officer, monkeypatch):
    monkeypatch.setattr(briefing_pack, "COVERAGE_MAX_UNITS", 2)

    page = html(big.employer, officer, sections=[PackSection.COVERAGE])

    assert "Left out: 1 more bargaining unit (the matrix draws the first 2)" in page


# Asking for a narrowed pack: the service, the web builder and the API


def test_a_pack_remembers_what_it_was_narrowed_to_and_prints_it(big, officer):
    pack = request_briefing_pack(
        requester=officer,
        subject=big.employer,
        sections=LINEAGES,
        audience="leadership",
        topics=[big.privacy],
        units=[big.units[0].pk],
    )

    pack = BriefingPack.objects.get(pk=pack.pk)
    assert (pack.topics, pack.units, pack.status) == ([big.privacy.pk], [big.units[0].pk], PackStatus.READY)
    text = flat(pdf_text(pack.pdf))
    assert "INTERNAL-CLAUSE Bigtown Teachers 2.1" in text and "PUBLIC-CLAUSE" not in text


def test_an_unknown_topic_is_refused_by_name(big, officer):
    with pytest.raises(ValidationError) as refused:
        request_briefing_pack(requester=officer, subject=big.employer, sections=LINEAGES, topics=[999_999])

    assert "999999" in refused.value.message_dict["topics"][0]


@pytest.mark.parametrize("which", ["another employer's", "another union's internal", "not an id"])
def test_a_unit_outside_the_subject_or_out_of_sight_is_refused(big, officer, other_union, which):
    unit = {
        "another employer's": lambda: BargainingUnitFactory(union=officer.memberships.get().union, visibility=PUBLIC),
        "another union's internal": lambda: BargainingUnitFactory(
            union=other_union, employer=big.employer, job_group=JobGroup.TEACHERS, visibility=INTERNAL
        ),
        "not an id": lambda: "twelve",
    }[which]()

    with pytest.raises(ValidationError) as refused:
        request_briefing_pack(requester=officer, subject=big.employer, sections=LINEAGES, units=[unit])

    assert "units" in refused.value.message_dict
    assert not BriefingPack.objects.exists()


def test_the_pack_builder_narrows_by_topic_and_unit(big, officer, client_for):
    response = client_for(officer).post(
        reverse("pack_new"),
        {
            "subject": f"employer:{big.employer.pk}",
            "sections": LINEAGES,
            "union": officer.memberships.get().union.pk,
            "topics": [big.workload.pk],
            "units": [big.units[1].pk],
        },
    )

    assert response.status_code == 302
    pack = BriefingPack.objects.get()
    assert (pack.topics, pack.units) == ([big.workload.pk], [big.units[1].pk])
    page = client_for(officer).get(response["Location"]).content.decode()
    assert "Only these topics</dt><dd>Workload" in page
    assert "Only these bargaining units</dt><dd>Bigtown Support Staff" in page


def test_the_api_narrows_by_topic_and_unit_and_refuses_a_bad_one_by_field(big, officer, api):
    client = api(officer)

    made = client.post(
        "/api/v1/packs/",
        {"employer": big.employer.pk, "sections": LINEAGES, "topics": [big.privacy.pk], "units": [big.units[0].pk]},
        format="json",
    )
    refused = client.post(
        "/api/v1/packs/", {"employer": big.employer.pk, "sections": LINEAGES, "units": ["x"]}, format="json"
    )
    too_large = client.post(
        "/api/v1/packs/", {"employer": big.employer.pk, "sections": LINEAGES, "topics": [2**70]}, format="json"
    )
    outside = client.post(
        "/api/v1/packs/",
        {"employer": big.employer.pk, "sections": LINEAGES, "units": [BargainingUnitFactory().pk]},
        format="json",
    )

    assert made.status_code == 202 and (made.json()["topics"], made.json()["units"]) == (
        [big.privacy.pk],
        [big.units[0].pk],
    )
    assert refused.status_code == 400 and "units" in refused.json()
    assert too_large.status_code == 400 and "topics" in too_large.json()
    assert outside.status_code == 400 and "units" in outside.json()


# Timelines: a consultation with years of events prints its latest ones, and says how many it left out


@pytest.fixture
def two_latest(monkeypatch):
    monkeypatch.setattr(common, "LATEST_EVENTS", 2)


def test_a_packs_timeline_prints_the_latest_events_and_counts_the_earlier(world, officer, two_latest):
    page = briefing_pack_html(
        subject=world.unit, sections=[PackSection.CONSULTATIONS], reader=officer, audience="leadership"
    )

    assert "MEMBERS-EVENT" in page and "INTERNAL-EVENT" in page
    assert "PUBLIC-EVENT" not in page
    assert "1 earlier event you may read is left out here" in page
    # Oldest first, as a timeline reads.
    assert page.index("MEMBERS-EVENT") < page.index("INTERNAL-EVENT")


def test_the_count_of_earlier_events_is_what_the_audience_may_read(world, officer, two_latest):
    page = briefing_pack_html(
        subject=world.unit, sections=[PackSection.CONSULTATIONS], reader=officer, audience="members"
    )

    assert "PUBLIC-EVENT" in page and "MEMBERS-EVENT" in page
    assert "INTERNAL" not in page and "left out here" not in page


def test_a_position_papers_timeline_is_bounded_too(world, officer, two_latest):
    page = position_paper_html(position=world.internal_position, reader=officer, audience="leadership")

    assert "INTERNAL-EVENT" in page and "PUBLIC-EVENT" not in page
    assert "1 earlier event you may read is left out here" in page


def test_a_timeline_costs_the_same_queries_however_many_events(world, officer, two_latest):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            briefing_pack_html(subject=world.unit, sections=[PackSection.CONSULTATIONS], reader=officer)
        return len(captured.captured_queries)

    before = queries()
    for day in range(1, 9):
        ConsultationEventFactory(consultation=world.consultation, occurred_on=datetime.date(2025, 2, day))

    assert queries() == before


def test_earlier_internal_events_make_the_pack_confidential_though_only_their_count_is_printed(
    world, officer, two_latest
):
    for day in (1, 2):
        ConsultationEventFactory(
            consultation=world.consultation, occurred_on=datetime.date(2025, 2, day), visibility=MEMBERS
        )

    page = briefing_pack_html(
        subject=world.unit, sections=[PackSection.CONSULTATIONS], reader=officer, audience="leadership"
    )

    assert "INTERNAL-EVENT" not in page and "3 earlier events you may read are left out here" in page
    assert "CONFIDENTIAL" in page


def test_a_unit_the_packs_audience_may_not_see_is_refused_though_the_printer_may(big, officer):
    hidden = BargainingUnitFactory(
        union=officer.memberships.get().union, employer=big.employer, job_group=JobGroup.SCHOOL_LEADERS,
        visibility=INTERNAL,
    )  # fmt: skip

    with pytest.raises(ValidationError) as refused:
        request_briefing_pack(
            requester=officer, subject=big.employer, sections=LINEAGES, audience="members", units=[hidden.pk]
        )

    assert "audience may see" in refused.value.message_dict["units"][0]


def test_a_chosen_unit_no_longer_visible_is_left_out_and_said_to_be_never_widened(big, officer):
    page = html(big.employer, officer, sections=[PackSection.COVERAGE, *LINEAGES], units=[999_999])

    assert "Left out: 1 of the topics or bargaining units chosen" in page
    assert "Bigtown Teachers" not in page
