"""A bare Django hello-world, the yardstick of `manage.py benchmark_scale`: `gunicorn <this module>:application`.

Django with nothing installed, no middleware and one view: what any Django site costs per request under the
same gunicorn. It has settings of its own and is served only by the benchmark, on a loopback port: no URL of
Caucus reaches it.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-hello-world-of-the-benchmark",  # noqa: S106 - it signs nothing
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
django.setup()


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
