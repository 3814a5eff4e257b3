"""Documents in the union's language: English, Welsh, or both with the Welsh first; chosen on the download form
and by `?lang=` in the API, and read back from the PDF with their fixed text in the language asked for."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext

from bargaining.models import DocumentLanguage
from tests.helpers import flat, page_texts, pdf_text

pytestmark = pytest.mark.django_db

PAGE_NUMBER = "printed page number: Page 3 of 12"


def welsh(message: str, context: str | None = None) -> str:
    with translation.override("cy"):
        translated = pgettext(context, message) if context else gettext(message)
    assert translated != message, f"{message!r} has no Welsh translation"
    return translated


def page_number(number: int, pages: int, language: str) -> str:
    with translation.override(language):
        return f"{pgettext(PAGE_NUMBER, 'Page')} {number} {pgettext(PAGE_NUMBER, 'of')} {pages}"


def paper(client, position, **params):
    response = client.get(f"/print/positions/{position.pk}/paper.pdf", params)
    assert response.status_code == 200, response.content[:300]
    return response.content


def test_an_english_union_prints_in_english_by_default(client_for, officer, world):
    text = flat(pdf_text(paper(client_for(officer), world.public_position)))
    assert "Our position" in text and welsh("Our position") not in text


def test_a_paper_printed_in_welsh_has_its_fixed_text_and_page_numbers_in_welsh(client_for, officer, world):
    content = paper(client_for(officer), world.public_position, lang="cy")
    text = flat(pdf_text(content))
    assert welsh("Our position") in text
    assert welsh("Position paper") in text
    assert "Our position" not in text
    pages = page_texts(content)
    assert all(page_number(n, len(pages), "cy") in page for n, page in enumerate(pages, start=1))
    # The record's own text is the union's: it is printed as written.
    assert "PUBLIC-RATIONALE" in text


def test_a_bilingual_paper_prints_the_welsh_first_then_the_english(client_for, officer, world):
    content = paper(client_for(officer), world.public_position, lang="cy+en")
    pages = page_texts(content)
    text = flat(" ".join(pages))
    assert text.index(welsh("Our position")) < text.index("Our position")
    # Each half is numbered in its own language.
    halves = len(pages) // 2
    assert page_number(1, halves, "cy") in pages[0]
    assert page_number(1, halves, "en") in pages[halves]


def test_a_welsh_union_prints_in_welsh_unless_asked_otherwise(client_for, officer, world):
    world.union.document_language = DocumentLanguage.WELSH
    world.union.save()
    client = client_for(officer)
    assert welsh("Our position") in flat(pdf_text(paper(client, world.public_position)))
    assert "Our position" in flat(pdf_text(paper(client, world.public_position, lang="en")))


def test_the_reader_interface_language_does_not_change_the_document_language(client_for, officer, world):
    client = client_for(officer)
    response = client.get(f"/print/positions/{world.public_position.pk}/paper.pdf", HTTP_ACCEPT_LANGUAGE="cy")
    assert "Our position" in flat(pdf_text(response.content))


def test_a_position_kept_in_welsh_prints_its_welsh_title_and_rationale(client_for, officer, world):
    position = world.public_position
    position.title_cy, position.rationale_cy = "Rydym yn gwrthwynebu GradeGenie", "RHESYMEG-GYMRAEG yr offeryn."
    position.save()
    client = client_for(officer)
    welsh_text = flat(pdf_text(paper(client, position, lang="cy")))
    assert "Rydym yn gwrthwynebu GradeGenie" in welsh_text and "RHESYMEG-GYMRAEG" in welsh_text
    assert "PUBLIC-RATIONALE" not in welsh_text
    english_text = flat(pdf_text(paper(client, position, lang="en")))
    assert "RHESYMEG-GYMRAEG" not in english_text and "PUBLIC-RATIONALE" in english_text


def test_without_a_welsh_version_the_welsh_paper_prints_the_english_and_says_so(client_for, officer, world):
    text = flat(pdf_text(paper(client_for(officer), world.public_position, lang="cy")))
    assert "PUBLIC-RATIONALE" in text
    assert welsh("Shown in English: this record has no Welsh version yet.") in text


def test_the_api_prints_in_the_language_asked_for(api, officer, world):
    response = api(officer).get(f"/api/v1/positions/{world.public_position.pk}/paper.pdf", {"lang": "cy"})
    assert response.status_code == 200
    assert welsh("Our position") in flat(pdf_text(response.content))


def test_an_unknown_language_is_a_400_naming_lang(api, officer, world):
    response = api(officer).get(f"/api/v1/positions/{world.public_position.pk}/paper.pdf", {"lang": "fr"})
    assert response.status_code == 400
    assert "lang" in response.json()


def test_an_unknown_language_on_the_web_is_a_400_that_says_why(client_for, officer, world):
    response = client_for(officer).get(f"/print/positions/{world.public_position.pk}/paper.pdf", {"lang": "fr"})
    assert response.status_code == 400
    assert "cy+en" in response.content.decode()


def test_the_download_form_offers_the_languages_with_the_union_usual_one_chosen(client_for, officer, world):
    world.union.document_language = DocumentLanguage.BILINGUAL
    world.union.save()
    html = client_for(officer).get(f"/positions/{world.public_position.pk}/").content.decode()
    assert 'name="lang"' in html
    assert '<option value="cy+en" selected>' in html


def test_a_bilingual_pack_is_stored_with_its_language_and_prints_both(api, officer, world):
    response = api(officer).post(
        "/api/v1/packs/",
        {"bargaining_unit": world.unit.pk, "sections": ["summary", "positions"], "language": "cy+en"},
        format="json",
    )
    assert response.status_code == 202, response.content
    assert response.json()["language"] == "cy+en"
    text = flat(pdf_text(api(officer).get(response.json()["download_url"]).content))
    assert text.index(welsh("Briefing pack")) < text.index("Briefing pack")


def test_a_pack_in_an_unknown_language_is_refused_by_field(api, officer, world):
    response = api(officer).post("/api/v1/packs/", {"bargaining_unit": world.unit.pk, "language": "fr"}, format="json")
    assert response.status_code == 400
    assert "language" in response.json()


# Letters, reports and selections ----------------------------------------------------------------------------


def test_the_coverage_prints_in_the_language_chosen_and_offers_the_choice(client_for, officer, world):
    client = client_for(officer)
    page = client.get(reverse("coverage"), {"union": world.union.slug}).content.decode()
    assert 'name="lang"' in page and '<option value="cy+en">' in page
    response = client.get(reverse("coverage_pdf"), {"union": world.union.slug, "lang": "cy"})
    assert response.status_code == 200
    pages = page_texts(response.content)
    assert page_number(1, len(pages), "cy") in pages[0]


def test_a_selection_in_an_unknown_language_is_a_400(client_for, officer, world):
    response = client_for(officer).get(reverse("coverage_pdf"), {"union": world.union.slug, "lang": "xx"})
    assert response.status_code == 400


def test_the_members_report_prints_bilingually(client_for, member, world):
    query = {"subject": f"union:{world.union.pk}", "start": "2025-01-01", "end": "2025-12-31", "format": "pdf"}
    response = client_for(member).get(reverse("members_report"), {**query, "language": "cy+en"})
    assert response.status_code == 200
    text = flat(pdf_text(response.content))
    assert text.index(welsh("Members' bargaining report")) < text.index("Members' bargaining report")


def test_an_officer_previews_the_information_request_in_welsh(api, officer, world):
    response = api(officer).get(
        f"/api/v1/consultations/{world.consultation.pk}/information-request.pdf", {"lang": "cy"}
    )
    assert response.status_code == 200, response.content[:300]
    assert welsh("Information request") in flat(pdf_text(response.content))


def test_a_stuck_pack_is_failed_with_the_reason_in_each_requester_language(world, officer, organiser):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import Preferences
    from policies.documents.packs import request_briefing_pack
    from policies.models import BriefingPack, PackStatus

    Preferences.objects.create(user=organiser, language="cy")
    packs = [
        request_briefing_pack(requester=user, subject=world.unit, sections=["summary"]) for user in (officer, organiser)
    ]
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    BriefingPack.objects.update(status=PackStatus.RUNNING, started_at=an_hour_ago)

    call_command("prune_packs", "--older-than", "30d")

    english, welsh_one = (BriefingPack.objects.get(pk=pack.pk) for pack in packs)
    assert english.status == welsh_one.status == PackStatus.FAILED
    assert english.error.startswith("The worker printing this pack stopped")
    assert welsh_one.error.startswith(welsh("The worker printing this pack stopped before it finished (it ran for "
                                            "more than %(minutes)s minutes). Try again.").split("%")[0])  # fmt: skip


def test_each_half_of_a_bilingual_paper_has_its_own_contents_links(client_for, officer, world):
    from tests.helpers import pdf_reader

    destinations = set(pdf_reader(paper(client_for(officer), world.public_position, lang="cy+en")).named_destinations)
    assert "position" in destinations and "part1-position" in destinations


def test_a_refusal_is_said_in_the_reader_language_not_the_document_language(client_for, member, world):
    query = {"subject": f"union:{world.union.pk}", "start": "2025-12-31", "end": "2025-01-01", "format": "pdf"}
    html = client_for(member).get(reverse("members_report"), {**query, "language": "cy"}).content.decode()
    assert 'lang="en"' in html and "before it starts" in html
