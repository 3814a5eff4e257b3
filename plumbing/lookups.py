"""Filters over records that fit a federation: a search-as-you-type field instead of a select of every row.

`LookupFilter` (a ModelChoiceFilter) renders a plain text input holding the chosen record's key (its slug or
id) with a <datalist> of that one record only, so a filter form costs one small query whatever the number of
rows. Without JavaScript the input still works: type an id, a slug or the exact name. With it
(static/js/caucus.js), typing asks `/lookup/<kind>/?q=` for the first matching records the reader may see.
Each kind is registered once, by the filter that uses it, with the queryset rule (`visible_to`) that scopes
both the filter's choices and the lookup.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from plumbing.filters import VisibleChoiceFilter, VisibleRowsField

# How many matches a lookup answers: enough to pick from, never the whole table.
LOOKUP_LIMIT = 20
MAX_QUERY = 100


@dataclass(frozen=True)
class LookupKind:
    model: type
    key: str  # the field the filter's value names: "slug" or "pk"
    search: tuple[str, ...]  # the text fields a typed word is looked for in


LOOKUPS: dict[str, LookupKind] = {}


def register(kind: str, model, *, key: str, search: tuple[str, ...]) -> None:
    LOOKUPS[kind] = LookupKind(model=model, key=key, search=search)


def matches(kind: LookupKind, user, text: str):
    """The records of `kind` that `user` may see whose key is `text` or whose name contains it, by name."""
    queryset = kind.model.objects.visible_to(user)
    text = text.strip()[:MAX_QUERY]
    if not text:
        return queryset.order_by(*kind.search)
    condition = Q()
    for field in kind.search:
        condition |= Q(**{f"{field}__icontains": text})
    if kind.key == "pk":
        if text.isdigit() and len(text) <= 18:
            condition |= Q(pk=int(text))
    else:
        condition |= Q(**{kind.key: text})
    return queryset.filter(condition).order_by(*kind.search)


def lookup(request, kind: str):
    """GET /lookup/<kind>/?q=: up to LOOKUP_LIMIT records the reader may see, as {"value", "label"} pairs."""
    found = LOOKUPS.get(kind)
    if found is None:
        raise Http404("No such lookup.")
    rows = matches(found, request.user, request.GET.get("q", ""))[:LOOKUP_LIMIT]
    key = "pk" if found.key == "pk" else found.key
    results = [{"value": str(getattr(row, key)), "label": str(row)} for row in rows]
    return JsonResponse({"results": results})


class LookupInput(forms.TextInput):
    """A text input with a datalist holding the chosen record only; caucus.js fills it as the reader types."""

    def __init__(self, kind: str, attrs=None):
        super().__init__(attrs)
        self.kind = kind
        self.chosen_label = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["list"] = f"{widget_attrs.get('id', name)}-options"
        widget_attrs["data-lookup"] = reverse("lookup", args=[self.kind])
        widget_attrs.setdefault("autocomplete", "off")
        widget_attrs.setdefault("placeholder", _("Type a name or an id"))
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        options_id = f"{(attrs or {}).get('id', name)}-options"
        option = format_html('<option value="{}">{}</option>', value, self.chosen_label) if self.chosen_label else ""
        return format_html('{}<datalist id="{}">{}</datalist>', html, options_id, option)


class LookupChoiceField(VisibleRowsField):
    """A record named by its key (slug or id) or, failing that, by its exact name; one query either way."""

    def __init__(self, *args, kind: str, search: tuple[str, ...], **kwargs):
        kwargs["widget"] = LookupInput(kind)
        super().__init__(*args, **kwargs)
        self.search = search

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        key = self.to_field_name or "pk"
        condition = Q(**{f"{self.search[0]}__iexact": text})
        if key != "pk" or (text.isdigit() and len(text) <= 18):
            condition |= Q(**{key: text})
        found = list(self.queryset.filter(condition)[:2])
        exact = [row for row in found if str(getattr(row, key)) == text]
        if exact or len(found) == 1:
            return (exact or found)[0]
        raise ValidationError(
            _("Select a valid choice: no record of that name or id that you may see. Type and pick one from the list."),
            code="invalid_choice",
        )

    def prepare_value(self, value):
        # The input shows the chosen record's key; its name is the datalist's one option.
        if hasattr(value, "_meta"):
            self.widget.chosen_label = str(value)
            return getattr(value, self.to_field_name or "pk")
        return super().prepare_value(value)

    def bound_label(self, value) -> None:
        """The chosen record's name for the datalist, when the form holds only its typed key."""
        if value in self.empty_values or self.widget.chosen_label:
            return
        try:
            self.widget.chosen_label = str(self.to_python(value))
        except ValidationError:
            self.widget.chosen_label = ""


class LookupFilter(VisibleChoiceFilter):
    """A VisibleChoiceFilter over `model` whose form field is a lookup (see the module's docstring)."""

    field_class = LookupChoiceField

    def __init__(self, *args, model, kind: str, search: tuple[str, ...], **kwargs):
        key = kwargs.get("to_field_name") or "pk"
        register(kind, model, key=key, search=search)
        super().__init__(*args, model=model, kind=kind, search=search, **kwargs)


def label_lookups(form) -> None:
    """Give each lookup field of a bound `form` its chosen record's name (one query per field in use)."""
    for name, field in form.fields.items():
        if isinstance(field, LookupChoiceField) and form.is_bound:
            field.bound_label(form.data.get(name))
