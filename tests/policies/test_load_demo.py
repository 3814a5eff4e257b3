"""The demo data set: what a new user sees first, and that loading it is safe to repeat."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from bargaining.access import Role, Visibility
from bargaining.models import (
    Agreement,
    BargainingUnit,
    BudgetSupport,
    Clause,
    ClauseVersionStatus,
    Employer,
    JobGroup,
    Membership,
    SupportLevel,
    Topic,
    TrainingBudget,
    Union,
    current_school_year,
    shift_school_year,
)
from consultations.models import Consultation, EdTechTool, ProcurementProposal, ProposalStatus, ToolCategory
from policies.demo import load
from policies.models import ModelClause, Position, PositionStatus, Stance
from policies.services import edit_position, publish_position

User = get_user_model()

TOPIC_CODES = {
    "definitions",
    "notice-and-bargaining",
    "job-security",
    "training",
    "workload",
    "human-oversight",
    "evaluation-and-surveillance",
    "data-privacy",
    "authorship-and-ip",
    "joint-committee",
    "equity-and-access",
}

# A deliberately slow hasher protects real passwords; here it would only cost seconds per demo user.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo():
    call_command("load_demo", force=True, stdout=StringIO())


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """Load the demo once for the module: each test runs in a savepoint inside this transaction,
    which is rolled back after the last test so other modules start from an empty database."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        load_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def row_counts() -> dict[str, int]:
    """Rows per model in the three domain apps (history tables included) and users."""
    models = [
        model
        for label in ("bargaining", "consultations", "policies", "deadlines")
        for model in apps.get_app_config(label).get_models()
        if model._meta.managed  # not the clauses' full-text index, which only SQLite has
    ]
    models.append(apps.get_model("auth", "User"))
    return {model._meta.label: model.objects.count() for model in models}


def test_demo_has_the_three_districts_with_their_ai_training_budgets_this_school_year():
    this_year = current_school_year()
    budgets = {
        budget.employer.slug: (budget.current, budget.proposed)
        for budget in TrainingBudget.objects.filter(school_year=this_year).select_related("employer")
    }
    assert budgets == {"northview": (10000, 25000), "lakeside": (5000, 15000), "greenfield": (0, 20000)}
    assert Employer.objects.get(slug="northview").name == "Northview Unified School District"


def test_demo_budgets_have_a_previous_school_year_so_the_pages_show_how_they_moved():
    last_year = shift_school_year(current_school_year(), -1)

    assert set(TrainingBudget.objects.filter(school_year=last_year).values_list("employer__slug", flat=True)) == {
        "northview",
        "lakeside",
        "greenfield",
    }


def test_the_first_union_supports_the_increases_high_moderate_high():
    supports = BudgetSupport.objects.filter(union__slug="nlea", budget__school_year=current_school_year())

    assert {support.budget.employer.slug: support.level for support in supports} == {
        "northview": SupportLevel.HIGH,
        "lakeside": SupportLevel.MODERATE,
        "greenfield": SupportLevel.HIGH,
    }


def test_demo_budgets_and_support_were_recorded_by_the_unions_officers():
    budget = TrainingBudget.objects.get(employer__slug="northview", school_year=current_school_year())
    support = BudgetSupport.objects.get(union__slug="gfss")

    assert budget.history.earliest().history_user.username == "officer"
    assert support.history.earliest().history_user.username == "other-officer"


def test_reloading_the_demo_keeps_an_officers_correction_of_a_budget():
    budget = TrainingBudget.objects.get(employer__slug="lakeside", school_year=current_school_year())
    budget.proposed = 18000
    budget.save()

    load_demo()

    budget.refresh_from_db()
    assert budget.proposed == 18000


def test_demo_has_two_unions_with_their_own_colours():
    unions = Union.objects.all()
    assert unions.count() == 2
    assert len({union.colour for union in unions}) == 2
    assert Union.objects.filter(short_name="NLEA", name="Northview & Lakeside Education Association").exists()


def test_demo_has_teacher_support_staff_and_school_leader_units_at_several_employers():
    units = BargainingUnit.objects.all()
    assert units.count() >= 6
    assert {JobGroup.TEACHERS, JobGroup.SUPPORT_STAFF, JobGroup.SCHOOL_LEADERS} <= {unit.job_group for unit in units}
    assert len({unit.employer_id for unit in units}) >= 3


