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
    text = number_format(round(abs(value), 2), 2)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


@register.filter
def decimal(value):
    """A figure with two decimals, Dutch style; a dash when unknown."""
    if value is None:
        return "—"
    # number_format cuts off digits; round first so that 0,329 reads 0,33.
    return number_format(round(value, 2), 2).replace("-", "−")


@register.filter
def p_value(value):
    """p with three decimals, and "< 0,001" below that (as APA style writes it)."""
    if value is None:
        return "—"
    return "< " + number_format(0.001, 3) if value < 0.001 else number_format(round(value, 3), 3)


@register.filter
def add_rows(first, second):
    return list(first) + list(second)
