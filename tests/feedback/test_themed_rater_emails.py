"""Issue 30.2: a 360° rater's invitation, inside or outside the organisation, wears its house style."""

import pytest

from medewerkers.services import raters

from ..theming.themed import assert_themed, theme_with_logo

pytestmark = pytest.mark.django_db


def test_rater_invitations_wear_the_organisations_theme(mails, team, org_a, users, client_as):
    theme_with_logo(org_a, client_as("beheerder"))
    raters.rater_invite_outside(
        cycle=team.cycle,
        employee=team.employee,
        name="Karin Ketenpartner",
        email="karin@provincie.nl",
        user=team.employee.user,
    )
    outside = next(m for m in mails if m.to == ["karin@provincie.nl"])
    assert "/medewerkers/360/link/" in outside.body
    assert_themed(outside, org_a)
    colleague = team.colleagues[0]
    raters.rater_invite_colleague(
        cycle=team.cycle, employee=team.employee, username=colleague.username, user=team.employee.user
    )
    assert_themed(next(m for m in mails if m.to == [colleague.email]), org_a)
