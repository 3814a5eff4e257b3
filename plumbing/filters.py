"""Filter plumbing shared by every app's FilterSets (and so by the web lists and the API)."""

import functools

import django_filters as filters
from django.db.models import Count
from django.forms import Field
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_filters import fields


def visible(model):
    """A queryset callable for a ModelChoiceFilter (VisibleChoiceFilter): the rows the request's user may see.

    An id of a record the requester may not see is then "not a valid choice", exactly like an id
    that does not exist.
    """

    def queryset(request):
        user = getattr(request, "user", None)
        if user is None:
            return model.objects.none()
        return model.objects.visible_to(user)

    return queryset


class _RowsWhenRead(fields.ModelChoiceIterator):
    """The choices of a VisibleRowsField: its queryset is asked for when the options are listed, not before."""

    def __init__(self, field):
        self.field = field

    @property
    def queryset(self):
        return self.field.queryset


class VisibleRowsField(fields.ModelChoiceField):
    """django-filter's ModelChoiceField whose queryset may be a function, called the first time it is needed.

    A filter form is built for every request to a list, and a union-owned record's `visible_to` costs more to
    build than the rest of a small list's request; most requests choose no record, and then never need it.
    """

    iterator = _RowsWhenRead

    def __init__(self, *args, queryset, **kwargs):
        self._make_queryset = queryset if callable(queryset) else None
        super().__init__(*args, queryset=None if self._make_queryset else queryset, **kwargs)

    def _get_queryset(self):
        if self._queryset is None and self._make_queryset is not None:
            self._queryset = self._make_queryset()
        return self._queryset

    queryset = property(_get_queryset, fields.ModelChoiceField._set_queryset)

    def __deepcopy__(self, memo):
        if self._queryset is not None:
            return super().__deepcopy__(memo)
        # As ModelChoiceField copies itself (a new iterator for the copy), without building the rows' queryset.
        result = Field.__deepcopy__(self, memo)
        result.widget.choices = result.choices
        return result


class VisibleChoiceFilter(filters.ModelChoiceFilter):
    """One record of `model` among those the request's user may see (`visible`); its rows are read only when a
    value is given or the options are shown."""

    field_class = VisibleRowsField

    def __init__(self, *args, model, **kwargs):
        kwargs.setdefault("queryset", visible(model))
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        return functools.partial(self.queryset, request)


class Archived:
    """The "archived" filter of a collection whose records can be archived: current ones unless asked otherwise.

    A FilterSet mixes in ArchivedFilterMixin and declares `archived = Archived.filter()`; the web list and the
    API then both leave archived records out by default.
    """

    CURRENT, INCLUDE, ONLY = "", "include", "only"
    CHOICES = [(INCLUDE, _("Current and archived")), (ONLY, _("Archived only"))]

    @classmethod
    def filter(cls):
        return filters.ChoiceFilter(
            choices=cls.CHOICES,
            method="filter_archived",
            empty_label=_("Current only"),
            label=pgettext_lazy("filter: whether to show archived records", "Archived"),
            # Translators: `include` and `only` are the values the API takes: keep them as they are.
            help_text=_("Archived records are left out unless you ask for them: `include` or `only`."),
        )


class ArchivedFilterMixin:
    def filter_archived(self, queryset, name, value):
        if value == Archived.ONLY:
            return queryset.filter(archived_on__isnull=False)
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("archived"):
            queryset = queryset.filter(archived_on__isnull=True)
        return queryset


def facet_counts(filterset_class, request, queryset, facets: dict[str, str]) -> dict[str, dict]:
    """For each filter in `facets` (its name -> the path it groups by), how many rows each of its values would
    give: `queryset` filtered by every filter in the request except that one. One query per facet, whatever
    the number of rows or options; an invalid filter gives no counts.
    """
    counts = {}
    for name, path in facets.items():
        data = request.GET.copy()
        data.pop(name, None)
        filterset = filterset_class(data, queryset=queryset, request=request)
        if not filterset.is_valid():
            return {}
        rows = queryset.filter(pk__in=filterset.qs.values("pk")).values(path).annotate(facet_count=Count("pk"))
        counts[name] = {row[path]: row["facet_count"] for row in rows.order_by()}
    return counts


def label_facets(form, counts: dict[str, dict]) -> None:
    """Each option of the counted filters says how many rows it would give: "Workload (12)"."""
    for name, by_value in counts.items():
        field = form.fields[name]
        if hasattr(field, "queryset"):
            field.label_from_instance = lambda obj, by_value=by_value: f"{obj} ({by_value.get(obj.pk, 0)})"
        else:
            field.widget.choices = [
                (value, label if value == "" else f"{label} ({by_value.get(value, 0)})")
                for value, label in field.widget.choices
            ]
