"""The briefing pack: the sections asked for, for a unit, an employer or a tool, as the reader may see it."""

import datetime

import pytest

from bargaining.access import Visibility
from policies.documents.briefing_pack import render_briefing_pack
from policies.documents.common import NotVisible
from policies.models import PackSection
from tests.factories import BargainingUnitFactory, PositionFactory
from tests.helpers import flat, page_texts, pdf_text

pytestmark = pytest.mark.django_db
ALL = PackSection.values


def pack_text(subject, reader, sections=ALL, **kwargs):
    return flat(pdf_text(render_briefing_pack(subject=subject, sections=sections, reader=reader, **kwargs)))


def test_a_unit_pack_has_every_section_asked_for(world, officer):
    text = pack_text(world.unit, officer, audience="leadership", today=datetime.date(2099, 2, 1))

    for title in ("Summary", "Open consultations and deadlines", "Positions", "Coverage matrix"):
        assert title in text
    assert "Clause lineages with redlines" in text and "Talking points" in text
    assert "Response due 19 Feb 2099 — 18 days left" in text
    assert "PUBLIC-RATIONALE" in text and "INTERNAL-RATIONALE" in text
    assert "PUBLIC-CONDITION paid training" in text


def test_a_pack_leaves_out_the_sections_not_asked_for(world, officer):
    text = pack_text(world.unit, officer, sections=[PackSection.TALKING_POINTS])

    assert "PUBLIC-CONDITION paid training" in text
    assert "Coverage matrix" not in text
    assert "The District may consult the union." not in text


def test_the_coverage_matrix_shows_the_best_status_and_the_rating(world, member):
    text = pack_text(world.unit, member, sections=[PackSection.COVERAGE])

    assert "Northview Teachers" in text
    assert "Workload" in text
    assert "Ratified Meets the fallback wording" in text


def test_the_lineage_shows_each_version_redlined_against_the_one_before(world, member):
    text = pack_text(world.unit, member, sections=[PackSection.LINEAGES])

    assert "Art. 14.1 Use of AI tools" in text
    assert "v1 · Proposed · tabled by union" in text
    assert "v2 · Countered · tabled by employer" in text
    assert "The District shall consult the union." in text
    # Each redline shows the deleted word, then the inserted one ("shall" struck through, "may" underlined).
    assert "The District shallmay consult the union." in text
    assert "v3 · Ratified · tabled jointly" in text
    assert "The District mayshall consult and agree with the union." in text


def test_talking_points_are_drawn_from_the_positions_conditions(world, member):
    text = pack_text(world.unit, member, sections=[PackSection.TALKING_POINTS], audience="members")

    assert "PUBLIC-CONDITION paid training" in text
    assert "MEMBERS-CONDITION paid training" in text
    assert "No usage reports in evaluation" in text


def test_an_employer_pack_covers_every_unit_the_reader_may_see_there(world, member, union):
    BargainingUnitFactory(
        union=union,
        employer=world.employer,
        name="Northview Support Staff",
        job_group="support_staff",
        visibility=Visibility.PUBLIC,
    )
    BargainingUnitFactory(
        union=union,
        employer=world.employer,
        name="HIDDEN-UNIT",
        job_group="school_leaders",
        visibility=Visibility.INTERNAL,
    )

    text = pack_text(world.employer, member, sections=[PackSection.SUMMARY, PackSection.COVERAGE])

    assert "Northview Teachers" in text and "Northview Support Staff" in text
    assert "HIDDEN-UNIT" not in text


def test_a_tool_pack_gathers_the_proposals_and_positions_on_the_tool(world, member):
    PositionFactory(union=world.union, tool=world.tool, title="Tool-wide position", visibility=Visibility.MEMBERS)

    text = pack_text(world.tool, member, sections=[PackSection.SUMMARY, PackSection.POSITIONS], audience="members")

    assert "Adopt BrightPath Tutor" in text
    assert "Tool-wide position" in text and "Members position on BrightPath" in text


def test_a_pack_with_internal_material_is_confidential_on_every_page(world, officer):
    pages = page_texts(render_briefing_pack(subject=world.unit, sections=ALL, reader=officer, audience="leadership"))

    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert "CONFIDENTIAL" in page
        assert f"Page {number} of {len(pages)}" in page


def test_a_member_never_gets_internal_material_in_a_pack(world, member):
    text = pack_text(world.unit, member, audience="members")

    assert "MEMBERS-EVENT" in text and "MEMBERS-RATIONALE" in text
    for secret in ("INTERNAL-EVENT", "INTERNAL-RATIONALE", "INTERNAL-CONDITION", "INTERNAL-CLAUSE", "CONFIDENTIAL"):
        assert secret not in text


def test_an_officer_of_another_union_gets_only_public_material_in_a_pack(world, other_officer):
    text = pack_text(world.employer, other_officer)

    assert "PUBLIC-RATIONALE" in text
    for secret in ("MEMBERS-EVENT", "MEMBERS-RATIONALE", "INTERNAL-EVENT", "INTERNAL-RATIONALE", "CONFIDENTIAL"):
        assert secret not in text


def test_a_pack_on_a_unit_the_reader_may_not_see_is_refused(world, other_officer):
    world.unit.visibility = Visibility.MEMBERS
    world.unit.save()

    with pytest.raises(NotVisible):
        render_briefing_pack(subject=world.unit, sections=ALL, reader=other_officer)


def test_a_pack_cover_says_who_it_was_printed_for_and_when(world, organiser):
    printed_at = datetime.datetime(2026, 3, 4, 18, 30, tzinfo=datetime.UTC)

    cover = flat(
        page_texts(render_briefing_pack(subject=world.unit, sections=ALL, reader=organiser, printed_at=printed_at))[0]
    )

    assert "Printed by organiser on 4 March 2026 at 18:30" in cover
    assert "For publication" in cover
    assert "Bargaining unit: Northview Teachers" in cover


def test_a_pack_is_printed_on_the_paper_asked_for(world, member):
    from tests.helpers import pdf_reader

    content = render_briefing_pack(
        subject=world.unit, sections=[PackSection.SUMMARY], reader=member, paper_size="letter"
    )

    box = pdf_reader(content).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_pack_needs_at_least_one_section(world, member):
    with pytest.raises(ValueError, match="at least one section"):
        render_briefing_pack(subject=world.unit, sections=["nonsense"], reader=member)


def test_a_version_that_repeats_the_one_before_is_not_printed_twice(world, member):
    from bargaining.models import ClauseVersionStatus
    from tests.factories import ClauseVersionFactory

    ClauseVersionFactory(
        clause=world.clause,
        text="The District shall consult and agree with the union.",
        status=ClauseVersionStatus.RATIFIED,
    )

    text = pack_text(world.unit, member, sections=[PackSection.LINEAGES])

    assert "v4 · Ratified · tabled by union" in text
    assert "Same text as v3." in text
