from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "competentie.security"
    label = "security"
    verbose_name = "Beveiliging"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .sessions import mark_active_on_login

        user_logged_in.connect(mark_active_on_login, dispatch_uid="security.mark_active_on_login")
