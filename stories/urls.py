from django.urls import path

from .views import public, reports, review_queue, review_story, submitter

app_name = "stories"

urlpatterns = [
    path("", public.gallery, name="gallery"),
    path("stories/<slug:slug>/", public.story_detail, name="detail"),
    path("share/", submitter.share, name="share"),
    path("share/thanks/", submitter.thanks, name="thanks"),
    path("my/lost-link/", submitter.lost_link, name="lost_link"),
    path("my/<str:token>/", submitter.my_story, name="my_story"),
    path("my/<str:token>/withdraw/", submitter.withdraw, name="withdraw"),
    path("about/", public.about, name="about"),
    path("healthz", public.healthz, name="healthz"),
    path("robots.txt", public.robots_txt, name="robots"),
    path("stories/<slug:slug>/report/", reports.report, name="report"),
    path("review/", review_queue.queue, name="review"),
    path("review/export.csv", review_queue.export_csv, name="review_export"),
    path("review/<int:pk>/", review_story.review_story, name="review_story"),
]
