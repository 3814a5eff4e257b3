"""`{% load money %}`: amounts as people read them, the same on pages and in printed documents."""

from django import template

from plumbing import money

register = template.Library()
register.filter("dollars", money.dollars)
register.filter("signed_dollars", money.signed_dollars)
