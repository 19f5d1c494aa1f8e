"""Moderators' permissions kept in the shared cache between requests.

Every review page checks `stories.moderate_story`; Django's ModelBackend reads the permissions
with two joined queries on each request. This backend keeps each user's set in the shared cache
under a version that any change to users, groups or permissions bumps, so a moderator taken out
of the group loses the queue at the next request, on every app server.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission, User
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from . import versions

PERMISSIONS = versions.SharedVersion("auth:permissions-version")
# A change the signals cannot see (a bulk write to the tables, a bump lost while Redis was away)
# takes effect within this long all the same.
KEEP_SECONDS = 300


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            read = super().get_all_permissions
            user_obj._perm_cache, _ = PERMISSIONS.cached(f"auth:permissions:{user_obj.pk}", lambda: read(user_obj),
                                                         KEEP_SECONDS)
        return user_obj._perm_cache


@receiver([post_save, post_delete], sender=User)
@receiver([post_save, post_delete], sender=Group)
@receiver([post_save, post_delete], sender=Permission)
@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
def permissions_changed(update_fields=None, **kwargs):
    """Bump now and again after the commit, so no request caches the old set in between."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # every sign-in saves this; it changes no permission
    PERMISSIONS.bump_on_commit()


@receiver(post_migrate)
def migrated(**kwargs):
    """A migration may have changed groups or permissions without a signal (historical models)."""
    PERMISSIONS.bump()
