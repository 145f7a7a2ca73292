"""How a person is shown: the full name, never the login name unless no name is known."""

from django.contrib.auth.models import AbstractBaseUser


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return ""
    full = " ".join(part for part in (getattr(user, "first_name", ""), getattr(user, "last_name", "")) if part).strip()
    return full or user.get_username()
