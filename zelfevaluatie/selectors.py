"""Reads, always scoped to the user.

A round is found when it belongs to one of the user's organisations or when the user is an
invited peer reviewer of that very round; anything else is a 404. Role checks are in access.py.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, prefetch_related_objects
from django.shortcuts import get_object_or_404

from competentie import audit
from competentie.accounts.names import name_from_parts
from competentie.db import subquery_count
from competentie.organisations.access import organisation_ids
from competentie.organisations.models import Membership, Organisation
from frameworks.models import (
    BehaviouralIndicator,
    Framework,
    GuidingQuestion,
    GuidingQuestionSet,
    Profile,
    ProfileCompetency,
    RatingScale,
    ScalePoint,
)

from .models import (
    Action,
    Answer,
    EvaluationRound,
    Participant,
    PeerReview,
    PeerReviewNote,
    PeerSuggestion,
    ProfileConclusion,
    Rating,
    RoundProfile,
)


def _management_organisation_ids(user: AbstractBaseUser) -> list[int]:
    return organisation_ids(user, Membership.Role.MANAGEMENT)


#: The round's own relations, joined in: every one of them is shown or checked by some page.
ROUND_RELATIONS = ("organisation", "framework", "scale", "previous_round", "chair", "team_opened_by")
#: What the round page shows of them, and what the team view and the meeting mode show (they check the
#: chair by id, access.is_chair). Each join costs the planner and the ORM about a millisecond.
ROUND_PAGE_RELATIONS = ("organisation", "framework", "scale", "previous_round", "chair")
TEAM_RELATIONS = ("organisation", "scale", "team_opened_by")


def _rounds(
    *,
    ratings: bool = False,
    answers: bool = False,
    full: bool = False,
    notes_of=None,
    relations: tuple[str, ...] = ROUND_RELATIONS,
) -> QuerySet[EvaluationRound]:
    """Rounds with their people and profiles.

    `ratings` adds what the round page and the blindness rule read (ratings, scorers, agreed
    scores); `answers` adds the notes per hulpvraag (the team view); `full` adds everything the
    steps, the PDF and the exports show. `relations` are the round's own relations to join.
    """
    answers = answers or full
    ratings = ratings or answers
    participants = Participant.objects.select_related("user").order_by("user__username", "pk")
    peer_reviews = PeerReview.objects.select_related("organisation", "reviewer", "invited_by").order_by(
        "organisation__name", "reviewer__username", "pk"
    )
    if ratings:
        participants = participants.prefetch_related(
            Prefetch("ratings", queryset=Rating.objects.order_by("profile__order", "pk"))
        )
    if full:
        peer_reviews = peer_reviews.prefetch_related(
            Prefetch("notes", queryset=PeerReviewNote.objects.select_related("question").order_by("question__order")),
            Prefetch("suggestions", queryset=PeerSuggestion.objects.order_by("profile__order", "pk")),
        )
    round_profiles = RoundProfile.objects.select_related("profile")
    if ratings:
        round_profiles = round_profiles.prefetch_related("scorers")
    queryset = EvaluationRound.objects.select_related(*relations).prefetch_related(
        Prefetch("participants", queryset=participants),
        Prefetch("peer_reviews", queryset=peer_reviews),
        Prefetch("round_profiles", queryset=round_profiles),
        Prefetch("scale__points", queryset=ScalePoint.objects.order_by("value")),
    )
    if ratings:
        queryset = queryset.prefetch_related(
            Prefetch(
                "conclusions",
                queryset=ProfileConclusion.objects.select_related("profile", "recorded_by").order_by("profile__order"),
            ),
        )
    if answers:
        notes = Answer.objects.order_by(
            "question__question_set__order", "question__order", "participant__user__username"
        ).select_related("question")
        if not full:
            # The team view reads each note's text, its hulpvraag and whose and which profile's it is.
            notes = notes.only("round_id", "participant_id", "profile_id", "text", "question__text")
            if notes_of is not None:
                notes = notes.filter(profile_id=notes_of)
        else:
            notes = notes.select_related("participant__user")
        queryset = queryset.prefetch_related(Prefetch("answers", queryset=notes))
    if full:
        queryset = queryset.prefetch_related(
            Prefetch("actions", queryset=Action.objects.select_related("profile", "carried_from__round")),
        )
    return queryset


def _scope(user: AbstractBaseUser, allow_reviewer: bool) -> Q:
    scope = Q(organisation__in=organisation_ids(user))
    if allow_reviewer:
        scope |= Q(pk__in=PeerReview.objects.filter(reviewer=user.pk).values("round"))
    return scope


def round_get(*, user: AbstractBaseUser, pk: int, allow_reviewer: bool = True) -> EvaluationRound:
    return get_object_or_404(_rounds().filter(_scope(user, allow_reviewer)), pk=pk)


def round_with_ratings(*, user: AbstractBaseUser, pk: int) -> EvaluationRound:
    """A round with its ratings, scorers and agreed scores: what the round page shows."""
    rounds = _rounds(ratings=True, relations=ROUND_PAGE_RELATIONS)
    return get_object_or_404(rounds.filter(_scope(user, True)), pk=pk)


def round_with_answers(*, user: AbstractBaseUser, pk: int, profile_id: int | None = None) -> EvaluationRound:
    """A round with its ratings, agreed scores and the notes per hulpvraag of one profile: what the team
    view and the meeting show. Without `profile_id`, the notes of the round's first profile (the team
    view opens on it)."""
    if profile_id is None:
        profile_id = Subquery(
            RoundProfile.objects.filter(round_id=OuterRef("round_id")).order_by("order", "pk").values("profile_id")[:1]
        )
    rounds = _rounds(answers=True, notes_of=profile_id, relations=TEAM_RELATIONS)
    return get_object_or_404(rounds.filter(_scope(user, True)), pk=pk)


def round_full(*, user: AbstractBaseUser, pk: int, allow_reviewer: bool = True) -> EvaluationRound:
    """A round with everything the detail page, the team view, the PDF and the exports show."""
    return get_object_or_404(_rounds(full=True).filter(_scope(user, allow_reviewer)), pk=pk)


def round_list(*, user: AbstractBaseUser) -> QuerySet[EvaluationRound]:
    """Rounds the user manages (MT) or takes part in, with what the overview and its chart need."""
    visible = Q(organisation__in=_management_organisation_ids(user)) | Q(
        pk__in=Participant.objects.filter(user=user.pk).values("round")
    )
    return (
        EvaluationRound.objects.filter(visible)
        .select_related("organisation", "framework")
        .annotate(participant_count=Count("participants", distinct=True))
        .prefetch_related(
            # Only what the overview and its charts show: a round profile's snapshot of the whole
            # profile is large, and 40 rounds × 20 profiles of it cost more than the page.
            Prefetch(
                "conclusions",
                queryset=ProfileConclusion.objects.select_related("profile")
                .only("round_id", "profile__name", "profile__order", "agreed_score")
                .order_by("profile__order"),
            ),
            Prefetch(
                "round_profiles",
                queryset=RoundProfile.objects.select_related("profile").only("round_id", "profile__name"),
            ),
        )
        .order_by("organisation__name", "created_at", "pk")
    )


def reviewed_round_list(*, user: AbstractBaseUser) -> QuerySet[EvaluationRound]:
    """Rounds of other organisations the user was invited to review."""
    return (
        EvaluationRound.objects.filter(peer_reviews__reviewer=user.pk)
        .select_related("organisation", "framework")
        .order_by("-created_at")
    )


def organisation_rounds(*, user: AbstractBaseUser, organisation_id: int) -> list[EvaluationRound]:
    """The organisation's rounds the user may see, oldest first, with their agreed scores."""
    return [r for r in round_list(user=user) if r.organisation_id == organisation_id]


