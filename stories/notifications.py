"""Mail to submitters and moderators, sent by the task worker.

Mails are queued inside the caller's transaction: with the database task backend a story and
its mail are committed together or not at all, and a worker killed mid-run picks the mail up
again when it restarts.

A queued task is a row in the database until the worker runs it, so a mail that carries the
private link is queued with a random seed, never the link itself: the token is an HMAC of the
seed under SECRET_KEY, and only its hash is kept on the story.
"""

import base64
import secrets
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django_tasks import task

from .models import REJECT_REASON_LABELS, Story, hash_token

MAIL_FOR_ACTION = {
    "approve": "published",
    "feature": "published",
    "reject": "rejected",
    "request_changes": "changes_requested",
}
LINK_SALT = "stories.status-link"


class MailNotSent(Exception):
    """Stands in for the SMTP error, whose message may name the recipient and would be logged."""


def link_token(seed):
    """The status-link token made from `seed`: 32 bytes nobody can derive without SECRET_KEY."""
    digest = salted_hmac(LINK_SALT, seed, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def issue_link(story):
    """Give `story` a fresh private link (not saved yet); return (token, seed for the mail)."""
    seed = secrets.token_urlsafe(32)
    token = link_token(seed)
    story.token_hash = hash_token(token)
    return token, seed


def absolute(path):
    return f"{settings.SITE_URL or 'http://127.0.0.1:8000'}{path}"


def _send(kind, to, context):
    context = {"site_name": settings.SITE_NAME, **context}
    subject = render_to_string(f"emails/{kind}_subject.txt", context).strip()
    text = render_to_string(f"emails/{kind}.txt", context)
    html = render_to_string(f"emails/{kind}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        raise MailNotSent(f"the {kind} mail was not sent: {type(error).__name__}") from None


def reject_reason_label(story):
    event = story.events.filter(action="reject").order_by("-created_at", "-id").first()
    return REJECT_REASON_LABELS.get(event.reason, "") if event else ""


@task()
def send_submitter_mail(story_id, kind, link_seed=""):
    story = Story.objects.select_related("category").filter(pk=story_id).first()
    if story is None or not story.email:
        return
    status_url = ""
    if link_seed:
        token = link_token(link_seed)
        if hash_token(token) != story.token_hash:
            return  # A newer link replaced this one, and its own mail is on the way.
        status_url = absolute(reverse("stories:my_story", args=[token]))
    _send(kind, [story.email], {
        "story": story,
        "status_url": status_url,
        "public_url": absolute(story.get_absolute_url()),
        "about_url": absolute(reverse("stories:about")),
        "lost_link_url": absolute(reverse("stories:lost_link")),
        "reason": reject_reason_label(story),
    })


@task()
def send_moderator_mail(story_id, edited=False):
    story = Story.objects.select_related("category").filter(pk=story_id).first()
    if story is None or not settings.MODERATOR_EMAILS or story.status != Story.Status.PENDING:
        return
    _send("new_story", settings.MODERATOR_EMAILS, {
        "story": story, "edited": edited,
        "review_url": absolute(reverse("stories:review_story", args=[story.pk])),
    })


def queue_receipt(story, link_seed):
    if story.email:
        send_submitter_mail.enqueue(story.pk, "receipt", link_seed)
    if settings.MODERATOR_EMAILS:
        send_moderator_mail.enqueue(story.pk)


def queue_status_link(story, link_seed):
    send_submitter_mail.enqueue(story.pk, "status_link", link_seed)


def queue_for_move(story, event):
    kind = MAIL_FOR_ACTION.get(event.action)
    # A story put back up after being hidden was already announced to its writer once.
    announced = event.from_status == Story.Status.HIDDEN and event.to_status == Story.Status.APPROVED
    if kind and story.email and event.to_status != event.from_status and not announced:
        send_submitter_mail.enqueue(story.pk, kind)
    elif event.action == "submitter_edit" and settings.MODERATOR_EMAILS:
        send_moderator_mail.enqueue(story.pk, edited=True)
