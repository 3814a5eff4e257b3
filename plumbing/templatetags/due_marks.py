"""`{% due_mark date %}`: "overdue" and "due soon" said in words and a symbol, never by colour alone."""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from plumbing.due import due_state

register = template.Library()


@register.simple_tag
def due_mark(due, done=False):
    if due is None or done:
        return ""
    today = datetime.date.today()
    state = due_state(due, today)
    if state == "overdue":
        # Translators: %(time)s is a length of time, such as "3 days" or "1 week, 2 days".
        overdue = _("Overdue by %(time)s") % {"time": timesince(due, today)}
        return format_html('<span class="due-mark overdue">⚠ {}</span>', overdue)
    if state == "due soon":
        # Translators: in "Due in %(time)s", %(time)s is a length of time, such as "3 days" or "1 week, 2 days".
        soon = _("Due today") if due == today else _("Due in %(time)s") % {"time": timesince(today, due)}
        return format_html('<span class="due-mark soon">◷ {}</span>', soon)
    return ""
