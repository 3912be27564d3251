"""Who may do what: the rules table asked for each role, action and whose unit, one
line a case; and the errors a refusal raises, in the words the API has always used."""

from __future__ import annotations

import pytest

from tracker.errors import AuthenticationRequiredError, NotFoundError, PermissionDeniedError
from tracker.org.policy import (
    ACTIONS,
    COMPLETE_WORK,
    DECIDE_EXTENSION,
    DELETE_PLAN,
    EDIT_PLAN,
    IMPORT_PLAN,
    MANAGE_PEOPLE,
    MANAGE_UNITS,
    OWN_SETTINGS,
    PREVIEW_PLAN,
    READ,
    RECORD_EVENT,
    REQUEST_EXTENSION,
    ROLES,
    RULES,
    SHARE_FEED,
    WORDS,
    Where,
    allowed,
    may_grant,
    require,
    require_over_person,
)
from tracker.org.scope import Scope

DAI_SON = "/hai-phong/dai-son/"
IN_COMMUNE = DAI_SON + "vp-ubnd/"  # a unit of the caller's own commune
OTHER_COMMUNE = "/an-giang/cho-moi/kien-an/vp-ubnd/"


def scope_of(role: str) -> Scope:
    if role == "system":
        return Scope.system()
    if role == "public":
        return Scope.public()
    if role == "anonymous":
        return Scope()
    return Scope.of_person(7, role=role, paths=(DAI_SON,), name="Trần Thị Hoa")


# What each case is done on: the path of a unit, or whose thing it is.
ON: dict[str, tuple[str | None, Where]] = {
    "anywhere": (None, Where.NOWHERE),  # what a guard asks: may the role do it at all
    "own commune": (IN_COMMUNE, Where.NOWHERE),
    "other commune": (OTHER_COMMUNE, Where.NOWHERE),
    "work it leads": (None, Where.LEADS),
    "own things": (None, Where.OWN),
    "another's things": (None, Where.ELSEWHERE),
}

