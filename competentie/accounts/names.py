"""How a person is shown: the full name, never the login name unless no name is known."""

from django.contrib.auth.models import AbstractBaseUser


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None or user == "":
        return ""
    if not hasattr(user, "get_username"):
        return str(user)  # already a name (an Assessor of the calibration matrix, a string)
    return name_from_parts(getattr(user, "first_name", ""), getattr(user, "last_name", ""), user.get_username())


def name_from_parts(first_name: str, last_name: str, username: str) -> str:
    """display_name of a user read as plain values (a long list that needs no model instances)."""
    full = " ".join(part for part in (first_name, last_name) if part).strip()
    return full or username
