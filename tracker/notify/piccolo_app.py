"""Piccolo app: reminders, the outbox, webhooks, notification settings and iCal feeds."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from tracker.notify.tables import (
    DataVersion,
    DigestBranch,
    DigestRun,
    FeedToken,
    NotifySetting,
    Outbox,
    PrebuildMark,
    PrebuiltFeed,
    Webhook,
)

APP_CONFIG = AppConfig(
    app_name="notify",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[
        Outbox,
        NotifySetting,
        Webhook,
        DigestRun,
        FeedToken,
        DataVersion,
        DigestBranch,
        PrebuiltFeed,
        PrebuildMark,
    ],
    migration_dependencies=["tracker.deadlines.piccolo_app"],
    commands=[],
)
