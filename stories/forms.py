"""The forms people fill in: sharing and editing a story, reporting one, moderating."""

import datetime
import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.core import signing
from django.utils import timezone

from . import screening
from .models import Category, Story

BODY_MIN = 200
BODY_MAX = 5000
FORM_STAMP_SALT = "stories.share.started"


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return value.strftime("%Y-%m")
        return value


class MonthField(forms.DateField):
    """A month and year, stored as the first day of that month."""

    widget = MonthInput
    # Browsers without a month picker show a text box, where people type it their own way.
    input_formats = ["%Y-%m", "%m/%Y", "%B %Y", "%b %Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Enter a month and year, like 2025-03."}

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day

    def validate(self, value):
        super().validate(value)
        if value and value > timezone.localdate():
            raise forms.ValidationError("That month is still to come: pick the month it happened.")
        if value and value.year < 1900:
            raise forms.ValidationError("Pick a year after 1900.")


CONTROL_CHARACTERS = "This contains invisible control characters; please retype it."


def clean_text(value):
    """Refuse characters nobody types (control characters, NUL) instead of storing them.

    Line ends become plain newlines, so a browser's CRLF does not count twice against a limit.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value):
        raise forms.ValidationError(CONTROL_CHARACTERS)
    return value.strip()


def _too_long(limit):
    return f"Please keep this to {limit} characters (it has %(show_value)d)."


class StoryFieldsForm(forms.ModelForm):
    """The story's own fields, shared by the share form and the submitter's edit form."""

    category = forms.ModelChoiceField(
        queryset=Category.objects.all(), to_field_name="slug", empty_label="Choose a kind of place",
        error_messages={"required": "Choose the kind of place it happened.",
                        "invalid_choice": "Choose one of the listed kinds of place."},
    )
    happened_on = MonthField(required=False, label="When it happened", help_text="Month and year, if you remember.")

    class Meta:
        model = Story
        fields = ["title", "body", "category", "business", "place", "happened_on", "display_name"]
        labels = {
            "title": "A title for your story",
            "body": "Your story",
            "business": "Business or organisation",
            "place": "City or place",
            "display_name": "Your name as it should appear",
        }
        help_texts = {
            "title": "A few words, up to 120 characters.",
            "body": f"Tell it in your own words: {BODY_MIN} to {BODY_MAX:,} characters. Blank lines make paragraphs.",
            "business": "Optional. Where it happened, so they can thank the person.",
            "place": "Optional.",
            "display_name": "Optional. Leave it empty to appear as Anonymous.",
        }
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10, "maxlength": BODY_MAX, "minlength": BODY_MIN}),
            "title": forms.TextInput(attrs={"maxlength": 120, "autocomplete": "off"}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        error_messages = {
            "title": {"required": "Give your story a title.",
                      "max_length": "Keep the title to %(limit_value)d characters (it has %(show_value)d)."},
            "body": {"required": "Tell us your story."},
            "business": {"max_length": _too_long(120)},
            "place": {"max_length": _too_long(120)},
            "display_name": {"max_length": _too_long(80)},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.category_id and self.initial.get("category") == self.instance.category_id:
            # The select lists slugs, while the instance gives the category's id.
            self.initial["category"] = self.instance.category.slug
        # Django refuses NUL before our own check runs; say it the same way.
        for field in self.fields.values():
            field.error_messages["null_characters_not_allowed"] = CONTROL_CHARACTERS

    def clean_title(self):
        title = clean_text(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError("Give your story a title.")
        return title

    def clean_body(self):
        body = clean_text(self.cleaned_data["body"])
        if len(body) < BODY_MIN:
            raise forms.ValidationError(
                f"Please tell us a little more: at least {BODY_MIN} characters (you have {len(body)})."
            )
        if len(body) > BODY_MAX:
            raise forms.ValidationError(f"Please keep it to {BODY_MAX:,} characters at most (you have {len(body):,}).")
        return body

    def clean_business(self):
        return clean_text(self.cleaned_data["business"])

    def clean_place(self):
        return clean_text(self.cleaned_data["place"])

    def clean_display_name(self):
        name = clean_text(self.cleaned_data["display_name"])
        if screening.EMAIL_RE.search(name):
            raise forms.ValidationError("This name is shown to everyone: please leave your email out of it.")
        return name


class ShareForm(StoryFieldsForm):
    """The public submission form, with its quiet spam defences."""

    email = forms.EmailField(
        required=False, label="Your email", max_length=254,
        error_messages={"invalid": "Enter an email address like name@example.org, or leave it empty.",
                        "max_length": _too_long(254)},
        help_text="Optional and private: we only use it to send your status link and tell you when it is published.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent_publish = forms.BooleanField(
        label="I agree that this story may be published on this site.",
        error_messages={"required": "We can only publish your story with your agreement."},
    )
    consent_names = forms.BooleanField(
        label="Any names of other people in it are mine to share, or I have changed them.",
        error_messages={"required": "Please confirm that the names in your story are yours to share."},
    )
    # A field people never see; bots fill every field they find.
    website = forms.CharField(required=False, label="Leave this empty", widget=forms.TextInput(
        attrs={"autocomplete": "off", "tabindex": "-1"}))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta(StoryFieldsForm.Meta):
        fields = [*StoryFieldsForm.Meta.fields, "email", "consent_publish", "consent_names"]

    def __init__(self, *args, min_seconds=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_seconds = min_seconds
        if not self.is_bound:
            self.initial["started"] = self.refreshed_stamp()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "title", "body", "category",
            Div(Div("business", css_class="col-md-6"), Div("place", css_class="col-md-6"), css_class="row"),
            Div(Div("happened_on", css_class="col-md-6"), Div("display_name", css_class="col-md-6"), css_class="row"),
            "email", "consent_publish", "consent_names",
            Div(Field("website"), css_class="visually-hidden", aria_hidden="true"),
            "started",
            Submit("submit", "Share my story", css_class="btn-lg mt-2"),
        )

    def clean_started(self):
        stamp = self.cleaned_data.get("started", "")
        try:
            started = signing.loads(stamp, salt=FORM_STAMP_SALT, max_age=60 * 60 * 24)
        except signing.BadSignature:
            raise forms.ValidationError(
                "This form has expired. Your text is still here: please send it again."
            ) from None
        if timezone.now().timestamp() - float(started) < self.min_seconds:
            raise forms.ValidationError("That was quick! Please check your story once more, then send it again.")
        return stamp

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body and screening.find_duplicate(body):
            self.add_error("body", "We already have a story with exactly this text. Thank you for sharing it!")
        return cleaned

    def refreshed_stamp(self):
        """A new signed timestamp: for the form shown first, and again, so an expired one can be sent
        once it is read again."""
        return signing.dumps(timezone.now().timestamp(), salt=FORM_STAMP_SALT)


class EditStoryForm(StoryFieldsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "title", "body", "category",
            Div(Div("business", css_class="col-md-6"), Div("place", css_class="col-md-6"), css_class="row"),
            Div(Div("happened_on", css_class="col-md-6"), Div("display_name", css_class="col-md-6"), css_class="row"),
            Submit("submit", "Save and send for review"),
        )

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body:
            duplicate = screening.find_duplicate(body, exclude_pk=self.instance.pk)
            if duplicate:
                self.add_error("body", "Another story already has exactly this text.")
        return cleaned


class LostLinkForm(forms.Form):
    email = forms.EmailField(label="The email you gave with your story")


class LightEditForm(forms.Form):
    title = forms.CharField(max_length=120)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), max_length=BODY_MAX)

    def clean_title(self):
        return clean_text(self.cleaned_data["title"])

    def clean_body(self):
        return clean_text(self.cleaned_data["body"])
