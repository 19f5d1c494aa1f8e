"""What the gallery is measured against: the framework's floor and the list a developer writes first."""

from pathlib import Path

from django.http import HttpResponse
from django.template import engines
from django.views.generic import ListView

from ..models import Story
from ..views.listing import PAGE_SIZE

# Read once, like the cached template loader does for the product's templates.
NAIVE_TEMPLATE = engines["django"].from_string((Path(__file__).parent / "naive_list.html").read_text())


def floor(request):
    """The least a Django view can do, behind the same middleware as every page."""
    return HttpResponse("ok")


class NaiveStoryList(ListView):
    """OFFSET plus COUNT: the page number is skipped over row by row, and every page counts them all."""

    queryset = Story.objects.published().for_cards().newest_first()
    paginate_by = PAGE_SIZE

    def render_to_response(self, context, **response_kwargs):
        return HttpResponse(NAIVE_TEMPLATE.render(context, self.request))
