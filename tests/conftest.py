"""Personas and helpers shared by every test.

`union` is the union whose records the tests are about; `officer`, `organiser` and `member` belong to it.
`other_officer` leads `other_union`; `staff` is a site administrator with no membership; `anonymous`
is a visitor who has not signed in. Each persona fixture returns a user.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from bargaining.access import Role
from tests.factories import MembershipFactory, UnionFactory, UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Production settings expect collectstatic's manifest; tests render templates straight from the source.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A deliberately slow hasher protects real passwords; in tests it only costs time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def union(db):
    return UnionFactory(name="Northview Education Association", slug="nea", short_name="NEA")


@pytest.fixture
def other_union(db):
    return UnionFactory(name="Lakeside Support Staff Union", slug="lssu", short_name="LSSU", colour="#1c4f8a")


def _member_of(union, role, username):
    return MembershipFactory(user=UserFactory(username=username), union=union, role=role).user


@pytest.fixture
def officer(union):
    return _member_of(union, Role.OFFICER, "officer")


@pytest.fixture
def organiser(union):
    return _member_of(union, Role.ORGANISER, "organiser")


@pytest.fixture
def member(union):
    return _member_of(union, Role.MEMBER, "member")


@pytest.fixture
def other_officer(other_union):
    return _member_of(other_union, Role.OFFICER, "other-officer")


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True)


@pytest.fixture
def client_for():
    """A test client signed in as a persona (or not signed in, for `anonymous`): `client_for(member)`."""

    def signed_in_as(user):
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        return client

    return signed_in_as
