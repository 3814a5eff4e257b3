"""The serializer every record's API shares: links to its record, scoped references, the model's own rules."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import get_language
from rest_framework import serializers

from plumbing.api.errors import as_drf_error
from plumbing.api.fields import MAX_INTEGER, VisibleRelatedField
from plumbing.records import clean_links, with_hidden_links

# (serializer class, language) → its built fields, never bound to a serializer: see CaucusSerializer.get_fields.
_built_fields: dict = {}


class CaucusSerializer(serializers.HyperlinkedModelSerializer):
    """A model serializer that links to its record, scopes references and validates like the model."""

    serializer_related_field = VisibleRelatedField
    serializer_url_field = serializers.HyperlinkedIdentityField
    # False where a service validates the record itself (and fills in what the caller leaves out).
    validate_with_model = True

    def get_fields(self):
        """The fields a ModelSerializer builds from its model, built once per class and language, copied for each
        use (as DRF copies declared fields).

        Building them reads every model field's options and runs a dozen checks per field: a fifth of a small
        list's request. What they are depends only on the class (its Meta, declared fields and build methods,
        none of which read the request: a field scopes its choices when it is used) and on the language that
        some of their messages are formatted in when built.
        """
        key = (type(self), get_language())
        fields = _built_fields.get(key)
        if fields is None:
            fields = _built_fields[key] = super().get_fields()
        return copy.deepcopy(fields)

    def build_url_field(self, field_name, model_class):
        return self.serializer_url_field, {"view_name": f"api-{self.Meta.api_name}-detail"}

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, serializers.IntegerField) and "max_value" not in kwargs:
            kwargs["max_value"] = MAX_INTEGER
        return field_class, kwargs

    def validate(self, attrs):
        """Run the model's own validation (clean, constraints, link rules) on the record as it would be saved."""
        attrs = super().validate(attrs)
        if not self.validate_with_model:
            return attrs
        model = self.Meta.model
        instance = model()
        if self.instance is not None:
            for field in model._meta.concrete_fields:
                setattr(instance, field.attname, getattr(self.instance, field.attname))
            instance._state.adding = False
        for name, value in attrs.items():
            if not model._meta.get_field(name).many_to_many:
                setattr(instance, name, value)
        # Fields the caller cannot write are the server's to fill in (a version's number, an author).
        exclude = [
            field.name
            for field in model._meta.concrete_fields
            if field.name not in self.fields or self.fields[field.name].read_only
        ]
        try:
            instance.full_clean(exclude=exclude)
        except DjangoValidationError as error:
            raise as_drf_error(error) from error
        links = {name: value for name, value in attrs.items() if model._meta.get_field(name).many_to_many}
        errors = clean_links(instance, links)
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def update(self, instance, validated_data):
        for name, value in list(validated_data.items()):
            if self.Meta.model._meta.get_field(name).many_to_many:
                validated_data[name] = with_hidden_links(instance, name, value, self.context["request"].user)
        return super().update(instance, validated_data)
