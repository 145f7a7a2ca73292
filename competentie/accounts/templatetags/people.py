from django import template

from ..names import display_name

register = template.Library()


@register.filter(name="person")
def person(user) -> str:
    """`{{ user|person }}`: the full name (the login name only when no name is known)."""
    return display_name(user)
