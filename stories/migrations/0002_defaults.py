"""Default categories, a starter list of suspect words, and the Moderators group."""

from django.db import migrations

CATEGORIES = [
    ("Retail", "retail"),
    ("Restaurants and hospitality", "restaurants-hospitality"),
    ("Healthcare", "healthcare"),
    ("Travel", "travel"),
    ("Phone and online support", "phone-online-support"),
    ("Banking and insurance", "banking-insurance"),
    ("Public services", "public-services"),
    ("Other", "other"),
]

SUSPECT_WORDS = [
    "bitcoin", "casino", "crypto", "discount", "loan", "lawsuit", "promo", "viagra", "idiot", "stupid",
    "hate", "kill", "scam", "sue",
]


MODERATOR_PERMISSIONS = [
    ("story", "moderate_story", "Can moderate stories"),
    ("story", "view_story", "Can view story"),
    ("story", "change_story", "Can change story"),
    ("moderationevent", "view_moderationevent", "Can view moderation event"),
    ("report", "view_report", "Can view report"),
    ("category", "view_category", "Can view category"),
    ("suspectword", "view_suspectword", "Can view suspect word"),
    ("suspectword", "add_suspectword", "Can add suspect word"),
    ("suspectword", "change_suspectword", "Can change suspect word"),
    ("suspectword", "delete_suspectword", "Can delete suspect word"),
]


def add_defaults(apps, schema_editor):
    Category = apps.get_model("stories", "Category")
    for order, (name, slug) in enumerate(CATEGORIES):
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
    SuspectWord = apps.get_model("stories", "SuspectWord")
    for word in SUSPECT_WORDS:
        SuspectWord.objects.get_or_create(word=word)

    # Permissions are normally created after all migrations; the group needs them now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for model, codename, name in MODERATOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="stories", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
