"""Piccolo app: reminders, outbox and feeds (tables arrive with those issues)."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

APP_CONFIG = AppConfig(
    app_name="notify",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[],
    migration_dependencies=["tracker.tasks.piccolo_app"],
    commands=[],
)
