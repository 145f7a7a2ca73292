"""Django's password-reset form, sending its e-mail as every other one: queued, in the house style."""

from django.contrib.auth import forms as auth_forms
from django.urls import reverse

from . import events


class PasswordResetForm(auth_forms.PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        path = reverse("password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        events.password_reset(user=context["user"], url=f"{context['protocol']}://{context['domain']}{path}")