def lineage_rounds(*, user: AbstractBaseUser, round: EvaluationRound, up_to: bool = False) -> list[EvaluationRound]:
    """The organisation's rounds on the same framework lineage (library → own copy → versions), oldest first.

    The growth chart, the per-profile history and the PDF all read this one list, so they agree.
    """
    rounds = [r for r in organisation_rounds(user=user, organisation_id=round.organisation_id)]
    rounds = [r for r in rounds if r.lineage_id == round.lineage_id]
    if up_to:
        rounds = [r for r in rounds if (r.created_at, r.pk) <= (round.created_at, round.pk)]
    return rounds


def startable_organisations(*, user: AbstractBaseUser):
    return Organisation.objects.filter(pk__in=_management_organisation_ids(user)).order_by("name")


def evaluable_frameworks(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    """Frozen frameworks (seeded libraries or published versions) of the user that have profiles."""
    return (
        Framework.objects.visible_to(user)
        .evaluable()
        .select_related("organisation")
        .order_by("organisation__name", "name", "-version")
    )


def default_framework(*, user: AbstractBaseUser) -> Framework | None:
    frameworks = evaluable_frameworks(user=user)
    return frameworks.libraries().first() or frameworks.first()


def round_history(*, round: EvaluationRound) -> list:
    """The round's audit events, newest first (1 query)."""
    return list(audit.history_for(round))


def framework_scale(framework: Framework) -> RatingScale | None:
    return RatingScale.objects.of_framework(framework).first()


def previous_round_summary(*, round: EvaluationRound) -> EvaluationRound | None:
    """The round before this one (same organisation), with its profiles, agreed scores and actions.

    The previous round itself comes with `round` (select_related in _rounds): 3 queries.
    """
    previous = round.previous_round
    if previous is None or previous.organisation_id != round.organisation_id:
        return None
    prefetch_related_objects(
        [previous],
        Prefetch("round_profiles", queryset=RoundProfile.objects.select_related("profile")),
        Prefetch(
            "conclusions", queryset=ProfileConclusion.objects.select_related("profile").order_by("profile__order")
        ),
        Prefetch("actions", queryset=Action.objects.select_related("profile")),
    )
    return previous


def latest_round(*, organisation_id: int) -> EvaluationRound | None:
    """The organisation's most recent round, with its agreed scores and actions (for a new round)."""
    return (
        EvaluationRound.objects.filter(organisation_id=organisation_id)
        .select_related("framework")
        .prefetch_related(
            Prefetch(
                "conclusions", queryset=ProfileConclusion.objects.select_related("profile").order_by("profile__order")
            ),
            Prefetch("actions", queryset=Action.objects.select_related("profile")),
        )
        .order_by("-created_at", "-pk")
        .first()
    )


@dataclass
class QuestionSets:
    self_evaluation: list[GuidingQuestion] = field(default_factory=list)
    peer_review: list[GuidingQuestion] = field(default_factory=list)
    conclusions: list[GuidingQuestion] = field(default_factory=list)
    action_plan: list[GuidingQuestion] = field(default_factory=list)
    descriptions: dict[str, str] = field(default_factory=dict)


def question_sets(framework_id: int) -> QuestionSets:
    """The framework's hulpvragen per step, verbatim from the seeded question sets (one query)."""
    sets = QuestionSets()
    questions = (
        GuidingQuestion.objects.filter(
            question_set__framework_id=framework_id,
            question_set__purpose__in=[
                GuidingQuestionSet.Purpose.SELF_EVALUATION,
                GuidingQuestionSet.Purpose.PEER_REVIEW,
                GuidingQuestionSet.Purpose.CONCLUSIONS,
            ],
        )
        .select_related("question_set")
        .order_by("question_set__order", "order", "pk")
    )
    for question in questions:
        purpose = question.question_set.purpose
        sets.descriptions.setdefault(purpose, question.question_set.description)
        if purpose == GuidingQuestionSet.Purpose.SELF_EVALUATION:
            sets.self_evaluation.append(question)
        elif purpose == GuidingQuestionSet.Purpose.PEER_REVIEW:
            sets.peer_review.append(question)
        elif question.section == "Actieplan":
            sets.action_plan.append(question)
        else:
            sets.conclusions.append(question)
    return sets


def profile_for_panel(*, round: EvaluationRound, profile_pk: int) -> Profile:
    """A profile of the round with its description, competencies and bullets (for the side panel)."""
    queryset = Profile.objects.filter(
        pk__in=RoundProfile.objects.filter(round=round).values("profile")
    ).prefetch_related(
        "expertise_areas",
        Prefetch(
            "profile_competencies",
            queryset=ProfileCompetency.objects.select_related("competency").prefetch_related(
                Prefetch("indicators", queryset=BehaviouralIndicator.objects.all())
            ),
        ),
    )
    return get_object_or_404(queryset, pk=profile_pk)


def participant_entries(*, participant: Participant, profile_id: int) -> tuple[Rating | None, dict[int, Answer]]:
    """The participant's rating and hulpvraag answers for one profile."""
    rating = Rating.objects.filter(participant=participant, profile_id=profile_id).first()
    answers = {
        answer.question_id: answer for answer in Answer.objects.filter(participant=participant, profile_id=profile_id)
    }
    return rating, answers


def peer_review_get(*, round: EvaluationRound, pk: int) -> PeerReview:
    queryset = (
        PeerReview.objects.filter(round=round).select_related("reviewer", "organisation").prefetch_related("notes")
    )
    return get_object_or_404(queryset, pk=pk)


def round_profiles(*, round: EvaluationRound) -> QuerySet[Profile]:
    """The profiles the round evaluates, in framework order (the choices of an action)."""
    return Profile.objects.filter(pk__in=RoundProfile.objects.filter(round=round).values("profile")).order_by(
        "order", "pk"
    )


def conclusion_get(*, round: EvaluationRound, profile: Profile) -> ProfileConclusion:
    """The stored conclusion of a profile (to show beside a stale edit)."""
    return ProfileConclusion.objects.get(round=round, profile=profile)


def action_get(*, round: EvaluationRound, pk: int) -> Action:
    return get_object_or_404(Action.objects.filter(round=round).select_related("profile"), pk=pk)


def participant_get(*, round: EvaluationRound, pk: int) -> Participant:
    return get_object_or_404(Participant.objects.filter(round=round).select_related("user"), pk=pk)


def organisation_members(*, organisation_id: int, exclude_user: AbstractBaseUser):
    """Colleagues who can be invited to take part in a new round."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation_id)
        .exclude(pk=exclude_user.pk)
        .order_by("username")
    )


def invitable_members(*, round: EvaluationRound):
    """Members of the round's organisation who are not yet participants."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation=round.organisation_id)
        .exclude(evaluation_participations__round=round)
        .order_by("username")
    )