def test_demo_tools_cover_every_category():
    tools = EdTechTool.objects.all()
    assert tools.count() >= 12
    assert {tool.category for tool in tools} == set(ToolCategory.values)
    assert all(tool.ai_features and tool.personal_data for tool in tools)
    assert len({tool.privacy_agreement_status for tool in tools}) >= 4
    assert len({tool.risk_rating for tool in tools}) >= 3


def test_demo_proposals_cover_every_status():
    assert ProcurementProposal.objects.count() >= 15
    assert set(ProcurementProposal.objects.values_list("status", flat=True)) == set(ProposalStatus.values)


def test_every_consultation_has_a_consistent_timeline_of_at_least_five_events():
    consultations = Consultation.objects.prefetch_related("events")
    assert consultations.count() >= 10
    for consultation in consultations:
        events = list(consultation.events.all())
        assert len(events) >= 5, consultation
        assert all(event.occurred_on >= consultation.opened_on for event in events), consultation
        # One deadline is left for Caucus to count from the notice (the union's statutory window).
        assert consultation.response_deadline is None or consultation.response_deadline >= consultation.opened_on
    assert Consultation.objects.filter(response_deadline__isnull=True).count() == 1
    assert Consultation.objects.filter(events__visibility=Visibility.INTERNAL).distinct().count() >= 3


def test_some_response_deadlines_fall_in_the_next_30_days():
    today = datetime.date.today()

    upcoming = Consultation.objects.open().filter(
        response_deadline__gte=today, response_deadline__lte=today + datetime.timedelta(days=30)
    )
    assert upcoming.count() >= 3


def test_some_agreements_expire_in_the_coming_months():
    today = datetime.date.today()

    expiring = Agreement.objects.filter(term_end__gt=today, term_end__lte=today + datetime.timedelta(days=180))
    assert expiring.count() >= 2


def test_positions_cover_every_stance_and_every_visibility():
    positions = Position.objects.all()
    assert {position.stance for position in positions} == set(Stance.values)
    assert {position.visibility for position in positions} == set(Visibility.values)
    assert positions.filter(proposal__isnull=False).exists()
    assert positions.filter(tool__isnull=False).exists()
    for position in positions.filter(status=PositionStatus.ADOPTED):
        assert position.adopted_on and position.adopted_by, position
    assert not positions.filter(status=PositionStatus.DRAFT).exclude(visibility=Visibility.INTERNAL).exists()
    assert not positions.filter(principles__isnull=True).exists()


def test_clauses_and_model_clauses_cover_every_topic():
    assert set(Topic.objects.values_list("code", flat=True)) == TOPIC_CODES
    assert set(Clause.objects.values_list("topic__code", flat=True)) == TOPIC_CODES
    for union in Union.objects.all():
        assert set(ModelClause.objects.filter(union=union).values_list("topic__code", flat=True)) == TOPIC_CODES
    assert not ModelClause.objects.filter(fallback_text="").exists()
    assert not ModelClause.objects.filter(walk_away_text="").exists()


def test_several_clauses_go_from_union_proposal_to_ratified_text():
    full_lineage = [
        ClauseVersionStatus.PROPOSED,
        ClauseVersionStatus.COUNTERED,
        ClauseVersionStatus.TENTATIVELY_AGREED,
        ClauseVersionStatus.RATIFIED,
    ]
    lineages = [list(clause.versions.values_list("status", flat=True)) for clause in Clause.objects.all()]
    assert sum(len(lineage) >= 3 for lineage in lineages) >= 5
    assert lineages.count(full_lineage) >= 5
    assert Clause.objects.exclude(model_rating="unrated").exists()


def test_clause_versions_are_tabled_in_sessions_of_their_own_bargaining_unit():
    for clause in Clause.objects.select_related("agreement"):
        for version in clause.versions.filter(session__isnull=False).select_related("session"):
            assert version.session.bargaining_unit_id == clause.agreement.bargaining_unit_id


def test_a_tool_reaches_its_clauses_through_proposals_and_consultations():
    brightpath = EdTechTool.objects.get(name="BrightPath Tutor")
    clauses = Clause.objects.filter(consultations__proposal__tool=brightpath).distinct()
    assert clauses.count() >= 1


