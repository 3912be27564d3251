"""Piccolo app: organisation units and people."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from tracker.org.tables import (
    GroupMember,
    Membership,
    Person,
    PersonSession,
    SignInFailures,
    SignInLink,
    Unit,
)

APP_CONFIG = AppConfig(
    app_name="org",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[
        Unit,
        GroupMember,
        Person,
        Membership,
        PersonSession,
        SignInFailures,
        SignInLink,
    ],
    migration_dependencies=[],
    commands=[],
)
