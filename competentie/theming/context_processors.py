from .selectors import page_theme


def theme(request):
    """The theme the page wears (None: the default); read from the cached role row, no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"page_theme": page_theme(user)}
