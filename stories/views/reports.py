"""A reader reports a published story at /stories/<slug>/report/; enough reporters hide it."""

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .. import moderation, spam
from ..models import Report, Story


class ReportForm(forms.ModelForm):
    # Declared here so the radio list has no empty "---------" choice.
    reason = forms.ChoiceField(choices=Report.Reason.choices, widget=forms.RadioSelect,
                               label="What is wrong with this story?")

    class Meta:
        model = Report
        fields = ["reason", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4, "maxlength": 500})}
        labels = {"note": "Anything the moderators should know? (optional)"}
        help_texts = {"note": "Up to 500 characters. Please do not include anyone's personal details."}


def reporter_key(request):
    """One key per client, for counting distinct reporters: a keyed hash, never the address itself.

    Its own purpose string, so it cannot be matched with the submitter's client hash.
    """
    message = f"reporter:{spam.client_ip(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(key=spam.ratelimit_key, rate=lambda group, request: settings.REPORT_RATE, method="POST", block=True)
def report(request, slug):
    """The report form and, once sent, the thank-you page. Templates: stories/report.html, report_thanks.html."""
    story = get_object_or_404(Story.objects.published().only("pk", "slug", "title", "status"), slug=slug)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.count_report(
            story, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"].strip(),
            reporter_key=reporter_key(request), threshold=settings.REPORTS_TO_HIDE,
        )
        return render(request, "stories/report_thanks.html", {"story": story})
    status = 400 if form.is_bound else 200
    return render(request, "stories/report.html", {"story": story, "form": form}, status=status)
