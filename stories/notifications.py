"""Mail to submitters and moderators, sent by the task worker.

Mails are queued inside the caller's transaction: with the database task backend a story and
its mail are committed together or not at all, and a worker killed mid-run picks the mail up
again when it restarts.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from .models import REJECT_REASON_LABELS, Story

MAIL_FOR_ACTION = {
    "approve": "published",
    "feature": "published",
    "reject": "rejected",
    "request_changes": "changes_requested",
}


def absolute(path):
    return f"{settings.SITE_URL or 'http://127.0.0.1:8000'}{path}"


def _send(kind, to, context):
    context = {"site_name": settings.SITE_NAME, **context}
    subject = render_to_string(f"emails/{kind}_subject.txt", context).strip()
    text = render_to_string(f"emails/{kind}.txt", context)
    html = render_to_string(f"emails/{kind}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    message.send()


def reject_reason_label(story):
    event = story.events.filter(action="reject").order_by("-created_at", "-id").first()
    return REJECT_REASON_LABELS.get(event.reason, "") if event else ""


@task()
def send_submitter_mail(story_id, kind, status_path=""):
    story = Story.objects.select_related("category").filter(pk=story_id).first()
    if story is None or not story.email:
        return
    _send(kind, [story.email], {
        "story": story,
        "status_url": absolute(status_path) if status_path else "",
        "public_url": absolute(story.get_absolute_url()),
        "about_url": absolute(reverse("stories:about")),
        "lost_link_url": absolute(reverse("stories:lost_link")),
        "reason": reject_reason_label(story),
    })


@task()
def send_moderator_mail(story_id):
    story = Story.objects.select_related("category").filter(pk=story_id).first()
    if story is None or not settings.MODERATOR_EMAILS:
        return
    _send("new_story", settings.MODERATOR_EMAILS, {
        "story": story, "review_url": absolute(reverse("stories:review_story", args=[story.pk])),
    })


def queue_receipt(story, token):
    if story.email:
        send_submitter_mail.enqueue(story.pk, "receipt", reverse("stories:my_story", args=[token]))
    if settings.MODERATOR_EMAILS:
        send_moderator_mail.enqueue(story.pk)


def queue_status_link(story, token):
    send_submitter_mail.enqueue(story.pk, "status_link", reverse("stories:my_story", args=[token]))


def queue_for_move(story, event):
    kind = MAIL_FOR_ACTION.get(event.action)
    if kind and story.email and event.to_status != event.from_status:
        send_submitter_mail.enqueue(story.pk, kind)
    elif event.action == "submitter_edit" and settings.MODERATOR_EMAILS:
        send_moderator_mail.enqueue(story.pk)
