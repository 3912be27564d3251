"""Plans written as prose or markdown, read into the shared raw tree: lines are joined into
paragraphs (PDF line breaks undone), then nested by their numbering, never by heading level.
"""

from tracker.plans.importers.prose.reader import parse_prose
from tracker.plans.importers.prose.starts import split_label

__all__ = ["parse_prose", "split_label"]
