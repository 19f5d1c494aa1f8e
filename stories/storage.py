"""Static files as production serves them: hashed, compressed, their URLs worked out once."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's storage, remembering each file's URL for the life of the process.

    The manifest is read once and never changes while a process runs, yet Django looks each name
    up again (cleaning, hashing lookup, quoting, joining) every time a template asks for it: five
    times on every page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        key = (name, force)
        found = self._urls.get(key)
        if found is None:
            found = self._urls[key] = super().url(name, force)
        return found
