"""The deploy files (deploy/) hold together: the compose file parses, every service has a
health check and waits for what it needs, and every command the compose file, the
Dockerfile and the systemd units run is one of the project's own click commands with
options it has. Docker is not available where the tests run: the stack is started
without it, from these files, by tests/integration/test_deploy_stack.py (README,
"Deploying")."""

from __future__ import annotations

import configparser
import json
import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from tracker.cli import main
from tracker.config import PROJECT_DIR, load_settings
from tracker.errors import ConfigError

DEPLOY = PROJECT_DIR / "deploy"
SYSTEMD = DEPLOY / "systemd"


def parse_command(args: list[str]) -> list[str]:
    """The path of click commands ``tracker ARGS`` runs (["serve"], ["db", "backup"]),
    parsing every option on the way: an unknown command or option fails here."""
    assert args[0] == "tracker" or args[0].endswith("/tracker"), args
    command: click.Command = main
    ctx = command.make_context("tracker", args[1:])
    path: list[str] = []
    while isinstance(command, click.Group):
        rest = [*ctx._protected_args, *ctx.args]
        name, sub, rest = command.resolve_command(ctx, rest)
        assert sub is not None
        assert name is not None
        path.append(name)
        command = sub
        ctx = command.make_context(name, rest, parent=ctx)
    assert not ctx.args, f"unexpected arguments {ctx.args} for tracker {' '.join(path)}"
    return path


