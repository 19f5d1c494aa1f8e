"""The admin site: moderators may enter, and a signed-in person who may not gets a plain 403.

Django's own site sends such a person back to the login form, which reads like a wrong password;
a 403 says what is true, as /review/ does.
"""

from functools import update_wrapper

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied


class KindnessAdminSite(AdminSite):
    site_header = "Kindness Stories administration"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_staff or user.has_perm("stories.moderate_story"))

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def wrapper(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return update_wrapper(wrapper, view)


class KindnessAdminConfig(AdminConfig):
    default_site = "stories.admin_site.KindnessAdminSite"
