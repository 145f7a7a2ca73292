"""Independent judgement first: whose assessment of an employee a user may read. The one rule for every
page and export of this app (the idea of zelfevaluatie/blindness.py, for self, manager and 360° raters):

- your own assessment is always yours to read;
- another rater's assessment is readable once it is handed in AND, if you assess this employee in
  this cycle yourself, you handed in your own; someone who does not assess (HR) reads handed-in ones;
- an assessment that is not handed in is never shown to others: it can still change;
- 360° raters (colleague, outside) are never shown one by one: only medewerkers/feedback.py's
  aggregate of groups large enough is, so this rule never opens them.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from .models import Assessment

NAMED_KINDS = (Assessment.Kind.SELF, Assessment.Kind.MANAGER)


@dataclass(frozen=True)
class Visibility:
    own_ids: frozenset[int]
    readable_ids: frozenset[int]
    own_handed_in: bool
    rates: bool

    def shows(self, assessment: Assessment) -> bool:
        return assessment.pk in self.readable_ids

    @property
    def others_open(self) -> bool:
        """Has the user earned the sight of other raters' judgements (handed in, or not a rater)?"""
        return self.own_handed_in or not self.rates


def _is_own(user: AbstractBaseUser, assessment: Assessment, employee) -> bool:
    if assessment.kind == Assessment.Kind.SELF:
        return employee.user_id is not None and employee.user_id == user.pk
    return assessment.rater_id is not None and assessment.rater_id == user.pk


def visibility_for(user: AbstractBaseUser, employee, assessments) -> Visibility:
    """``assessments``: the employee's assessments in one cycle (already fetched)."""
    assessments = list(assessments)
    own = [a for a in assessments if _is_own(user, a, employee)]
    rates = bool(own)
    own_handed_in = rates and all(a.is_submitted for a in own)
    readable = {a.pk for a in own}
    if own_handed_in or not rates:
        readable |= {a.pk for a in assessments if a.kind in NAMED_KINDS and a.is_submitted}
    return Visibility(
        own_ids=frozenset(a.pk for a in own),
        readable_ids=frozenset(readable),
        own_handed_in=own_handed_in,
        rates=rates,
    )
