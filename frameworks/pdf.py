"""PDF documents of a profile and of a whole framework: context and template only."""

from django.utils import timezone
from django.utils.text import slugify

from competentie.pdf import pdf_response


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
    competencies = [{"competency": c, "generic": _levels_of(c, levels)} for c in framework.competencies.all()]
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
        "competencies": competencies,
        "profiles": profiles,
        "printed_at": timezone.localtime(),
    }


def profile_pdf(request, profile):
    filename = f"profiel-{slugify(profile.name) or profile.pk}-v{profile.framework.version}.pdf"
    return pdf_response("frameworks/pdf/profile.html", profile_context(profile), filename=filename, request=request)


def framework_pdf(request, framework):
    filename = f"framework-{slugify(framework.name) or framework.pk}-v{framework.version}.pdf"
    return pdf_response(
        "frameworks/pdf/framework.html", framework_context(framework), filename=filename, request=request
    )
