"""Inline formsets that validate children against a parent that may not be saved yet."""

from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from bargaining.access import is_more_visible


class ChildVisibilityFormSet(BaseInlineFormSet):
    """Refuse a child more visible than the parent being edited on the same page."""

    parent_label = "parent"

    def clean(self):
        super().clean()
        parent_visibility = getattr(self.instance, "visibility", None)
        if not parent_visibility:
            return
        for form in self.forms:
            visibility = form.cleaned_data.get("visibility") if hasattr(form, "cleaned_data") else None
            if form.cleaned_data.get("DELETE") or not visibility:
                continue
            if is_more_visible(visibility, parent_visibility):
                form.add_error("visibility", ValidationError(f"Cannot be more visible than its {self.parent_label}."))


class ClauseVersionFormSet(BaseInlineFormSet):
    """A version's session must belong to the clause's bargaining unit, even for a clause not yet saved."""

    def clean(self):
        super().clean()
        agreement = getattr(self.instance, "agreement", None) if self.instance.agreement_id else None
        if agreement is None:
            return
        for form in self.forms:
            session = form.cleaned_data.get("session") if hasattr(form, "cleaned_data") else None
            if session and session.bargaining_unit_id != agreement.bargaining_unit_id:
                form.add_error(
                    "session",
                    ValidationError(
                        f"That session was held by {session.bargaining_unit}, but this clause belongs to "
                        f"{agreement.bargaining_unit}. Pick a session of the same bargaining unit."
                    ),
                )