def invitable_member_choices(*, round: EvaluationRound) -> list[tuple[int, str]]:
    """(user id, name) of invitable_members, as the round page's list shows them: plain values, one query,
    however many members the organisation has."""
    rows = invitable_members(round=round).values_list("pk", "first_name", "last_name", "username")
    return [(pk, name_from_parts(first, last, username)) for pk, first, last, username in rows]


def score_form_questions(
    *, framework_id: int, profile_id: int
) -> tuple[GuidingQuestion | None, GuidingQuestion | None]:
    """The score form's two questions for a profile ("In welke mate …?" and "Hoe kom je tot deze score?")."""
    questions = list(
        GuidingQuestion.objects.filter(
            question_set__framework_id=framework_id,
            question_set__purpose=GuidingQuestionSet.Purpose.SCORE_FORM,
            profile_id=profile_id,
        ).order_by("order", "pk")[:2]
    )
    questions += [None] * (2 - len(questions))
    return questions[0], questions[1]


def is_assigned(*, round: EvaluationRound, participant: Participant, profile_id: int) -> bool:
    """Does this participant score this profile? Nobody assigned means everybody does."""
    scorers = set(RoundProfile.objects.filter(round=round, profile_id=profile_id).values_list("scorers", flat=True))
    scorers.discard(None)
    return not scorers or participant.pk in scorers


