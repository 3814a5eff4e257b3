"""Every list as CSV and XLSX, on the web and through the API: read back with a real reader, only what the reader
may see, formulas neutralised, dates as dates, and a number of queries that does not grow with the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import BargainingUnit, Clause
from consultations.models import Consultation
from policies.models import ModelClause, Position, Principle
from tests.factories import (
    UNION_OWNED,
    EdTechToolFactory,
    EmployerFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    VendorFactory,
)
from tests.helpers import read_export

PUBLIC, MEMBERS, INTERNAL = Visibility.PUBLIC, Visibility.MEMBERS, Visibility.INTERNAL


def _shared(factory):
    return lambda union, visibility: factory()


# (web list URL name, API collection, the model whose visible rows are listed (None: shared, everyone's), how to
# make one row, the column that names a row, and what that column says of a record).
LISTS = {
    "tools": ("tool_list", "tools", None, _shared(EdTechToolFactory), "Name", lambda r: r.name),
    "vendors": ("vendor_list", "vendors", None, _shared(VendorFactory), "Name", lambda r: r.name),
    "proposals": ("proposal_list", "proposals", None, _shared(ProcurementProposalFactory), "Title", lambda r: r.title),
    "employers": ("employer_list", "employers", None, _shared(EmployerFactory), "Name", lambda r: r.name),
    "units": ("unit_list", "bargaining-units", BargainingUnit, UNION_OWNED[BargainingUnit], "Name", lambda r: r.name),
    "clauses": ("clause_list", "clauses", Clause, UNION_OWNED[Clause], "Title", lambda r: r.title),
    "consultations": (
        "consultation_list",
        "consultations",
        Consultation,
        UNION_OWNED[Consultation],
        "Proposal",
        lambda r: r.proposal.title,
    ),
    "principles": ("principle_list", "principles", Principle, UNION_OWNED[Principle], "Code", lambda r: r.code),
    "model-clauses": (
        "modelclause_list",
        "model-clauses",
        ModelClause,
        UNION_OWNED[ModelClause],
        "Topic",
        lambda r: r.topic.name,
    ),
    "positions": ("position_list", "positions", Position, UNION_OWNED[Position], "Title", lambda r: r.title),
}


def _urls(name):
    web, collection, *_ = LISTS[name]
    return reverse(web), f"/api/v1/{collection}/"


def _download(client, url, fmt, **params):
    return read_export(client.get(url, {**params, "format": fmt}))


def _column(rows, header):
    index = rows[0].index(header)
    return sorted(str(row[index]) for row in rows[1:])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("persona", ["member", "officer", "other_officer"])
def test_each_list_exports_exactly_the_rows_the_reader_may_see(request, client_for, api, union, name, fmt, persona):
    _web, _collection, model, make, header, value = LISTS[name]
    made = [make(union, visibility) for visibility in (PUBLIC, MEMBERS, INTERNAL)]
    user = request.getfixturevalue(persona)
    if model is None:
        expected = sorted(str(value(record)) for record in made)
    else:
        visible = set(model.objects.visible_to(user).values_list("pk", flat=True))
        expected = sorted(str(value(record)) for record in made if record.pk in visible)
    web, endpoint = _urls(name)

    for rows in (_download(client_for(user), web, fmt), _download(api(user), endpoint, fmt)):
        assert _column(rows, header) == expected
        assert all(len(row) == len(rows[0]) for row in rows)


def test_another_unions_officer_sees_only_what_is_public(client_for, union, other_officer):
    for visibility in (PUBLIC, MEMBERS, INTERNAL):
        UNION_OWNED[Principle](union, visibility)

    rows = _download(client_for(other_officer), reverse("principle_list"), "csv")

    assert rows[1][rows[0].index("Visibility")] == "Public"
    assert len(rows) == 2


def test_the_export_follows_the_lists_filters(client_for, member, union):
    PrincipleFactory(union=union, visibility=PUBLIC, code="kept")
    PrincipleFactory(visibility=PUBLIC, code="filtered-out")

    rows = _download(client_for(member), reverse("principle_list"), "xlsx", union=union.slug)

    assert _column(rows, "Code") == ["kept"]


def test_invalid_filters_go_back_to_the_list_on_the_web_and_answer_400_through_the_api(client_for, api, member):
    response = client_for(member).get(reverse("tool_list"), {"format": "csv", "vendor": "999999"}, follow=True)
    assert response.redirect_chain
    assert "export needs valid filters" in response.text

    response = api(member).get("/api/v1/tools/", {"format": "csv", "vendor": "999999"})
    assert response.status_code == 400
    assert "vendor" in response.json()


def test_an_anonymous_visitor_gets_only_public_policy_and_no_shared_registry(client_for, anonymous, union):
    for visibility in (PUBLIC, MEMBERS, INTERNAL):
        UNION_OWNED[Principle](union, visibility)
    client = client_for(anonymous)

    assert len(_download(client, reverse("principle_list"), "csv")) == 2
    assert client.get(reverse("tool_list"), {"format": "csv"}).status_code == 302  # to sign in


# Per-field rules


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_walk_away_wording_and_guidance_are_exported_for_the_leadership_only(
    client_for, api, member, organiser, officer, other_officer, model_clause, fmt
):
    def cells(client, url):
        rows = _download(client, url, fmt)
        row = dict(zip(rows[0], rows[1], strict=True))
        return row["Walk-away wording"] or "", row["Guidance"] or ""

    web, endpoint = _urls("model-clauses")
    for user in (member, other_officer):
        assert cells(client_for(user), web) == ("", "")
        assert cells(api(user), endpoint) == ("", "")
    for user in (organiser, officer):
        assert cells(client_for(user), web)[0].startswith("WALK-AWAY")
        assert cells(api(user), endpoint)[1].startswith("GUIDANCE")


def test_a_consultation_names_only_the_resulting_clauses_the_reader_may_see(
    client_for, member, consultation, members_clause, internal_clause
):
    consultation.resulting_clauses.set([members_clause, internal_clause])

    rows = _download(client_for(member), reverse("consultation_list"), "csv")

    assert (
        rows[1][rows[0].index("Resulting clauses")]
        == f"{members_clause.agreement} art. {members_clause.article_number}"
    )


# Cells


def test_formulas_are_neutralised_in_both_formats(client_for, officer):
    EdTechToolFactory(name='=HYPERLINK("http://evil.example","click")', description="@SUM(A1:A9)")

    for fmt in ("csv", "xlsx"):
        rows = _download(client_for(officer), reverse("tool_list"), fmt)
        row = dict(zip(rows[0], rows[1], strict=True))
        assert row["Name"].startswith("'=HYPERLINK")
        assert row["Description"].startswith("'@SUM")


def test_dates_are_dates_and_several_values_are_joined(client_for, officer, union):
    ProcurementProposalFactory(
        announced_on=datetime.date(2025, 3, 4), affected_job_groups=["teachers", "support_staff"]
    )
    client = client_for(officer)

    csv_row = dict(zip(*_download(client, reverse("proposal_list"), "csv"), strict=True))
    xlsx_row = dict(zip(*_download(client, reverse("proposal_list"), "xlsx"), strict=True))

    assert csv_row["Announced on"] == "2025-03-04"
    assert xlsx_row["Announced on"] == datetime.datetime(2025, 3, 4)
    assert csv_row["Affected job groups"] == "Teachers | Support staff"
    assert xlsx_row["Cost"] == 12000


def test_principles_cited_are_joined_and_only_the_visible_ones_named(client_for, member, union, tool):
    cited = [PrincipleFactory(union=union, code="one"), PrincipleFactory(union=union, code="two")]
    hidden = PrincipleFactory(union=union, code="hidden", visibility=INTERNAL)
    position = UNION_OWNED[Position](union, PUBLIC)
    position.principles.set([*cited, hidden])

    rows = _download(client_for(member), reverse("position_list"), "csv")

    assert rows[1][rows[0].index("Principles cited")] == "one | two"


def test_downloads_are_attachments_that_are_not_cached_by_shared_caches(client_for, officer):
    response = client_for(officer).get(reverse("tool_list"), {"format": "xlsx"})

    assert response["Content-Disposition"].startswith('attachment; filename="caucus-tools.xlsx"')
    assert "private" in response["Cache-Control"]


# Queries


def _queries(client, url, fmt):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, {"format": fmt})
        b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("name", LISTS)
def test_the_number_of_queries_does_not_grow_with_the_rows(client_for, api, officer, union, name):
    _web, _collection, _model, make, *_ = LISTS[name]
    web, endpoint = _urls(name)
    make(union, PUBLIC)
    few = {
        (fmt, kind): _queries(client, url, fmt)
        for fmt in ("csv", "xlsx")
        for kind, client, url in (("web", client_for(officer), web), ("api", api(officer), endpoint))
    }
    for _ in range(5):
        make(union, MEMBERS)
    many = {
        (fmt, kind): _queries(client, url, fmt)
        for fmt in ("csv", "xlsx")
        for kind, client, url in (("web", client_for(officer), web), ("api", api(officer), endpoint))
    }
    assert many == few
