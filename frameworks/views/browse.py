from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string

from .. import access, selectors
from ..fragments import content_fragment


def framework_list(request):
    frameworks = selectors.framework_list(user=request.user)
    libraries = [f for f in frameworks if f.is_library]
    own = [f for f in frameworks if not f.is_library]
    return render(request, "frameworks/framework_list.html", {"libraries": libraries, "own_frameworks": own})


def framework_detail(request, pk):
    framework = selectors.framework_detail(user=request.user, pk=pk)
    can_change = access.can_change_framework(request.user, framework)
    competencies = content_fragment(
        framework,
        name="competencies",
        variant="authoring" if can_change else "reading",
        render=lambda: render_to_string(
            "frameworks/includes/_framework_competencies.html",
            {"framework": selectors.framework_competencies(framework=framework), "can_change": can_change},
        ),
    )
    return render(
        request,
        "frameworks/framework_detail.html",
        {"framework": framework, "competencies": competencies, "can_change": can_change},
    )


def framework_matrix(request, pk):
    """Profiles × competencies with the required level in each cell; authors click a cell to edit it."""
    framework, matrix = selectors.profile_matrix(user=request.user, pk=pk)
    return render(request, "frameworks/framework_matrix.html", {"framework": framework, "matrix": matrix})


def competency_detail(request, pk):
    competency = selectors.competency_get(user=request.user, pk=pk)
    return render(request, "frameworks/competency_detail.html", {"competency": competency})


def profile_detail(request, pk):
    profile = selectors.profile_get(user=request.user, pk=pk)
    body = content_fragment(
        profile.framework,
        name=f"profile-{profile.pk}",
        render=lambda: render_to_string(
            "frameworks/includes/_profile_body.html", {"profile": selectors.profile_content(profile=profile)}
        ),
    )
    return render(request, "frameworks/profile_detail.html", {"profile": profile, "body": body})


def dictionary(request):
    query = request.GET.get("q", "")
    page = Paginator(selectors.dictionary_search(user=request.user, query=query), 60).get_page(request.GET.get("page"))
    return render(request, "frameworks/dictionary.html", {"query": query, "page": page})
