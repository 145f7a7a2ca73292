"""Every audit event written during a request carries where the request came from (BIO: origin)."""

from competentie.security.lockout import client_ip

from .api import origin_reset, origin_set


class AuditOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = origin_set(ip_address=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", ""))
        try:
            return self.get_response(request)
        finally:
            origin_reset(token)
