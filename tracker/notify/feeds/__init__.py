"""iCal feeds: a person's, a unit's or a plan's deadlines as a calendar subscription.

Split by concern: :mod:`.tokens` (who a feed shows and the token that reaches it),
:mod:`.build` (the calendar a feed holds, read through the occurrence read model) and
:mod:`.http` (serving it again for the cost of one data-version lookup).
"""

from tracker.notify.feeds.build import (
    ENTRIES,
    FeedBody,
    build_feed,
    read_versions,
    target_filter,
)
from tracker.notify.feeds.http import CACHE, data_version, open_feed
from tracker.notify.feeds.tokens import (
    KINDS,
    Feed,
    create_feed,
    feed_urls,
    feeds_of,
    hash_token,
    regenerate_feed,
    revoke_feed,
)

__all__ = [
    "CACHE",
    "ENTRIES",
    "KINDS",
    "Feed",
    "FeedBody",
    "build_feed",
    "create_feed",
    "data_version",
    "feed_urls",
    "feeds_of",
    "hash_token",
    "open_feed",
    "read_versions",
    "regenerate_feed",
    "revoke_feed",
    "target_filter",
]
