"""The product's URLs plus the two comparison views. Mounted only by the bench's settings."""

from django.urls import path

from kindness.urls import handler400, handler403, handler404, handler500
from kindness.urls import urlpatterns as product_urlpatterns

from .views import NaiveStoryList, floor

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/naive/", NaiveStoryList.as_view(), name="bench_naive"),
    *product_urlpatterns,
]
