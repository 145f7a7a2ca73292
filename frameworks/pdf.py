"""PDF documents of a profile and of a whole framework: context and template, and the store of published ones.

A published version never changes, so its PDF is rendered once and kept in Django's default
storage (files under MEDIA_ROOT); later requests stream the stored file. The stored name holds
the version's publication moment and the language, so a republished or translated document never
reuses an old file. Drafts and libraries are rendered on every request; a large framework's PDF
is rendered by a task (frameworks/tasks.py).
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

from competentie.pdf import render_pdf

from .selectors import competency_groups, matrix_build, matrix_profiles


def _levels_of(competency, levels):
    """A competency's generic indicators grouped per level, in the framework's level order."""
    indicators = list(competency.indicators.all())
    groups = [(level, [i for i in indicators if i.level_id == level.pk]) for level in levels]
    without = [i for i in indicators if i.level_id is None]
    groups = [(level, items) for level, items in groups if items]
    if without:
        groups.append((None, without))
    return groups


def _profile_rows(profile, levels):
    return [
        {
            "pc": pc,
            "competency": pc.competency,
            "generic": _levels_of(pc.competency, levels),
            "specific": list(pc.indicators.all()),
        }
        for pc in profile.profile_competencies.all()
    ]


def profile_context(profile) -> dict:
    framework = profile.framework
    levels = list(framework.levels.all())
    return {
        "profile": profile,
        "framework": framework,
        "levels": levels,
        "rows": _profile_rows(profile, levels),
        "children": [{"profile": child, "rows": _profile_rows(child, levels)} for child in profile.children.all()],
        "printed_at": timezone.localtime(),
    }


def framework_context(framework) -> dict:
    levels = list(framework.levels.all())
    clusters = list(framework.clusters.all())
    groups = [
        {
            "cluster": group["cluster"],
            "competencies": [{"competency": c, "generic": _levels_of(c, levels)} for c in group["competencies"]],
        }
        for group in competency_groups(clusters, framework.competencies.all())
    ]
    profiles = [
        {
            "profile": p,
            "rows": _profile_rows(p, levels),
            "children": [{"profile": ch, "rows": _profile_rows(ch, levels)} for ch in p.children.all()],
        }
        for p in framework.top_profiles
    ]
    return {
        "framework": framework,
        "levels": levels,
        "competency_groups": groups,
        "matrix": matrix_build(clusters, list(framework.competencies.all()), matrix_profiles(framework.top_profiles)),
        "has_clusters": bool(clusters),
        "profiles": profiles,
        "printed_at": timezone.localtime(),
    }


def stored_name(kind: str, pk: int, framework) -> str | None:
    """Where the PDF of a published version is kept (None for a draft or a library: not stored)."""
    if framework.published_at is None:
        return None
    moment = framework.published_at.strftime("%Y%m%d%H%M%S")
    return f"pdf/{kind}-{pk}-v{framework.version}-{moment}-{get_language() or 'nl'}.pdf"


def _stored_or_rendered(name: str | None, render) -> tuple[bytes | None, str | None]:
    """(rendered bytes, None) for a draft; (None, stored name) for a published version, rendering it once."""
    if name is None:
        return render(), None
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(render()))
    return None, name


def _response(content: bytes | None, name: str | None, filename: str):
    if content is None:
        response = FileResponse(default_storage.open(name, "rb"), content_type="application/pdf")
    else:
        response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def render_framework(framework) -> bytes:
    """Render the PDF of a framework loaded by selectors.framework_document."""
    return render_pdf("frameworks/pdf/framework.html", framework_context(framework))


def framework_pdf_stored(framework) -> bool:
    """Whether this published version's PDF, in the current language, is kept already."""
    name = stored_name("framework", framework.pk, framework)
    return name is not None and default_storage.exists(name)


def framework_pdf_bytes(framework) -> bytes:
    """The PDF of a framework loaded by selectors.framework_document, stored or freshly rendered."""
    content, name = _stored_or_rendered(
        stored_name("framework", framework.pk, framework), lambda: render_framework(framework)
    )
    if content is None:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    return content


def profile_pdf(profile, *, load):
    """`profile` needs only its framework; `load()` reads everything the document shows, when it must be rendered."""
    filename = f"profiel-{slugify(profile.name) or profile.pk}-v{profile.framework.version}.pdf"
    content, name = _stored_or_rendered(
        stored_name("profile", profile.pk, profile.framework),
        lambda: render_pdf("frameworks/pdf/profile.html", profile_context(load())),
    )
    return _response(content, name, filename)


def framework_pdf(framework, *, load):
    """`framework` is the bare row; `load()` reads everything the document shows, when it must be rendered."""
    filename = f"framework-{slugify(framework.name) or framework.pk}-v{framework.version}.pdf"
    content, name = _stored_or_rendered(
        stored_name("framework", framework.pk, framework), lambda: render_framework(load())
    )
    return _response(content, name, filename)
