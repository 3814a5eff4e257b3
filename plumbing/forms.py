"""Form plumbing for every app's web pages: date inputs, record forms, service errors, stale saves."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from plumbing.records import clean_links, record_version
from plumbing.text import MESSAGE as UNCLEAN_MESSAGE
from plumbing.text import is_clean

# The database holds 64-bit ids; a larger number must be "not a valid choice", not a database error.
LARGEST_ID = 2**63 - 1


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class RecordsField(forms.ModelMultipleChoiceField):
    """A choice of several records, where an id too large for the database is simply not a valid choice."""

    def _check_values(self, value):
        for key in value:
            try:
                out_of_range = abs(int(str(key))) > LARGEST_ID
            except ValueError:
                continue  # Django's own check names it as not a valid value.
            if out_of_range:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": key}
                )
        return super()._check_values(value)


def refuse_unclean_text(form, cleaned: dict) -> None:
    for name, value in list(cleaned.items()):
        if isinstance(value, str) and not is_clean(value):
            form.add_error(name, UNCLEAN_MESSAGE)


class TextForm(forms.Form):
    """A plain form (no model) that refuses control characters and broken characters in its text."""

    def clean(self):
        cleaned = super().clean()
        refuse_unclean_text(self, cleaned)
        return cleaned


class RecordForm(forms.ModelForm):
    """A ModelForm that also applies the model's rules for many-to-many links (`clean_<field>`), refuses
    control characters in text, and carries the version of the record it was read at (`read_version`,
    checked by plumbing.records.save_record).

    The web forms and the admin use it, so a link rule holds wherever a record is written.
    """

    read_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # Fields the page sets on the record itself (its parent, its owning union): not shown, but validated with
    # the rest, so that a rule or a constraint involving them is a form error, never a database error.
    fixed_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["read_version"].initial = record_version(self.instance)
        else:
            del self.fields["read_version"]
        for field in self.fields.values():
            # Every date is typed in the browser's own date picker.
            if isinstance(field, forms.DateField) and type(field.widget) is forms.DateInput:
                field.widget = DateInput(attrs=field.widget.attrs)

    def _get_validation_exclusions(self):
        return super()._get_validation_exclusions() - set(self.fixed_fields)

    def _update_errors(self, errors):
        # An error about a field the form does not show belongs to the form as a whole.
        if hasattr(errors, "error_dict"):
            moved = {}
            for name, messages in errors.error_dict.items():
                key = name if name == NON_FIELD_ERRORS or name in self.fields else NON_FIELD_ERRORS
                moved.setdefault(key, []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)

    def clean(self):
        cleaned = super().clean()
        refuse_unclean_text(self, cleaned)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        links = {
            name: self.cleaned_data[name]
            for name, field in self.fields.items()
            if isinstance(field, forms.ModelMultipleChoiceField) and name in self.cleaned_data
        }
        for name, messages in clean_links(self.instance, links).items():
            self.add_error(name, messages)


def preselect_only_choice(field) -> None:
    """A choice of records with exactly one option comes chosen: an officer of one union need not pick it."""
    options = list(field.queryset[:2])
    if len(options) == 1:
        field.initial = options[0].pk


def active_choices(queryset, current=None):
    """The records a picker offers: those not archived, and the one already chosen even if it is archived now."""
    active = queryset.filter(archived_on__isnull=True)
    if current is None:
        return active
    return queryset.filter(models.Q(archived_on__isnull=True) | models.Q(pk=current.pk))


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field it names, or on the form as a whole."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def refuse_stale_save(form, message: str, *, version_field: str, current) -> None:
    """Refuse a save made over someone else's newer one, keeping everything the user typed.

    The form's token becomes the version now on record, so that saving again overwrites knowingly.
    """
    form.add_error(None, message)
    form.data = form.data.copy()
    form.data[form.add_prefix(version_field)] = current
