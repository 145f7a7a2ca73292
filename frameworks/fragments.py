"""A framework's rendered parts in the cache (competentie/fragments.py), the framework their owner.

Every write to a framework's content goes through services._common.ensure_can_change, which marks the
content changed; a published version and a library never change, so their parts are rendered once.
"""

from collections.abc import Callable

from competentie import fragments


def content_fragment(framework, *, name: str, render: Callable[[], str], variant: str = ""):
    return fragments.fragment(framework, name=name, variant=variant, render=render)


def content_changed(framework) -> None:
    fragments.content_changed(framework)
