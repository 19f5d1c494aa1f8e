"""Moderators' permissions kept in the shared cache between requests, and the signed-in user read
with a query compiled once.

Every review page checks `stories.moderate_story`; Django's ModelBackend reads the permissions
with two joined queries on each request. This backend keeps each user's set in the shared cache
under a version that any change to users, groups or permissions bumps, so a moderator taken out
of the group loses the queue at the next request, on every app server.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.dispatch import receiver

from . import compiled, versions

PERMISSIONS = versions.SharedVersion("auth:permissions-version")
# A change the signals cannot see (a bulk write to the tables, a bump lost while Redis was away)
# takes effect within this long all the same.
KEEP_SECONDS = 300


USER_FIELDS = [field.attname for field in User._meta.concrete_fields]
USER_BY_PK = compiled.CompiledQuery(
    lambda shape, pk: User._default_manager.filter(pk=pk).values_list(*USER_FIELDS)[:1], pk="int",
)


class CachedPermissionsBackend(ModelBackend):
    def get_user(self, user_id):
        """ModelBackend.get_user, the same user and checks: every signed-in request makes this query,
        and building it through the ORM cost three times what the database spends on it."""
        try:
            rows = USER_BY_PK.rows(None, pk=int(user_id))
        except (TypeError, ValueError, OverflowError):
            return None
        if not rows:
            return None
        user = User.from_db(connection.alias, USER_FIELDS, rows[0])
        return user if self.user_can_authenticate(user) else None

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
