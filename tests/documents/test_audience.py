"""Every document is printed for an audience: who may print for which, and what each audience's copy holds."""

import pytest
from django.urls import reverse

from bargaining.access import Role, Visibility
from policies.documents.audience import AudienceRefused, audiences_for
from policies.documents.briefing_pack import render_briefing_pack
from policies.documents.position_paper import render_position_paper
from policies.models import PackSection
from tests.factories import MembershipFactory, PositionFactory
from tests.helpers import flat, page_texts, pdf_text

pytestmark = pytest.mark.django_db

PUBLIC, MEMBERS, LEADERSHIP = "public", "members", "leadership"
LEADERSHIP_ONLY = ("INTERNAL-EVENT", "WALKAWAY-WORDING", "GUIDANCE-NOTE", "INTERNAL-RATIONALE", "INTERNAL-CLAUSE")


# Who may print for which audience: the matrix, "no" rows included.

PUBLIC_POSITION_MATRIX = [
    ("anonymous", [PUBLIC]),
    ("member", [PUBLIC, MEMBERS]),
    ("organiser", [PUBLIC, MEMBERS, LEADERSHIP]),
    ("officer", [PUBLIC, MEMBERS, LEADERSHIP]),
    ("other_officer", [PUBLIC]),
    ("staff", [PUBLIC, MEMBERS, LEADERSHIP]),
]


@pytest.mark.parametrize(("persona", "allowed"), PUBLIC_POSITION_MATRIX)
def test_who_may_print_a_public_paper_for_which_audience(world, request, persona, allowed):
    printer = request.getfixturevalue(persona)

    assert audiences_for(printer, union_id=world.union.pk, subject_visibility=Visibility.PUBLIC) == allowed


@pytest.mark.parametrize(
    ("visibility", "allowed"),
    [(Visibility.PUBLIC, [PUBLIC, MEMBERS, LEADERSHIP]), (Visibility.MEMBERS, [MEMBERS, LEADERSHIP]),
     (Visibility.INTERNAL, [LEADERSHIP])],
)  # fmt: skip
def test_a_subject_is_never_printed_for_an_audience_wider_than_it(world, officer, visibility, allowed):
    assert audiences_for(officer, union_id=world.union.pk, subject_visibility=visibility) == allowed


@pytest.mark.parametrize(
    ("persona", "audience"),
    [("anonymous", MEMBERS), ("anonymous", LEADERSHIP), ("member", LEADERSHIP), ("other_officer", MEMBERS),
     ("other_officer", LEADERSHIP)],
)  # fmt: skip
def test_an_audience_the_printer_may_not_print_for_is_refused(world, request, persona, audience):
    with pytest.raises(AudienceRefused):
        render_position_paper(
            position=world.public_position, reader=request.getfixturevalue(persona), audience=audience
        )


def test_a_members_paper_is_never_printed_for_the_public(world, officer):
    with pytest.raises(AudienceRefused):
        render_position_paper(position=world.members_position, reader=officer, audience=PUBLIC)


@pytest.mark.parametrize(
    ("position", "default"),
    [("public_position", "For publication"), ("members_position", "Prepared for members of NEA"),
     ("internal_position", "Prepared for the leadership of NEA")],
)  # fmt: skip
def test_by_default_a_paper_is_printed_for_the_widest_audience_its_position_allows(world, officer, position, default):
    cover = flat(page_texts(render_position_paper(position=getattr(world, position), reader=officer))[0])

    assert default in cover


# What each audience's copy holds.


def paper(world, printer, audience, position="public_position"):
    content = render_position_paper(position=getattr(world, position), reader=printer, audience=audience)
    return flat(pdf_text(content)), page_texts(content)


