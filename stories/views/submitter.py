"""The submitter's side: share a story, see the thanks page, follow it at /my/<token>/."""

import hmac

from django.conf import settings
from django.contrib import messages
from django.db import DatabaseError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

from .. import moderation, notifications, screening, spam
from ..forms import EditStoryForm, LostLinkForm, ShareForm
from ..middleware import DATABASE_RETRY_SECONDS
from ..models import Story, hash_token

THANKS_TOKEN_KEY = "new_story_token"  # noqa: S105 (a session key name, not a secret)
EDITABLE = moderation.ACTION_SOURCES["submitter_edit"]


@never_cache
def share(request):
    """The submission form, and its quiet defences. Template: stories/share.html.

    A filled honeypot is thanked and dropped; a form sent too fast, a duplicate or a client past
    SUBMIT_RATE stories is told so kindly (the last with the 429 page).
    """
    if request.method != "POST":
        return render(request, "stories/share.html", {"form": ShareForm(min_seconds=settings.SUBMIT_MIN_SECONDS)})
    if spam.share_limit_reached(request):
        raise Ratelimited()
    if request.POST.get("website"):
        spam.count_share(request)
        return redirect("stories:thanks")
    form = ShareForm(request.POST, min_seconds=settings.SUBMIT_MIN_SECONDS)
    try:
        if form.is_valid():
            token = create_story(form, request)
            spam.count_share(request)
            request.session[THANKS_TOKEN_KEY] = token
            return redirect("stories:thanks")
    except DatabaseError:
        # Keep the visitor's words on screen: the database is away for a moment.
        form.data = form.data.copy()
        form.data["started"] = form.refreshed_stamp()
        # The category list lives in the database too: offer back only what was chosen.
        chosen = form.data.get("category", "")
        form.fields["category"].choices = [("", "Choose a kind of place")] + (
            [(chosen, chosen.replace("-", " ").capitalize())] if chosen else []
        )
        messages.error(request, "We could not save your story just now. Your text is still here: "
                                "please try again in a minute.")
        response = render(request, "stories/share.html", {"form": form}, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
        return response
    if "started" in form.errors:
        form.data = form.data.copy()
        form.data["started"] = form.refreshed_stamp()
    return render(request, "stories/share.html", {"form": form}, status=400)


def create_story(form, request):
    """Save a new pending story with its first event and its mails, all in one transaction."""
    story = form.save(commit=False)
    token, link_seed = notifications.issue_link(story)
    story.client_hash = spam.client_hash(request)
    with transaction.atomic():
        screened = screening.rescreen(story)
        story.body_fingerprint, story.signals = screened["body_fingerprint"], screened["signals"]
        story.save()
        story.events.create(to_status=story.status, action="submit", actor_label="submitter")
        notifications.queue_receipt(story, link_seed)
    return token


@never_cache
def thanks(request):
    """What happens next, and the private status link shown once. Template: stories/thanks.html."""
    token = request.session.pop(THANKS_TOKEN_KEY, None)
    status_url = request.build_absolute_uri(f"/my/{token}/") if token else None
    return render(request, "stories/thanks.html", {"status_url": status_url})


def story_for_token(token):
    """The story behind a status link; a wrong token is a plain 404."""
    if not 20 <= len(token) <= 100:
        raise Http404("No such story")
    digest = hash_token(token)
    story = Story.objects.select_related("category").filter(token_hash=digest).first()
    # The lookup is by an index on the hash; the constant-time compare guards the last step.
    if story is None or not hmac.compare_digest(story.token_hash, digest):
        raise Http404("No such story")
    return story


@never_cache
def my_story(request, token):
    """The submitter's private page: status, note, edit and withdraw. Template: stories/my_story.html."""
    story = story_for_token(token)
    form = EditStoryForm(instance=story) if story.status in EDITABLE else None
    if request.method == "POST" and request.POST.get("action") == "edit":
        if story.status not in EDITABLE:
            messages.error(request, "This story can no longer be edited.")
            return redirect("stories:my_story", token=token)
        # A copy for the form, which writes its values onto its instance while validating.
        form = EditStoryForm(request.POST, instance=Story.objects.get(pk=story.pk))
        if form.is_valid():
            try:
                moderation.submitter_edit(story, seen_status=request.POST.get("seen_status", ""),
                                          fields={name: form.cleaned_data[name] for name in form.Meta.fields})
            except moderation.ModerationError:
                messages.error(request, "Your story changed while you were editing; please look again.")
                return redirect("stories:my_story", token=token)
            messages.success(request, "Thank you! Your changes are saved and your story is back in the queue.")
            return redirect("stories:my_story", token=token)
    return render(request, "stories/my_story.html", {"story": story, "form": form, "token": token},
                  status=400 if form is not None and form.errors else 200)


@never_cache
def withdraw(request, token):
    """Confirm (GET) and withdraw (POST): the text and personal data are erased. Template: stories/withdraw.html."""
    story = story_for_token(token)
    if story.status == Story.Status.WITHDRAWN:
        return redirect("stories:my_story", token=token)
    if request.method == "POST":
        try:
            moderation.withdraw(story, seen_status=request.POST.get("seen_status", ""))
        except moderation.ModerationError:
            messages.error(request, "Your story changed a moment ago; please confirm again.")
            return redirect("stories:withdraw", token=token)
        messages.success(request, "Your story is withdrawn and its text and your details are erased.")
        return redirect("stories:my_story", token=token)
    return render(request, "stories/withdraw.html", {"story": story, "token": token})


@never_cache
@ratelimit(key=spam.ratelimit_key, rate=lambda group, request: settings.LOST_LINK_RATE, method="POST", block=True)
def lost_link(request):
    """Mail fresh status links for every live story sent from an address. Template: stories/lost_link.html."""
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        stories = Story.objects.filter(email__iexact=form.cleaned_data["email"]).exclude(
            status=Story.Status.WITHDRAWN)
        with transaction.atomic():
            for story in stories:
                _, link_seed = notifications.issue_link(story)
                Story.objects.filter(pk=story.pk).update(token_hash=story.token_hash)
                notifications.queue_status_link(story, link_seed)
        # The same answer whether or not we know the address, so it cannot be probed.
        messages.success(request, "If we have stories sent from that address, a new private link "
                                  "for each is on its way. Older links no longer work.")
        return redirect("stories:lost_link")
    return render(request, "stories/lost_link.html", {"form": form})
