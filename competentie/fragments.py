"""Rendered page fragments kept in Django's cache, for content that changes rarely or never.

The one place where a page keeps HTML between requests. A fragment belongs to an *owner* row (a
framework, a self-evaluation round, a procedure) that carries a ``content_stamp``: the page reads the
owner anyway, so the stamp costs no query, and a fragment is filed under the stamp it was rendered
at. The services that write the owner's content call ``content_changed`` (one UPDATE, inside their
transaction), so the next request renders afresh; a fragment of an old stamp is never shown again
and leaves the cache when it expires. Cached HTML holds no form token and nothing that depends on
who asks, except what the caller puts in ``variant`` (e.g. whether edit links are shown).
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

# A fragment nobody asks for leaves the cache after a day.
FRAGMENT_SECONDS = 24 * 60 * 60


class FragmentOwner(models.Model):
    """A row whose page parts are cached: its stamp counts the changes to what those parts show."""

    content_stamp = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Only content_changed writes the stamp: a copy of the row read before a change must not put
        # the old stamp back when it is saved.
        if self.pk is not None and not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "content_stamp"
            ]
        super().save(*args, **kwargs)


def _key(owner: FragmentOwner, name: str, variant: str) -> str:
    return ":".join(
        ["fragment", owner._meta.label_lower, str(owner.pk), str(owner.content_stamp), name, variant]
        + [translation.get_language() or ""]
    )


def fragment(owner: FragmentOwner, *, name: str, render: Callable[[], str], variant: str = "") -> SafeString:
    """The fragment's HTML from the cache (one read), or ``render()`` (which reads the database) when
    the owner changed since it was stored."""
    return fragments_many([(owner, name, variant, render)])[0]


def fragments_many(wanted: list[tuple[FragmentOwner, str, str, Callable[[], str]]]) -> list[SafeString]:
    """Several fragments at once, each as ``fragment(owner, name=, variant=, render=)``: one cache read
    for all of them (a page with a fragment per line or per group costs one query, not one per part);
    those missing are rendered and stored together."""
    keys = [_key(owner, name, variant) for owner, name, variant, _render in wanted]
    found = cache.get_many(keys)
    rendered = {key: str(render()) for key, (_owner, _name, _variant, render) in zip(keys, wanted) if key not in found}
    if rendered:
        cache.set_many(rendered, timeout=FRAGMENT_SECONDS)
    return [mark_safe(found[key] if key in found else rendered[key]) for key in keys]


def kept(owner: FragmentOwner, *, name: str, compute: Callable[[], dict], variant: str = "") -> dict:
    """Like ``fragment``, for a rendered part that comes with a few plain values the page needs beside it
    (counts, which rows it shows): ``compute()`` returns a dict of plain values (strings, numbers, lists),
    kept under the same key rules. Its HTML is the caller's to mark safe."""
    key = _key(owner, name, variant)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=FRAGMENT_SECONDS)
    return value


def content_changed(owner: FragmentOwner) -> None:
    """The owner's cached fragments are out of date from this write on (rolled back with it)."""
    type(owner).objects.filter(pk=owner.pk).update(content_stamp=F("content_stamp") + 1)
    owner.content_stamp += 1
