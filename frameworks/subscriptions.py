"""Subscriptions between organisations (issue 29, item 6): fetch, compare, adopt.

A subscription follows a published framework of another organisation or a library, on this
installation (a `FrameworkShare`d framework or a library) or on another one through its CASE 1.1
REST address (the CFPackage URL). Both kinds are read as the same CASE package, turned into a
snapshot keyed by each item's lineage key (the identifier it had in the first version it appeared
in, see interchange.case.lineage_key), so two versions compare item by item:

- added, removed, reworded (per field: old → new) in the source since the version last adopted;
- a conflict where the subscriber changed (or deleted) that item in its own copy since then:
  adopted only when the user asks for it. Items the subscriber added stay untouched.

Adoption writes into the subscriber's copy (a concept) and records, per item, the source identifier
and version it came from (`SubscriptionItem`), and one audit line.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competentie import audit
from competentie.organisations.access import Role, has_role, organisation_ids
from competentie.organisations.models import Organisation

from .interchange.case import EXTENSION, framework_to_case, lineage_key
from .interchange.selectors import framework_for_export
from .models import (
    BehaviouralIndicator,
    Cluster,
    Competency,
    Framework,
    ProficiencyLevel,
    Subscription,
    SubscriptionItem,
)

MAX_BYTES = 50 * 1024 * 1024  # the same ceiling as a CASE file import through the queue
TIMEOUT_SECONDS = 15

# CFItemType of our own export -> kind; other packages' items get a kind from their place in the tree.
ITEM_TYPES = {
    "Beheersingsniveau": "level",
    "Cluster": "cluster",
    "Competentie": "competency",
    "Gedragsindicator": "indicator",
}
FIELDS = {
    "level": ("name", "description"),
    "cluster": ("name", "description"),
    "competency": ("name", "definition"),
    "indicator": ("text",),
}
FIELD_LABELS = {
    "name": gettext_lazy("naam"),
    "description": gettext_lazy("omschrijving"),
    "definition": gettext_lazy("definitie"),
    "text": gettext_lazy("tekst"),
}
KIND_LABELS = {
    "level": gettext_lazy("Beheersingsniveau"),
    "cluster": gettext_lazy("Cluster"),
    "competency": gettext_lazy("Competentie"),
    "indicator": gettext_lazy("Gedragsindicator"),
}
KIND_ORDER = ["level", "cluster", "competency", "indicator"]  # parents before children


# --- Reading the source ------------------------------------------------------------------------


def _opener() -> urllib.request.OpenerDirector:
    """http and https only, also after a redirect (no file:, ftp: or data: handlers)."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler,
        urllib.request.HTTPSHandler,
        _CheckedRedirects,
        urllib.request.HTTPDefaultErrorHandler,
        urllib.request.HTTPErrorProcessor,
    ):
        opener.add_handler(handler())
    return opener


def check_address(url: str) -> str:
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(_("Geef een adres dat begint met http:// of https://."))
    if "/CFPackages/" not in parts.path:
        raise ValidationError(
            _("Dit is geen adres van een CASE-pakket. Het adres eindigt op /CFPackages/ en de identificatie.")
        )
    return url


def _refuse_internal(url: str) -> None:
    """Loopback, private and link-local addresses only where the installation allows them (settings)."""
    if settings.SUBSCRIPTIONS_ALLOW_INTERNAL_HOSTS:
        return
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return  # unreachable: the request itself says so
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise ValidationError(
                _("Het adres %(url)s ligt in een intern netwerk; daar haalt deze installatie niets op.") % {"url": url}
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is checked like the address itself: http(s), and not internal."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise urllib.error.URLError("redirect")
        _refuse_internal(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _get_json(url: str) -> dict:
    _refuse_internal(url)
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "Competentie"})
    try:
        with _opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            raw = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise ValidationError(
                _("Het adres %(url)s kent dit framework niet, of het is daar niet gedeeld.") % {"url": url}
            ) from None
        raise ValidationError(
            _("Het adres %(url)s antwoordde met een fout (%(code)s). Probeer het later opnieuw.")
            % {"url": url, "code": error.code}
        ) from None
    except (urllib.error.URLError, OSError, ValueError):
        raise ValidationError(
            _("Het adres %(url)s is niet bereikbaar. Controleer het adres of probeer het later opnieuw.") % {"url": url}
        ) from None
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("Het antwoord van %(url)s is groter dan 50 MB.") % {"url": url})
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise ValidationError(_("Het adres %(url)s gaf geen CASE-gegevens terug.") % {"url": url}) from None
    if not isinstance(data, dict):
        raise ValidationError(_("Het adres %(url)s gaf geen CASE-gegevens terug.") % {"url": url})
    return data


