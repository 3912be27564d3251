"""Who may do what: one table of roles, actions and whose units, and the one function
that asks it. Pure: the services look up the unit or the plan, and ask here.

Read the table a row at a time: for each thing the service does, what each kind of
caller may do it on.

- ``ANYWHERE``: in any unit.
- ``SCOPE``: in the caller's own commune, district or province (and below it); another
  commune is refused.
- ``LEADS``: on work that a unit the caller belongs to leads (or is assigned).
- ``OWN``: on the caller's own things only: their feeds, their notification settings.
- ``NOWHERE``: never.

Managing people has one more rule, :data:`GRANTS`: which roles each caller may give.
An officer runs the commune's accounts but is not above the chairman: they may not make
a chairman, nor change, lock or send a sign-in link to one. Nobody locks themselves out
or changes their own role (another officer or chairman, or the command line, does it).

The roles: ``system`` is the command line and the jobs; ``chairman``, ``officer``,
``member`` and ``viewer`` are people signed in (``Person.role``); ``public`` is an
anonymous visitor while public reading is on (``TRACKER_PUBLIC_READ``); ``anonymous`` is
anybody else.
"""

from __future__ import annotations

from enum import Flag, auto
from typing import NamedTuple

from tracker.errors import (
    AuthenticationRequiredError,
    NotFoundError,
    PermissionDeniedError,
    TrackerError,
)
from tracker.org.scope import ANONYMOUS, PUBLIC, SYSTEM, Scope

__all__ = [
    "ACTIONS",
    "COMPLETE_WORK",
    "DECIDE_EXTENSION",
    "DELETE_PLAN",
    "EDIT_PLAN",
    "GRANTS",
    "IMPORT_PLAN",
    "MANAGE_PEOPLE",
    "MANAGE_UNITS",
    "OWN_SETTINGS",
    "PREVIEW_PLAN",
    "READ",
    "RECORD_EVENT",
    "REQUEST_EXTENSION",
    "ROLES",
    "ROLE_NAMES",
    "RULES",
    "SHARE_FEED",
    "WORDS",
    "Where",
    "allowed",
    "may_grant",
    "refusal",
    "require",
    "require_grant",
    "require_over_person",
]


class Where(Flag):
    """Whose unit (or whose thing) an action is done on."""

    NOWHERE = 0
    SCOPE = auto()  # the caller's commune, district or province, and what lies below
    LEADS = auto()  # work led by (or assigned to) a unit the caller belongs to
    OWN = auto()  # the caller's own feeds and settings
    ELSEWHERE = auto()  # anything else: another commune, another person's things
    ANYWHERE = SCOPE | LEADS | OWN | ELSEWHERE


NOWHERE, SCOPE, LEADS, OWN, ANYWHERE = (
    Where.NOWHERE,
    Where.SCOPE,
    Where.LEADS,
    Where.OWN,
    Where.ANYWHERE,
)

READ = "read plans, units and deadlines"
PREVIEW_PLAN = "upload a plan to preview it"
IMPORT_PLAN = "import (write) a plan"
EDIT_PLAN = "edit a plan and its tasks in the browser"
DELETE_PLAN = "delete a plan"
RECORD_EVENT = "record an event that starts deadlines"
COMPLETE_WORK = "mark work done"
SHARE_FEED = "make a unit's or a plan's calendar feed"
OWN_SETTINGS = "manage one's own calendar feeds and notifications"
MANAGE_PEOPLE = "add, change, deactivate people and send them sign-in links"
MANAGE_UNITS = "add offices, positions and groups; rename units; set aliases and members"
REQUEST_EXTENSION = "ask for an extension of a deadline (gia hạn)"
DECIDE_EXTENSION = "approve or refuse an extension"

ACTIONS = (
    READ, PREVIEW_PLAN, IMPORT_PLAN, EDIT_PLAN, DELETE_PLAN, RECORD_EVENT, COMPLETE_WORK,
    SHARE_FEED, OWN_SETTINGS, MANAGE_PEOPLE, MANAGE_UNITS, REQUEST_EXTENSION, DECIDE_EXTENSION,
)  # fmt: skip
ROLES = (SYSTEM, "chairman", "officer", "member", "viewer", PUBLIC, ANONYMOUS)

