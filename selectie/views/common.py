from django.core.exceptions import ValidationError
from django.http import Http404

from .. import access, selectors


def hr_procedure(request, pk):
    """Another organisation's procedure is not found; a member without HR role gets a 403."""
    procedure = selectors.procedure_get(user=request.user, pk=pk)
    access.require(access.is_hr(request.user, procedure))
    return procedure


def member_procedure(request, pk) -> tuple:
    """(procedure, is_hr) for HR and for selecteurs assigned in it; anyone else: not found."""
    procedure = selectors.procedure_get(user=request.user, pk=pk)
    is_hr = access.is_hr(request.user, procedure)
    if not is_hr and not selectors.procedure_is_assigned(user=request.user, procedure=procedure):
        raise Http404
    return procedure, is_hr


def add_errors(form, error: ValidationError) -> None:
    for message in error.messages:
        form.add_error(None, message)
