"""Piccolo app: occurrences, events, extensions and the audit log."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from tracker.audit import AuditEntry
from tracker.deadlines.tables import Event, EvidenceContent, EvidenceFile, Extension, Occurrence

APP_CONFIG = AppConfig(
    app_name="tasks",
    migrations_folder_path=str(Path(__file__).parent / "piccolo_migrations"),
    table_classes=[Event, Occurrence, Extension, EvidenceFile, EvidenceContent, AuditEntry],
    migration_dependencies=["tracker.org.piccolo_app", "tracker.plans.piccolo_app"],
    commands=[],
)
