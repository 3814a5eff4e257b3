"""Unions, demo users and their roles, employers and bargaining units."""

from django.contrib.auth import get_user_model

from bargaining.access import Role, Visibility
from bargaining.models import BargainingUnit, DocumentLanguage, Employer, EmployerKind, JobGroup, Membership, Union
from policies.demo.records import Demo, upsert

DEMO_PASSWORD = "demo"  # noqa: S105 - published on purpose: these accounts exist only in demo databases

UNIONS = [
    {"slug": "nlea", "name": "Northview & Lakeside Education Association", "short_name": "NLEA", "colour": "#8a1c2b"},
    # The second union works in English and Welsh: its papers print in both, Welsh first (policies/demo/welsh.py).
    {
        "slug": "gfss",
        "name": "Greenfield Federation of School Staff",
        "short_name": "GFSS",
        "colour": "#1f5f8b",
        "document_language": DocumentLanguage.BILINGUAL,
    },
]

# username, first name, last name, union slug, role (None for the site administrator)
USERS = [
    ("officer", "Dana", "Whitfield", "nlea", Role.OFFICER),
    ("organiser", "Marcus", "Oyelaran", "nlea", Role.ORGANISER),
    ("member", "Priya", "Castellanos", "nlea", Role.MEMBER),
    ("other-officer", "Tomás", "Reilly", "gfss", Role.OFFICER),
    ("admin", "Alex", "Morgan", None, None),
]

EMPLOYERS = [
    {
        "slug": "northview",
        "name": "Northview Unified School District",
        "region": "North Valley",
    },
    {
        "slug": "lakeside",
        "name": "Lakeside Unified School District",
        "region": "Lake County",
    },
    {
        "slug": "greenfield",
        "name": "Greenfield School District",
        "region": "Greenfield Valley",
    },
]

# union slug, employer slug, job group, name, member count, visibility
UNITS = [
    ("nlea", "northview", JobGroup.TEACHERS, "Northview Teachers (NLEA)", 1240, Visibility.PUBLIC),
    ("nlea", "northview", JobGroup.SUPPORT_STAFF, "Northview Support Staff (NLEA)", 410, Visibility.MEMBERS),
    ("nlea", "lakeside", JobGroup.TEACHERS, "Lakeside Teachers (NLEA)", 860, Visibility.MEMBERS),
    ("nlea", "lakeside", JobGroup.SCHOOL_LEADERS, "Lakeside School Leaders (NLEA)", 48, Visibility.INTERNAL),
    ("gfss", "greenfield", JobGroup.TEACHERS, "Greenfield Teachers (GFSS)", 690, Visibility.MEMBERS),
    ("gfss", "greenfield", JobGroup.SUPPORT_STAFF, "Greenfield Support Staff (GFSS)", 325, Visibility.MEMBERS),
    ("gfss", "greenfield", JobGroup.SCHOOL_LEADERS, "Greenfield School Leaders (GFSS)", 37, Visibility.MEMBERS),
]


# Who sits at the table, for the attendees of negotiation sessions.
UNION_TEAMS = {
    "nlea": ["Dana Whitfield — chief negotiator (NLEA)", "Marcus Oyelaran — organiser (NLEA)",
             "Ruth Ambrose — bargaining team (NLEA)"],
    "gfss": ["Tomás Reilly — chief negotiator (GFSS)", "Grace Nwosu — bargaining team (GFSS)",
             "Sam Tiernan — bargaining team (GFSS)"],
}  # fmt: skip
DISTRICT_TEAMS = {
    "northview": ["Karen Liu — Assistant Superintendent, Human Resources (District)",
                  "Robert Hale — Director of Technology (District)"],
    "lakeside": ["Martin Dubois — Chief Human Resources Officer (District)",
                 "Alicia Ferreira — Director of Digital Learning (District)"],
    "greenfield": ["Helen Strand — Deputy Superintendent (District)", "Owen Park — IT Manager (District)"],
}  # fmt: skip
# The demo user who tables, logs and adopts on behalf of each union.
OFFICERS = {"nlea": "officer", "gfss": "other-officer"}


def load_people(demo: Demo) -> None:
    for spec in UNIONS:
        values = {key: value for key, value in spec.items() if key != "slug"}
        demo.unions[spec["slug"]] = upsert(Union, {"slug": spec["slug"]}, values)
    for username, first_name, last_name, union_slug, role in USERS:
        user = _demo_user(username, first_name, last_name, is_admin=role is None)
        demo.users[username] = user
        if union_slug:
            upsert(
                Membership,
                {"user": user, "union": demo.unions[union_slug]},
                {"role": role},
                create_only={"joined_on": demo.day(-3 * 365)},
            )
    for spec in EMPLOYERS:
        values = {key: value for key, value in spec.items() if key != "slug"}
        values["kind"] = EmployerKind.SCHOOL_DISTRICT
        demo.employers[spec["slug"]] = upsert(Employer, {"slug": spec["slug"]}, values)
    for union_slug, employer_slug, job_group, name, member_count, visibility in UNITS:
        demo.units[(union_slug, employer_slug, job_group)] = upsert(
            BargainingUnit,
            {"union": demo.unions[union_slug], "employer": demo.employers[employer_slug], "job_group": job_group},
            {"name": name, "member_count": member_count, "visibility": visibility},
        )


def _demo_user(username: str, first_name: str, last_name: str, *, is_admin: bool):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    wanted = {
        "first_name": first_name,
        "last_name": last_name,
        "email": f"{username}@caucus-demo.example",
        "is_active": True,
        "is_staff": is_admin,
        "is_superuser": is_admin,
    }
    if created:
        # A demo user starts as described here, with the published password; whatever an administrator
        # changes afterwards (a password, a deactivation) is theirs to keep.
        for name, value in wanted.items():
            setattr(user, name, value)
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user
