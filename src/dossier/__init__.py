"""dossier: Markdown chapters to a PDF briefing, an EPUB 3 and classroom handouts."""

__version__ = "0.1.0"