def test_the_public_paper_printed_by_an_officer_holds_only_public_material(world, officer):
    text, pages = paper(world, officer, PUBLIC)

    assert "PUBLIC-EVENT" in text and "PUBLIC-RATIONALE" in text and "PREFERRED-WORDING" in text
    for secret in ("MEMBERS-EVENT", *LEADERSHIP_ONLY, "CONFIDENTIAL"):
        assert secret not in text
    assert "For publication" in flat(pages[0])


def test_the_members_paper_printed_by_an_officer_holds_members_material_but_nothing_internal(world, officer):
    text, pages = paper(world, officer, MEMBERS)

    assert "PUBLIC-EVENT" in text and "MEMBERS-EVENT" in text
    for secret in (*LEADERSHIP_ONLY, "CONFIDENTIAL"):
        assert secret not in text
    assert "Prepared for members of NEA" in flat(pages[0])


def test_the_leaderships_paper_holds_the_playbook_and_internal_events_and_is_confidential_on_every_page(
    world, organiser
):
    text, pages = paper(world, organiser, LEADERSHIP)

    for internal in ("INTERNAL-EVENT", "WALKAWAY-WORDING", "GUIDANCE-NOTE", "MEMBERS-EVENT"):
        assert internal in text
    assert all("CONFIDENTIAL" in page for page in pages)
    assert "Prepared for the leadership of NEA" in flat(pages[0])


def test_a_leaderships_paper_without_internal_material_is_not_confidential(world, officer):
    world.consultation.events.filter(visibility=Visibility.INTERNAL).delete()
    world.model_clause.walk_away_text = world.model_clause.guidance = ""
    world.model_clause.save()

    text, pages = paper(world, officer, LEADERSHIP)

    assert "MEMBERS-EVENT" in text
    assert "CONFIDENTIAL" not in text
    assert "Prepared for the leadership of NEA" in flat(pages[0])


def test_staff_printing_for_members_get_the_members_copy(world, staff):
    text, _pages = paper(world, staff, MEMBERS)

    assert "MEMBERS-EVENT" in text
    for secret in (*LEADERSHIP_ONLY, "CONFIDENTIAL"):
        assert secret not in text


def test_a_members_paper_leaves_out_what_only_members_of_another_union_may_see(world, member, other_union):
    MembershipFactory(user=member, union=other_union, role=Role.OFFICER)
    PositionFactory(
        union=other_union, proposal=world.proposal, tool=world.tool, title="OTHER-UNION", visibility=Visibility.MEMBERS
    )
    from tests.factories import ConsultationEventFactory, ConsultationFactory

    theirs = ConsultationFactory(union=other_union, proposal=world.proposal, visibility=Visibility.PUBLIC)
    ConsultationEventFactory(consultation=theirs, summary="OTHER-UNION-INTERNAL", visibility=Visibility.INTERNAL)

    text, _pages = paper(world, member, MEMBERS)

    assert "OTHER-UNION" not in text


# Briefing packs


def pack(world, printer, audience, subject=None, sections=tuple(PackSection.values)):
    content = render_briefing_pack(
        subject=subject or world.unit, sections=list(sections), reader=printer, audience=audience, union=world.union
    )
    return flat(pdf_text(content)), page_texts(content)


def test_the_public_pack_printed_by_an_officer_holds_only_public_material(world, officer):
    text, pages = pack(world, officer, PUBLIC)

    assert "PUBLIC-RATIONALE" in text and "PUBLIC-EVENT" in text
    for secret in ("MEMBERS-EVENT", "MEMBERS-RATIONALE", *LEADERSHIP_ONLY, "CONFIDENTIAL"):
        assert secret not in text
    assert "For publication" in flat(pages[0])


def test_the_members_pack_holds_members_material_but_nothing_internal(world, organiser):
    text, pages = pack(world, organiser, MEMBERS)

    assert "MEMBERS-RATIONALE" in text and "MEMBERS-EVENT" in text
    for secret in (*LEADERSHIP_ONLY, "CONFIDENTIAL"):
        assert secret not in text
    assert "Prepared for members of NEA" in flat(pages[0])


