"""Review (valideer): the author invites colleagues, reviewers comment, the author resolves."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie.accounts.names import display_name

from .. import access, selectors, services
from ..forms import ReviewCommentForm, ReviewerInviteForm
from ._helpers import call_service, service_or_message


def _page(request, framework, *, invite_form=None, comment_form=None, status=200):
    reviewer_ids = [r.user_id for r in framework.reviewers.all()]
    can_author = access.can_edit_framework(request.user, framework)
    can_comment = access.can_comment_on_framework(request.user, framework, reviewer_ids) and not framework.is_frozen
    candidates = [
        m.user
        for m in framework.organisation.memberships.all()
        if m.user_id not in reviewer_ids and m.user_id != request.user.pk
    ]
    if can_author and invite_form is None:
        invite_form = ReviewerInviteForm(candidates=candidates)
    if can_comment and comment_form is None:
        initial = {}
        if request.GET.get("competentie"):
            initial["subject"] = f"c-{request.GET['competentie']}"
        comment_form = ReviewCommentForm(framework=framework, initial=initial)
    comments = framework.all_comments
    return render(
        request,
        "frameworks/authoring/review.html",
        {
            "framework": framework,
            "reviewers": framework.reviewers.all(),
            "can_author": can_author,
            "can_comment": can_comment,
            "invite_form": invite_form if can_author and not framework.is_frozen else None,
            "comment_form": comment_form if can_comment else None,
            "open_comments": [c for c in comments if c.is_open],
            "resolved_comments": [c for c in comments if not c.is_open],
        },
        status=status,
    )


def review(request, pk):
    framework = selectors.review_page(user=request.user, pk=pk)
    if framework.is_library:
        raise Http404
    return _page(request, framework)


@require_POST
def reviewer_invite(request, pk):
    framework = selectors.review_page(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, framework))
    reviewer_ids = {r.user_id for r in framework.reviewers.all()}
    candidates = [m.user for m in framework.organisation.memberships.all() if m.user_id not in reviewer_ids]
    form = ReviewerInviteForm(request.POST, candidates=candidates)
    if form.is_valid():
        reviewer = form.cleaned_data["reviewer"]
        ok, _inv = call_service(
            form, lambda: services.reviewer_invite(framework=framework, user=request.user, reviewer=reviewer)
        )
        if ok:
            messages.success(
                request,
                _("%(name)s is uitgenodigd en kan nu opmerkingen plaatsen.") % {"name": display_name(reviewer)},
            )
            return redirect("frameworks:review", framework.pk)
    return _page(request, framework, invite_form=form)


@require_POST
def review_comment_add(request, pk):
    framework = selectors.review_page(user=request.user, pk=pk)
    reviewer_ids = [r.user_id for r in framework.reviewers.all()]
    access.require(access.can_comment_on_framework(request.user, framework, reviewer_ids))
    form = ReviewCommentForm(request.POST, framework=framework)
    if form.is_valid():
        kind, target_pk = form.subject_kind_and_id()
        competency, indicator = selectors.review_subject(framework=framework, kind=kind, pk=target_pk)
        ok, _comment = call_service(
            form,
            lambda: services.review_comment_add(
                framework=framework,
                user=request.user,
                text=form.cleaned_data["text"],
                competency=competency,
                indicator=indicator,
            ),
        )
        if ok:
            messages.success(request, _("Opmerking geplaatst."))
            return redirect("frameworks:review", framework.pk)
    return _page(request, framework, comment_form=form)


@require_POST
def review_comment_resolve(request, pk):
    comment = selectors.comment_get(user=request.user, pk=pk)
    access.require(access.can_edit_framework(request.user, comment.framework))
    if service_or_message(request, lambda: services.review_comment_resolve(comment=comment, user=request.user)):
        messages.success(request, _("Opmerking afgehandeld."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("frameworks:review", args=[comment.framework_id])
    return redirect(next_url)
