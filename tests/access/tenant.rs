//! What each visitor of a tenant's site gets from each route, pixelforge's in the examples.

use super::Id::*;
use super::{
    Expect, Row, CONFLICT, DONE, FORBIDDEN, LOGIN, NOT_FOUND, OK, UNAUTHORIZED, UNPROCESSABLE,
};

/// The visitors of a tenant's site (pixelforge), in the order of the columns below; each
/// names one of the visitors `fixtures.rs` makes.
pub(super) const TENANT_VISITORS: [&str; 6] = [
    "anonymous",
    "user",
    "disabled user",
    "tenant admin",
    "another tenant's admin",
    "super-admin",
];

// Columns: anonymous, user, disabled user, tenant admin, another tenant's admin, super-admin.
// A disabled account's session and another tenant's session carry nothing here: both are
// anonymous, and their old form tokens match no session (403 where the form is open).
pub(super) const EVERYONE: [Expect; 6] = [OK; 6];
pub(super) const NO_ONE: [Expect; 6] = [NOT_FOUND; 6];
pub(super) const MEMBERS: [Expect; 6] = [LOGIN, OK, LOGIN, OK, LOGIN, OK];
pub(super) const SIGNED_OUT_ONLY: [Expect; 6] = [OK, DONE, OK, DONE, OK, DONE];
pub(super) const OPEN_FORM_422: [Expect; 6] = [
    UNPROCESSABLE,
    UNPROCESSABLE,
    FORBIDDEN,
    UNPROCESSABLE,
    FORBIDDEN,
    UNPROCESSABLE,
];
pub(super) const MEMBERS_422: [Expect; 6] = [
    LOGIN,
    UNPROCESSABLE,
    LOGIN,
    UNPROCESSABLE,
    LOGIN,
    UNPROCESSABLE,
];
pub(super) const MEMBERS_DONE: [Expect; 6] = [LOGIN, DONE, LOGIN, DONE, LOGIN, DONE];
/// Jobs and images the user owns: the owner, the tenant's admins and super-admins see them.
pub(super) const USERS_OBJECT: [Expect; 6] = [LOGIN, OK, LOGIN, OK, LOGIN, OK];
/// The tenant admin's own: another user's, so hidden from the user.
pub(super) const ADMINS_OBJECT: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, OK, LOGIN, OK];
/// Another tenant's, or no id at all: nobody here finds it.
pub(super) const NOBODYS: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// The user's own page of their payment: admins decide payments on the desk, not here.
pub(super) const OWNERS_PAGE: [Expect; 6] = [LOGIN, OK, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// Only the owner may act on these (cancel a job, revoke a token).
pub(super) const USERS_ONLY: [Expect; 6] = [LOGIN, DONE, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
pub(super) const ADMINS_ONLY: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, DONE, LOGIN, NOT_FOUND];
pub(super) const ADMIN_PAGE: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, OK, LOGIN, OK];
pub(super) const ADMIN_ACTION: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, DONE];
pub(super) const ADMIN_ACTION_404: [Expect; 6] =
    [LOGIN, FORBIDDEN, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// A decision on a waiting payment: the tenant admin's goes through, so the super-admin,
/// asked next, is told it was already decided.
pub(super) const DECISION: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, CONFLICT];
/// An admin's action on something that can take it once: the tenant admin's goes through,
/// so the super-admin, asked next, finds nothing to act on.
pub(super) const ADMIN_THEN_GONE: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, NOT_FOUND];
/// The worker API, asked without a worker token.
pub(super) const NOT_A_WORKER: [Expect; 6] = [UNAUTHORIZED; 6];
/// An admin's form posted with its token and nothing else: refused as incomplete.
pub(super) const ADMIN_FORM_422: [Expect; 6] =
    [LOGIN, FORBIDDEN, LOGIN, UNPROCESSABLE, LOGIN, UNPROCESSABLE];
// The API takes bearer tokens only: the disabled account's token and the other tenant's are
// refused; the super-admin has no token and its cookie is not enough.
pub(super) const TOKEN_OWNERS: [Expect; 6] = [
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
pub(super) const USERS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
pub(super) const ADMINS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
pub(super) const NOBODYS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    UNAUTHORIZED,
];