def test_the_leaderships_pack_holds_internal_clauses_and_events_and_is_confidential_on_every_page(world, officer):
    text, pages = pack(world, officer, LEADERSHIP)

    for internal in ("INTERNAL-EVENT", "INTERNAL-RATIONALE", "INTERNAL-CLAUSE"):
        assert internal in text
    assert all("CONFIDENTIAL" in page for page in pages)
    assert "Prepared for the leadership of NEA" in flat(pages[0])


def test_a_leaderships_pack_holds_no_internal_material_of_another_union_the_printer_also_leads(
    world, officer, other_union
):
    MembershipFactory(user=officer, union=other_union, role=Role.ORGANISER)
    PositionFactory(
        union=other_union, proposal=world.proposal, tool=world.tool, title="LSSU-SECRET", visibility=Visibility.INTERNAL
    )

    text, _pages = pack(world, officer, LEADERSHIP, subject=world.employer)

    assert "INTERNAL-RATIONALE" in text
    assert "LSSU-SECRET" not in text


@pytest.mark.parametrize(("persona", "audience"), [("member", LEADERSHIP), ("other_officer", MEMBERS)])
def test_a_pack_for_an_audience_the_printer_may_not_print_for_is_refused(world, request, persona, audience):
    with pytest.raises(AudienceRefused):
        pack(world, request.getfixturevalue(persona), audience, subject=world.employer)


# The web page and the API


def test_the_position_page_offers_the_audiences_the_reader_may_print_for(world, member, client_for):
    page = client_for(member).get(reverse("position_detail", args=[world.public_position.pk])).content.decode()

    assert 'name="audience"' in page
    assert 'value="public"' in page and 'value="members"' in page
    assert 'value="leadership"' not in page


def test_a_member_asking_the_web_for_the_leaderships_paper_gets_400(world, member, client_for):
    response = client_for(member).get(
        reverse("position_paper", args=[world.public_position.pk]), {"audience": LEADERSHIP}
    )

    assert response.status_code == 400
    assert "leadership" in response.content.decode()


def test_an_officer_gets_the_leaderships_paper_from_the_web(world, officer, client_for):
    response = client_for(officer).get(
        reverse("position_paper", args=[world.public_position.pk]), {"audience": LEADERSHIP}
    )

    assert response.status_code == 200
    assert "WALKAWAY-WORDING" in pdf_text(response.content)


@pytest.mark.parametrize(
    ("persona", "audience", "status"),
    [("anonymous", PUBLIC, 200), ("anonymous", MEMBERS, 400), ("member", MEMBERS, 200), ("member", LEADERSHIP, 400),
     ("other_officer", MEMBERS, 400), ("officer", LEADERSHIP, 200), ("officer", "everyone", 400)],
)  # fmt: skip
def test_the_api_paper_takes_an_audience_and_refuses_one_the_caller_may_not_print_for(
    world, request, api, persona, audience, status
):
    response = api(request.getfixturevalue(persona)).get(
        f"/api/v1/positions/{world.public_position.pk}/paper.pdf", {"audience": audience}
    )

    assert response.status_code == status
    if status == 400:
        assert "audience" in response.json()


def test_the_api_pack_request_takes_an_audience(world, officer, api):
    response = api(officer).post(
        "/api/v1/packs/?audience=members", {"bargaining_unit": world.unit.pk, "sections": ["summary"]}, format="json"
    )

    assert response.status_code == 202
    assert response.json()["audience"] == MEMBERS


def test_the_api_refuses_a_public_pack_on_a_members_only_unit(world, officer, api):
    world.unit.visibility = Visibility.MEMBERS
    world.unit.save()

    response = api(officer).post(
        "/api/v1/packs/", {"bargaining_unit": world.unit.pk, "audience": PUBLIC, "sections": ["summary"]}, format="json"
    )

    assert response.status_code == 400
    assert "audience" in response.json()