# fmt: off
CASES = [
    # role         action          on                  allowed
    ("system",     READ,           "other commune",    True),
    ("chairman",   READ,           "own commune",      True),
    ("chairman",   READ,           "other commune",    False),
    ("officer",    READ,           "other commune",    False),
    ("member",     READ,           "own commune",      True),
    ("viewer",     READ,           "own commune",      True),
    ("viewer",     READ,           "other commune",    False),
    ("public",     READ,           "other commune",    True),
    ("anonymous",  READ,           "anywhere",         False),
    ("anonymous",  READ,           "own commune",      False),
    ("system",     PREVIEW_PLAN,   "other commune",    True),
    ("chairman",   PREVIEW_PLAN,   "anywhere",         True),
    ("chairman",   PREVIEW_PLAN,   "own commune",      True),
    ("officer",    PREVIEW_PLAN,   "own commune",      True),
    ("officer",    PREVIEW_PLAN,   "other commune",    False),
    ("member",     PREVIEW_PLAN,   "anywhere",         False),
    ("member",     PREVIEW_PLAN,   "own commune",      False),
    ("viewer",     PREVIEW_PLAN,   "anywhere",         False),
    ("public",     PREVIEW_PLAN,   "anywhere",         False),
    ("anonymous",  PREVIEW_PLAN,   "anywhere",         False),
    ("system",     IMPORT_PLAN,    "other commune",    True),
    ("chairman",   IMPORT_PLAN,    "own commune",      True),
    ("officer",    IMPORT_PLAN,    "own commune",      True),
    ("officer",    IMPORT_PLAN,    "other commune",    False),
    ("member",     IMPORT_PLAN,    "own commune",      False),
    ("viewer",     IMPORT_PLAN,    "own commune",      False),
    ("public",     IMPORT_PLAN,    "other commune",    False),
    ("anonymous",  IMPORT_PLAN,    "anywhere",         False),
    ("system",     EDIT_PLAN,      "other commune",    True),
    ("chairman",   EDIT_PLAN,      "own commune",      True),
    ("officer",    EDIT_PLAN,      "own commune",      True),
    ("officer",    EDIT_PLAN,      "other commune",    False),
    ("member",     EDIT_PLAN,      "own commune",      False),
    ("viewer",     EDIT_PLAN,      "own commune",      False),
    ("public",     EDIT_PLAN,      "anywhere",         False),
    ("anonymous",  EDIT_PLAN,      "anywhere",         False),
    ("system",     DELETE_PLAN,    "other commune",    True),
    ("chairman",   DELETE_PLAN,    "own commune",      True),
    ("officer",    DELETE_PLAN,    "own commune",      True),
    ("officer",    DELETE_PLAN,    "other commune",    False),
    ("member",     DELETE_PLAN,    "own commune",      False),
    ("viewer",     DELETE_PLAN,    "anywhere",         False),
    ("public",     DELETE_PLAN,    "anywhere",         False),
    ("system",     RECORD_EVENT,   "other commune",    True),
    ("chairman",   RECORD_EVENT,   "own commune",      True),
    ("officer",    RECORD_EVENT,   "own commune",      True),
    ("officer",    RECORD_EVENT,   "other commune",    False),
    ("member",     RECORD_EVENT,   "own commune",      False),
    ("member",     RECORD_EVENT,   "anywhere",         False),
    ("public",     RECORD_EVENT,   "anywhere",         False),
    ("system",     COMPLETE_WORK,  "other commune",    True),
    ("chairman",   COMPLETE_WORK,  "own commune",      True),
    ("officer",    COMPLETE_WORK,  "own commune",      True),
    ("officer",    COMPLETE_WORK,  "other commune",    False),
    ("officer",    COMPLETE_WORK,  "work it leads",    True),
    ("member",     COMPLETE_WORK,  "anywhere",         True),
    ("member",     COMPLETE_WORK,  "own commune",      False),
    ("member",     COMPLETE_WORK,  "work it leads",    True),
    ("viewer",     COMPLETE_WORK,  "work it leads",    True),
    ("public",     COMPLETE_WORK,  "work it leads",    False),
    ("public",     COMPLETE_WORK,  "anywhere",         False),
    ("anonymous",  COMPLETE_WORK,  "anywhere",         False),
    ("system",     SHARE_FEED,     "other commune",    True),
    ("chairman",   SHARE_FEED,     "own commune",      True),
    ("officer",    SHARE_FEED,     "own commune",      True),
    ("officer",    SHARE_FEED,     "other commune",    False),
    ("member",     SHARE_FEED,     "own commune",      False),
    ("viewer",     SHARE_FEED,     "anywhere",         False),
    ("public",     SHARE_FEED,     "anywhere",         False),
    ("system",     OWN_SETTINGS,   "another's things", True),
    ("chairman",   OWN_SETTINGS,   "own things",       True),
    ("chairman",   OWN_SETTINGS,   "another's things", False),
    ("officer",    OWN_SETTINGS,   "own things",       True),
    ("member",     OWN_SETTINGS,   "own things",       True),
    ("member",     OWN_SETTINGS,   "another's things", False),
    ("viewer",     OWN_SETTINGS,   "own things",       True),
    ("public",     OWN_SETTINGS,   "anywhere",         False),
    ("anonymous",  OWN_SETTINGS,   "own things",       False),
    ("system",     MANAGE_PEOPLE,  "other commune",    True),
    ("chairman",   MANAGE_PEOPLE,  "own commune",      True),
    ("chairman",   MANAGE_PEOPLE,  "other commune",    False),
    ("officer",    MANAGE_PEOPLE,  "own commune",      True),
    ("officer",    MANAGE_PEOPLE,  "other commune",    False),
    ("member",     MANAGE_PEOPLE,  "anywhere",         False),
    ("member",     MANAGE_PEOPLE,  "own commune",      False),
    ("viewer",     MANAGE_PEOPLE,  "own commune",      False),
    ("public",     MANAGE_PEOPLE,  "anywhere",         False),
    ("anonymous",  MANAGE_PEOPLE,  "anywhere",         False),
    ("system",     MANAGE_UNITS,   "other commune",    True),
    ("chairman",   MANAGE_UNITS,   "own commune",      True),
    ("officer",    MANAGE_UNITS,   "own commune",      True),
    ("officer",    MANAGE_UNITS,   "other commune",    False),
    ("member",     MANAGE_UNITS,   "own commune",      False),
    ("viewer",     MANAGE_UNITS,   "anywhere",         False),
    ("public",     MANAGE_UNITS,   "anywhere",         False),
    ("anonymous",  MANAGE_UNITS,   "anywhere",         False),
    ("system",     REQUEST_EXTENSION, "other commune", True),
    ("chairman",   REQUEST_EXTENSION, "own commune",   True),
    ("chairman",   REQUEST_EXTENSION, "other commune", False),
    ("officer",    REQUEST_EXTENSION, "own commune",   True),
    ("officer",    REQUEST_EXTENSION, "work it leads", True),
    ("officer",    REQUEST_EXTENSION, "other commune", False),
    ("member",     REQUEST_EXTENSION, "anywhere",      True),
    ("member",     REQUEST_EXTENSION, "work it leads", True),
    ("member",     REQUEST_EXTENSION, "own commune",   False),
    ("viewer",     REQUEST_EXTENSION, "work it leads", True),
    ("viewer",     REQUEST_EXTENSION, "own commune",   False),
    ("public",     REQUEST_EXTENSION, "work it leads", False),
    ("anonymous",  REQUEST_EXTENSION, "anywhere",      False),
    ("system",     DECIDE_EXTENSION,  "other commune", True),
    ("chairman",   DECIDE_EXTENSION,  "own commune",   True),
    ("chairman",   DECIDE_EXTENSION,  "other commune", False),
    ("officer",    DECIDE_EXTENSION,  "own commune",   True),
    ("officer",    DECIDE_EXTENSION,  "other commune", False),
    ("officer",    DECIDE_EXTENSION,  "work it leads", False),
    ("member",     DECIDE_EXTENSION,  "anywhere",      False),
    ("member",     DECIDE_EXTENSION,  "work it leads", False),
    ("member",     DECIDE_EXTENSION,  "own commune",   False),
    ("viewer",     DECIDE_EXTENSION,  "own commune",   False),
    ("public",     DECIDE_EXTENSION,  "anywhere",      False),
    ("anonymous",  DECIDE_EXTENSION,  "anywhere",      False),
]
# fmt: on