def test_every_demo_record_passes_model_validation():
    for label in ("bargaining", "consultations", "policies"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical") or not model._meta.managed:
                continue
            for obj in model.objects.all():
                obj.full_clean(exclude=["number"])


def test_demo_users_log_in_with_password_demo_and_have_their_roles():
    expected = {"officer": Role.OFFICER, "organiser": Role.ORGANISER, "member": Role.MEMBER}
    for username, role in expected.items():
        user = authenticate(username=username, password="demo")
        assert user is not None, username
        assert user.first_name and user.last_name
        assert Membership.objects.get(user=user).union.short_name == "NLEA"
        assert Membership.objects.get(user=user).role == role
    other_officer = authenticate(username="other-officer", password="demo")
    assert Membership.objects.get(user=other_officer).union.short_name == "GFSS"
    assert Membership.objects.get(user=other_officer).role == Role.OFFICER
    admin = authenticate(username="admin", password="demo")
    assert admin.is_staff and admin.is_superuser


def test_running_twice_creates_nothing_new():
    first = row_counts()

    load_demo()

    assert row_counts() == first


def test_a_second_run_leaves_a_position_an_officer_withdrew_as_they_left_it():
    officer = User.objects.get(username="officer")
    position = Position.objects.filter(visibility=Visibility.PUBLIC, union__slug="nlea").first()
    publish_position(position=position, visibility=Visibility.INTERNAL, user=officer)
    edit_position(position=position, user=officer, changes={"rationale": "Rewritten by the officer."}, principles=[])

    load_demo()

    position.refresh_from_db()
    assert position.visibility == Visibility.INTERNAL
    assert position.rationale == "Rewritten by the officer."
    assert list(position.principles.all()) == []


def test_a_second_run_keeps_an_administrators_change_to_a_demo_user():
    member = User.objects.get(username="member")
    member.is_active = False
    member.set_password("a-new-long-passphrase")
    member.save()

    load_demo()

    member.refresh_from_db()
    assert member.is_active is False
    assert member.check_password("a-new-long-passphrase")


def test_a_later_run_moves_the_dates_of_records_nobody_edited_but_not_of_edited_ones():
    officer = User.objects.get(username="officer")
    untouched, edited = Consultation.objects.filter(union__slug="nlea").order_by("pk")[:2]
    edited.outcome = "Recorded by the officer."
    edited._history_user = officer
    edited.save()

    load(today=datetime.date.today() + datetime.timedelta(days=30))

    assert Consultation.objects.get(pk=untouched.pk).opened_on == untouched.opened_on + datetime.timedelta(days=30)
    assert Consultation.objects.get(pk=edited.pk).opened_on == edited.opened_on


def test_output_names_the_demo_logins():
    out = StringIO()

    call_command("load_demo", force=True, stdout=out)

    assert "other-officer" in out.getvalue()
    assert "password 'demo'" in out.getvalue()


def test_refuses_to_run_with_debug_off_unless_forced(settings):
    settings.DEBUG = False

    before = row_counts()

    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=StringIO())

    assert row_counts() == before


@pytest.mark.parametrize(
    "model", [Agreement, Clause, Consultation, ModelClause, Position, BargainingUnit], ids=lambda m: m.__name__
)
def test_each_union_s_demo_records_were_created_by_that_union_s_officer(model):
    officers = {"nlea": "officer", "gfss": "other-officer"}
    path = model.objects.all().union_path
    for record in model.objects.all():
        union = record
        for name in path.split("__"):
            union = getattr(union, name)
        created = record.history.filter(history_type="+").select_related("history_user").get()
        assert created.history_user is not None, record
        assert created.history_user.username == officers[union.slug], record


@pytest.mark.parametrize("model", [EdTechTool, ProcurementProposal, Employer], ids=lambda m: m.__name__)
def test_shared_demo_records_were_created_by_an_officer_not_by_nobody(model):
    for record in model.objects.all():
        created = record.history.filter(history_type="+").select_related("history_user").get()
        assert created.history_user is not None and created.history_user.username == "officer", record


def test_demo_clause_versions_name_who_tabled_them_in_their_history():
    from bargaining.models import ClauseVersion

    versions = ClauseVersion.history.filter(history_type="+")
    assert versions.exists()
    assert not versions.filter(history_user__isnull=True).exists()


def test_an_adopted_demo_position_says_who_adopted_it():
    adopted = Position.objects.filter(status=PositionStatus.ADOPTED)
    assert adopted.exists()
    assert not adopted.filter(adopted_by__isnull=True).exists()
