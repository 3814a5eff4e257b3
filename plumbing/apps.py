from django.apps import AppConfig
from django.urls import register_converter


class RecordId:
    """`<id:pk>` in a URL: a record's id, at most 18 digits, so no address holds an id the database cannot."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class PlumbingConfig(AppConfig):
    name = "plumbing"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.core.signals import request_finished

        from plumbing.requestlog import forget_request_id
        from plumbing.sessions import start_the_clock

        register_converter(RecordId, "id")
        user_logged_in.connect(start_the_clock, dispatch_uid="plumbing.sessions.start_the_clock")
        request_finished.connect(forget_request_id, dispatch_uid="plumbing.requestlog.forget_request_id")