def _remote_package(url: str) -> dict:
    package = _get_json(check_address(url))
    if not isinstance(package.get("CFDocument"), dict) or not isinstance(package.get("CFItems", []), list):
        raise ValidationError(_("Het adres %(url)s gaf geen CASE-pakket terug.") % {"url": url})
    return package


def _remote_newest(subscription: Subscription) -> dict:
    """The newest published version of the same framework at the source: its CFDocuments name their lineage."""
    url = check_address(subscription.source_url)
    base = url.split("/CFPackages/", 1)[0]
    listing = _get_json(base + "/CFDocuments").get("CFDocuments") or []
    same = []
    for document in listing if isinstance(listing, list) else []:
        extension = (document.get("extensions") or {}).get(EXTENSION) or {} if isinstance(document, dict) else {}
        if extension.get("lineage") == subscription.source_lineage and document.get("identifier"):
            same.append(document)
    if not same:
        return _remote_package(url)
    newest = max(same, key=lambda d: int(d["version"]) if str(d.get("version", "")).isdigit() else 0)
    # The package is read from the subscribed installation itself, whatever URI the listing names.
    return _remote_package(f"{base}/CFPackages/{newest['identifier']}")


def local_sources(*, organisation: Organisation):
    """Published frameworks on this installation another organisation may subscribe to: newest versions."""
    frameworks = (
        Framework.objects.open_to_all()
        .frozen()
        .exclude(organisation=organisation)
        .select_related("organisation")
        .order_by("name", "-version")
    )
    newest = {}
    for framework in frameworks:
        newest.setdefault(framework.lineage_id, framework)
    return list(newest.values())


def _local_package(framework: Framework) -> dict:
    newest = Framework.objects.versions_of(framework).open_to_all().frozen().order_by("-version").first()
    if newest is None:
        raise ValidationError(_("Dit framework wordt niet meer gedeeld."))
    loaded = framework_for_export(user=AnonymousUser(), pk=newest.pk, frozen_only=True, shared=True)
    return framework_to_case(loaded, absolute=lambda path: path)


def _kinds(raw_items: list, parents: dict) -> dict[str, str]:
    """Our own item types as exported; another tool's items by their place in the tree (how deep below them
    it goes): two levels or more is a cluster, one a competency, a leaf under a competency an indicator."""
    children: dict[str, list] = {}
    for child, parent in parents.items():
        children.setdefault(parent, []).append(child)
    heights: dict[str, int] = {}

    def height(identifier: str, seen=()) -> int:
        if identifier not in heights:
            below = [c for c in children.get(identifier, []) if c not in seen]
            heights[identifier] = 1 + max((height(c, (*seen, identifier)) for c in below), default=-1)
        return heights[identifier]

    typed = {item["identifier"]: ITEM_TYPES.get(item.get("CFItemType")) for item in raw_items}
    kinds = {}
    for identifier, kind in typed.items():
        if kind is None:
            depth = height(identifier)
            kind = "cluster" if depth >= 2 else "competency" if depth == 1 else None
        kinds[identifier] = kind
    for identifier, kind in kinds.items():
        if kind is None:
            kinds[identifier] = "indicator" if kinds.get(parents.get(identifier)) == "competency" else "competency"
    return kinds


