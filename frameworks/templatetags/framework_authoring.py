"""The access predicates of frameworks.access, for templates (to show or hide authoring buttons)."""

from django import template

from .. import access, selectors
from ..services import STEPS, steps_progress

register = template.Library()


@register.filter
def editable_by(framework, user) -> bool:
    """The user authors this framework (HR of its organisation), published or not."""
    return access.can_edit_framework(user, framework)


@register.filter
def changeable_by(framework, user) -> bool:
    """The user authors this framework and it is still a draft."""
    return access.can_change_framework(user, framework)


@register.filter
def derivable_by(framework, user) -> bool:
    return access.can_derive_framework(user, framework)


@register.simple_tag
def stappenplan(framework) -> dict:
    """The seven steps with the recorded progress (framework.steps must be prefetched)."""
    items = steps_progress(framework.steps.all())
    return {"items": items, "done": sum(item.done for item in items), "total": len(STEPS)}


@register.simple_tag
def step_count():
    return len(STEPS)


@register.simple_tag
def can_create_framework(user) -> bool:
    return access.can_create_framework(user)


@register.filter
def in_tree(clusters):
    """Clusters in the order of their tree, each with `depth` and `indent` (nested clusters, issue 29)."""
    return selectors.clusters_in_tree(clusters)
