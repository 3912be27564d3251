"""The administration pages of a commune, for its officer or chairman: its people
(``/admin/people``: add, change, lock, send a sign-in link) and its unit tree
(``/admin/units``: add, rename, aliases, a group's members); and the page a one-time
sign-in link opens (``/sign-in/{token}``), where a person sets their own password.

Handlers read the form, call one service, and render a template or redirect; who may do
what is asked by the guards and again by the services (:mod:`tracker.org.people`,
:mod:`tracker.org.tree`, :mod:`tracker.notify.invites`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from litestar import Controller, Request, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from tracker.config import Settings
from tracker.errors import NotFoundError, TrackerError
from tracker.notify.invites import add_and_invite, send_sign_in_link
from tracker.notify.jobs import deliver
from tracker.org.auth import hash_password
from tracker.org.guards import people_manager, public, unit_manager
from tracker.org.links import MIN_PASSWORD, check_new_password, link_state, redeem_link
from tracker.org.people import (
    PersonForm,
    PersonRow,
    change_person,
    find_person,
    list_people,
    set_active,
    unit_choices,
)
from tracker.org.policy import ROLE_NAMES, may_grant
from tracker.org.scope import PERSON_ROLES, Scope
from tracker.org.sessions import end_session, open_session, session_cookie
from tracker.org.tables import Unit
from tracker.org.tree import (
    KIND_NAMES,
    NEW_KINDS,
    add_unit,
    edit_unit,
    group_members,
    set_group_members,
)
from tracker.web.landing import landing_for

__all__ = ["AdminController", "SignInLinkController"]

_NOTICES = {
    "added": "Đã thêm người dùng và gửi thư mời có đường dẫn đăng nhập (dùng được 24 giờ).",
    "saved": "Đã lưu thay đổi.",
    "sent": "Đã gửi thư có đường dẫn đăng nhập mới (dùng được 24 giờ); đường dẫn cũ không "
    "dùng được nữa.",
    "locked": "Đã khóa tài khoản: mọi phiên đăng nhập đã kết thúc, người này không đăng nhập "
    "được nữa và các lịch của họ ngừng hoạt động.",
    "unlocked": "Đã mở khóa tài khoản; nếu người này chưa có mật khẩu, hãy gửi đường dẫn đăng nhập.",
    "unit-added": "Đã thêm đơn vị.",
    "unit-saved": "Đã lưu đơn vị.",
    "members-saved": "Đã lưu thành viên của nhóm.",
}


def _person_form(form: Any) -> PersonForm:
    return PersonForm(
        name=str(form.get("name", "")),
        email=str(form.get("email", "")),
        role=str(form.get("role", "member")),
        title=str(form.get("title", "")),
        phone=str(form.get("phone", "")),
        units=tuple(str(v) for v in form.getall("units", [])),
        heads=tuple(str(v) for v in form.getall("heads", [])),
    )


def _form_of(row: PersonRow) -> PersonForm:
    return PersonForm(name=row.name, email=row.email, role=row.role, title=row.title,
                      phone=row.phone, units=tuple(row.unit_codes), heads=tuple(row.head_codes))  # fmt: skip


async def _person_page(
    viewer: Scope,
    person: PersonRow | None,
    form: PersonForm,
    *,
    error: str = "",
    status: int = 200,
    notice: str = "",
) -> Template:
    roles = [(r, ROLE_NAMES[r]) for r in PERSON_ROLES if may_grant(viewer, r)]
    context = {
        "viewer": viewer,
        "person": person,
        "form": form,
        "units": await unit_choices(viewer),
        "roles": roles,
        "can_change": person is None or may_grant(viewer, person.role),
        "is_self": person is not None and person.id == viewer.person_id,
        "error": error,
        "notice": _NOTICES.get(notice, ""),
    }
    return Template("admin_person.html", context=context, status_code=status)


async def _unit_page(
    code: str, viewer: Scope, *, error: str = "", status: int = 200, notice: str = ""
) -> Template:
    unit = await Unit.select().where(Unit.code == code).output(load_json=True).first()
    if unit is None or not viewer.covers(unit["path"]):
        raise NotFoundError(f"Không có đơn vị mã '{code}' (hoặc bạn không có quyền xem).")
    choices = await unit_choices(viewer)
    context = {
        "viewer": viewer,
        "unit": unit,
        "kind_name": KIND_NAMES.get(unit["kind"], unit["kind"]),
        "kinds": [(k, KIND_NAMES[k]) for k in NEW_KINDS],
        "may_hold": unit["kind"] not in ("position", "group"),
        "members": await group_members(code) if unit["kind"] == "group" else [],
        "member_choices": [c for c in choices if c["kind"] != "group"],
        "error": error,
        "notice": _NOTICES.get(notice, ""),
    }
    return Template("admin_unit.html", context=context, status_code=status)


class AdminController(Controller):
    """``/admin``: the commune's people and units."""

    path = "/admin"
    include_in_schema = False

    @get("/", guards=[people_manager])
    async def index(self) -> Redirect:
        return Redirect(path="/admin/people")

    # ------------------------------------------------------------------ people

    @get("/people", guards=[people_manager])
    async def people(self, viewer: NamedDependency[Scope], notice: FromQuery[str] = "") -> Template:
        context = {"viewer": viewer, "people": await list_people(viewer),
                   "notice": _NOTICES.get(notice, "")}  # fmt: skip
        return Template("admin_people.html", context=context)

    @get("/people/new", guards=[people_manager])
    async def new_person(self, viewer: NamedDependency[Scope]) -> Template:
        return await _person_page(viewer, None, PersonForm(name="", email=""))

    @post("/people/new", guards=[people_manager], opt={"login_next": "/admin/people/new"})
    async def add_person(
        self,
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        form = _person_form(await request.form())
        try:
            sent = await add_and_invite(form, scope=viewer, settings=settings, now=now)
        except TrackerError as exc:
            return await _person_page(viewer, None, form, error=exc.message, status=exc.status_code)
        deliver()  # the worker sends the mail at once
        return Redirect(path=f"/admin/people/{sent.person_id}", query_params={"notice": "added"})

    @get("/people/{person_id:int}", guards=[people_manager])
    async def person(
        self, person_id: FromPath[int], viewer: NamedDependency[Scope], notice: FromQuery[str] = ""
    ) -> Template:
        row = await find_person(person_id, viewer)
        return await _person_page(viewer, row, _form_of(row), notice=notice)

    @post("/people/{person_id:int}", guards=[people_manager], opt={"login_next": "/admin/people"})
    async def change_person(
        self,
        person_id: FromPath[int],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        row = await find_person(person_id, viewer)
        form = _person_form(await request.form())
        try:
            await change_person(person_id, form, viewer, now)
        except TrackerError as exc:
            return await _person_page(viewer, row, form, error=exc.message, status=exc.status_code)
        return Redirect(path=f"/admin/people/{person_id}", query_params={"notice": "saved"})

    @post("/people/{person_id:int}/invite", guards=[people_manager], opt={"login_next": "/admin/people"})  # fmt: skip
    async def invite(
        self,
        person_id: FromPath[int],
        viewer: NamedDependency[Scope],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:
        row = await find_person(person_id, viewer)
        purpose = "reset" if row.has_password else "invite"
        await send_sign_in_link(
            person_id, purpose=purpose, scope=viewer, settings=settings, now=now
        )
        deliver()
        return Redirect(path=f"/admin/people/{person_id}", query_params={"notice": "sent"})

    @post("/people/{person_id:int}/deactivate", guards=[people_manager], opt={"login_next": "/admin/people"})  # fmt: skip
    async def deactivate(
        self, person_id: FromPath[int], viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:  # fmt: skip
        await set_active(person_id, False, viewer, now)
        return Redirect(path=f"/admin/people/{person_id}", query_params={"notice": "locked"})

    @post("/people/{person_id:int}/activate", guards=[people_manager], opt={"login_next": "/admin/people"})  # fmt: skip
    async def activate(
        self, person_id: FromPath[int], viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Redirect:  # fmt: skip
        await set_active(person_id, True, viewer, now)
        return Redirect(path=f"/admin/people/{person_id}", query_params={"notice": "unlocked"})

    # ------------------------------------------------------------------ units

    @get("/units", guards=[unit_manager])
    async def units(self, viewer: NamedDependency[Scope]) -> Template:
        context = {"viewer": viewer, "units": await unit_choices(viewer), "kinds": KIND_NAMES}
        return Template("admin_units.html", context=context)

    @get("/units/{code:str}", guards=[unit_manager])
    async def unit(
        self, code: FromPath[str], viewer: NamedDependency[Scope], notice: FromQuery[str] = ""
    ) -> Template:
        return await _unit_page(code, viewer, notice=notice)

    @post("/units/{code:str}", guards=[unit_manager], opt={"login_next": "/admin/units"})
    async def edit_unit(
        self,
        code: FromPath[str],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        form = await request.form()
        try:
            await edit_unit(code, str(form.get("name", "")), str(form.get("aliases", "")),
                            viewer, now)  # fmt: skip
        except TrackerError as exc:
            return await _unit_page(code, viewer, error=exc.message, status=exc.status_code)
        return Redirect(path=f"/admin/units/{code}", query_params={"notice": "unit-saved"})

    @post("/units/{code:str}/add", guards=[unit_manager], opt={"login_next": "/admin/units"})
    async def add_unit(
        self,
        code: FromPath[str],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        form = await request.form()
        try:
            new = await add_unit(code, str(form.get("name", "")), str(form.get("kind", "")),
                                 str(form.get("aliases", "")), viewer, now)  # fmt: skip
        except TrackerError as exc:
            return await _unit_page(code, viewer, error=exc.message, status=exc.status_code)
        return Redirect(path=f"/admin/units/{new}", query_params={"notice": "unit-added"})

    @post("/units/{code:str}/members", guards=[unit_manager], opt={"login_next": "/admin/units"})
    async def set_members(
        self,
        code: FromPath[str],
        request: Request[Any, Any, Any],
        viewer: NamedDependency[Scope],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        form = await request.form()
        members = [str(v) for v in form.getall("members", [])]
        try:
            await set_group_members(code, members, viewer, now)
        except TrackerError as exc:
            return await _unit_page(code, viewer, error=exc.message, status=exc.status_code)
        return Redirect(path=f"/admin/units/{code}", query_params={"notice": "members-saved"})


class SignInLinkController(Controller):
    """``/sign-in/{token}``: the page a one-time link opens. Opening it changes nothing
    (mail scanners fetch links); setting the password spends it and signs the person in."""

    path = "/sign-in"
    include_in_schema = False

    @get("/{token:str}", guards=[public])
    async def form(
        self,
        token: FromPath[str],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template:
        state = await link_state(token, now, settings.tz)
        return _link_page(token, state.name, state.email, problem=state.problem,
                          status=state.status)  # fmt: skip

    @post("/{token:str}", guards=[public])
    async def set_password(
        self,
        token: FromPath[str],
        request: Request[Any, Any, Any],
        settings: NamedDependency[Settings],
        now: NamedDependency[dt.datetime],
    ) -> Template | Redirect:
        state = await link_state(token, now, settings.tz)
        if not state.usable:
            return _link_page(token, "", "", problem=state.problem, status=state.status)
        form = await request.form()
        password, confirm = str(form.get("password", "")), str(form.get("confirm", ""))
        try:
            check_new_password(password, confirm)
        except TrackerError as exc:
            return _link_page(token, state.name, state.email, error=exc.message, status=422)
        person_id = await redeem_link(token, await hash_password(password), now)
        if person_id is None:  # spent or ended meanwhile
            state = await link_state(token, now, settings.tz)
            return _link_page(token, "", "", problem=state.problem, status=state.status)
        await end_session(request.session, now)
        request.set_session(session_cookie(person_id, await open_session(person_id, now)))
        return Redirect(path=await landing_for(person_id))


def _link_page(
    token: str, name: str, email: str, *, problem: str = "", error: str = "", status: int = 200
) -> Template:
    """The page holds the token in its form: no cache may keep it."""
    context = {"token": token, "name": name, "email": email, "problem": problem,
               "error": error, "min_length": MIN_PASSWORD, "viewer": None}  # fmt: skip
    return Template(
        "sign_in_link.html",
        context=context,
        status_code=status,
        headers={"Cache-Control": "no-store"},
    )