def snapshot_from_package(package: dict) -> dict:
    """{"document", "version", "title", "lineage", "items": {key: {"kind", "identifier", "parent", "fields", "order"}}}."""
    document = package.get("CFDocument") or {}
    extension = (package.get("extensions") or {}).get(EXTENSION) or {}
    item_lineage = extension.get("item_lineage") or {}
    document_id = str(document.get("identifier", ""))

    def key_of(identifier) -> str:
        return str(item_lineage.get(identifier, identifier))

    parents, levels = {}, {}
    for association in package.get("CFAssociations") or []:
        if not isinstance(association, dict):
            continue
        origin = (association.get("originNodeURI") or {}).get("identifier")
        destination = (association.get("destinationNodeURI") or {}).get("identifier")
        if association.get("associationType") == "isChildOf":
            parents.setdefault(origin, destination)
        elif association.get("associationType") == "hasSkillLevel":
            levels.setdefault(origin, destination)
    raw_items = [item for item in package.get("CFItems") or [] if isinstance(item, dict) and item.get("identifier")]
    known = {item["identifier"] for item in raw_items}
    try:
        kinds = _kinds(raw_items, {c: p for c, p in parents.items() if c in known and p in known})
    except RecursionError:
        raise ValidationError(_("Dit CASE-pakket is te diep genest om te vergelijken.")) from None
    items = {}
    for item in raw_items:
        identifier = item["identifier"]
        kind = kinds[identifier]
        parent = parents.get(identifier)
        full = str(item.get("fullStatement") or "")
        short = str(item.get("abbreviatedStatement") or "")
        if kind == "indicator":
            fields = {"text": full or short}
        else:
            fields = {"name": (short or full)[:200], FIELDS[kind][1]: full if short else ""}
        try:
            order = int(item.get("listEnumeration") or 0)
        except (TypeError, ValueError):
            order = 0
        items[key_of(identifier)] = {
            "kind": kind,
            "identifier": identifier,
            "parent": key_of(parent) if parent in known else None,
            "level": key_of(levels[identifier]) if identifier in levels else None,
            "fields": fields,
            "order": order,
        }
    return {
        "document": document_id,
        "version": str(document.get("version", "")),
        "title": str(document.get("title") or _("Framework zonder naam"))[:200],
        "description": str(document.get("description") or ""),
        "lineage": str(extension.get("lineage") or document_id),
        "items": items,
    }


def _source_snapshot(subscription: Subscription) -> dict:
    if subscription.is_remote:
        return snapshot_from_package(_remote_newest(subscription))
    if subscription.source_framework is None:
        raise ValidationError(_("Het framework waarop u geabonneerd bent, bestaat niet meer."))
    return snapshot_from_package(_local_package(subscription.source_framework))


# --- The subscriber's copy ---------------------------------------------------------------------


def _local_objects(copy: Framework) -> dict[str, object]:
    """Every level, cluster, competency and generic indicator of the copy, by its lineage key."""
    found = {}
    for model, lookup in (
        (ProficiencyLevel, "framework"),
        (Cluster, "framework"),
        (Competency, "framework"),
        (BehaviouralIndicator, "competency__framework"),
    ):
        rows = model.objects.filter(**{lookup: copy})
        if model is BehaviouralIndicator:
            rows = rows.select_related("competency")
        for obj in rows:
            found[lineage_key(obj)] = obj
    return found


def _fields_of(obj, kind: str) -> dict:
    return {name: getattr(obj, name) or "" for name in FIELDS[kind]}


@dataclass
class Change:
    """One item that differs between the version adopted and the new version of the source."""

    action: str  # "added", "removed", "reworded"
    kind: str
    key: str
    label: str
    fields: list = field(default_factory=list)  # [(label, old, new)] for "reworded"
    conflict: bool = False
    local: dict = field(default_factory=dict)  # the subscriber's own text where there is a conflict
    local_deleted: bool = False
    parent_label: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _label(item: dict) -> str:
    fields = item["fields"]
    return fields.get("name") or fields.get("text") or ""