@pytest.mark.parametrize(("role", "action", "on", "expected"), CASES)
def test_the_rules_table(role: str, action: str, on: str, expected: bool) -> None:
    path, whose = ON[on]
    assert allowed(scope_of(role), action, path, whose=whose) is expected


def test_the_table_has_a_cell_for_every_role_and_words_for_every_action() -> None:
    assert set(RULES) == set(ACTIONS) == set(WORDS)
    assert all(len(cells) == len(ROLES) for cells in RULES.values())


def test_previews_are_for_exactly_those_who_may_write_the_plan() -> None:
    # A preview shows the commune's unit names and how the document's were matched.
    assert RULES[PREVIEW_PLAN] == RULES[IMPORT_PLAN]


def test_who_may_import_a_plan_may_edit_and_delete_it_and_nobody_else() -> None:
    # Editing in the browser does what a re-import does; deleting undoes an import.
    assert RULES[EDIT_PLAN] == RULES[DELETE_PLAN] == RULES[IMPORT_PLAN]


@pytest.mark.parametrize("role", ["public", "anonymous"])
def test_only_the_system_and_people_signed_in_write_anything(role: str) -> None:
    writes = [a for a in ACTIONS if a != READ]
    assert not any(allowed(scope_of(role), action) for action in writes)


def test_a_bare_scope_sees_nothing_and_may_do_nothing() -> None:
    bare = Scope()
    assert not bare.everything
    assert not bare.covers(IN_COMMUNE)
    assert not any(allowed(bare, action) for action in ACTIONS)


def test_a_stray_role_in_the_database_reads_as_a_viewer() -> None:
    scope = Scope.of_person(7, role="system", paths=(DAI_SON,))
    assert scope.role == "viewer"
    assert not allowed(scope, IMPORT_PLAN, IN_COMMUNE)


def test_only_the_system_and_the_public_see_the_whole_tree() -> None:
    assert Scope.system().everything
    assert Scope.public().everything
    assert not scope_of("chairman").everything


# --------------------------------------------------------------------------- refusals


def test_someone_not_signed_in_is_asked_to_sign_in() -> None:
    with pytest.raises(AuthenticationRequiredError) as caught:
        require(Scope.public(), IMPORT_PLAN, IN_COMMUNE)
    assert caught.value.message == (
        "Bạn cần đăng nhập (cán bộ văn phòng hoặc chủ tịch) để ghi kế hoạch."
    )


