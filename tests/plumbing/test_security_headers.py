"""Every HTML page carries a Content-Security-Policy; no page has an inline script or style."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = ["home", "login", "clause_list", "coverage", "position_list", "modelclause_list", "principle_list", "unit_list"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_sends_a_content_security_policy_without_unsafe_inline(client_for, officer, name):
    response = client_for(officer).get(reverse(name))

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("name", PAGES)
def test_no_page_has_inline_script_or_style(client_for, officer, name):
    html = client_for(officer).get(reverse(name)).text

    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "the enhancement script is loaded from a file"
    assert all("src=" in tag for tag in scripts)
    assert "<style" not in html
    assert " style=" not in html


def test_pages_have_landmarks_and_a_skip_link(client_for, member):
    html = client_for(member).get(reverse("clause_list")).text

    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav aria-label="Main"' in html
    assert 'aria-current="page"' in html
