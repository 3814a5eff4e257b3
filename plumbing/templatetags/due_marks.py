"""`{% due_mark date %}`: "overdue" and "due soon" said in words and a symbol, never by colour alone."""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.timesince import timesince

from plumbing.due import due_state

register = template.Library()


@register.simple_tag
def due_mark(due, done=False):
    if due is None or done:
        return ""
    today = datetime.date.today()
    state = due_state(due, today)
    if state == "overdue":
        return format_html('<span class="due-mark overdue">⚠ Overdue by {}</span>', timesince(due, today))
    if state == "due soon":
        when = "today" if due == today else f"in {timesince(today, due)}"
        return format_html('<span class="due-mark soon">◷ Due {}</span>', when)
    return ""
