"""The Django admin as a guarded, read-mostly tool for platform operators.

Deny by default: only a platform superuser (made with `manage.py createsuperuser`, see
README) sees a model in `/beheer/`, and only to read it. Writing there would bypass the rules
and the audit log, so a model admin is read-only unless it says `editable = True` and then
routes its writes through the services. An admin may widen who reads it (organisation
administrators see their own organisation's members) by overriding `may_view`.
"""

from django.contrib import admin


def is_platform_operator(user) -> bool:
    return bool(user.is_active and user.is_superuser)


class GuardedAdminMixin:
    #: May a platform operator add, change and delete here? Writes must then go through services.
    editable = False

    def may_view(self, request, obj=None) -> bool:
        return is_platform_operator(request.user)

    def may_write(self, request, obj=None) -> bool:
        return self.editable and is_platform_operator(request.user) and not (obj is not None and self.is_frozen(obj))

    def is_frozen(self, obj) -> bool:
        """An object that never changes again (a published framework, a finished round)."""
        return False

    def has_module_permission(self, request):
        return self.may_view(request)

    def has_view_permission(self, request, obj=None):
        return self.may_view(request, obj)

    def has_add_permission(self, request, *args):
        return self.may_write(request)

    def has_change_permission(self, request, obj=None):
        return self.may_write(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.may_write(request, obj)


class GuardedAdmin(GuardedAdminMixin, admin.ModelAdmin):
    pass


class ReadOnlyInline(GuardedAdminMixin):
    """An inline that shows related rows and never writes them; use with TabularInline/StackedInline."""

    extra = 0
    can_delete = False

    def has_module_permission(self, request):  # pragma: no cover - inlines have no module
        return False
