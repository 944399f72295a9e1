"""The page kinds of the site, one module each (see :mod:`generator.site.pages.base`)."""
