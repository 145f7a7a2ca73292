from .access import roles_by_organisation


def memberships(request):
    """Whether the user belongs to any organisation, for the navigation and the home page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = roles_by_organisation(user)
    return {"user_has_organisation": bool(roles), "user_is_beheerder": "beheerder" in roles.values()}