def round_members(*, round: EvaluationRound):
    """Members of the round's organisation (a chair is chosen among them)."""
    return (
        get_user_model().objects.filter(memberships__organisation=round.organisation_id).distinct().order_by("username")
    )


def open_rounds(*, organisation_id: int) -> list[EvaluationRound]:
    """The organisation's rounds that are still open (at most one per framework lineage)."""
    return list(
        EvaluationRound.objects.filter(organisation_id=organisation_id)
        .exclude(status=EvaluationRound.Status.FINISHED)
        .select_related("framework")
        .order_by("-created_at", "-pk")
    )


def _visible_rounds(user: AbstractBaseUser) -> QuerySet[EvaluationRound]:
    """Rounds the user manages (MT) or takes part in: the overview's rounds."""
    visible = Q(organisation__in=_management_organisation_ids(user)) | Q(
        pk__in=Participant.objects.filter(user=user.pk).values("round")
    )
    return EvaluationRound.objects.filter(visible)


def round_index(*, user: AbstractBaseUser) -> list[EvaluationRound]:
    """Every round of the overview, newest first per organisation, with only the columns that place it:
    its organisation, its framework line and its stamp (one query; a page and its charts are cut from it)."""
    return list(
        _visible_rounds(user)
        .select_related("framework")
        .only(
            "organisation_id",
            "lineage_id",
            "content_stamp",
            "created_at",
            "framework__name",
            "framework__first_version_id",
        )
        .order_by("organisation__name", "organisation_id", "-created_at", "-pk")
    )


def rounds_listed(*, user: AbstractBaseUser, pks: list[int]) -> list[EvaluationRound]:
    """The rounds of one overview page, in the order of `pks`, with what their rows show (one query)."""
    rounds = (
        _visible_rounds(user)
        .filter(pk__in=pks)
        .select_related("organisation", "framework")
        .annotate(
            participant_count=subquery_count(Participant.objects.all(), on="round"),
            conclusion_count=subquery_count(ProfileConclusion.objects.all(), on="round"),
            profile_count=subquery_count(RoundProfile.objects.all(), on="round"),
        )
    )
    by_pk = {round.pk: round for round in rounds}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def growth_rounds(*, rounds: list[EvaluationRound]) -> list[EvaluationRound]:
    """A line's rounds with what the growth chart draws: periods, profile names, agreed scores (3 queries).

    Read only when the chart is not in the cache (zelfevaluatie/fragments.py)."""
    pks = [round.pk for round in rounds]
    loaded = {
        round.pk: round
        for round in EvaluationRound.objects.filter(pk__in=pks)
        .only("period")
        .prefetch_related(
            Prefetch(
                "conclusions",
                queryset=ProfileConclusion.objects.select_related("profile")
                .only("round_id", "profile__name", "profile__order", "agreed_score")
                .order_by("profile__order"),
            ),
            Prefetch(
                "round_profiles",
                queryset=RoundProfile.objects.select_related("profile").only("round_id", "profile__name"),
            ),
        )
    }
    return [loaded[pk] for pk in pks]
