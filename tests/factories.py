import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from stories import screening
from stories.models import Category, Story


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-good-password-123")


class ModeratorFactory(UserFactory):
    @factory.post_generation
    def moderators_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Moderators"))


STORY_BODY = (
    "The pharmacy was about to close when I came in with a prescription for my daughter's fever. "
    "The pharmacist saw how worried I was, stayed twenty minutes past closing to call the doctor, "
    "and wrote the dosage on a sticky note in big letters so I would not get it wrong at 3 a.m. "
    "She never made me feel like I was a bother. Story number {n}."
)


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    title = factory.Sequence(lambda n: f"The pharmacist who stayed late, part {n}")
    body = factory.Sequence(lambda n: STORY_BODY.format(n=n))
    category = factory.LazyFunction(lambda: Category.objects.get(slug="healthcare"))
    business = "Corner Pharmacy"
    place = "Leeds"
    display_name = "Amira"
    email = factory.Sequence(lambda n: f"submitter{n}@example.org")
    consent_publish = True
    consent_names = True
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    body_fingerprint = factory.LazyAttribute(lambda s: screening.fingerprint_fields(s.body)["body_fingerprint"])

    class Params:
        approved = factory.Trait(
            status=Story.Status.APPROVED, published_at=factory.LazyFunction(timezone.now),
        )
