from django.urls import path

from .views import public, review, submitter

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
    path("review/", review.queue, name="review"),
    path("review/<int:pk>/", review.review_story, name="review_story"),
]
