"""The stack deploy/ describes, started as far as a machine without a Docker engine
allows: the services' commands and environment read from deploy/compose.yaml (and the
image's from deploy/Dockerfile), run as local processes against this machine's
PostgreSQL and Redis, and Caddy run with deploy/Caddyfile itself in front.

What stands in for Docker, each said where it is done (``_container_env``, ``_run``):
the database and queue URLs name the test's servers instead of the services
``postgres`` and ``redis``; each web replica listens on an address of its own
(127.0.0.2, 127.0.0.3), as each container has one, on a free port instead of 8000; the
volume ``tracker-data`` is one folder shared by every process, each container's tmpfs a
folder of its own; Docker's DNS, which answers the service name ``web`` with the
replicas' addresses, is a small DNS server here (``DnsServer``). Images are neither
built nor pulled: the Dockerfile is only read for its ENV, and checked in
tests/test_deploy.py. The systemd units' ExecStart lines are run too, with the same
Caddyfile in front.

It needs PostgreSQL and Redis (TRACKER_TEST_DATABASE_URL, TRACKER_TEST_QUEUE_URL) and
Caddy (``apt-get install caddy``): without them it is skipped, but it fails in CI's
server run. The database's ``public`` schema is emptied first: the migration starts from
nothing.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shlex
import shutil
import signal
import socket
import socketserver
import ssl
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import asyncpg
import httpx
import pytest
import redis
import yaml

from tests.conftest import PG_URL, QUEUE_URL, _create_worker_database
from tests.test_deploy import _unit
from tracker.config import PROJECT_DIR

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]

DEPLOY = PROJECT_DIR / "deploy"
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
SERVER_RUN = bool(PG_URL or QUEUE_URL) or os.environ.get("TRACKER_TEST_BACKENDS") == "postgres"
CADDY = shutil.which("caddy") or ""
# The replicas' own addresses, as each container has one on the compose network.
WEB_ADDRESSES = ("127.0.0.2", "127.0.0.3")
WORKER_ADDRESSES = ("127.0.0.4", "127.0.0.5")
DOMAIN = "localhost"  # Caddy gives a name like this a certificate of its own CA
PASSWORD = "mat-khau-cua-ngan-xep-trien-khai"
SIGNING_IN = "long.nh@daison.example.vn"  # a person of the sample data (tracker seed)
NOW = "2026-04-08T15:00:00+07:00"


# --------------------------------------------------------------------------- reading


def interpolate(value: Any, env: dict[str, str]) -> Any:
    """Compose's interpolation of ``${VAR}``, ``${VAR:-default}``, ``${VAR:?message}`` and
    ``$$`` in every string of ``value``, from ``env`` (the ``--env-file``)."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(match: re.Match[str]) -> str:
        if match[0] == "$$":
            return "$"
        name, op, arg = match["name"], match["op"], match["arg"] or ""
        found = env.get(name, "")
        if op == ":-":
            return found or arg
        if op == ":?" and not found:
            raise AssertionError(f"compose would stop: {name}: {arg}")
        return found

    pattern = r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:-|:\?)(?P<arg>[^}]*))?\}"
    return re.sub(pattern, one, value)


def test_interpolation_is_composes() -> None:
    env = {"A": "1", "E": ""}
    assert interpolate("${A}-${B:-2}-${E:-3}-$$x", env) == "1-2-3-$x"
    assert interpolate({"k": ["${A:?set A}"]}, env) == {"k": ["1"]}
    with pytest.raises(AssertionError, match="compose would stop: B: set B"):
        interpolate("${B:?set B}", env)


def read_env_file(path: Path) -> dict[str, str]:
    env = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value
    return env


def image_env() -> dict[str, str]:
    """The ENV lines of deploy/Dockerfile, as the image holds them."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    env: dict[str, str] = {}
    for line in re.findall(r"^ENV (.+)$", text, re.MULTILINE):
        for pair in shlex.split(line):
            key, _, value = pair.partition("=")
            env[key] = value
    return env


def test_the_image_env_is_read_from_the_dockerfile() -> None:
    env = image_env()
    assert env["TRACKER_DATA_DIR"] == "/var/lib/tracker"
    assert env["PATH"] == "/app/.venv/bin:$PATH"
    assert env["PROMETHEUS_MULTIPROC_DIR"] == "/tmp/tracker-metrics"


@dataclass
class Stack:
    """The compose file with the values of the env file, merged as YAML merges ``<<``."""

    env_file: dict[str, str]
    services: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        loaded = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
        self.services = interpolate(loaded, self.env_file)["services"]

    def command(self, name: str) -> list[str]:
        return list(self.services[name]["command"])

    def environment(self, name: str) -> dict[str, str]:
        """What a container of the service is given: the image's ENV, then the env file
        (``env_file: .env``), then the service's ``environment``."""
        service = self.services[name]
        assert service["env_file"] == ".env"
        return {**image_env(), **self.env_file, **service["environment"]}

    def health_url(self, name: str) -> str:
        test = self.services[name]["healthcheck"]["test"]
        found = re.search(r"urlopen\('([^']+)'", json.dumps(test))
        assert found, test
        return found[1]


