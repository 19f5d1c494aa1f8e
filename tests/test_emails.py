"""Every mail a story's moves send, read from the outbox: words, links, text and HTML."""

import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from stories import moderation, notifications
from stories.models import Story

from .submitting import STATUS_LINK, VALID, submit

pytestmark = pytest.mark.django_db
Status = Story.Status
SITE = "https://stories.example.org"


def to_submitter():
    return [m for m in mail.outbox if m.to == [VALID["email"]]]


def to_moderators():
    return [m for m in mail.outbox if m.to == ["moderators@example.org"]]


def html_of(message):
    assert len(message.alternatives) == 1
    content, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and content.startswith("<!doctype html>")
    return content


def test_the_receipt_carries_the_status_link(client):
    story, token = submit(client)
    [receipt] = to_submitter()
    assert receipt.subject == f"Thank you for your story: {VALID['title']}"
    assert receipt.from_email == "Kindness Stories <stories@localhost>"
    link = f"{SITE}/my/{token}/"
    assert link in receipt.body and "Hello Jonas," in receipt.body and "withdraw it at any time" in receipt.body
    assert f'href="{link}"' in html_of(receipt)
    assert client.get(f"/my/{token}/").status_code == 200


def test_no_email_means_no_mail_to_the_submitter(client):
    submit(client, email="")
    assert to_submitter() == [] and len(to_moderators()) == 1


def test_moderators_get_a_mail_for_each_new_story(client):
    first, _ = submit(client)
    second, _ = submit(client, body=VALID["body"] + " Later that year.", email="")
    notes = to_moderators()
    assert [m.subject for m in notes] == [f"New story to review: {VALID['title']}"] * 2
    assert f"{SITE}/review/{first.pk}/" in notes[0].body and f"{SITE}/review/{second.pk}/" in notes[1].body
    assert f'href="{SITE}/review/{second.pk}/"' in html_of(notes[1])
    assert VALID["email"] not in notes[0].body


def test_moderators_hear_of_a_submitters_edit(client):
    story, token = submit(client)
    mail.outbox.clear()
    client.post(f"/my/{token}/", {"title": "A new title", "body": story.body, "category": "travel",
                                  "action": "edit", "seen_status": "pending"})
    [note] = to_moderators()
    assert note.subject == "Edited story to review: A new title"


@override_settings(MODERATOR_EMAILS=[])
def test_no_moderator_mail_without_moderator_emails(client):
    submit(client)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [VALID["email"]]


def test_published_mail_has_the_public_link(client, moderator):
    story, _ = submit(client)
    mail.outbox.clear()
    moderation.approve(story, by=moderator, seen_status=Status.PENDING)
    [published] = to_submitter()
    story.refresh_from_db()
    link = f"{SITE}{story.get_absolute_url()}"
    assert published.subject == f"Your story is published: {VALID['title']}"
    assert link in published.body and f'href="{link}"' in html_of(published)


def test_changes_requested_mail_has_the_note(client, moderator):
    story, _ = submit(client)
    mail.outbox.clear()
    note = "Could you leave out the porter's surname? <b>First names</b> only, please."
    moderation.request_changes(story, by=moderator, seen_status=Status.PENDING, note=note)
    [asked] = to_submitter()
    assert asked.subject == f"A small change to your story: {VALID['title']}"
    assert note in asked.body and f"{SITE}/my/lost-link/" in asked.body
    html = html_of(asked)
    assert "Could you leave out the porter&#x27;s surname? &lt;b&gt;First names&lt;/b&gt;" in html
    assert "<b>First names</b>" not in html


def test_rejected_mail_is_kind_and_gives_the_reason(client, moderator):
    story, _ = submit(client)
    mail.outbox.clear()
    moderation.reject(story, by=moderator, seen_status=Status.PENDING, reason="not_kind",
                      note="It would make a fine letter to the manager.")
    [rejected] = to_submitter()
    assert rejected.subject == f"About your story: {VALID['title']}"
    for text in (rejected.body, html_of(rejected)):
        assert "we are sorry that we cannot publish it" in text
        assert "The reason: It is a complaint rather than a story of kindness" in text
        assert "It would make a fine letter to the manager." in text
        assert "we would love to read it" in text
    assert f"{SITE}/about/" in rejected.body


def test_moves_without_news_send_no_mail(client, moderator):
    story, _ = submit(client)
    moderation.approve(story, by=moderator, seen_status=Status.PENDING)
    mail.outbox.clear()
    moderation.approve(story, by=moderator, seen_status=Status.APPROVED, featured=True)
    moderation.hide(story, by=moderator, seen_status=Status.APPROVED)
    moderation.restore(story, by=moderator, seen_status=Status.HIDDEN)
    assert mail.outbox == []


def test_user_text_is_escaped_in_html_mail_and_plain_in_text(client, moderator):
    story, _ = submit(client, title="Thanks <script>alert(1)</script> & more", display_name="Zoë <i>")
    [receipt] = to_submitter()
    assert "Thanks <script>alert(1)</script> & more" in receipt.subject and "Hello Zoë <i>," in receipt.body
    html = html_of(receipt)
    assert "<script>" not in html and "Thanks &lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_the_new_link_mail(client):
    story, _ = submit(client)
    mail.outbox.clear()
    client.post("/my/lost-link/", {"email": VALID["email"]})
    [message] = mail.outbox
    token = STATUS_LINK.search(message.body).group(1)
    assert message.subject == f'Your new link for "{VALID["title"]}"'
    assert f'href="{SITE}/my/{token}/"' in html_of(message) and "Older links no longer work" in message.body


# --- The production path: the database queue and its worker -------------------------------------

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """What `manage.py db_worker` does with each queued row.

    The command itself closes database connections and takes over signal handlers, which a test
    inside a transaction (and the live server of the browser tests after it) cannot afford.
    """
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.claim("tests")
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(None)


@override_settings(TASKS=DATABASE_TASKS)
def test_queued_mail_waits_for_the_worker_and_never_holds_the_token(client):
    story, token = submit(client)
    assert mail.outbox == []
    queued = list(DBTaskResult.objects.values_list("args_kwargs", flat=True))
    assert len(queued) == 2 and not any(token in str(args) for args in queued)
    assert not any(VALID["email"] in str(args) for args in queued)
    run_worker()
    [receipt] = to_submitter()
    assert f"{SITE}/my/{token}/" in receipt.body and len(to_moderators()) == 1


@override_settings(TASKS=DATABASE_TASKS)
def test_a_story_withdrawn_before_the_worker_runs_gets_no_mail(client):
    story, token = submit(client)
    client.post(f"/my/{token}/withdraw/", {"seen_status": Status.PENDING})
    run_worker()
    assert to_submitter() == [] and to_moderators() == []


@override_settings(TASKS=DATABASE_TASKS)
def test_a_receipt_whose_link_was_replaced_is_not_sent(client):
    submit(client)
    client.post("/my/lost-link/", {"email": VALID["email"]})
    run_worker()
    [message] = to_submitter()
    new_token = STATUS_LINK.search(message.body).group(1)
    assert message.subject.startswith("Your new link") and client.get(f"/my/{new_token}/").status_code == 200


def test_a_failed_send_names_no_address(client):
    story, _ = submit(client)
    refused = smtplib.SMTPRecipientsRefused({VALID["email"]: (550, b"no such user")})
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=refused), \
            pytest.raises(notifications.MailNotSent) as raised:
        notifications.send_submitter_mail.call(story.pk, "published")
    assert VALID["email"] not in str(raised.value) and raised.value.__suppress_context__
