from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    keep_signed_in = forms.BooleanField(
        required=False,
        label="Keep me signed in on this device",
        help_text="Leave this unticked on a shared computer: you are signed out when the browser closes.",
    )


class SignOutForm(forms.Form):
    revoke_tokens = forms.BooleanField(
        required=False, label="Also revoke my API tokens (scripts signed in with them stop working)"
    )