# --------------------------------------------------------------------------- processes


@dataclass
class Proc:
    name: str
    proc: subprocess.Popen[bytes]
    log: Path

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _start(folder: Path, name: str, args: list[str], env: dict[str, str]) -> Proc:
    log = folder / f"{name}.log"
    with log.open("ab") as out:
        # A session of its own: the process and its children (uvicorn's) are stopped
        # together, by the group's id.
        proc = subprocess.Popen(
            args, env=env, cwd=PROJECT_DIR, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    return Proc(name, proc, log)


def _stop(procs: list[Proc]) -> None:
    """SIGTERM to every group, then SIGKILL to what is still there after 20 s; the list
    is emptied, so that a second call (the clean-up after the test's own) signals none
    of them again."""
    for p in procs:
        if p.proc.poll() is None:
            os.killpg(p.proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    for p in procs:
        with suppress(subprocess.TimeoutExpired):
            p.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        with suppress(ProcessLookupError):
            os.killpg(p.proc.pid, signal.SIGKILL)  # the children of one that did stop, too
        if p.proc.poll() is None:
            p.proc.wait(timeout=10)
    procs.clear()


def _until(check: Callable[[], bool], timeout: float, what: str, *watched: Proc) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in watched:
            if p.proc.poll() is not None:
                raise AssertionError(f"{p.name} stopped ({p.proc.returncode}):\n{p.text()[-3000:]}")
        if check():
            return
        time.sleep(0.2)
    tails = "\n".join(f"--- {p.name}\n{p.text()[-2000:]}" for p in watched)
    raise AssertionError(f"timed out waiting for {what}\n{tails}")


def _answers(url: str, **kwargs: Any) -> bool:
    try:
        return httpx.get(url, timeout=2, **kwargs).status_code == 200
    except httpx.HTTPError:
        return False


def _free_port(*hosts: str) -> int:
    """A port free on every one of ``hosts``."""
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind((hosts[0], 0))
            port = int(sock.getsockname()[1])
        try:
            for host in hosts[1:]:
                with socket.socket() as sock:
                    sock.bind((host, port))
        except OSError:
            continue
        return port
    raise AssertionError(f"no port free on all of {hosts}")


# --------------------------------------------------------------------------- Docker's DNS


@dataclass
class DnsServer:
    """What Docker's DNS does for the proxy: the service's name answered with the
    addresses of its replicas (A records); any other name does not exist, and the name
    has no IPv6 address (an empty answer). Over UDP and TCP on one port (Caddy's
    resolver asks over TCP)."""

    name: str
    addresses: tuple[str, ...]
    port: int = 0
    asked: int = 0

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def answer(self, query: bytes) -> bytes:
        ident, flags = struct.unpack("!HH", query[:4])
        labels, at = [], 12
        while query[at]:
            labels.append(query[at + 1 : at + 1 + query[at]].decode("ascii").lower())
            at += 1 + query[at]
        qtype = struct.unpack("!H", query[at + 1 : at + 3])[0]
        question = query[12 : at + 5]
        known = ".".join(labels) == self.name.lower()
        records = []
        if known and qtype == 1:  # A
            self.asked += 1
            records = [
                struct.pack("!HHHIH", 0xC00C, 1, 1, 5, 4) + socket.inet_aton(address)
                for address in self.addresses
            ]
        flags = 0x8180 | (flags & 0x0100) | (0 if known else 3)  # 3: NXDOMAIN
        header = struct.pack("!HHHHHH", ident, flags, 1, len(records), 0, 0)
        return header + question + b"".join(records)


class _OverUdp(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        query, sock = self.request
        sock.sendto(self.server.dns.answer(query), self.client_address)  # type: ignore[attr-defined]


class _OverTcp(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        while size := self.rfile.read(2):
            answer = self.server.dns.answer(self.rfile.read(struct.unpack("!H", size)[0]))  # type: ignore[attr-defined]
            self.wfile.write(struct.pack("!H", len(answer)) + answer)


@contextmanager
def dns_server(name: str, addresses: tuple[str, ...]) -> Iterator[DnsServer]:
    dns = DnsServer(name, addresses)
    tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _OverTcp)
    dns.port = tcp.server_address[1]
    udp = socketserver.ThreadingUDPServer(("127.0.0.1", dns.port), _OverUdp)
    threads = []
    for server in (tcp, udp):
        server.daemon_threads = True
        server.dns = dns  # type: ignore[attr-defined]
        threads.append(threading.Thread(target=server.serve_forever, daemon=True))
        threads[-1].start()
    try:
        yield dns
    finally:
        for server in (tcp, udp):
            server.shutdown()
            server.server_close()


# --------------------------------------------------------------------------- the test


@pytest.fixture
def servers() -> Iterator[tuple[str, str]]:
    """The test's PostgreSQL database, its ``public`` schema emptied, and Redis number,
    flushed; skipped without them or Caddy, but failed in CI's server run."""
    missing = [what for what, there in (("TRACKER_TEST_DATABASE_URL", PG_URL),
               ("TRACKER_TEST_QUEUE_URL", QUEUE_URL), ("caddy (apt-get install caddy)", CADDY))
               if not there]  # fmt: skip
    if missing:
        reason = f"the deploy stack test needs {', '.join(missing)}"
        if IN_CI and SERVER_RUN:
            pytest.fail(reason)
        pytest.skip(reason)

    async def reset() -> None:
        await _create_worker_database()  # under pytest-xdist, the worker's own database
        connection = await asyncpg.connect(PG_URL)
        try:
            await connection.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public")
        finally:
            await connection.close()

    asyncio.run(reset())
    queue = redis.Redis.from_url(QUEUE_URL)
    queue.flushdb()
    yield PG_URL, QUEUE_URL
    queue.flushdb()
    queue.close()


def _container_env(
    stack: Stack, service: str, own: Path, volume: Path, pg_url: str, queue_url: str
) -> dict[str, str]:
    """A container's environment with what Docker gives it replaced by this machine's:
    the servers' URLs, the volume and the tmpfs as folders, the venv on PATH."""
    env = stack.environment(service)
    spec = stack.services[service]
    database, queue = urlsplit(env["TRACKER_DATABASE_URL"]), urlsplit(env["TRACKER_QUEUE_URL"])
    assert (database.hostname, queue.hostname) == ("postgres", "redis")
    assert f"tracker-data:{env['TRACKER_DATA_DIR']}" in spec["volumes"]
    assert env["PROMETHEUS_MULTIPROC_DIR"] in spec["tmpfs"]
    assert env["PATH"] == "/app/.venv/bin:$PATH"
    own.mkdir(parents=True)
    env |= {
        "TRACKER_DATABASE_URL": pg_url,
        "TRACKER_QUEUE_URL": queue_url,
        "TRACKER_DATA_DIR": str(volume),
        "PROMETHEUS_MULTIPROC_DIR": str(own / "metrics"),
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(own),  # the image's user has the volume as home; nothing is kept there
        "LANG": "C.UTF-8",  # python:3.11-slim's
    }
    (own / "metrics").mkdir()
    return env


def _replace_option(command: list[str], option: str, value: str) -> list[str]:
    at = command.index(option)
    return [*command[: at + 1], value, *command[at + 2 :]]


def _moved(url: str, host: str, port: int) -> str:
    """A health check's URL (``http://127.0.0.1:8000/healthz`` inside the container) at
    the address and port the process listens on here."""
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", url
    return parts._replace(netloc=f"{host}:{port}").geturl()


def _run(command: list[str], env: dict[str, str], folder: Path, name: str) -> str:
    """A one-off command, as ``docker compose run --rm migrate …`` runs it; must exit 0."""
    assert shutil.which(command[0], path=env["PATH"]) == str(
        Path(sys.executable).parent / "tracker"
    )
    done = subprocess.run(
        command, env=env, cwd=PROJECT_DIR, capture_output=True, text=True, timeout=180
    )
    (folder / f"{name}.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}{done.stderr}"
    return done.stdout + done.stderr


@dataclass
class Ports:
    web: int
    http: int
    https: int
    admin: int


def _start_caddy(folder: Path, environment: dict[str, str], ports: Ports) -> Proc:
    """deploy/Caddyfile run as the caddy image runs it (``caddy run --config …
    --adapter caddyfile``), with ``environment`` and, here, the ports on env vars whose
    defaults are production's."""
    env = {
        **environment,
        "TRACKER_UPSTREAM_PORT": str(ports.web),
        "TRACKER_HTTP_PORT": str(ports.http),
        "TRACKER_HTTPS_PORT": str(ports.https),
        "TRACKER_CADDY_ADMIN": f"127.0.0.1:{ports.admin}",
        # Where the image keeps its volumes caddy-data:/data and caddy-config:/config.
        "XDG_DATA_HOME": str(folder / "caddy-data"),
        "XDG_CONFIG_HOME": str(folder / "caddy-config"),
        "HOME": str(folder),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    command = [CADDY, "run", "--config", str(DEPLOY / "Caddyfile"), "--adapter", "caddyfile"]
    return _start(folder, "caddy", command, env)


def _https_client(folder: Path, ports: Ports, caddy: Proc) -> httpx.Client:
    """A client of Caddy over HTTPS that trusts Caddy's own CA, which made the
    certificate for localhost (its root is in Caddy's data folder), and no other;
    once /healthz answers through it."""
    root = folder / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    _until(root.exists, 30, "Caddy's root certificate", caddy)
    trust = ssl.create_default_context(cafile=str(root))
    base = f"https://{DOMAIN}:{ports.https}"
    _until(lambda: _answers(f"{base}/healthz", verify=trust), 30, "/healthz through Caddy", caddy)
    return httpx.Client(base_url=base, verify=trust, timeout=30)


def test_the_deploy_files_start_a_stack_that_serves_through_caddy(
    servers: tuple[str, str], tmp_path: Path
) -> None:
    pg_url, queue_url = servers
    ports = Ports(
        _free_port(*WEB_ADDRESSES), _free_port("127.0.0.1"), _free_port("127.0.0.1"),
        _free_port("127.0.0.1"),
    )  # fmt: skip
    # deploy/.env as an operator fills it in from env.example; the SMTP host is left
    # empty, so the workers write their mail as files into the shared volume.
    env_file = read_env_file(DEPLOY / "env.example") | {
        "TRACKER_DOMAIN": DOMAIN,
        "TRACKER_BASE_URL": f"https://{DOMAIN}:{ports.https}",
        "TRACKER_SECRET_KEY": "khoa-bi-mat-cua-ngan-xep-trien-khai-0123456789",
        "POSTGRES_PASSWORD": "mat-khau-postgres-khong-dung-den",
        "TRACKER_SMTP_HOST": "",
        "TRACKER_DATABASE_POOL": "3",  # seven processes, on a server others use too
    }
    stack = Stack(env_file)
    volume = tmp_path / "tracker-data"
    procs: list[Proc] = []

    def env_of(service: str, name: str) -> dict[str, str]:
        return _container_env(stack, service, tmp_path / name, volume, pg_url, queue_url)

    with ExitStack() as cleanup:
        cleanup.callback(_stop, procs)
        # migrate first (the others wait for it to complete successfully), from nothing.
        _run(stack.command("migrate"), env_of("migrate", "migrate"), tmp_path, "migrate")

        dns = cleanup.enter_context(
            dns_server(stack.services["caddy"]["environment"]["TRACKER_UPSTREAM"], WEB_ADDRESSES)
        )
        service = stack.services["caddy"]
        mounted = {v.split(":")[1]: v.split(":")[0] for v in service["volumes"]}
        assert mounted["/etc/caddy/Caddyfile"] == "./Caddyfile"
        assert {"80:80", "443:443"} <= set(service["ports"])
        caddy = _start_caddy(
            tmp_path, {**service["environment"], "TRACKER_UPSTREAM_RESOLVER": dns.address}, ports
        )
        procs.append(caddy)
        webs, workers = [], []
        assert stack.services["web"]["deploy"]["replicas"] == str(len(WEB_ADDRESSES))
        assert stack.services["worker"]["deploy"]["replicas"] == str(len(WORKER_ADDRESSES))
        for index, address in enumerate(WEB_ADDRESSES, start=1):
            command = _replace_option(stack.command("web"), "--host", address)
            command = _replace_option(command, "--port", str(ports.web))
            webs.append(_start(tmp_path, f"web{index}", command, env_of("web", f"web{index}")))
            procs.append(webs[-1])
        worker_health = []
        for index, address in enumerate(WORKER_ADDRESSES, start=1):
            port = _free_port(address)
            command = _replace_option(stack.command("worker"), "--metrics-host", address)
            command = _replace_option(command, "--metrics-port", str(port))
            workers.append(
                _start(tmp_path, f"worker{index}", command, env_of("worker", f"worker{index}"))
            )
            procs.append(workers[-1])
            worker_health.append(_moved(stack.health_url("worker"), address, port))

        # While they start: the sample data and a password, as one-off commands in the
        # migrate service's container (``docker compose run --rm migrate tracker seed``).
        one_off = env_of("migrate", "one-off")
        _run(["tracker", "seed"], one_off, tmp_path, "seed")
        _run(["tracker", "user", "password", SIGNING_IN, "--password", PASSWORD], one_off,
             tmp_path, "password")  # fmt: skip

        for web, address in zip(webs, WEB_ADDRESSES, strict=True):
            url = _moved(stack.health_url("web"), address, ports.web)
            _until(lambda u=url: _answers(u), 90, f"{web.name}'s health check", web)
        for worker, url in zip(workers, worker_health, strict=True):
            _until(lambda u=url: _answers(u), 90, f"{worker.name}'s health check", worker)
        admin = stack.services["caddy"]["healthcheck"]["test"][-1]
        admin = _moved(admin, "127.0.0.1", ports.admin)
        _until(lambda: _answers(admin), 30, "Caddy's admin endpoint", caddy)

        _through_caddy(tmp_path, ports, webs, caddy, dns)
        _a_reminder_pass_on_the_workers(one_off, tmp_path, volume, workers)

        _stop(procs)
        for p in webs + workers:
            assert p.proc.returncode == 0, f"{p.name}: {p.proc.returncode}\n{p.text()[-3000:]}"
            assert "Traceback" not in p.text(), p.text()[-3000:]


def _through_caddy(
    tmp_path: Path, ports: Ports, webs: list[Proc], caddy: Proc, dns: DnsServer
) -> None:
    with _https_client(tmp_path, ports, caddy) as client:
        assert dns.asked, "Caddy found the replicas without asking the DNS server"
        base = str(client.base_url).rstrip("/")
        ids = []
        for _ in range(8):
            answer = client.get("/healthz")
            assert answer.status_code == 200
            ids.append(answer.headers["x-request-id"])
        served = {web.name: [i for i in ids if i in web.text()] for web in webs}
        assert all(served.values()), served
        assert sorted(i for found in served.values() for i in found) == sorted(ids)

        assert client.get("/metrics").status_code == 404
        # Not the app's 404: the web replica itself shows its metrics to 127.0.0.1
        # (TRACKER_METRICS_ALLOW), the client address Caddy forwards here.
        direct = httpx.HTTPTransport(local_address="127.0.0.1")
        with httpx.Client(transport=direct) as inside:
            assert inside.get(f"http://{WEB_ADDRESSES[0]}:{ports.web}/metrics").status_code == 200

        form = client.get("/login")
        assert form.status_code == 200
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert token, form.text[:2000]
        signed_in = client.post(
            "/login", data={"email": SIGNING_IN, "password": PASSWORD, "csrf_token": token[1]},
            headers={"Origin": base},
        )  # fmt: skip
        assert signed_in.status_code in (302, 303), signed_in.text[:2000]
        page = client.get(signed_in.headers["location"])
        assert page.status_code == 200
        assert "Đăng xuất" in page.text

    redirect = httpx.get(f"http://{DOMAIN}:{ports.http}/healthz")
    assert redirect.status_code == 308
    assert redirect.headers["location"].startswith(f"https://{DOMAIN}")


def _a_reminder_pass_on_the_workers(
    env: dict[str, str], tmp_path: Path, volume: Path, workers: list[Proc]
) -> None:
    said = _run(["tracker", "remind", "--now", NOW, "--queue"], env, tmp_path, "remind")
    assert "Đã giao lượt nhắc việc lúc Thứ Tư, 08/04/2026 15:00" in said
    done = re.compile(
        r"Lượt nhắc việc lúc Thứ Tư, 08/04/2026 15:00: (\d+) tin mới, (\d+) tin đã gửi"
    )
    _until(lambda: any(done.search(w.text()) for w in workers), 60, "a worker's pass", *workers)
    ran = [found for w in workers if (found := done.search(w.text()))]
    assert len(ran) == 1, "the pass ran on one worker"
    written, sent = int(ran[0][1]), int(ran[0][2])
    assert written > 0
    # No SMTP host: what the workers send is in the shared volume, one file a message
    # (the pass's own worker, or the other one's delivery that claimed them first).
    mail = volume / "mail"
    _until(lambda: len(list(mail.glob("*.eml"))) >= max(sent, 1), 30, "the mail", *workers)


def test_the_systemd_units_start_the_service_behind_the_same_caddyfile(
    servers: tuple[str, str], tmp_path: Path
) -> None:
    """The units' ExecStart lines, run with /etc/tracker/tracker.env filled in from its
    example: migrate and backup exit 0, web and worker start and stop on SIGTERM as
    systemd stops them, and Caddy with TRACKER_UPSTREAM unset (the default, 127.0.0.1,
    asked of no DNS server) reaches the web process."""
    pg_url, queue_url = servers
    ports = Ports(*(_free_port("127.0.0.1") for _ in range(4)))
    data = tmp_path / "var-lib-tracker"  # StateDirectory=tracker
    env_file = read_env_file(DEPLOY / "systemd" / "tracker.env.example")
    assert urlsplit(env_file["TRACKER_DATABASE_URL"]).hostname == "127.0.0.1"
    assert env_file["TRACKER_DATA_DIR"] == "/var/lib/tracker"
    env_file |= {
        "TRACKER_DATABASE_URL": pg_url,
        "TRACKER_QUEUE_URL": queue_url,
        "TRACKER_DATA_DIR": str(data),
        "TRACKER_BASE_URL": f"https://{DOMAIN}:{ports.https}",
        "TRACKER_SECRET_KEY": "khoa-bi-mat-cua-may-chu-systemd-0123456789abcdef",
        "TRACKER_SMTP_HOST": "",
        "TRACKER_DATABASE_POOL": "3",
    }
    venv_tracker = str(Path(sys.executable).parent / "tracker")
    procs: list[Proc] = []

    def unit(name: str) -> tuple[list[str], dict[str, str]]:
        """ExecStart with the project where the units expect it (/opt/tracker), and the
        environment systemd gives it."""
        service = _unit(DEPLOY / "systemd" / name)["Service"]
        command = shlex.split(service["ExecStart"])
        assert command[0] == "/opt/tracker/.venv/bin/tracker"
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path), **env_file}
        if "Environment" in service:
            key, _, value = service["Environment"].partition("=")
            assert key == "PROMETHEUS_MULTIPROC_DIR"
            assert value == f"/run/{service['RuntimeDirectory']}"
            env[key] = str(tmp_path / "run-tracker-metrics")  # RuntimeDirectory=
            Path(env[key]).mkdir(exist_ok=True)
        return [venv_tracker, *command[1:]], env

    with ExitStack() as cleanup:
        cleanup.callback(_stop, procs)
        _run(*unit("tracker-migrate.service"), tmp_path, "migrate")
        backup, env = unit("tracker-backup.service")
        assert backup[-1] == "/var/backups/tracker"
        (tmp_path / "backups").mkdir(mode=0o700)  # as tracker-backup.conf (tmpfiles.d) makes it
        _run([*backup[:-1], str(tmp_path / "backups")], env, tmp_path, "backup")
        assert [p.stat().st_size for p in (tmp_path / "backups").iterdir()] > [0]

        web_command, env = unit("tracker-web.service")
        assert web_command[-6:] == ["--host", "127.0.0.1", "--port", "8000", "--workers", "2"]
        web = _start(tmp_path, "web", _replace_option(web_command, "--port", str(ports.web)), env)
        procs.append(web)
        worker = _start(tmp_path, "worker", *unit("tracker-worker.service"))
        procs.append(worker)
        caddy = _start_caddy(tmp_path, {"TRACKER_DOMAIN": DOMAIN}, ports)
        procs.append(caddy)
        _until(lambda: "Huey consumer started" in worker.text(), 90, "the worker", worker)
        health = f"http://127.0.0.1:{ports.web}/healthz"
        _until(lambda: _answers(health), 90, "the web process", web)
        with _https_client(tmp_path, ports, caddy) as client:
            assert client.get("/metrics").status_code == 404
            assert client.get("/login").status_code == 200

        _stop(procs)
        for p in (web, worker):
            assert p.proc.returncode == 0, f"{p.name}: {p.proc.returncode}\n{p.text()[-3000:]}"
            assert "Traceback" not in p.text(), p.text()[-3000:]
