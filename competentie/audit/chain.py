"""The audit log as a hash chain: each line carries the hash of the one before (tamper-evident).

A line's hash seals its position (`seq`), the previous line's hash and every field that says what
happened — when, who (user id), what (action, object type and id, the container), why (purpose),
how it ended (result) — plus a *digest* of the rest: the parameters and the origin (address and
browser). The digest is salted with a random value stored on the line. When a purge must erase a
person's name from an old line's parameters (`competentie.privacy.logs_scrub`), the parameters are
rewritten and the salt is emptied: the line's hash, and so the chain, stays valid, while the
digest can no longer be tied to what was written (no dictionary attack on a known name). Such a
line counts as redacted, and the purge appends a line `audit.redacted` naming the redacted line
numbers; `chain_verify` refuses a redacted line that no later `audit.redacted` line accounts for.

Appends are serialised on the single `ChainHead` row (SELECT … FOR UPDATE inside the writing
transaction on PostgreSQL; SQLite runs every transaction as BEGIN IMMEDIATE, see settings.py), so
two requests never chain onto the same line; the unique `seq` refuses a fork should one slip by.
Retention deletes only a head of the chain (the oldest lines) and records where it cut in
`ChainHead.pruned_seq/pruned_hash` and with a line `audit.pruned`.

The chain detects edits and deletions by anyone who cannot also recompute every later hash and the
head; someone with full write access to the database can. Against that, export the log regularly
(`manage.py export_audit_log`) to storage the application cannot write: an exported line's hash
then pins every line before it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

GENESIS = ""


def _canonical(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def normalised(params) -> dict:
    """The parameters as they read back from the JSON column (dates as strings, tuples as lists)."""
    return json.loads(_canonical(params or {}))


def params_digest(*, salt: str, params, ip_address, user_agent) -> str:
    material = _canonical({"params": normalised(params), "ip": ip_address or "", "ua": user_agent or ""})
    return hashlib.sha256((salt + material).encode()).hexdigest()


def _at(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def line_hash(
    *,
    seq,
    prev_hash,
    at,
    actor_id,
    content_type: str,
    content_id,
    within_type: str,
    within_id,
    action,
    purpose,
    result,
    digest,
) -> str:
    sealed = {
        "seq": seq,
        "prev": prev_hash,
        "at": _at(at),
        "actor": actor_id,
        "type": content_type,
        "id": content_id,
        "within_type": within_type,
        "within_id": within_id,
        "action": action,
        "purpose": purpose,
        "result": result,
        "digest": digest,
    }
    return hashlib.sha256(_canonical(sealed).encode()).hexdigest()


def _label(content_type_id) -> str:
    if content_type_id is None:
        return ""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def row_hash(row, *, digest: str | None = None) -> str:
    return line_hash(
        seq=row.seq,
        prev_hash=row.prev_hash,
        at=row.at,
        actor_id=row.actor_id,
        content_type=_label(row.content_type_id),
        content_id=row.content_id,
        within_type=_label(row.within_type_id),
        within_id=row.within_id,
        action=row.action,
        purpose=row.purpose,
        result=row.result,
        digest=row.params_digest if digest is None else digest,
    )


def row_digest(row) -> str:
    return params_digest(salt=row.params_salt, params=row.params, ip_address=row.ip_address, user_agent=row.user_agent)


def _head(*, lock: bool):
    from .models import ChainHead

    heads = ChainHead.objects.select_for_update() if lock else ChainHead.objects.all()
    head = heads.filter(pk=1).first()
    if head is None:  # a fresh (or flushed) database: the chain starts here
        head = ChainHead.objects.create(pk=1)
    return head


def chain_append(rows: list, write: Callable[[list], None]) -> None:
    """Give `rows` (unsaved events) their place in the chain and write them with `write`, atomically.

    Three queries whatever the number of rows: lock the head, write the rows, move the head.
    """
    with transaction.atomic(savepoint=False):
        head = _head(lock=True)
        seq, prev = head.seq, head.hash
        for row in rows:
            seq += 1
            row.seq, row.prev_hash = seq, prev
            row.params = normalised(row.params)
            row.params_salt = secrets.token_hex(16)
            row.params_digest = row_digest(row)
            row.hash = prev = row_hash(row)
        write(rows)
        head.seq, head.hash = seq, prev
        head.save(update_fields=["seq", "hash"])


@dataclass
class Verdict:
    ok: bool = True
    checked: int = 0
    redacted: int = 0
    broken_seq: int | None = None
    broken_pk: int | None = None
    reason: str = ""
    unaccounted: list[int] = field(default_factory=list)

    def fail(self, row, reason: str) -> Verdict:
        self.ok = False
        self.broken_seq = getattr(row, "seq", None)
        self.broken_pk = getattr(row, "pk", None)
        self.reason = reason
        return self


def chain_verify(*, chunk_size: int = 2000) -> Verdict:
    """Walk the chain from its oldest kept line; the first line that does not hold is named."""
    from .models import AuditEvent

    verdict = Verdict()
    head = _head(lock=False)
    unchained = AuditEvent.objects.filter(seq__isnull=True).order_by("pk").first()
    if unchained is not None:
        return verdict.fail(unchained, "line has no place in the chain")
    expected_seq, prev = head.pruned_seq + 1, head.pruned_hash
    redacted: set[int] = set()
    accounted: set[int] = set()
    for row in AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size):
        if row.seq != expected_seq:
            missing = "missing lines before it" if row.seq > expected_seq else "line number out of order"
            return verdict.fail(row, f"expected line {expected_seq}: {missing}")
        if row.prev_hash != prev:
            return verdict.fail(row, "does not carry the hash of the line before")
        if row_hash(row) != row.hash:
            return verdict.fail(row, "its contents do not match its hash")
        if row.params_salt:
            if row_digest(row) != row.params_digest:
                return verdict.fail(row, "its parameters or origin do not match their digest")
        else:
            redacted.add(row.seq)
        if row.action == "audit.redacted":
            accounted.update(int(line) for line in (row.params or {}).get("lines", []))
        verdict.checked += 1
        expected_seq, prev = row.seq + 1, row.hash
    if expected_seq - 1 != head.seq or prev != head.hash:
        return verdict.fail(None, f"the chain ends at line {expected_seq - 1}, its head says {head.seq}")
    verdict.redacted = len(redacted)
    unaccounted = sorted(redacted - accounted)
    if unaccounted:
        verdict.unaccounted = unaccounted
        first = AuditEvent.objects.get(seq=unaccounted[0])
        return verdict.fail(first, "redacted without a later audit.redacted line")
    return verdict


def chain_prune(*, cutoff: datetime) -> int:
    """Delete the lines older than `cutoff` that form a head of the chain; later lines all stay.

    A line that is old but follows a newer one (a back-dated event) stays until everything before it
    may go: retention never cuts a hole in the chain. Records the cut and appends `audit.pruned`.
    """
    from . import api
    from .models import AuditEvent

    with transaction.atomic():
        head = _head(lock=True)
        first_kept = AuditEvent.objects.filter(at__gte=cutoff).order_by("seq").values_list("seq", flat=True).first()
        through = head.seq if first_kept is None else first_kept - 1
        if through <= head.pruned_seq:
            return 0
        last_gone = AuditEvent._base_manager.filter(seq=through).values_list("hash", flat=True).first()
        deleted, _ = AuditEvent._base_manager.filter(seq__lte=through).delete()
        head.pruned_seq, head.pruned_hash = through, last_gone or head.hash
        head.save(update_fields=["pruned_seq", "pruned_hash"])
    api.record(None, head, "audit.pruned", through=through, count=deleted)
    return deleted


def export_lines(*, start: datetime | None = None, end: datetime | None = None) -> Iterable[str]:
    """The lines of a period as JSON lines, oldest first; ids only, never names (see SECURITY.md)."""
    from .models import AuditEvent

    events = AuditEvent.objects.order_by("seq")
    if start is not None:
        events = events.filter(at__gte=start)
    if end is not None:
        events = events.filter(at__lt=end)
    for row in events.iterator(chunk_size=2000):
        yield _canonical(
            {
                "seq": row.seq,
                "at": _at(row.at),
                "actor": row.actor_id,
                "action": row.action,
                "object_type": _label(row.content_type_id),
                "object_id": row.content_id,
                "within_type": _label(row.within_type_id),
                "within_id": row.within_id,
                "purpose": row.purpose,
                "result": row.result,
                "ip_address": row.ip_address,
                "user_agent": row.user_agent,
                "params_digest": row.params_digest,
                "prev_hash": row.prev_hash,
                "hash": row.hash,
            }
        )
