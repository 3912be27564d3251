"""Piccolo app: plans and their task trees."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from tracker.plans.tables import Plan, Task, TaskUnit

APP_CONFIG = AppConfig(
    app_name="plans",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Plan, Task, TaskUnit],
    migration_dependencies=["tracker.org.piccolo_app"],
    commands=[],
)
