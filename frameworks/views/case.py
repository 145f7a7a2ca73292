"""CASE 1.1 REST read endpoints (getCFDocuments, getCFDocument, getCFPackage, getCFItem, getCFAssociation).

Public on purpose (`login_not_required`): the seeded libraries are readable by anyone, an
organisation's published versions only by its members (the read API's `visible_to(user)`) unless
the organisation shares them for subscription (`open_to_all()`), and a version that is not
published by no one. Whatever is not readable is a 404 in the binding's
status format, never a hint that it exists.
"""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .. import selectors
from ..interchange.case import EXTENSION, document_identifier, framework_to_case
from ..interchange.selectors import framework_for_export, framework_pk_for_identifier


def _json(payload: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})


def _unknown(identifier: str) -> JsonResponse:
    return _json(
        {
            "imsx_codeMajor": "failure",
            "imsx_severity": "error",
            "imsx_description": "Unknown Object",
            "imsx_codeMinor": {
                "imsx_codeMinorField": [
                    {"imsx_codeMinorFieldName": "sourcedId", "imsx_codeMinorFieldValue": "unknownobject"}
                ]
            },
        },
        status=404,
    )


def _package(request, identifier: str) -> dict:
    """The package of the readable, frozen framework an identifier belongs to (Http404 otherwise)."""
    pk = framework_pk_for_identifier(identifier)
    if pk is None:
        raise Http404
    # Anyone reads what is published; the owner's members also read their concepts, so the links
    # in a concept's export work for them (visible_to keeps everyone else out).
    framework = framework_for_export(
        user=request.user, pk=pk, frozen_only=not request.user.is_authenticated, shared=True
    )
    return framework_to_case(framework, absolute=request.build_absolute_uri)


def _document(request, package: dict) -> dict:
    document = dict(package["CFDocument"])
    document["CFPackageURI"] = {
        "title": document["title"][:200],
        "identifier": document["identifier"],
        "uri": request.build_absolute_uri(reverse("case:package", args=[document["identifier"]])),
    }
    return document


def _document_link(package: dict) -> dict:
    document = package["CFDocument"]
    return {"title": document["title"][:200], "identifier": document["identifier"], "uri": document["uri"]}


@login_not_required
@require_GET
def document_list(request):
    frameworks = selectors.case_frameworks(user=request.user)
    documents = []
    for framework in frameworks:
        identifier = document_identifier(framework)
        documents.append(
            {
                "identifier": identifier,
                "uri": request.build_absolute_uri(reverse("case:document", args=[identifier])),
                "creator": framework.organisation.name if framework.organisation else "Competentie (bibliotheek)",
                "title": framework.name,
                "lastChangeDateTime": (framework.published_at or framework.updated_at).strftime(
                    "%Y-%m-%dT%H:%M:%S+00:00"
                ),
                "version": str(framework.version),
                "language": "nl",
                "CFPackageURI": {
                    "title": framework.name[:200],
                    "identifier": identifier,
                    "uri": request.build_absolute_uri(reverse("case:package", args=[identifier])),
                },
                # Every version of one framework names its first version: a subscriber finds the newest.
                "extensions": {EXTENSION: {"lineage": str((framework.first_version or framework).uuid)}},
            }
        )
    return _json({"CFDocuments": documents})


@login_not_required
@require_GET
def document_detail(request, document_id):
    try:
        package = _package(request, document_id)
    except Http404:
        return _unknown(document_id)
    if package["CFDocument"]["identifier"] != document_id:
        return _unknown(document_id)
    return _json(_document(request, package))


@login_not_required
@require_GET
def package_detail(request, document_id):
    try:
        package = _package(request, document_id)
    except Http404:
        return _unknown(document_id)
    if package["CFDocument"]["identifier"] != document_id:
        return _unknown(document_id)
    return _json(package)


def _member(request, identifier: str, key: str):
    try:
        package = _package(request, identifier)
    except Http404:
        return _unknown(identifier)
    found = next((entry for entry in package[key] if entry["identifier"] == identifier), None)
    if found is None:
        return _unknown(identifier)
    return _json({**found, "CFDocumentURI": _document_link(package)})


@login_not_required
@require_GET
def item_detail(request, item_id):
    return _member(request, item_id, "CFItems")


@login_not_required
@require_GET
def association_detail(request, association_id):
    return _member(request, association_id, "CFAssociations")
