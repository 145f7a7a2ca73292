from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def signed(value):
    """A difference with its sign: +0,40 or −0,20; a dash when unknown."""
    if value is None:
        return "—"
    text = number_format(abs(value), 2)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)