def subscription_diff(*, subscription: Subscription, new: dict | None = None) -> list[Change]:
    """What changed in the source since the adopted version, with conflicts against the copy's own changes.

    Queries: the provenance rows and the copy's four item tables (5), whatever the size.
    """
    new = subscription.pending if new is None else new
    if not new:
        return []
    base = (subscription.snapshot or {}).get("items", {})
    wanted = new.get("items", {})
    mapped = {row.source_key: str(row.local_uuid) for row in subscription.items.all()}
    objects = _local_objects(subscription.copy) if mapped else {}

    def parent_label(item: dict) -> str:
        parent = wanted.get(item.get("parent") or "") or base.get(item.get("parent") or "")
        return _label(parent) if parent else ""

    def local_state(key: str, kind: str) -> tuple[dict | None, bool]:
        """(the copy's own fields, deleted) for an adopted item; (None, False) if never adopted."""
        if key not in mapped:
            return None, False
        obj = objects.get(mapped[key])
        return (_fields_of(obj, kind), False) if obj is not None else (None, True)

    changes = []
    for key, item in wanted.items():
        old = base.get(key)
        if old is None:
            changes.append(Change("added", item["kind"], key, _label(item), parent_label=parent_label(item)))
            continue
        differing = [
            (FIELD_LABELS[name], old["fields"].get(name, ""), item["fields"].get(name, ""))
            for name in FIELDS[item["kind"]]
            if old["fields"].get(name, "") != item["fields"].get(name, "")
        ]
        if not differing:
            continue
        local, deleted = local_state(key, item["kind"])
        own_change = local is not None and local != {n: old["fields"].get(n, "") for n in FIELDS[item["kind"]]}
        changes.append(
            Change(
                "reworded",
                item["kind"],
                key,
                _label(old),
                fields=differing,
                conflict=own_change or deleted,
                local=local or {},
                local_deleted=deleted,
                parent_label=parent_label(item),
            )
        )
    for key, old in base.items():
        if key in wanted:
            continue
        local, deleted = local_state(key, old["kind"])
        if deleted or key not in mapped:
            continue  # the copy no longer has it either
        own_change = local != {n: old["fields"].get(n, "") for n in FIELDS[old["kind"]]}
        changes.append(
            Change(
                "removed", old["kind"], key, _label(old), conflict=own_change, local=local or {},
                parent_label=parent_label(old),
            )
        )  # fmt: skip
    changes.sort(key=lambda c: (KIND_ORDER.index(c.kind), c.action, c.label))
    return changes


# --- Writes ------------------------------------------------------------------------------------


def subscription_check(*, subscription: Subscription) -> list[Change]:
    """Fetch the newest version of the source; keep it as pending when it is not the one adopted.

    A source that cannot be read leaves everything as it was and raises ValidationError (Dutch message).
    """
    subscription.checked_at = timezone.now()
    try:
        snapshot = _source_snapshot(subscription)
    except ValidationError as error:
        subscription.check_error = " ".join(error.messages)
        subscription.save(update_fields=["checked_at", "check_error"])
        raise
    subscription.check_error = ""
    adopted = (subscription.snapshot or {}).get("document")
    subscription.pending = {} if snapshot["document"] == adopted else snapshot
    subscription.save(update_fields=["checked_at", "check_error", "pending"])
    return subscription_diff(subscription=subscription)


def _create_local(kind: str, item: dict, *, copy: Framework, placed: dict):
    fields = item["fields"]
    parent = placed.get(item.get("parent") or "")
    if kind == "level":
        return ProficiencyLevel.objects.create(framework=copy, order=item["order"], **fields)
    if kind == "cluster":
        return Cluster.objects.create(
            framework=copy, order=item["order"], parent=parent if isinstance(parent, Cluster) else None, **fields
        )
    if kind == "competency":
        return Competency.objects.create(
            framework=copy, order=item["order"], cluster=parent if isinstance(parent, Cluster) else None, **fields
        )
    if not isinstance(parent, Competency):
        return None  # an indicator whose competency the copy does not have
    level = placed.get(item.get("level") or "")
    return BehaviouralIndicator.objects.create(
        competency=parent,
        order=item["order"],
        level=level if isinstance(level, ProficiencyLevel) else None,
        **fields,
    )


def _working_version(*, copy: Framework, user: AbstractBaseUser | None) -> Framework:
    """A published copy does not change: adopt into its newest concept version, made now if there is none.

    Its items keep their lineage keys (services/copying.py), so the provenance rows still find them.
    """
    from .services import framework_new_version

    newest = Framework.objects.versions_of(copy).order_by("-version").first() or copy
    if not newest.is_frozen:
        return newest
    try:
        return framework_new_version(framework=newest, user=user)
    except PermissionDenied:
        raise ValidationError(
            _("Uw kopie “%(name)s” is vastgesteld. Alleen HR kan er een nieuwe versie van maken om over te nemen.")
            % {"name": copy.name}
        ) from None


