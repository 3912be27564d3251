"""Server-rendered pages in Vietnamese: plans, one plan's task tree, a unit's deadlines,
signing in and out. Each handler calls the services and renders one template."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, Any
from urllib.parse import quote

from litestar import Controller, Request, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath, FromQuery
from litestar.response import Redirect, Response, Template

from tracker.config import Settings
from tracker.deadlines.evidence import (
    EVIDENCE_BODY_BYTES,
    add_evidence,
    check_files,
    find_evidence,
    list_evidence,
)
from tracker.deadlines.extensions import (
    can_decide,
    can_request,
    extension_history,
    find_extension,
    parse_due_time,
)
from tracker.deadlines.progress import can_complete, find_occurrence
from tracker.deadlines.schemas import CompleteIn, OccurrenceDetail
from tracker.deadlines.services import list_occurrences, task_due_summary
from tracker.errors import (
    ConflictError,
    NotFoundError,
    TooManyAttemptsError,
    TrackerError,
    ValidationError,
)
from tracker.notify.feeds import feeds_of, regenerate_feed, revoke_feed
from tracker.notify.jobs import deliver
from tracker.notify.services import (
    ask_extension,
    complete_work,
    expander_for,
    grant_extension,
    take_back_extension,
    turn_down_extension,
)
from tracker.org.auth import authenticate
from tracker.org.guards import (
    completer,
    decider,
    public,
    readable,
    requester,
    signed_in,
    uploader,
)
from tracker.org.policy import EDIT_PLAN, IMPORT_PLAN, PREVIEW_PLAN, allowed
from tracker.org.scope import Scope
from tracker.org.services import (
    commune_choices,
    require_on_unit,
    subtree_unit_ids,
    unit_names,
    unit_tree,
)
from tracker.org.sessions import end_session, open_session, session_cookie
from tracker.org.tables import Unit
from tracker.org.throttle import SignInLimits
from tracker.plans.documents import PlanDoc, plan_year
from tracker.plans.editing import review_items
from tracker.plans.importers.base import DocumentError
from tracker.plans.importers.build import ImportOptions, ImportResult
from tracker.plans.imports import (
    SUFFIXES,
    UPLOAD_BODY_BYTES,
    ImportOutcome,
    discard_upload,
    import_document,
    safe_name,
    stage_upload,
    staged_upload,
)
from tracker.plans.services import find_plan, list_plans, task_tree, units_by_task
from tracker.plans.tables import Plan
from tracker.schedule.calendars import load_work_calendar
from tracker.vn import parse_day
from tracker.web.feedpage import FeedForm, can_share, feed_link, feed_rows, make_feed, share_choices
from tracker.web.landing import landing_for
from tracker.web.previews import codes_of, plan_name, preview_context

__all__ = ["ImportPageController", "PageController"]

UPCOMING_DAYS = 90

# What the occurrence page says after an extension form (``?gia_han=``): a word from the
# redirect, never text from the address.
EXTENSION_DONE = {
    "requested": "Đã gửi đề nghị gia hạn; đang chờ cán bộ văn phòng hoặc chủ tịch duyệt.",
    "approved": "Đã duyệt gia hạn: hạn mới có hiệu lực, nhắc việc và lịch theo hạn mới.",
    "refused": "Đã từ chối đề nghị gia hạn; hạn giữ nguyên.",
    "withdrawn": "Đã rút đề nghị gia hạn.",
}

Form = Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)]


class PageController(Controller):
    include_in_schema = False

    @get("/", guards=[readable])
    async def plans(
        self,
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
        deleted: FromQuery[str] = "",
        key: FromQuery[str] = "",
    ) -> Template:
        """The plans; after a deletion, a notice naming the plan gone, with a link to its
        "Lịch sử" (``key``, a plan key's shape, or no link)."""
        plans = await list_plans(viewer, today=now.date())
        key = key if re.fullmatch(r"[a-z0-9][a-z0-9.-]{0,199}", key) else ""
        context = {"plans": plans, "viewer": viewer, "deleted": deleted[:200], "key": key}
        return Template("plans.html", context=context)

    @get("/plans/{ref:str}", guards=[readable])
    async def plan(
        self,
        ref: FromPath[str],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        plan = await find_plan(ref, viewer)
        tree = await task_tree(plan["id"])
        parent = None
        if plan["parent"]:
            found = await list_plans(viewer, plan_ids=[plan["parent"]])
            parent = found[0] if found else None
        context = {
            "plan": plan,
            "tree": tree,
            "due": await task_due_summary(plan["id"], now.date(), settings.tz, now),
            "today": now.date(),
            "viewer": viewer,
            "parent": parent,
            "can_edit": allowed(viewer, EDIT_PLAN, plan["unit_path"]),
            "review": await review_items(plan, tree),
        }
        return Template("plan.html", context=context)

    @get("/units", guards=[readable])
    async def units(self, viewer: NamedDependency[Scope]) -> Template:
        return Template("units.html", context={"units": await unit_tree(viewer), "viewer": viewer})

    @get("/units/{code:str}", guards=[readable])
    async def unit(
        self,
        code: FromPath[str],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        all: FromQuery[bool] = False,
    ) -> Template:
        unit = await Unit.select().where(Unit.code == code).first()
        if unit is None or not viewer.covers(unit["path"]):
            raise NotFoundError(f"Không có đơn vị mã '{code}' (hoặc bạn không có quyền xem).")
        plans = await list_plans(viewer)
        end = None if all else now.date() + dt.timedelta(days=UPCOMING_DAYS)
        occurrences = await list_occurrences(
            tz=settings.tz,
            now=now,
            plan_ids=[p.id for p in plans],
            unit_ids=await subtree_unit_ids(code),
            start=None if all else now.date(),
            end=end,
        )
        context = {
            "unit": unit,
            "occurrences": occurrences,
            "plans": {p.id: p for p in plans},
            "all": all,
            "days": UPCOMING_DAYS,
            "today": now.date(),
            "viewer": viewer,
        }
        return Template("unit.html", context=context)

    @get("/occurrences/{occurrence_id:int}", guards=[readable])
    async def occurrence(
        self,
        occurrence_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
        gia_han: FromQuery[str | None] = None,
    ) -> Template:
        notice = EXTENSION_DONE.get(gia_han or "", "")
        return await _occurrence_page(occurrence_id, viewer, settings, now, notice=notice)

    @post(
        "/occurrences/{occurrence_id:int}/complete",
        guards=[completer],
        request_max_body_size=EVIDENCE_BODY_BYTES,
    )
    async def complete(
        self,
        occurrence_id: FromPath[int],
        data: Annotated[CompleteForm, Body(media_type=RequestEncodingType.MULTI_PART)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        """Mark work done from its page or from a row of "Việc của tôi", with evidence
        text, a link and files; on bad input the page comes back with what was typed."""
        form = {"evidence": data.evidence, "link": data.link}
        try:
            files = check_files(await read_uploads(data.files))
            evidence = data.evidence
            if not evidence.strip() and not data.link.strip() and files:
                evidence = "Tệp minh chứng: " + ", ".join(f.name for f in files)
            work = CompleteIn(evidence=evidence, link=data.link)
            await complete_work(occurrence_id, work, scope=viewer, tz=settings.tz, now=now)
            await add_evidence(
                occurrence_id, files, scope=viewer,
                tz=settings.tz, now=now,
            )  # fmt: skip
        except ValidationError as exc:
            return await _occurrence_page(occurrence_id, viewer, settings, now, exc.message, form)
        return Redirect(path=_safe_next(data.next or f"/occurrences/{occurrence_id}"))

    @post(
        "/occurrences/{occurrence_id:int}/files",
        guards=[completer],
        request_max_body_size=EVIDENCE_BODY_BYTES,
    )
    async def add_files(
        self,
        occurrence_id: FromPath[int],
        data: Annotated[CompleteForm, Body(media_type=RequestEncodingType.MULTI_PART)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        """More evidence files for work, done or not."""
        try:
            files = check_files(await read_uploads(data.files))
            if not files:
                raise ValidationError("Hãy chọn ít nhất một tệp minh chứng.")
            await add_evidence(
                occurrence_id, files, scope=viewer,
                tz=settings.tz, now=now,
            )  # fmt: skip
        except ValidationError as exc:
            return await _occurrence_page(occurrence_id, viewer, settings, now, exc.message)
        return Redirect(path=f"/occurrences/{occurrence_id}#minh-chung")

    @get("/occurrences/{occurrence_id:int}/files/{file_id:int}", guards=[readable])
    async def evidence_file(
        self,
        occurrence_id: FromPath[int],
        file_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Response[bytes]:
        """A file given as evidence, to those who may see the occurrence only."""
        await find_occurrence(occurrence_id, viewer, tz=settings.tz, now=now)
        row, content = await find_evidence(occurrence_id, file_id, settings.data_dir)
        inline = row["content_type"] == "application/pdf" or row["content_type"].startswith(
            "image/"
        )
        disposition = "inline" if inline else "attachment"
        return Response(
            content=content,
            media_type=row["content_type"],
            headers={
                "Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(row['name'])}",
                "Cache-Control": "private, max-age=0",
                "X-Content-Type-Options": "nosniff",
            },
        )

    # ------------------------------------------------------------------ extensions
    # The forms of the occurrence page; each leads back to it, saying what was done.

    @post("/occurrences/{occurrence_id:int}/extensions", guards=[requester])
    async def ask_extension(
        self,
        occurrence_id: FromPath[int],
        data: Form,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        try:
            await ask_extension(
                occurrence_id, _form_day(data.get("due_date", "")),
                parse_due_time(data.get("due_time")), data.get("reason", ""),
                scope=viewer, settings=settings, now=now,
            )  # fmt: skip
        except (ValidationError, ConflictError) as exc:
            return await _occurrence_page(
                occurrence_id, viewer, settings, now, exc.message, data, status=exc.status_code
            )
        deliver()  # the worker tells the approvers at once
        return _back(occurrence_id, "requested")

    @post("/extensions/{extension_id:int}/approve", guards=[decider])
    async def approve(
        self,
        extension_id: FromPath[int],
        data: Form,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        return await _decide(grant_extension, "approved", extension_id, data, viewer, settings, now)

    @post("/extensions/{extension_id:int}/refuse", guards=[decider])
    async def refuse(
        self,
        extension_id: FromPath[int],
        data: Form,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        return await _decide(
            turn_down_extension, "refused", extension_id, data, viewer, settings, now
        )

    @post("/extensions/{extension_id:int}/withdraw", guards=[requester])
    async def withdraw(
        self,
        extension_id: FromPath[int],
        data: Form,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        return await _decide(
            take_back_extension, "withdrawn", extension_id, data, viewer, settings, now
        )

    # ------------------------------------------------------------------ "Lịch của tôi"
    # The page is at /calendar: under /feeds/ the feeds themselves answer (no sign-in,
    # errors in JSON), and a page's errors and sign-in redirect must be pages. After
    # signing in, a form posted anonymously leads back to the page (``login_next``).

    @get("/feeds", guards=[public])
    async def feeds_page(self) -> Redirect:
        return Redirect(path="/calendar")

    @get("/calendar", guards=[signed_in])
    async def calendar(
        self,
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        revoked: FromQuery[int | None] = None,
    ) -> Template:
        return await _calendar_page(viewer, settings, revoked=revoked)

    @post("/calendar/new", guards=[signed_in], opt={"login_next": "/calendar"})
    async def new_feed(
        self,
        data: Annotated[FeedForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        try:
            feed, token = await make_feed(data, viewer, now)
        except TrackerError as exc:
            return await _calendar_page(
                viewer, settings, error=exc.message, status=exc.status_code, form=data
            )
        return _link_page(feed_link(feed, token, settings), viewer, regenerated=False)

    @post("/calendar/{feed_id:int}/regenerate", guards=[signed_in], opt={"login_next": "/calendar"})
    async def regenerate_feed(
        self,
        feed_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        feed, token = await regenerate_feed(feed_id, scope=viewer, now=now)
        return _link_page(feed_link(feed, token, settings), viewer, regenerated=True)

    @post("/calendar/{feed_id:int}/revoke", guards=[signed_in], opt={"login_next": "/calendar"})
    async def revoke_feed(
        self,
        feed_id: FromPath[int],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        await revoke_feed(feed_id, scope=viewer, now=now)
        return Redirect(path="/calendar", query_params={"revoked": str(feed_id)})

    @get("/login", guards=[public])
    async def login_form(self, next: FromQuery[str] = "/") -> Template:
        return _login_page(_safe_next(next))

    @post("/login", guards=[public])
    async def login(
        self,
        request: Request[Any, Any, Any],
        data: Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)],
        now: NamedDependency[dt.datetime],
        sign_in_limits: NamedDependency[SignInLimits],
    ) -> Template | Redirect:
        target = _safe_next(data.get("next", "/"))
        try:
            person_id = await authenticate(
                data.get("email", ""),
                data.get("password", ""),
                address=request.client.host if request.client else None,
                now=now,
                limits=sign_in_limits,
            )
        except TooManyAttemptsError as exc:
            return _login_page(target, exc.message, 429, {"Retry-After": str(exc.retry_after)})
        if person_id is None:
            return _login_page(target, "Sai địa chỉ e-mail hoặc mật khẩu.", 401)
        # A new session for every sign-in; one the browser had before ends here.
        await end_session(request.session, now)
        request.set_session(session_cookie(person_id, await open_session(person_id, now)))
        if target == "/":
            target = await landing_for(person_id)
        return Redirect(path=target)

    @post("/logout", guards=[public])
    async def logout(
        self, request: Request[Any, Any, Any], now: NamedDependency[dt.datetime]
    ) -> Redirect:
        await end_session(request.session, now)
        request.clear_session()
        return Redirect(path="/login")


def _login_page(
    target: str, error: str = "", status: int = 200, headers: dict[str, str] | None = None
) -> Template:
    return Template(
        "login.html",
        context={"next": target, "error": error},
        status_code=status,
        headers=headers,
    )


async def _occurrence_page(
    occurrence_id: int,
    viewer: Scope,
    settings: Settings,
    now: dt.datetime,
    error: str = "",
    form: dict[str, str] | None = None,
    *,
    status: int = 422,
    notice: str = "",
) -> Template:
    """The page of one deadline. ``error`` belongs to the form ``form`` came from (the
    completion form, or an extension form when it holds ``due_date``, ``note``)."""
    row = await find_occurrence(occurrence_id, viewer, tz=settings.tz, now=now)
    history = await extension_history(row.id, tz=settings.tz, now=now)
    units = (await units_by_task([row.task_id])).get(row.task_id, {})
    assignee = None
    if row.assignee_id is not None:
        assignee = await Unit.select(Unit.code, Unit.name).where(Unit.id == row.assignee_id).first()
    form = form or {}
    context = {
        "o": OccurrenceDetail.of(row),
        "leads": [assignee] if assignee else units.get("lead", []),
        "coordinating": units.get("coordinating", []),
        "row": row,
        "due": row.due,
        "completed_at": row.completed_at,
        "can_complete": await can_complete(viewer, row),
        "files": await list_evidence(occurrence_id),
        "extensions": history,
        "waiting": next((e for e in history if e.open), None),
        "can_request": await can_request(viewer, row),
        "can_decide": can_decide(viewer, row.plan_path),
        "viewer": viewer,
        "error": error if not _extension_form(form) else "",
        "extension_error": error if _extension_form(form) else "",
        "form": form,
        "notice": notice,
    }
    return Template("occurrence.html", context=context, status_code=status if error else 200)


def _extension_form(form: dict[str, str]) -> bool:
    return "due_date" in form or "note" in form


def _form_day(text: str) -> dt.date:
    """The new deadline's day from the form: "2026-04-20" (a date field), or "20/04/2026"."""
    try:
        return parse_day(text)
    except ValueError:
        raise ValidationError(
            f"Ngày '{text[:40]}' không hợp lệ; hãy ghi ngày của hạn mới (dd/mm/yyyy)."
        ) from None


def _back(occurrence_id: int, done: str) -> Redirect:
    return Redirect(path=f"/occurrences/{occurrence_id}", query_params={"gia_han": done})


async def _decide(
    decide: Any,
    done: str,
    extension_id: int,
    data: dict[str, str],
    viewer: Scope,
    settings: Settings,
    now: dt.datetime,
) -> Template | Redirect:
    """Approve, refuse or withdraw from the page; a refusal without its reason (or a
    request someone else just decided) comes back with the sentence."""
    extension = await find_extension(extension_id, viewer, tz=settings.tz, now=now)
    form = {"note": data.get("note", "")}
    try:
        await decide(extension_id, form["note"], scope=viewer, settings=settings, now=now)
    except (ValidationError, ConflictError) as exc:
        return await _occurrence_page(
            extension.occurrence_id, viewer, settings, now, exc.message, form,
            status=exc.status_code,
        )  # fmt: skip
    if done != "withdrawn":
        deliver()  # the worker tells the requester at once
    if data.get("next"):  # decided from a list (the compliance page's waiting requests)
        return Redirect(path=_safe_next(data["next"]))
    return _back(extension.occurrence_id, done)


async def _calendar_page(
    viewer: Scope,
    settings: Settings,
    *,
    revoked: int | None = None,
    error: str = "",
    status: int = 200,
    form: FeedForm | None = None,
) -> Template:
    assert viewer.person_id is not None
    units, plans = await share_choices(viewer)
    context = {
        "viewer": viewer,
        "feeds": feed_rows(await feeds_of(viewer.person_id), settings),
        "can_share": can_share(viewer),
        "units": units,
        "plans": plans,
        "revoked": revoked,
        "error": error,
        "form": form or FeedForm(),
    }
    return Template("calendar.html", context=context, status_code=status)


def _link_page(link: dict[str, Any], viewer: Scope, *, regenerated: bool) -> Template:
    """The one answer that holds the new token: no cache may keep it."""
    return Template(
        "calendar_link.html",
        context={"viewer": viewer, "link": link, "regenerated": regenerated},
        headers={"Cache-Control": "no-store"},
    )


def _safe_next(target: str) -> str:
    """Only same-site paths, so the sign-in form cannot send anyone elsewhere: one "/"
    then a path. Browsers read a backslash as a slash ("/\\evil.example" is
    "//evil.example", another site) and drop tabs and newlines inside a URL, so none of
    these may appear anywhere in it."""
    if not target.startswith("/") or target.startswith("//"):
        return "/"
    if any(c == "\\" or ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    return target


@dataclass
class CompleteForm:
    """The form that records work done: text, a link, files, and where to go back to."""

    evidence: str = ""
    link: str = ""
    next: str = ""
    files: list[UploadFile] = field(default_factory=list)


async def read_uploads(files: list[UploadFile] | UploadFile | None) -> list[tuple[str, bytes]]:
    """The files of a form as (name, bytes); a browser sends an empty part for a file
    field left empty, which is no file."""
    if files is None:
        return []
    given = files if isinstance(files, list) else [files]
    return [(f.filename or "", await f.read()) for f in given]


@dataclass
class UploadForm:
    file: UploadFile
    unit: str = ""
    year: str = ""
    create_units: str = ""
    key: str = ""
    # In a workbook holding a plan a sheet, the sheet to import.
    sheet: str = ""


@dataclass
class ConfirmForm:
    token: str
    unit: str = ""
    year: str = ""
    create_units: str = ""
    key: str = ""
    # The box the officer ticks to write tasks whose timing nobody could read.
    accept_review: str = ""
    sheet: str = ""


_TICKED = ("on", "true", "1")
# A key the officer types: as the keys the importer makes ("dai-son-2026-chuyen-doi-so").
_PLAN_KEY = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")


def _options(form: UploadForm | ConfirmForm, accept_review: str = "") -> ImportOptions:
    key = form.key.strip()
    if key and not _PLAN_KEY.fullmatch(key):
        raise ValidationError(
            "Khóa kế hoạch chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang "
            "(tối đa 100 ký tự), ví dụ dai-son-2026-chuyen-doi-so."
        )
    return ImportOptions(
        unit=form.unit or None,
        key=key or None,
        year=plan_year(form.year, "Năm của kế hoạch"),
        create_units=form.create_units in _TICKED,
        accept_review=accept_review in _TICKED,
        sheet=form.sheet.strip() or None,
    )


class ImportPageController(Controller):
    """Upload a plan, see its preview and what to review, then confirm."""

    path = "/imports"
    include_in_schema = False
    guards = (uploader,)

    @get("/")
    async def form(self, viewer: NamedDependency[Scope]) -> Template:
        communes = await commune_choices(viewer)
        # The file chooser offers exactly what the readers take.
        accept = ",".join(SUFFIXES)
        context = {"viewer": viewer, "communes": communes, "accept": accept}
        return Template("import.html", context=context)

    @post("/", request_max_body_size=UPLOAD_BODY_BYTES)
    async def preview(
        self,
        data: Annotated[UploadForm, Body(media_type=RequestEncodingType.MULTI_PART)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        assert viewer.person_id is not None  # the guard lets only people through
        name = safe_name(data.file.filename)
        try:
            token = stage_upload(
                settings.data_dir, viewer.person_id, name, await data.file.read(), now
            )
        except DocumentError as exc:
            outcome = ImportOutcome(ImportResult(source=name, errors=[exc.message]))
            return await _preview_page(viewer, outcome, "", data, settings, status=exc.status_code)
        path, name = staged_upload(settings.data_dir, viewer.person_id, token, now)

        async def authorize(plan: PlanDoc) -> None:
            await require_on_unit(viewer, PREVIEW_PLAN, plan.unit)

        try:
            outcome = await import_document(
                path,
                deadlines=expander_for(settings),
                now=now,
                actor="preview",
                options=_options(data),
                dry_run=True,
                name=name,
                authorize=authorize,
            )
        except TrackerError:
            discard_upload(settings.data_dir, viewer.person_id, token)
            raise
        if outcome.result.errors:
            # Nothing to confirm: the staged file goes now rather than at its expiry.
            discard_upload(settings.data_dir, viewer.person_id, token)
            return await _preview_page(
                viewer, outcome, "", data, settings, status=outcome.error_status
            )
        # With no commune known yet the staged file stays too: the officer chooses the
        # commune on the preview (``POST /imports/unit``) and the same file is read again.
        return await _preview_page(viewer, outcome, token, data, settings)

    @post("/unit", opt={"login_next": "/imports"})
    async def choose_unit(
        self,
        data: Annotated[ConfirmForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        """The preview again, as a plan of the commune the officer chose for a document
        whose issuing commune is not known (and of the sheet chosen, in a workbook holding
        a plan a sheet): the staged upload, read anew, never uploaded twice. Only a commune
        of the officer's own scope may be chosen; the upload is the officer's own."""
        assert viewer.person_id is not None  # the guard lets only people through
        unit = data.unit.strip()
        if not unit:
            raise ValidationError("Hãy chọn đơn vị ban hành.")
        await require_on_unit(viewer, PREVIEW_PLAN, unit)
        if unit not in {c["code"] for c in await commune_choices(viewer)}:
            raise ValidationError("Đơn vị ban hành phải là một xã, phường.")
        return await _preview_staged(data, viewer, settings, now)

    @post("/sheet", opt={"login_next": "/imports"})
    async def choose_sheet(
        self,
        data: Annotated[ConfirmForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        """The preview again, of the one sheet the officer chose in a workbook holding a
        plan a sheet (the staged upload, read anew)."""
        assert viewer.person_id is not None  # the guard lets only people through
        if not data.sheet.strip():
            raise ValidationError("Hãy chọn một trang tính để nhập.")
        return await _preview_staged(data, viewer, settings, now)

    @post("/confirm", opt={"login_next": "/imports"})
    async def confirm(
        self,
        data: Annotated[ConfirmForm, Body(media_type=RequestEncodingType.URL_ENCODED)],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Redirect | Template:
        assert viewer.person_id is not None  # the guard lets only people through
        path, name = staged_upload(settings.data_dir, viewer.person_id, data.token, now)

        async def authorize(plan: PlanDoc) -> None:
            await require_on_unit(viewer, IMPORT_PLAN, plan.unit)

        outcome = await import_document(
            path,
            deadlines=expander_for(settings),
            now=now,
            actor=f"person:{viewer.person_id}",
            options=_options(data, data.accept_review),
            name=name,
            authorize=authorize,
        )
        if not outcome.written or outcome.result.plan is None:
            return await _preview_page(
                viewer, outcome, data.token, data, settings, status=outcome.error_status
            )
        discard_upload(settings.data_dir, viewer.person_id, data.token)
        return await _preview_page(viewer, outcome, "", data, settings, saved=True)


async def _preview_staged(
    data: ConfirmForm, viewer: Scope, settings: Settings, now: dt.datetime
) -> Template:
    """The preview of the officer's own staged upload, read anew with the choices the form
    carries (the commune of a document whose issuer is unknown, the sheet of a workbook
    holding a plan a sheet). On errors the staged file stays until its expiry: another
    commune or sheet may still be chosen."""
    assert viewer.person_id is not None
    path, name = staged_upload(settings.data_dir, viewer.person_id, data.token, now)

    async def authorize(plan: PlanDoc) -> None:
        await require_on_unit(viewer, PREVIEW_PLAN, plan.unit)

    outcome = await import_document(
        path,
        deadlines=expander_for(settings),
        now=now,
        actor="preview",
        options=_options(data),
        dry_run=True,
        name=name,
        authorize=authorize,
    )
    if outcome.result.errors:
        return await _preview_page(viewer, outcome, "", data, settings, status=outcome.error_status)
    return await _preview_page(viewer, outcome, data.token, data, settings)


async def _preview_page(
    viewer: Scope,
    outcome: ImportOutcome,
    token: str,
    form: UploadForm | ConfirmForm,
    settings: Settings,
    *,
    status: int = 200,
    saved: bool = False,
) -> Template:
    """The preview in words, or why there is none; the write button only with a staged
    upload, for someone who may write into the plan's commune. After saving (``saved``),
    the same page says what was written."""
    plan = outcome.result.plan
    names = await unit_names(codes_of(plan)) if plan is not None else {}
    can_write = False
    if token and plan is not None:
        try:
            await require_on_unit(viewer, IMPORT_PLAN, plan.unit)
            can_write = True
        except TrackerError:
            can_write = False
    # A save that would update a stored plan names it: another plan of the same commune
    # and year takes the same key unless the officer gives one.
    existing = None
    if plan is not None and not saved and outcome.stored and not outcome.stored.plan_created:
        existing = await Plan.select(Plan.number, Plan.title).where(Plan.key == plan.key).first()
    stored_name = plan_name(existing["number"], existing["title"]) if existing else ""
    # No commune known: the preview offers the officer's own to choose from.
    communes = await commune_choices(viewer) if token and plan and not plan.unit else []
    calendar = load_work_calendar(settings.calendars_dir)
    context = {"viewer": viewer, "outcome": outcome, "token": token, "form": form,
               "can_write": can_write, "saved": saved, "existing": existing,
               "communes": communes,
               **preview_context(outcome, names, calendar, stored_name)}  # fmt: skip
    return Template("import_preview.html", context=context, status_code=status)
