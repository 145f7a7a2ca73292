"""Small helpers shared by the authoring views: access refusals and service errors onto forms."""

from django.contrib import messages
from django.core.exceptions import BadRequest, ValidationError
from django.shortcuts import redirect

from .. import access
from ..services import FROZEN_MESSAGE


def frozen_redirect(request, framework):
    """A published version (or library) is read-only: say so and go back to the framework page."""
    if framework.is_frozen:
        messages.error(request, FROZEN_MESSAGE)
        return redirect("frameworks:framework-detail", framework.pk)
    return None


def refuse_unless_editable(request, framework):
    """Before any edit: a 403 for a non-author, and a redirect with a message for a frozen version."""
    access.require(access.can_edit_framework(request.user, framework))
    return frozen_redirect(request, framework)


def call_service(form, call):
    """Run a service; a ValidationError becomes a form error. Returns (ok, result)."""
    try:
        return True, call()
    except ValidationError as error:
        form.add_error(None, error)
        return False, None


def service_or_message(request, call) -> bool:
    """For buttons without a form: a ValidationError becomes an error message."""
    try:
        call()
        return True
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False


def direction_of(request) -> str:
    direction = request.POST.get("direction", "")
    if direction not in {"up", "down"}:
        raise BadRequest("direction must be up or down")
    return direction