@transaction.atomic
def subscription_adopt(
    *, subscription: Subscription, user: AbstractBaseUser | None, overwrite: set[str] | frozenset = frozenset()
) -> dict:
    """Adopt the pending version into the copy; conflicts only where their key is in `overwrite`.

    Returns the counts {"added", "removed", "reworded", "kept"}; one audit line on the copy.
    """
    subscription = Subscription.objects.select_for_update().select_related("copy").get(pk=subscription.pk)
    new = subscription.pending
    if not new:
        raise ValidationError(_("Er is geen nieuwe versie om over te nemen. Controleer eerst op updates."))
    copy = subscription.copy
    if copy.is_frozen:
        copy = _working_version(copy=copy, user=user)
        subscription.copy = copy
        subscription.save(update_fields=["copy"])
    changes = subscription_diff(subscription=subscription, new=new)
    version = new["version"]
    rows = {row.source_key: row for row in subscription.items.all()}
    objects = _local_objects(copy)
    placed = {key: objects[str(row.local_uuid)] for key, row in rows.items() if str(row.local_uuid) in objects}
    counts = {"added": 0, "removed": 0, "reworded": 0, "kept": 0}
    items = new["items"]
    for change in changes:
        if change.conflict and change.key not in overwrite:
            counts["kept"] += 1
            continue
        row = rows.get(change.key)
        if change.action == "removed":
            obj = placed.pop(change.key, None)
            try:
                with transaction.atomic():
                    if obj is not None:
                        obj.delete()
            except ProtectedError:  # used in a profile or a selection of the copy: it stays
                counts["kept"] += 1
                placed[change.key] = obj
                continue
            if row is not None:
                row.delete()
            counts["removed"] += 1
            continue
        item = items[change.key]
        obj = placed.get(change.key)
        if obj is None:  # added, or reworded where the copy had deleted it and the user takes it back
            obj = _create_local(change.kind, item, copy=copy, placed=placed)
            if obj is None:
                counts["kept"] += 1
                continue
            placed[change.key] = obj
            if row is not None:
                row.delete()
            row = SubscriptionItem(subscription=subscription, kind=change.kind, source_key=change.key)
            row.local_uuid = lineage_key(obj)
        else:
            for name, value in item["fields"].items():
                setattr(obj, name, value)
            obj.revision += 1
            obj.save()
        row.source_identifier = item["identifier"]
        row.source_version = version
        row.save()
        counts["added" if change.action == "added" else "reworded"] += 1
    # Unchanged items keep their provenance version; their identifier in the new version is noted.
    for key, row in rows.items():
        if key in items and row.pk is not None and row.source_identifier != items[key]["identifier"]:
            SubscriptionItem.objects.filter(pk=row.pk).update(source_identifier=items[key]["identifier"])
    subscription.snapshot = new
    subscription.pending = {}
    subscription.title = new["title"]
    subscription.save(update_fields=["snapshot", "pending", "title"])
    Framework.objects.filter(pk=copy.pk).update(revision=copy.revision + 1)
    audit.record(user, copy, "framework.subscription_adopt", source=subscription.title, version=version, **counts)
    return counts


@transaction.atomic
def subscription_create(
    *,
    organisation: Organisation,
    user: AbstractBaseUser,
    source_framework: Framework | None = None,
    source_url: str = "",
) -> Subscription:
    """Subscribe to a shared framework here (source_framework) or elsewhere (source_url): a copy as concept."""
    if source_framework is None:
        snapshot = snapshot_from_package(_remote_package(source_url))
    else:
        if source_framework.organisation_id == organisation.pk:
            raise ValidationError(_("U kunt zich niet abonneren op een framework van uw eigen organisatie."))
        snapshot = snapshot_from_package(_local_package(source_framework))
    copy = Framework(
        organisation=organisation,
        name=snapshot["title"],
        description=snapshot["description"],
        source=_("Abonnement op “%(title)s” (%(where)s).")
        % {"title": snapshot["title"], "where": source_url or _("deze installatie")},
    )
    copy.full_clean()
    copy.save()
    subscription = Subscription.objects.create(
        organisation=organisation,
        source_framework=source_framework,
        source_url=source_url.strip(),
        source_lineage=snapshot["lineage"],
        title=snapshot["title"],
        copy=copy,
        snapshot={"items": {}},
        pending=snapshot,
        checked_at=timezone.now(),
        created_by=user,
    )
    audit.record(user, copy, "framework.subscription_create", source=snapshot["title"], version=snapshot["version"])
    subscription_adopt(subscription=subscription, user=user)
    subscription.refresh_from_db()
    return subscription


