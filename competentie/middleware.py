from django.conf import settings
from django.db import connection
from django.utils import translation
from django.utils.cache import patch_vary_headers


class PreferredLanguageMiddleware:
    """Dutch unless this browser chose another language with the language switch.

    Django's LocaleMiddleware would also follow the browser's Accept-Language; an English
    browser in a Dutch town hall should still see the product in Dutch until someone chooses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class QueryCountHeaderMiddleware:
    """Benchmark only (BENCHMARK=1): report the SQL queries of each request in X-Query-Count."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = self.get_response(request)
        response["X-Query-Count"] = str(queries)
        return response
