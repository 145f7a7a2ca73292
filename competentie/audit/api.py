"""The audit log's small API. Imported by the package before apps are ready, so models load lazily."""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


_origin: ContextVar[tuple[str | None, str]] = ContextVar("audit_origin", default=(None, ""))


def origin_set(*, ip_address: str | None, user_agent: str):
    """Where the current request comes from; every event written while it runs carries it."""
    return _origin.set((ip_address or None, (user_agent or "")[:300]))


def origin_reset(token) -> None:
    _origin.reset(token)


def _actor(user: AbstractBaseUser | None):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def event(
    actor: AbstractBaseUser | None,
    obj: models.Model,
    action: str,
    *,
    within: models.Model | None = None,
    at=None,
    purpose: str = "",
    result: str = "ok",
    **params,
):
    """An unsaved event, for `record_many` (generators and bulk writes).

    `purpose` and `result` are columns of the Logboek Dataverwerkingen (reads.py sets them for
    reads); an app that names a parameter so passes it under another name."""
    from django.contrib.contenttypes.models import ContentType

    from .models import AuditEvent

    row = AuditEvent(
        actor=_actor(actor),
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        content_id=obj.pk,
        action=action,
        params=params,
        purpose=purpose,
        result=result,
    )
    row.ip_address, row.user_agent = _origin.get()
    if within is not None:
        row.within_type = ContentType.objects.get_for_model(within, for_concrete_model=True)
        row.within_id = within.pk
    if at is not None:
        row.at = at
    return row


def record(
    actor: AbstractBaseUser | None, obj: models.Model, action: str, *, within: models.Model | None = None, **params
):
    """Write one event: `actor` did `action` to `obj`, with parameters for the sentence shown later."""
    row = event(actor, obj, action, within=within, **params)
    row.save()
    return row


def record_many(events: Iterable, *, batch_size: int = 1000) -> None:
    """Write many events in one go, chained in the order given (chain.py)."""
    from .chain import chain_append
    from .models import AuditEvent

    rows = list(events)
    if rows:
        chain_append(rows, lambda chained: AuditEvent.objects.bulk_create(chained, batch_size=batch_size))


def history_for(obj: models.Model, *, actions: Iterable[str] | None = None, limit: int | None = None):
    """The object's events, newest first, with the acting user; one query, whatever the size."""
    from .models import AuditEvent

    # Reads of personal data (reads.py) are for the privacy officer's export, not the object's history.
    events = AuditEvent.objects.about(obj).exclude(action="data.read").select_related("actor").order_by("-at", "-pk")
    if actions is not None:
        events = events.filter(action__in=list(actions))
    return events[:limit] if limit is not None else events


def history_for_many(objects: Iterable[models.Model], *, limit: int | None = None):
    """The events of several objects of one model (all versions of a framework), newest first."""
    from .models import AuditEvent

    objects = list(objects)
    if not objects:
        return AuditEvent.objects.none()
    meta = objects[0]._meta.concrete_model._meta
    ids = [o.pk for o in objects]
    same_kind = models.Q(content_type__app_label=meta.app_label, content_type__model=meta.model_name)
    events = (
        AuditEvent.objects.filter(same_kind, content_id__in=ids)
        .exclude(action="data.read")
        .select_related("actor")
        .order_by("-at", "-pk")
    )
    return events[:limit] if limit is not None else events


def _scrubbed(value, needles, replacement, scrub_text):
    if isinstance(value, str):
        return scrub_text(value, needles, replacement)
    if isinstance(value, list):
        return [_scrubbed(item, needles, replacement, scrub_text) for item in value]
    if isinstance(value, dict):
        return {key: _scrubbed(item, needles, replacement, scrub_text) for key, item in value.items()}
    return value


def scrub(*, needles: Iterable[str], replacement: str) -> int:
    """Erase a person's name or e-mail from every event's parameters; the events themselves stay.

    Registered with `competentie.privacy.logs_scrub`, which a candidate purge calls.
    """
    import json

    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    from competentie.privacy import scrub_text

    from .models import AuditEvent

    needles = [needle for needle in needles if needle]
    if not needles:
        return 0
    mentions = Q(pk__in=[])
    for needle in needles:
        mentions |= Q(params_text__icontains=needle) | Q(params_text__icontains=json.dumps(needle)[1:-1])
    events = AuditEvent.objects.annotate(params_text=Cast("params", TextField())).filter(mentions)
    redacted = []
    for event in events:
        params = _scrubbed(event.params, needles, replacement, scrub_text)
        if params != event.params:
            AuditEvent.objects.filter(pk=event.pk).redact(params=params)
            redacted.append(event)
    if redacted:
        # The chain stays valid (the hash seals a salted digest, not the text; chain.py) and says
        # which lines a purge rewrote, so a rewrite without a purge stands out.
        from .models import ChainHead

        head = ChainHead.objects.filter(pk=1).first() or ChainHead.objects.create(pk=1)
        record(None, head, "audit.redacted", lines=sorted(event.seq for event in redacted if event.seq))
    return len(redacted)