def framework_share(*, framework: Framework, user: AbstractBaseUser, shared: bool) -> None:
    """Open (or close) every published version of a framework for subscription by others."""
    from .models import FrameworkShare

    lineage = Framework.objects.get(pk=framework.lineage_id)
    if shared:
        FrameworkShare.objects.get_or_create(lineage=lineage, defaults={"created_by": user})
    else:
        FrameworkShare.objects.filter(lineage=lineage).delete()
    audit.record(user, lineage, "framework.share" if shared else "framework.unshare", name=lineage.name)


# --- Reads -------------------------------------------------------------------------------------


def subscription_organisation_ids(user: AbstractBaseUser) -> list[int]:
    """Where the user manages subscriptions and shares: HR staff and administrators."""
    return organisation_ids(user, Role.HR, Role.BEHEERDER)


def can_manage_subscriptions(user: AbstractBaseUser, organisation_id: int | None) -> bool:
    return has_role(user, organisation_id, Role.HR, Role.BEHEERDER)


def subscription_list(*, user: AbstractBaseUser):
    return (
        Subscription.objects.filter(organisation_id__in=subscription_organisation_ids(user))
        .select_related("organisation", "copy", "source_framework")
        .order_by("organisation__name", "title", "pk")
    )


def subscriptions_all():
    """Every subscription, for the periodic check (no user: the task runs for the installation)."""
    return Subscription.objects.select_related("copy", "source_framework").order_by("pk")


def subscription_get(*, user: AbstractBaseUser, pk: int) -> Subscription:
    """Another organisation's subscription is a 404; the role is checked by the view (403)."""
    return get_object_or_404(
        Subscription.objects.filter(organisation_id__in=organisation_ids(user)).select_related(
            "organisation", "copy", "source_framework"
        ),
        pk=pk,
    )


def subscription_provenance(*, subscription: Subscription) -> list[dict]:
    """The copy's items with where each came from (or "eigen toevoeging"), in the copy's order."""
    rows = {str(row.local_uuid): row for row in subscription.items.all()}
    result = []
    for key, obj in _local_objects(subscription.copy).items():
        kind = (
            "indicator"
            if isinstance(obj, BehaviouralIndicator)
            else "competency"
            if isinstance(obj, Competency)
            else "cluster"
            if isinstance(obj, Cluster)
            else "level"
        )
        row = rows.get(key)
        base = (subscription.snapshot or {}).get("items", {}).get(row.source_key) if row else None
        result.append(
            {
                "kind": kind,
                "kind_label": KIND_LABELS[kind],
                "label": getattr(obj, "name", "") or getattr(obj, "text", ""),
                "owner": obj.competency.name if kind == "indicator" else "",
                "row": row,
                "changed_here": bool(base)
                and _fields_of(obj, kind) != {n: base["fields"].get(n, "") for n in FIELDS[kind]},
                "order": (KIND_ORDER.index(kind), getattr(obj, "order", 0)),
            }
        )
    result.sort(key=lambda entry: entry["order"])
    return result


def shareable_frameworks(*, user: AbstractBaseUser):
    """The user's organisations' published frameworks (first versions stand for their line), with their share."""
    frameworks = (
        Framework.objects.published()
        .owned_by(subscription_organisation_ids(user))
        .select_related("organisation", "first_version__share", "share")
        .order_by("name", "-version")
    )
    newest = {}
    for framework in frameworks:
        lineage = framework.first_version or framework
        newest.setdefault(framework.lineage_id, {"framework": framework, "shared": hasattr(lineage, "share")})
    return list(newest.values())
