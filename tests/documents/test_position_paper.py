"""The position paper: its content, its page furniture, and what each reader may find in it."""

import re

import pytest

from bargaining.access import Visibility
from bargaining.models import PaperSize
from policies.documents.common import NotVisible
from policies.documents.position_paper import render_position_paper
from tests.factories import ModelClauseFactory, TopicFactory
from tests.helpers import flat, page_texts, pdf_reader, pdf_text

pytestmark = pytest.mark.django_db


def test_the_paper_has_the_position_its_conditions_principles_tool_and_timeline(world, officer):
    text = flat(pdf_text(render_position_paper(position=world.public_position, reader=officer)))

    assert "Public position on BrightPath" in text
    assert "Support with conditions" in text
    assert "PUBLIC-RATIONALE the tool supplements teaching." in text
    assert "PUBLIC-CONDITION paid training" in text
    assert "Tools must reduce workload" in text
    assert "BrightPath Tutor" in text and "Adaptive practice." in text
    assert "Adopt BrightPath Tutor" in text and "Northview Unified" in text
    assert "PUBLIC-EVENT meeting with the district" in text


def test_the_paper_has_the_model_clause_and_the_clauses_won_elsewhere(world, member):
    text = flat(pdf_text(render_position_paper(position=world.public_position, reader=member)))

    assert "PREFERRED-WORDING no extra hours." in text
    assert "WON-ELSEWHERE no added duties." in text
    # Clauses of the proposal's own employer are not "elsewhere".
    assert "The District shall consult and agree with the union." not in text


def test_the_cover_names_the_union_the_version_the_visibility_and_the_reader(world, officer):
    officer.first_name, officer.last_name = "Dana", "Whitfield"
    officer.save()

    cover = flat(page_texts(render_position_paper(position=world.public_position, reader=officer))[0])

    assert world.union.name in cover
    assert "Version 1" in cover
    assert "Visibility Public" in cover
    assert "Adopted 1 February 2025" in cover
    assert "Printed by Dana Whitfield (officer) on" in cover
    assert "For publication" in cover


def test_every_page_is_numbered_page_n_of_m(world, officer):
    pages = page_texts(render_position_paper(position=world.public_position, reader=officer))

    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_every_page_has_the_running_header(world, member):
    pages = page_texts(render_position_paper(position=world.public_position, reader=member))

    assert all("Position paper: Public position on BrightPath" in page for page in pages)


def test_the_contents_list_each_section_with_its_page(world, member):
    pages = page_texts(render_position_paper(position=world.public_position, reader=member))
    contents = next(page for page in pages if "Contents" in page)

    for title in ("Our position", "Consultation timeline", "Our model clauses", "Clauses already won elsewhere"):
        match = re.search(rf"{title}\W*(\d+)", contents)
        assert match, title
        assert title in pages[int(match.group(1)) - 1]


def test_an_officers_leadership_paper_with_internal_material_is_confidential_on_every_page(world, officer):
    content = render_position_paper(position=world.public_position, reader=officer, audience="leadership")
    pages = page_texts(content)

    assert "INTERNAL-EVENT" in pdf_text(content)
    assert all("CONFIDENTIAL" in page for page in pages)


def test_an_internal_position_is_confidential_on_every_page(world, organiser):
    pages = page_texts(render_position_paper(position=world.internal_position, reader=organiser))

    assert all("CONFIDENTIAL" in page for page in pages)
    assert "Draft, not adopted" in flat(pages[0])


def test_a_member_never_gets_internal_material_in_a_paper(world, member):
    text = pdf_text(render_position_paper(position=world.public_position, reader=member, audience="members"))

    assert "MEMBERS-EVENT" in text
    for secret in ("INTERNAL-EVENT", "WALKAWAY-WORDING", "GUIDANCE-NOTE", "INTERNAL-CLAUSE", "CONFIDENTIAL"):
        assert secret not in text


def test_an_officer_gets_the_walk_away_wording_and_guidance_in_the_leaderships_paper(world, officer):
    text = pdf_text(render_position_paper(position=world.public_position, reader=officer, audience="leadership"))

    assert "WALKAWAY-WORDING" in text
    assert "GUIDANCE-NOTE" in text


def test_an_officer_of_another_union_gets_only_public_material(world, other_officer):
    text = pdf_text(render_position_paper(position=world.public_position, reader=other_officer))

    assert "PUBLIC-EVENT" in text
    for secret in ("MEMBERS-EVENT", "INTERNAL-EVENT", "WALKAWAY-WORDING", "CONFIDENTIAL"):
        assert secret not in text


def test_the_public_get_the_public_paper_without_reference_records(world, anonymous):
    text = flat(pdf_text(render_position_paper(position=world.public_position, reader=anonymous)))

    assert "PUBLIC-RATIONALE" in text
    assert "PUBLIC-EVENT" in text
    assert "MEMBERS-EVENT" not in text
    # The tool's profile is a reference record, for signed-in users only.
    assert "Adaptive practice." not in text
    assert "shown to signed-in members only" in text
    assert "Printed by a visitor who was not signed in" in text
    assert "For publication" in text


@pytest.mark.parametrize(
    ("reader", "position"),
    [
        ("member", "internal_position"),
        ("other_officer", "members_position"),
        ("other_officer", "internal_position"),
        ("anonymous", "members_position"),
        ("anonymous", "internal_position"),
    ],
)
def test_a_paper_the_reader_may_not_see_is_refused(world, request, reader, position):
    with pytest.raises(NotVisible):
        render_position_paper(position=getattr(world, position), reader=request.getfixturevalue(reader))


def test_the_paper_follows_the_unions_paper_size(world, member):
    a4 = pdf_reader(render_position_paper(position=world.public_position, reader=member)).pages[0]
    world.union.paper_size = PaperSize.LETTER
    world.union.save()
    letter = pdf_reader(render_position_paper(position=world.public_position, reader=member)).pages[0]

    assert (round(float(a4.mediabox.width)), round(float(a4.mediabox.height))) == (595, 842)
    assert (round(float(letter.mediabox.width)), round(float(letter.mediabox.height))) == (612, 792)


def test_letter_and_a4_papers_carry_the_same_content(world, member):
    a4 = flat(pdf_text(render_position_paper(position=world.public_position, reader=member, audience="members")))
    world.union.paper_size = PaperSize.LETTER
    world.union.save()
    letter = flat(pdf_text(render_position_paper(position=world.public_position, reader=member, audience="members")))

    for phrase in ("PUBLIC-RATIONALE", "PUBLIC-CONDITION paid training", "MEMBERS-EVENT", "WON-ELSEWHERE"):
        assert phrase in a4 and phrase in letter


def test_an_internal_model_clause_does_not_add_its_topic_to_a_paper_for_anonymous(world, anonymous):
    secret_topic = TopicFactory(code="authorship-and-ip", name="SECRET-TOPIC authorship")
    internal = ModelClauseFactory(union=world.union, topic=secret_topic, visibility=Visibility.INTERNAL)
    internal.principles.set(world.public_position.principles.all())

    text = flat(pdf_text(render_position_paper(position=world.public_position, reader=anonymous)))

    assert "SECRET-TOPIC" not in text
