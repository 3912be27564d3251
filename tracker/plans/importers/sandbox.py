"""Reading a document in a worker process that can be stopped: the event loop waits
without work, and a reader that runs away (a C-level parse inside lxml or libyaml
included) is killed at the time limit.

Why a process and not a thread: a thread keeps the event loop free but cannot be
stopped, so a file that takes ten minutes would hold a core (and its memory) for ten
minutes, and a few of them would hold the server. A process is killed at
:attr:`Limits.seconds`, and its address space is capped at :attr:`Limits.memory_bytes`.
The processes are forked from a ``forkserver`` that has imported the readers once, so a
document costs a fork (milliseconds), not a new interpreter. At most
:attr:`Limits.workers` documents are read at once per web process; the others wait
their turn (within their own time limit).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.build import ImportResult
from tracker.plans.importers.limits import (
    LIMITS,
    DocumentTooComplex,
    DocumentTooLarge,
    Limits,
    figure,
)
from tracker.plans.importers.read import ParseJob, parse_document

__all__ = ["ServerBusy", "parse_isolated", "start_workers"]

logger = logging.getLogger(__name__)

_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
_CONTEXT: Any = multiprocessing.get_context(_METHOD)
if _METHOD == "forkserver":
    _CONTEXT.set_forkserver_preload(["tracker.plans.importers.read"])

_SLOTS: dict[int, threading.BoundedSemaphore] = {}
_SLOTS_LOCK = threading.Lock()


class ServerBusy(DocumentError):
    """Every reading slot stayed taken for the whole time limit."""

    status_code = 503


async def parse_isolated(job: ParseJob, limits: Limits = LIMITS) -> ImportResult:
    """:func:`~tracker.plans.importers.read.parse_document` in a worker process, waited
    for in a thread so the event loop answers other requests meanwhile. Raises
    :class:`DocumentError` (413, 422 or 503) when the document breaks a limit, cannot be
    read, or is not read within the time limit."""
    return await asyncio.to_thread(_run, job, limits)


def start_workers() -> None:
    """Start the fork server now (a new interpreter importing the readers, a second or
    two) rather than on the first upload: a web process calls it at startup."""
    if _METHOD == "forkserver":
        multiprocessing.forkserver.ensure_running()


def _slot(workers: int) -> threading.BoundedSemaphore:
    with _SLOTS_LOCK:
        return _SLOTS.setdefault(workers, threading.BoundedSemaphore(max(workers, 1)))


def _run(job: ParseJob, limits: Limits) -> ImportResult:
    deadline = time.monotonic() + limits.seconds
    slot = _slot(limits.workers)
    if not slot.acquire(timeout=limits.seconds):
        raise ServerBusy(
            f"{job.name}: máy chủ đang đọc {limits.workers} tệp khác; hãy thử lại sau ít phút."
        )
    try:
        kind, payload = _in_process(job, limits, deadline)
    finally:
        slot.release()
    if kind == "ok":
        result: ImportResult = payload
        return result
    status, message = payload
    raise (DocumentTooLarge if status == 413 else DocumentError)(message)


def _in_process(job: ParseJob, limits: Limits, deadline: float) -> tuple[str, Any]:
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(
        target=_child, args=(sender, job, limits), name="tracker-import", daemon=True
    )
    try:
        process.start()
        sender.close()
        if not receiver.poll(max(deadline - time.monotonic(), 0)):
            seconds = f"{limits.seconds:g}".replace(".", ",")
            raise DocumentTooComplex(
                f"{job.name}: đọc tệp quá {seconds} giây nên đã dừng; giới hạn thời gian đọc "
                f"một tệp là {seconds} giây."
            )
        try:
            answer: tuple[str, Any] = receiver.recv()
        except EOFError as exc:
            raise DocumentTooComplex(
                f"{job.name}: không đọc được tệp (tiến trình đọc dừng giữa chừng, có thể vì "
                f"cần hơn {figure(limits.memory_bytes / 1024 / 1024)} MB bộ nhớ)."
            ) from exc
        return answer
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()


def _child(sender: Connection, job: ParseJob, limits: Limits) -> None:
    """In the worker: yield the processor to the web process, cap the memory, read, send
    back the result or the refusal."""
    os.nice(10)
    _cap_memory(limits.memory_bytes)
    try:
        answer: tuple[str, Any] = ("ok", parse_document(job, limits))
    except DocumentError as exc:
        answer = ("error", (exc.status_code, exc.message))
    except MemoryError:
        answer = ("error", (413, f"{job.name}: đọc tệp cần quá nhiều bộ nhớ; giới hạn là "
                                 f"{figure(limits.memory_bytes / 1024 / 1024)} MB."))  # fmt: skip
    except RecursionError:
        answer = ("error", (422, f"{job.name}: nội dung lồng nhau quá sâu, không đọc được."))
    except Exception:
        # A library choking on a malformed part: the officer needs a sentence, the log
        # keeps the details.
        logger.exception("Không đọc được tệp %s", job.name)
        answer = ("error", (422, f"{job.name}: không đọc được tệp (nội dung hỏng hoặc sai "
                                 "định dạng)."))  # fmt: skip
    try:
        sender.send(answer)
    finally:
        sender.close()


def _cap_memory(extra: int) -> None:
    """Cap the worker's address space at what it has now plus ``extra``."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        now = pages * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (now + extra, now + extra))
    except (OSError, ValueError):
        logger.warning("Không đặt được giới hạn bộ nhớ cho tiến trình đọc tệp.")