def test_parse_command_refuses_what_the_cli_does_not_have() -> None:
    assert parse_command(["tracker", "db", "backup", "/x"]) == ["db", "backup"]
    assert parse_command(["tracker", "worker", "--metrics-port", "9100"]) == ["worker"]
    with pytest.raises(click.UsageError):
        parse_command(["tracker", "serve", "--no-such-option"])
    with pytest.raises(click.UsageError):
        parse_command(["tracker", "no-such-command"])
    with pytest.raises(click.UsageError):
        parse_command(["tracker", "db", "vacuum"])


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_the_compose_file_has_the_stack_with_health_checks(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", "redis", "migrate", "web", "worker", "caddy"}
    for name, service in services.items():
        check = service.get("healthcheck")
        assert check, f"{name} has no health check"
        if name != "migrate":  # a one-shot job: done is its health
            assert check.get("test"), f"{name}'s health check runs nothing"
            assert not check.get("disable")
        for needed in service.get("depends_on", {}):
            assert needed in services, f"{name} depends on an unknown service {needed}"
    for name in ("web", "worker"):
        needs = services[name]["depends_on"]
        assert needs["postgres"]["condition"] == "service_healthy"
        assert needs["redis"]["condition"] == "service_healthy"
        assert needs["migrate"]["condition"] == "service_completed_successfully"
        assert "replicas" in services[name]["deploy"]
        assert services[name]["environment"]["TRACKER_QUEUE_URL"].startswith("redis://redis:")
        assert "@postgres:5432/" in services[name]["environment"]["TRACKER_DATABASE_URL"]
    assert services["caddy"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert {"80:80", "443:443"} <= set(services["caddy"]["ports"])


def test_the_compose_services_run_the_projects_own_commands(compose: dict[str, Any]) -> None:
    services = compose["services"]
    ran = {name: parse_command(s["command"]) for name, s in services.items()
           if s.get("command", [""])[0] == "tracker"}  # fmt: skip
    assert ran == {"migrate": ["db", "migrate"], "web": ["serve"], "worker": ["worker"]}
    web = services["web"]["command"]
    assert "--no-worker" in web  # the workers are their own service
    port = web[web.index("--port") + 1]
    caddyfile = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    # Caddy's upstream port, by default (TRACKER_UPSTREAM_PORT), is the web's.
    assert re.search(rf"dynamic a \S+ \{{\$TRACKER_UPSTREAM_PORT:{port}\}}", caddyfile)
    assert re.search(r"@metrics path /metrics\b.*\n\s*respond @metrics 404", caddyfile)
    # The web's health check asks its own /healthz, the worker's its metrics port.
    assert f"127.0.0.1:{port}/healthz" in json.dumps(services["web"]["healthcheck"]["test"])
    worker = services["worker"]["command"]
    metrics_port = worker[worker.index("--metrics-port") + 1]
    assert f"127.0.0.1:{metrics_port}/metrics" in json.dumps(services["worker"]["healthcheck"])


def test_the_dockerfile_runs_the_projects_command_from_the_lock_file() -> None:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert "uv sync --frozen --no-dev" in text
    cmd = re.search(r"^CMD (\[.*\])$", text, re.MULTILINE)
    assert cmd is not None
    assert parse_command(json.loads(cmd.group(1))) == ["serve"]
    for copied in re.findall(r"^COPY (?!--from)(.+) \S+$", text, re.MULTILINE):
        for name in copied.split():
            assert (PROJECT_DIR / name).exists(), f"the Dockerfile copies a missing {name}"


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def test_the_systemd_units_run_the_projects_own_commands() -> None:
    units = {path.name: _unit(path) for path in sorted(SYSTEMD.glob("*.service"))}
    ran = {name: parse_command(shlex.split(unit["Service"]["ExecStart"]))
           for name, unit in units.items()}  # fmt: skip
    assert ran == {
        "tracker-backup.service": ["db", "backup"],
        "tracker-migrate.service": ["db", "migrate"],
        "tracker-web.service": ["serve"],
        "tracker-worker.service": ["worker"],
    }
    assert "--no-worker" in units["tracker-web.service"]["Service"]["ExecStart"]
    for name, unit in units.items():
        assert unit["Service"]["EnvironmentFile"] == "/etc/tracker/tracker.env", name
        assert unit["Service"]["User"] == "tracker", name
    for name in ("tracker-web.service", "tracker-worker.service"):
        assert "tracker-migrate.service" in units[name]["Unit"]["Requires"]
    # The timer starts the backup service (a timer starts the service of its own name).
    timer = _unit(SYSTEMD / "tracker-backup.timer")
    assert timer["Timer"]["OnCalendar"]
    assert "Unit" not in timer["Timer"]
    folder = shlex.split(units["tracker-backup.service"]["Service"]["ExecStart"])[-1]
    assert folder in units["tracker-backup.service"]["Service"]["ReadWritePaths"]
    tmpfiles = (SYSTEMD / "tracker-backup.conf").read_text(encoding="utf-8")
    assert re.search(rf"^d {re.escape(folder)} 0700 ", tmpfiles, re.MULTILINE)


@pytest.mark.parametrize("path", [DEPLOY / "env.example", SYSTEMD / "tracker.env.example"])
def test_the_env_examples_hold_placeholders_the_service_refuses(path: Path) -> None:
    env = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value
    assert env["TRACKER_SECRET_KEY"] == "CHANGE-ME"
    assert env.get("TRACKER_METRICS_TOKEN", "") == ""
    # Started with the example as it is, the service stops at once and says why.
    with pytest.raises(ConfigError, match="TRACKER_SECRET_KEY quá ngắn"):
        load_settings(env=env)


def test_the_caddyfile_defaults_are_productions(compose: dict[str, Any]) -> None:
    """Every ``{$VAR:default}`` of the Caddyfile defaults to what the compose stack (and a
    systemd host) needs; tests/integration/test_deploy_stack.py sets them otherwise."""
    caddyfile = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert dict(re.findall(r"\{\$(\w+):([^}]*)\}", caddyfile)) == {
        "TRACKER_CADDY_ADMIN": "127.0.0.1:2019",
        "TRACKER_HTTP_PORT": "80",
        "TRACKER_HTTPS_PORT": "443",
        "TRACKER_UPSTREAM": "127.0.0.1",  # systemd: the web process on this host
        "TRACKER_UPSTREAM_PORT": "8000",
        "TRACKER_UPSTREAM_RESOLVER": "127.0.0.11",  # Docker's DNS on a compose network
    }
    caddy = compose["services"]["caddy"]
    assert set(caddy["environment"]) == {"TRACKER_DOMAIN", "TRACKER_UPSTREAM"}
    assert caddy["environment"]["TRACKER_UPSTREAM"] == "web"
    assert "http://127.0.0.1:2019/config/" in caddy["healthcheck"]["test"]
