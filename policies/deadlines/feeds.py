"""Each user's private calendar feed (iCalendar, RFC 5545): every deadline they may see, as all-day events.

Calendar programs cannot sign in, so the address itself is the key: a long random token (accounts'
DeadlineSettings), replaced on request. A deactivated user's feed answers 404, and what a user no longer may
see drops out, because the feed is the deadline engine read as that user, at every fetch. Its text is in the
language the user chose, whoever's calendar program fetches it.
"""

import datetime

import icalendar
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.language import language_of
from accounts.models import DeadlineSettings
from policies.deadlines.engine import Deadline, deadlines_for

PRODUCT_ID = "-//Caucus//Deadlines//EN"
# The alarm rings at 09:00 the day before an all-day event (events start at midnight, local time).
ALARM_BEFORE = datetime.timedelta(hours=-15)


@require_GET
def calendar_feed(request, token):
    deadline_settings = (
        DeadlineSettings.objects.select_related("user__preferences")
        .filter(feed_token=token, user__is_active=True)
        .first()
    )
    if deadline_settings is None:
        raise Http404
    owner = deadline_settings.user
    with translation.override(language_of(owner)):
        body = calendar_of(deadlines_for(owner), link=request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="caucus-deadlines.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def calendar_of(items: list[Deadline], *, link) -> bytes:
    """The feed's body; `link(path)` makes each item's address absolute."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Caucus deadlines"))
    stamp = timezone.now()
    for item in items:
        calendar.add_component(_event(item, link(item.url), stamp))
    return calendar.to_ical()


def _event(item: Deadline, url: str, stamp) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    # Translators: the kind of deadline (such as "Task due"), then what is due.
    event.add("summary", _("%(kind)s: %(title)s") % {"kind": item.kind_label, "title": item.title})
    owner = item.union.name if item.union else _("a shared record")
    # Translators: the kind of deadline (such as "Task due"), then the union it belongs to, or "a shared record".
    lines = [_("%(kind)s (%(owner)s).") % {"kind": item.kind_label, "owner": owner}]
    if item.computed:
        lines.append(_("No date was entered: Caucus counted it from the rule."))
    event.add("description", "\n".join([*lines, url]))
    event.add("url", url)
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _("Due tomorrow: %(title)s") % {"title": item.title})
    alarm.add("trigger", ALARM_BEFORE)
    event.add_component(alarm)
    return event
