from django.urls import path

from .views import api, feeds, hearts, public, reports, review_queue, review_story, submitter

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
    path("stories/<slug:slug>/heart/", hearts.heart, name="heart"),
    path("feed/", feeds.feed, name="feed"),
    path("sitemap.xml", feeds.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", feeds.sitemap_section, name="sitemap_section"),
    path("embed/", api.embed, name="embed"),
    path("api/stories/", api.api_stories, name="api_stories"),
    path("stories/<slug:slug>/report/", reports.report, name="report"),
    path("review/", review_queue.queue, name="review"),
    path("review/export.csv", review_queue.export_csv, name="review_export"),
    path("review/<int:pk>/", review_story.review_story, name="review_story"),
]
