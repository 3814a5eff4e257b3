"""Filter plumbing shared by every app's FilterSets (and so by the web lists and the API)."""

import django_filters as filters


def visible(model):
    """A queryset callable for ModelChoiceFilter: the rows the request's user may see.

    An id of a record the requester may not see is then "not a valid choice", exactly like an id
    that does not exist.
    """

    def queryset(request):
        user = getattr(request, "user", None)
        if user is None:
            return model.objects.none()
        return model.objects.visible_to(user)

    return queryset


class Archived:
    """The "archived" filter of a collection whose records can be archived: current ones unless asked otherwise.

    A FilterSet mixes in ArchivedFilterMixin and declares `archived = Archived.filter()`; the web list and the
    API then both leave archived records out by default.
    """

    CURRENT, INCLUDE, ONLY = "", "include", "only"
    CHOICES = [(INCLUDE, "Current and archived"), (ONLY, "Archived only")]

    @classmethod
    def filter(cls):
        return filters.ChoiceFilter(
            choices=cls.CHOICES,
            method="filter_archived",
            empty_label="Current only",
            label="Archived",
            help_text="Archived records are left out unless you ask for them: `include` or `only`.",
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
