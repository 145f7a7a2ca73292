"""What each action code means, in words: a translatable template per code, rendered when read.

Apps register their events in `<app>/audit_events.py` (loaded at start-up by the audit app):

    audit.register({"score.revised": _("%(field)s gewijzigd van %(old)s in %(new)s (%(reason)s)")})

A template is a lazy gettext string with %(name)s placeholders filled from the event's
parameters, or a function of the parameters for events whose wording depends on them.
"""

from collections.abc import Callable

from django.utils.translation import gettext

Template = str | Callable[[dict], str]

_EVENTS: dict[str, Template] = {}


def register(events: dict[str, Template]) -> None:
    for code, template in events.items():
        if code in _EVENTS and _EVENTS[code] is not template:
            raise ValueError(f"audit event {code!r} is registered twice")
        _EVENTS[code] = template


def is_registered(code: str) -> bool:
    return code in _EVENTS


def render(code: str, params: dict) -> str:
    """The event in the active language. Rows migrated from the old logs carry their sentence."""
    if "_text" in params:
        return params["_text"]
    template = _EVENTS.get(code)
    if template is None:
        return gettext("Onbekende gebeurtenis %(code)s") % {"code": code}
    if callable(template):
        return template(params)
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)
