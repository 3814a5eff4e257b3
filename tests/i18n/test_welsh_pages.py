"""Every page in Welsh, for every persona: crawled over the demo data with `Accept-Language: cy` and compared
with the English render. Text that is the same in both renders must be the users' own data (found in the
database), a number, or a name that is never translated; anything else is English left in the Welsh interface."""

import re
from collections import Counter, deque
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.test import Client, override_settings
from django.urls import Resolver404, resolve

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PERSONAS = ["anonymous", "member", "organiser", "officer", "other-officer", "admin"]
START = ["/", "/accounts/login/", "/accounts/profile/", "/notifications/", "/search/?q=data", "/tasks/",
         "/print/packs/new/", "/clauses/?q=training", "/password_reset/"]  # fmt: skip
# Kept to a few pages of each kind, so that the crawl reaches every kind in a minute.
PER_KIND, MAX_PAGES = 2, 160
SKIPPED = re.compile(
    r"^/(api|admin|static|media|healthz)/|/(download|export|feed|calendar)|\.(pdf|csv|xlsx|ics)$|logout"
)
WORD = re.compile(r"[^\W\d_]{2,}")
# The same in both languages: the product, formats, and abbreviations.
UNTRANSLATED = {"Caucus", "CSV", "JSON", "PDF", "API", "XLSX", "iCalendar", "EdTech", "AI", "URL", "Cymraeg",
                "English", "ReDoc", "Swagger", "OK", "ID", "US",
                # Welsh words spelt as the English ones.
                "cell", "data", "cost", "Cost"}  # fmt: skip
# Names kept in Welsh as they are (the paper size as printers call it).
UNTRANSLATED_NAMES = ["US Letter"]


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.links, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        # Scripts and styles are not read; code (an API address, a column name) is the same in every language.
        if tag in {"script", "style", "code"}:
            self.skip += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in ("title", "placeholder", "aria-label", "alt"):
            if attributes.get(name):
                self.texts.append(attributes[name])

    def handle_endtag(self, tag):
        if tag in {"script", "style", "code"} and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(" ".join(data.split()))


def parse(html: str) -> VisibleText:
    parser = VisibleText()
    parser.feed(html)
    return parser


class UserData:
    """Every text the users and the demo typed (not choice codes, which are shown by their translated labels)."""

    def __init__(self):
        values = set()
        for model in apps.get_models():
            if not model._meta.managed or model._meta.proxy:
                continue  # the clause index (SQLite only), and views of other tables
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField) and not f.choices
            ]
            if fields:
                for row in model._default_manager.values_list(*fields):
                    values.update(" ".join(str(value).split()) for value in row if value)
        self.blob = "\n".join(values)
        self.words = set(WORD.findall(self.blob))
        # Longest first, so that a whole name is taken out before the words in it.
        self.values = sorted((value for value in values if len(value) >= 3), key=len, reverse=True)

    def explains(self, text: str) -> bool:
        """Whether `text` is made of the users' data only (quoted whole, cut short with …, or several joined)."""
        if text.strip("… ") in self.blob:
            return True
        rest = text
        for value in self.values:
            if value in rest:
                rest = rest.replace(value, " ")
        left = [word for word in WORD.findall(rest) if word not in UNTRANSLATED]
        # An excerpt (a search result's) may run across two of a record's fields: its words are all the users'.
        return not left or ("…" in text and len(text) > 60 and all(word in self.words for word in left))


def english_left(text: str, data: UserData) -> bool:
    for name in UNTRANSLATED_NAMES:
        text = text.replace(name, " ")
    words = [word for word in WORD.findall(text) if word not in UNTRANSLATED]
    return bool(words) and not data.explains(text)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        call_command("load_demo", force=True, stdout=StringIO())
        yield UserData()
        transaction.set_rollback(True)


def client_as(username: str) -> Client:
    client = Client()
    if username != "anonymous":
        client.force_login(get_user_model().objects.get(username=username))
    return client


def kind_of(path: str) -> str | None:
    try:
        return resolve(urlsplit(path).path).url_name
    except Resolver404:
        return None


def crawl(client: Client, data: UserData) -> tuple[int, list[tuple[str, str]]]:
    """Visit the site as `client` in both languages; return the pages seen and the English left in Welsh ones."""
    queue, seen, per_kind, left = deque(START), set(), Counter(), []
    while queue and len(seen) < MAX_PAGES:
        path = urldefrag(queue.popleft())[0]
        kind = kind_of(path)
        if path in seen or not path.startswith("/") or SKIPPED.search(path) or kind is None:
            continue
        if per_kind[kind] >= PER_KIND:
            continue
        seen.add(path)
        per_kind[kind] += 1
        english = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
        if english.status_code != 200 or "text/html" not in english["Content-Type"]:
            continue
        welsh = client.get(path, HTTP_ACCEPT_LANGUAGE="cy")
        assert welsh.status_code == 200, path
        english_page, welsh_page = parse(english.text), parse(welsh.text)
        same = set(english_page.texts) & set(welsh_page.texts)
        left.extend((path, text) for text in sorted(same) if english_left(text, data))
        queue.extend(english_page.links)
    return len(seen), left


@pytest.mark.django_db
@pytest.mark.parametrize("username", PERSONAS)
def test_every_page_is_in_welsh_for(username, demo, settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS
    pages, left = crawl(client_as(username), demo)
    assert pages >= 5
    assert left == []