pub(super) const TENANT_MATRIX: &[Row<6>] = &[
    ("GET", "/", &[(NoParam, EVERYONE)]),
    ("GET", "/faq", &[(NoParam, EVERYONE)]),
    ("GET", "/privacy", &[(NoParam, EVERYONE)]),
    ("GET", "/terms", &[(NoParam, EVERYONE)]),
    ("GET", "/register", &[(NoParam, SIGNED_OUT_ONLY)]),
    ("POST", "/register", &[(NoParam, OPEN_FORM_422)]),
    ("GET", "/login", &[(NoParam, SIGNED_OUT_ONLY)]),
    (
        "POST",
        "/login",
        &[(
            NoParam,
            [
                UNAUTHORIZED,
                UNAUTHORIZED,
                FORBIDDEN,
                UNAUTHORIZED,
                FORBIDDEN,
                UNAUTHORIZED,
            ],
        )],
    ),
    (
        "POST",
        "/logout",
        &[(NoParam, [DONE, DONE, FORBIDDEN, DONE, FORBIDDEN, DONE])],
    ),
    ("GET", "/forgot-password", &[(NoParam, EVERYONE)]),
    ("POST", "/forgot-password", &[(NoParam, OPEN_FORM_422)]),
    // Without a link's token there is nothing to reset or verify.
    ("GET", "/reset-password", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/reset-password",
        &[(
            NoParam,
            [
                NOT_FOUND, NOT_FOUND, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND,
            ],
        )],
    ),
    ("GET", "/verify-email", &[(NoParam, NO_ONE)]),
    // Without an invitation's token there is no password to choose.
    ("GET", "/welcome", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/welcome",
        &[(
            NoParam,
            [
                NOT_FOUND, NOT_FOUND, FORBIDDEN, NOT_FOUND, FORBIDDEN, NOT_FOUND,
            ],
        )],
    ),
    ("GET", "/language", &[(NoParam, [DONE; 6])]),
    (
        "POST",
        "/language",
        &[(NoParam, [DONE, DONE, FORBIDDEN, DONE, FORBIDDEN, DONE])],
    ),
    ("GET", "/account", &[(NoParam, MEMBERS)]),
    ("POST", "/account/password", &[(NoParam, MEMBERS_422)]),
    // Without the password nothing is deleted.
    ("POST", "/account/delete", &[(NoParam, MEMBERS_422)]),
    ("GET", "/account/export", &[(NoParam, MEMBERS)]),
    ("POST", "/account/verification", &[(NoParam, MEMBERS_DONE)]),
    ("POST", "/account/tokens", &[(NoParam, MEMBERS_422)]),
    (
        "POST",
        "/account/tokens/{id}/revoke",
        &[
            (UsersToken, USERS_ONLY),
            (AdminsToken, ADMINS_ONLY),
            (OtherTenantsToken, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    ("GET", "/generate", &[(NoParam, MEMBERS)]),
    ("POST", "/generate", &[(NoParam, MEMBERS_422)]),
    ("GET", "/history", &[(NoParam, MEMBERS)]),
    (
        "GET",
        "/jobs/{id}",
        &[
            (UsersJob, USERS_OBJECT),
            (AdminsJob, ADMINS_OBJECT),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/jobs/{id}/events",
        &[
            (UsersJob, USERS_OBJECT),
            (AdminsJob, ADMINS_OBJECT),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    // A preview exists only while a job renders; the fixtures' jobs have finished.
    (
        "GET",
        "/jobs/{id}/preview",
        &[
            (UsersJob, NOBODYS),
            (AdminsJob, NOBODYS),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "POST",
        "/jobs/{id}/cancel",
        &[
            (UsersJob, USERS_ONLY),
            (AdminsJob, ADMINS_ONLY),
            (OtherTenantsJob, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/images/{id}",
        &[
            (UsersImage, USERS_OBJECT),
            (AdminsImage, ADMINS_OBJECT),
            (OtherTenantsImage, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    (
        "GET",
        "/images/{id}/thumb",
        &[
            (UsersImage, USERS_OBJECT),
            (AdminsImage, ADMINS_OBJECT),
            (OtherTenantsImage, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
    ("GET", "/buy", &[(NoParam, MEMBERS)]),
    ("POST", "/buy/confirm", &[(NoParam, MEMBERS_422)]),
    (
        "GET",
        "/payments/{id}",
        &[
            (UsersPayment, OWNERS_PAGE),
            (OtherTenantsPayment, NOBODYS),
            (Malformed, NOBODYS),
        ],
    ),
];