def test_a_member_is_refused_with_the_unit_named() -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        require(scope_of("member"), IMPORT_PLAN, IN_COMMUNE, where="UBND xã Đại Sơn")
    assert caught.value.message == "Bạn không có quyền ghi kế hoạch của UBND xã Đại Sơn."


def test_an_officer_of_another_commune_is_refused_the_same_way() -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        require(scope_of("officer"), IMPORT_PLAN, OTHER_COMMUNE, where="UBND xã Kiến An")
    assert caught.value.message == "Bạn không có quyền ghi kế hoạch của UBND xã Kiến An."


def test_what_the_service_hides_answers_not_found_to_those_who_may_do_it_elsewhere() -> None:
    hidden = "Không có đường dẫn lịch số 5."
    with pytest.raises(NotFoundError, match=hidden):
        require(scope_of("member"), OWN_SETTINGS, whose=Where.ELSEWHERE, hidden=hidden)
    with pytest.raises(PermissionDeniedError):  # a member may share no feed at all
        require(scope_of("member"), SHARE_FEED, IN_COMMUNE, hidden=hidden)


def test_whoever_may_decide_an_extension_may_also_ask_for_one() -> None:
    # An officer or chairman asks on behalf of a unit; nobody decides what they may not ask.
    for role in ROLES:
        decides = RULES[DECIDE_EXTENSION][ROLES.index(role)]
        asks = RULES[REQUEST_EXTENSION][ROLES.index(role)]
        assert decides & asks == decides, role


def test_a_member_is_refused_a_decision_with_the_commune_named() -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        require(scope_of("member"), DECIDE_EXTENSION, IN_COMMUNE, where="UBND xã Đại Sơn")
    assert caught.value.message == (
        "Chỉ cán bộ văn phòng hoặc chủ tịch của UBND xã Đại Sơn mới duyệt được đề nghị gia hạn."
    )


def test_the_system_is_never_refused() -> None:
    for action in ACTIONS:
        require(Scope.system(), action, OTHER_COMMUNE)


# fmt: off
GRANT_CASES = [
    # caller      gives        allowed
    ("system",    "chairman",  True),
    ("chairman",  "chairman",  True),
    ("chairman",  "officer",   True),
    ("officer",   "chairman",  False),
    ("officer",   "officer",   True),
    ("officer",   "member",    True),
    ("officer",   "viewer",    True),
    ("member",    "member",    False),
    ("viewer",    "viewer",    False),
    ("public",    "member",    False),
    ("anonymous", "member",    False),
    ("officer",   "system",    False),  # nobody gives a role that is not a person's
]
# fmt: on


@pytest.mark.parametrize(("role", "gives", "expected"), GRANT_CASES)
def test_who_may_give_which_role(role: str, gives: str, expected: bool) -> None:
    assert may_grant(scope_of(role), gives) is expected


def test_an_officer_holds_no_power_over_a_chairman() -> None:
    officer = scope_of("officer")
    with pytest.raises(PermissionDeniedError, match="tài khoản của chủ tịch"):
        require_over_person(officer, role="chairman", person_id=3, locks=True)
    with pytest.raises(PermissionDeniedError, match="Bạn không thể giao vai trò chủ tịch"):
        require_over_person(officer, role="member", person_id=3, new_role="chairman")
    require_over_person(officer, role="member", person_id=3, new_role="officer", locks=True)
    require_over_person(scope_of("chairman"), role="chairman", person_id=3, locks=True)


def test_nobody_locks_themselves_out_or_changes_their_own_role() -> None:
    me = scope_of("chairman")  # person 7
    with pytest.raises(PermissionDeniedError, match="tự khóa"):
        require_over_person(me, role="chairman", person_id=7, locks=True)
    with pytest.raises(PermissionDeniedError, match="tự đổi vai trò"):
        require_over_person(me, role="chairman", person_id=7, new_role="member")
    require_over_person(me, role="chairman", person_id=7, new_role="chairman")  # own details


def test_managing_people_and_units_are_for_those_who_may_write_plans() -> None:
    assert RULES[MANAGE_PEOPLE] == RULES[MANAGE_UNITS] == RULES[IMPORT_PLAN]