# fmt: off
RULES: dict[str, tuple[Where, ...]] = {
    #                system    chairman       officer        member    viewer    public    anonymous
    READ:           (ANYWHERE, SCOPE,         SCOPE,         SCOPE,    SCOPE,    ANYWHERE, NOWHERE),
    PREVIEW_PLAN:   (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    IMPORT_PLAN:    (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    EDIT_PLAN:      (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    DELETE_PLAN:    (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    RECORD_EVENT:   (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    COMPLETE_WORK:  (ANYWHERE, SCOPE | LEADS, SCOPE | LEADS, LEADS,    LEADS,    NOWHERE,  NOWHERE),
    SHARE_FEED:     (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    OWN_SETTINGS:   (ANYWHERE, OWN,           OWN,           OWN,      OWN,      NOWHERE,  NOWHERE),
    MANAGE_PEOPLE:  (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    MANAGE_UNITS:   (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
    # Asking for more time is for those who answer for the work; deciding, for the commune.
    REQUEST_EXTENSION:
                    (ANYWHERE, SCOPE | LEADS, SCOPE | LEADS, LEADS,    LEADS,    NOWHERE,  NOWHERE),
    DECIDE_EXTENSION:
                    (ANYWHERE, SCOPE,         SCOPE,         NOWHERE,  NOWHERE,  NOWHERE,  NOWHERE),
}

# The roles each caller may give a person (and so, hold power over: change, lock, send a
# sign-in link to someone of that role). Roles not listed give none.
GRANTS: dict[str, tuple[str, ...]] = {
    SYSTEM:     ("chairman", "officer", "member", "viewer"),
    "chairman": ("chairman", "officer", "member", "viewer"),
    "officer":  ("officer", "member", "viewer"),
}
# fmt: on


class _Words(NamedTuple):
    sign_in: str  # to someone not signed in (401)
    denied: str  # to someone signed in who may not (403); {where} names the unit


WORDS: dict[str, _Words] = {
    READ: _Words(
        "Bạn cần đăng nhập để xem nội dung này.",
        "Bạn không có quyền xem nội dung này.",
    ),
    PREVIEW_PLAN: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để nhập hoặc xem trước kế hoạch.",
        "Bạn không có quyền nhập hay xem trước kế hoạch{where}.",
    ),
    IMPORT_PLAN: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để ghi kế hoạch.",
        "Bạn không có quyền ghi kế hoạch{where}.",
    ),
    EDIT_PLAN: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để sửa kế hoạch.",
        "Bạn không có quyền sửa kế hoạch{where}.",
    ),
    DELETE_PLAN: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để xóa kế hoạch.",
        "Bạn không có quyền xóa kế hoạch{where}.",
    ),
    RECORD_EVENT: _Words(
        "Bạn cần đăng nhập để ghi sự kiện.",
        "Chỉ cán bộ văn phòng hoặc chủ tịch của đơn vị mới ghi được sự kiện này.",
    ),
    COMPLETE_WORK: _Words(
        "Bạn cần đăng nhập để ghi kết quả công việc.",
        "Chỉ người của đơn vị chủ trì, cán bộ văn phòng hoặc chủ tịch mới ghi được kết quả.",
    ),
    SHARE_FEED: _Words(
        "Bạn cần đăng nhập để tạo lịch của đơn vị hay kế hoạch.",
        "Chỉ cán bộ văn phòng hoặc chủ tịch mới tạo được lịch của đơn vị hay kế hoạch.",
    ),
    OWN_SETTINGS: _Words(
        "Bạn cần đăng nhập để xem thông báo của mình.",
        "Bạn chỉ tạo được đường dẫn lịch của chính mình.",
    ),
    MANAGE_PEOPLE: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để quản lý người dùng.",
        "Chỉ cán bộ văn phòng hoặc chủ tịch mới quản lý được người dùng{where}.",
    ),
    MANAGE_UNITS: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để quản lý đơn vị.",
        "Chỉ cán bộ văn phòng hoặc chủ tịch mới quản lý được đơn vị{where}.",
    ),
    REQUEST_EXTENSION: _Words(
        "Bạn cần đăng nhập để đề nghị gia hạn.",
        "Chỉ người của đơn vị chủ trì, cán bộ văn phòng hoặc chủ tịch mới đề nghị gia hạn được.",
    ),
    DECIDE_EXTENSION: _Words(
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để duyệt đề nghị gia hạn.",
        "Chỉ cán bộ văn phòng hoặc chủ tịch{where} mới duyệt được đề nghị gia hạn.",
    ),
}

ROLE_NAMES = {
    "chairman": "chủ tịch",
    "officer": "cán bộ văn phòng",
    "member": "cán bộ, công chức",
    "viewer": "người xem",
}


def _reach(scope: Scope, action: str) -> Where:
    if scope.role not in ROLES:
        return NOWHERE
    return RULES[action][ROLES.index(scope.role)]


def allowed(scope: Scope, action: str, path: str | None = None, *, whose: Where = NOWHERE) -> bool:
    """May the caller do ``action``? With neither ``path`` nor ``whose``: anywhere at all
    (what a guard asks before the thing is known). With ``path``, a unit path: on
    something of that unit (in the caller's scope or not). With ``whose``: on something
    that is theirs (``Where.OWN``), or whose work their unit leads (``Where.LEADS``), or
    neither (``Where.ELSEWHERE``)."""
    reach = _reach(scope, action)
    if path is None and not whose:
        return bool(reach)
    found = whose
    if path is not None:
        found |= Where.SCOPE if scope.covers(path) else Where.ELSEWHERE
    return bool(reach & found)


def refusal(
    scope: Scope, action: str, *, where: str = "", hidden: str | None = None
) -> TrackerError:
    """The error that refuses ``action``: sign in first (401) when the caller has not and
    someone signed in might; else "not found" (404) when the service hides what lies
    outside the caller's reach (``hidden``, its sentence) and the role may do this
    elsewhere; else not allowed (403)."""
    words = WORDS[action]
    if not scope.signed_in and scope.role != SYSTEM:
        return AuthenticationRequiredError(words.sign_in)
    if hidden is not None and allowed(scope, action):
        return NotFoundError(hidden)
    return PermissionDeniedError(words.denied.format(where=f" của {where}" if where else ""))


def require(
    scope: Scope,
    action: str,
    path: str | None = None,
    *,
    whose: Where = NOWHERE,
    where: str = "",
    hidden: str | None = None,
) -> None:
    """:func:`allowed`, or raise :func:`refusal`'s error. ``where`` names the unit in the
    sentence; ``hidden`` answers 404 with that sentence where the service hides things."""
    if not allowed(scope, action, path, whose=whose):
        raise refusal(scope, action, where=where, hidden=hidden)


def may_grant(scope: Scope, role: str) -> bool:
    """May the caller give ``role`` to a person (or hold power over someone who has it)?"""
    return role in GRANTS.get(scope.role, ())


def require_over_person(
    scope: Scope, *, role: str, person_id: int | None, new_role: str | None = None,
    locks: bool = False,
) -> None:  # fmt: skip
    """Refuse (403) a change to a person of ``role`` the caller holds no power over, a
    ``new_role`` they may not give, and anyone changing their own role or locking
    themselves out (``locks``)."""
    if not may_grant(scope, role):
        raise PermissionDeniedError(
            f"Bạn không thể thay đổi tài khoản của {ROLE_NAMES.get(role, role)}; "
            "hãy nhờ chủ tịch xã."
        )
    if new_role is not None:
        require_grant(scope, new_role)
    own = person_id is not None and person_id == scope.person_id
    if own and locks:
        raise PermissionDeniedError("Bạn không thể tự khóa tài khoản của mình.")
    if own and new_role is not None and new_role != role:
        raise PermissionDeniedError("Bạn không thể tự đổi vai trò của mình.")


def require_grant(scope: Scope, role: str) -> None:
    """Refuse (403) giving ``role`` to anyone when the caller may not."""
    if not may_grant(scope, role):
        raise PermissionDeniedError(
            f"Bạn không thể giao vai trò {ROLE_NAMES.get(role, role)}; hãy nhờ chủ tịch."
        )
