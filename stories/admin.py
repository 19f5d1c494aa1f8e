"""The admin: the same stories and the same moderation moves, never a free edit of status."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers

from . import moderation, screening
from .forms import clean_text
from .models import REJECT_REASONS, Category, Heart, ModerationEvent, Report, Story, SuspectWord


class EventInline(admin.TabularInline):
    model = ModerationEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "actor", "actor_label", "action", "from_status", "to_status", "reason", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ModerationActionForm(helpers.ActionForm):
    """The admin's action bar, with the reason and note that reject and request changes need."""

    reason = forms.ChoiceField(choices=[("", "Reason (for reject)"), *REJECT_REASONS], required=False)
    note = forms.CharField(required=False, max_length=1000,
                           widget=forms.TextInput(attrs={"placeholder": "Note to the submitter"}))


def _moderation_action(name, label, move, **options):
    """An admin action that moves each selected story through the moderation module on its own."""

    def action(modeladmin, request, queryset):
        extra = {key: request.POST.get(key, "").strip() for key in options.get("fields", ())}
        moved, handled, refused = 0, [], []
        for story in queryset.defer("search_vector"):
            try:
                move(story, by=request.user, seen_status=story.status, **options.get("fixed", {}), **extra)
                moved += 1
            except moderation.AlreadyDecided as lost:
                handled.append(str(lost))
            except moderation.ModerationError as error:
                refused.append(str(error))
        if moved:
            modeladmin.message_user(request, f"{label}: {moved} stor{'y' if moved == 1 else 'ies'}.", messages.SUCCESS)
        for reason in handled[:10] + list(dict.fromkeys(refused))[:10]:
            modeladmin.message_user(request, reason, messages.WARNING)

    action.short_description = f"{label} selected stories"
    action.__name__ = f"admin_{name}"
    action.allowed_permissions = ("moderate",)
    return action


class SignalFilter(admin.SimpleListFilter):
    title = "signal"
    parameter_name = "signal"

    def lookups(self, request, model_admin):
        return list(screening.SIGNAL_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in screening.SIGNAL_LABELS:
            return queryset.filter(signals__has_key=self.value())
        return queryset


class ReportedFilter(admin.SimpleListFilter):
    title = "reader reports"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("open", "Open reports")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(pk__in=Story.objects.reported().values("pk"))
        return queryset


class StoryAdminForm(forms.ModelForm):
    """The story form in the admin, holding its text to the public forms' rule: no control characters."""

    TEXT_FIELDS = ("title", "body", "business", "place", "display_name")

    def clean(self):
        cleaned = super().clean()
        for name in self.TEXT_FIELDS:
            if isinstance(cleaned.get(name), str):
                try:
                    cleaned[name] = clean_text(cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    form = StoryAdminForm
    list_display = ["title", "category", "status", "featured", "submitted_at", "published_at", "hearts_count",
                    "reports_count"]
    list_filter = ["status", "category", "featured", SignalFilter, ReportedFilter, "submitted_at"]
    search_fields = ["title", "body", "business", "place", "display_name", "slug"]
    date_hierarchy = "submitted_at"
    list_select_related = ["category"]
    readonly_fields = ["slug", "status", "featured", "hearts_count", "reports_count", "submitted_at", "updated_at",
                       "published_at", "decided_at", "signals", "moderator_note"]
    exclude = ["token_hash", "client_hash", "body_fingerprint", "search_vector"]
    inlines = [EventInline]
    action_form = ModerationActionForm
    actions = [
        _moderation_action("approve", "Approve", moderation.approve),
        _moderation_action("feature", "Approve and feature", moderation.approve, fixed={"featured": True}),
        _moderation_action("unfeature", "Stop featuring", moderation.unfeature),
        _moderation_action("reject", "Reject", moderation.reject, fields=("reason", "note")),
        _moderation_action("request_changes", "Request changes on", moderation.request_changes, fields=("note",)),
        _moderation_action("hide", "Hide", moderation.hide, fields=("note",)),
        _moderation_action("restore", "Restore", moderation.restore),
        _moderation_action("reopen", "Reopen", moderation.reopen),
    ]

    def has_add_permission(self, request):
        return False

    def has_moderate_permission(self, request):
        return request.user.has_perm("stories.moderate_story")

    def save_model(self, request, obj, form, change):
        """Every change goes through moderation.edit: screened again and recorded, never the status."""
        story = Story.objects.get(pk=obj.pk)
        try:
            moderation.edit(story, by=request.user, **{name: form.cleaned_data[name] for name in form.changed_data})
        except moderation.ModerationError as refused:
            self.message_user(request, str(refused), messages.ERROR)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(ModerationEvent)
class ModerationEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "story", "actor", "actor_label", "action", "from_status", "to_status", "reason"]
    list_filter = ["action", "to_status", "reason"]
    search_fields = ["story__title", "note", "actor__username"]
    list_select_related = ["story", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "story", "reason", "resolved"]
    list_filter = ["reason", "resolved"]
    search_fields = ["story__title", "note"]
    list_select_related = ["story"]
    readonly_fields = ["story", "reason", "note", "reporter_key", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Heart)
class HeartAdmin(admin.ModelAdmin):
    list_display = ["story", "created_at"]
    list_select_related = ["story"]
    readonly_fields = ["story", "visitor_key", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(SuspectWord)
class SuspectWordAdmin(admin.ModelAdmin):
    search_fields = ["word"]
