"""Serializer fields that refer to other records: only records the caller may see, in bounded numbers."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS

# The largest value an integer column holds on every supported database.
MAX_INTEGER = 2_147_483_647
# A record links to at most this many others in one request: more is an attack, not a record.
MAX_LINKS = 200


def _plausible_id(data) -> bool:
    if isinstance(data, bool):
        return False
    if isinstance(data, int):
        return 0 < data <= MAX_INTEGER
    return isinstance(data, str) and data.isdigit() and 0 < int(data) <= MAX_INTEGER


class VisibleRelatedField(serializers.PrimaryKeyRelatedField):
    """A reference to another record, looked up only among the records the caller may see.

    An id the caller may not see is refused exactly like an id that does not exist.
    """

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return VisibleManyRelatedField(**list_kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        if hasattr(queryset, "visible_to"):
            user = request.user if request is not None else None
            return queryset.visible_to(user) if user is not None else queryset.none()
        return queryset

    def to_internal_value(self, data):
        if not _plausible_id(data):
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)


class VisibleManyRelatedField(serializers.ManyRelatedField):
    """A list of references: at most MAX_LINKS, all looked up in one query, in the order given."""

    default_error_messages = {
        **serializers.ManyRelatedField.default_error_messages,
        # Translators: DRF fills in {max_links} (a number, 200); keep it as it is.
        "too_many": _("Give at most {max_links} ids."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Described in the schema as maxItems.
        self.max_length = MAX_LINKS

    def to_internal_value(self, data):
        if isinstance(data, str) or not hasattr(data, "__iter__"):
            self.fail("not_a_list", input_type=type(data).__name__)
        data = list(data)
        if len(data) > MAX_LINKS:
            self.fail("too_many", max_links=MAX_LINKS)
        if not self.allow_empty and not data:
            self.fail("empty")
        child = self.child_relation
        for item in data:
            if not _plausible_id(item):
                child.fail("does_not_exist", pk_value=item)
        found = child.get_queryset().in_bulk([int(item) for item in data])
        for item in data:
            if int(item) not in found:
                child.fail("does_not_exist", pk_value=item)
        return list(dict.fromkeys(found[int(item)] for item in data))
