from django.urls import path

from accounts import views

# Mounted under accounts/ before django.contrib.auth.urls, whose other pages (password change, reset) remain.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.sign_out, name="logout"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("profile/", views.profile, name="profile"),
    path("language/", views.choose_language, name="choose_language"),
    path("tokens/revoke/", views.token_revoke, name="token_revoke"),
    path("calendar/regenerate/", views.feed_regenerate, name="feed_regenerate"),
]
