from .access import Role, roles_by_organisation


def memberships(request):
    """Whether the user belongs to any organisation, and which menu items lead to work for their roles.

    Read from the roles cached on the user, so the menu costs no query of its own.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = set(roles_by_organisation(user).values())
    return {
        "user_has_organisation": bool(roles),
        "user_is_beheerder": Role.BEHEERDER in roles,
        "menu": {
            # Everyone may read the libraries; an organisation's administrator only manages members.
            # Participants and coaches of a development programme work in "Ontwikkeling" only.
            "frameworks": not roles or bool(roles - {Role.BEHEERDER, Role.DEELNEMER, Role.BEGELEIDER}),
            "selectie": bool(roles & {Role.HR, Role.SELECTEUR}),
            "zelfevaluatie": Role.MANAGEMENT in roles,
            "ontwikkeling": bool(roles & {Role.HR, Role.DEELNEMER, Role.BEGELEIDER}),
            "members": Role.BEHEERDER in roles,
            # Employees, their managers (any role) and HR: assessments, conversations, POP, team overview.
            "medewerkers": bool(roles - {Role.DEELNEMER, Role.BEGELEIDER, Role.SELECTEUR}),
        },
    }
