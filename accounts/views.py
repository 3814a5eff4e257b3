"""Signing in and out, and a person's own account page with their API tokens."""

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from accounts.forms import ReminderForm, SignInForm, SignOutForm
from accounts.language import SESSION_KEY as LANGUAGE_SESSION_KEY
from accounts.models import ApiToken, DeadlineSettings, Preferences
from accounts.services import revoke_api_tokens
from plumbing.clientip import client_ip
from plumbing.http import is_api
from plumbing.ratelimit import RateLimit
from plumbing.sessions import KEEP_SIGNED_IN

TOO_MANY = gettext_lazy("Too many attempts from your network. Wait a few minutes, then try again.")


def _refuse(request, limit: RateLimit) -> HttpResponse:
    response = render(request, "registration/too_many.html", {"message": TOO_MANY}, status=429)
    response["Retry-After"] = str(limit.retry_after())
    return response


class SignInView(auth_views.LoginView):
    """Django's sign-in, limited per client address, and signed out at browser close unless kept."""

    form_class = SignInForm

    def post(self, request, *args, **kwargs):
        limit = RateLimit.parse("sign-in", settings.SIGN_IN_RATE)
        if not limit.hit(client_ip(request)):
            return _refuse(request, limit)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        keep = form.cleaned_data.get("keep_signed_in", False)
        self.request.session[KEEP_SIGNED_IN] = keep
        # 0: the cookie ends with the browser (shared school computers); otherwise it lasts SESSION_COOKIE_AGE.
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if keep else 0)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per client address and per email address."""

    def post(self, request, *args, **kwargs):
        by_client = RateLimit.parse("password-reset", settings.PASSWORD_RESET_RATE)
        by_email = RateLimit.parse("password-reset-email", settings.PASSWORD_RESET_RATE)
        email = request.POST.get("email", "").strip().lower()[:254]
        if not by_client.hit(client_ip(request)) or (email and not by_email.hit(email)):
            return _refuse(request, by_client)
        return super().post(request, *args, **kwargs)


def sign_out(request):
    """Sign out; someone with API tokens is asked first whether to revoke those too."""
    user = request.user
    tokens = ApiToken.objects.filter(user=user).count() if user.is_authenticated else 0
    form = SignOutForm(request.POST if request.method == "POST" else None)
    decided = request.method == "POST" and (not tokens or "decided" in request.POST)
    if not decided or not form.is_valid():
        return render(request, "registration/sign_out.html", {"form": form, "tokens": tokens})
    revoked = revoke_api_tokens(user=user) if tokens and form.cleaned_data["revoke_tokens"] else 0
    logout(request)
    return render(request, "registration/logged_out.html", {"revoked": revoked})


@login_required
def profile(request):
    """The account page; a POST saves the reminder choices (400 keeping what was chosen, if invalid)."""
    user = request.user
    deadline_settings = DeadlineSettings.of(user)
    form = ReminderForm(request.POST or None, instance=deadline_settings)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Reminder choices saved."))
        return redirect("profile")
    return render(
        request,
        "registration/profile.html",
        {
            "memberships": user.memberships.select_related("union").order_by("union__name"),
            "tokens": ApiToken.objects.filter(user=user).order_by("-created"),
            "feed_url": request.build_absolute_uri(reverse("calendar_feed", args=[deadline_settings.feed_token])),
            "reminder_form": form,
            "language": getattr(Preferences.objects.filter(user=user).first(), "language", ""),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def choose_language(request):
    """The language switch on every page: kept in a cookie, and in the profile of someone signed in.

    An empty choice (the account page's "your browser's language") forgets both.
    """
    language = request.POST.get("language", "")
    next_page = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_page, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_page = reverse("home")
    response = HttpResponseRedirect(next_page)
    if language and language not in dict(settings.LANGUAGES):
        messages.error(request, _("Choose English or Cymraeg."))
        return response
    if request.user.is_authenticated:
        Preferences.objects.update_or_create(user=request.user, defaults={"language": language})
        request.session[LANGUAGE_SESSION_KEY] = language
    if not language:
        request.session.pop(LANGUAGE_SESSION_KEY, None)
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    # As Django's own set_language writes it, every LANGUAGE_COOKIE_* setting honoured.
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@login_required
@require_POST
def feed_regenerate(request):
    """A new calendar feed address: the old one answers 404 from now on (a feed shared by mistake is closed)."""
    DeadlineSettings.of(request.user).regenerate_feed_token()
    messages.success(request, _("Your calendar feed has a new address: the old one no longer works."))
    return redirect(reverse("profile") + "#calendar")


@login_required
@require_POST
def token_revoke(request):
    """Revoke one of your API tokens (`digest`), or all of them (`all`)."""
    digest = None if "all" in request.POST else request.POST.get("digest", "")[:128]
    revoked = revoke_api_tokens(user=request.user, digest=digest)
    messages.success(
        request,
        ngettext("Revoked %(count)s API token.", "Revoked %(count)s API tokens.", revoked) % {"count": revoked},
    )
    return redirect("profile")


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a client locked out after repeated failed sign-ins (AXES_LOCKOUT_CALLABLE): the
    lockout page, or for the API a JSON error like its others, with Retry-After."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    if is_api(request):
        detail = (
            ngettext(
                "Too many failed sign-ins: signing in is paused. Try again in %(count)s minute.",
                "Too many failed sign-ins: signing in is paused. Try again in %(count)s minutes.",
                minutes,
            )
            % {"count": minutes}
            if minutes
            else _("Too many failed sign-ins: signing in is paused. Try again later.")
        )
        response = JsonResponse({"detail": detail}, status=429)
    else:
        context = {"failure_limit": get_failure_limit(request, credentials), "cooloff_timedelta": cool_off}
        response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
