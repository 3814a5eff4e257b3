from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import DeadlineSettings


class SignInForm(AuthenticationForm):
    keep_signed_in = forms.BooleanField(
        required=False,
        label=_("Keep me signed in on this device"),
        help_text=_("Leave this unticked on a shared computer: you are signed out when the browser closes."),
    )


class SignOutForm(forms.Form):
    revoke_tokens = forms.BooleanField(
        required=False, label=_("Also revoke my API tokens (scripts signed in with them stop working)")
    )


class ReminderForm(forms.ModelForm):
    class Meta:
        model = DeadlineSettings
        fields = ["reminders", "window_days", "notifications_in_digest"]
        labels = {"reminders": _("Email me a digest of deadlines")}
