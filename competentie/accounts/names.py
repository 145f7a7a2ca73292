"""How a person is shown: the full name, never the login name unless no name is known."""

from django.contrib.auth.models import AbstractBaseUser


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None or user == "":
        return ""
    if not hasattr(user, "get_username"):
        return str(user)  # already a name (an Assessor of the calibration matrix, a string)
    full = " ".join(part for part in (getattr(user, "first_name", ""), getattr(user, "last_name", "")) if part).strip()
    return full or user.get_username()
