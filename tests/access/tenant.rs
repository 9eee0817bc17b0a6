//! What each visitor of a tenant's site gets from each route, pixelforge's in the examples.

use super::Id::*;
use super::{
    Expect, Row, ACCEPTED, CONFLICT, DONE, FORBIDDEN, LOGIN, NOT_FOUND, OK, UNAUTHORIZED,
    UNPROCESSABLE,
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
const EVERYONE: [Expect; 6] = [OK; 6];
const NO_ONE: [Expect; 6] = [NOT_FOUND; 6];
const MEMBERS: [Expect; 6] = [LOGIN, OK, LOGIN, OK, LOGIN, OK];
const SIGNED_OUT_ONLY: [Expect; 6] = [OK, DONE, OK, DONE, OK, DONE];
const OPEN_FORM_422: [Expect; 6] = [
    UNPROCESSABLE,
    UNPROCESSABLE,
    FORBIDDEN,
    UNPROCESSABLE,
    FORBIDDEN,
    UNPROCESSABLE,
];
const MEMBERS_422: [Expect; 6] = [
    LOGIN,
    UNPROCESSABLE,
    LOGIN,
    UNPROCESSABLE,
    LOGIN,
    UNPROCESSABLE,
];
const MEMBERS_DONE: [Expect; 6] = [LOGIN, DONE, LOGIN, DONE, LOGIN, DONE];
/// Jobs and images the user owns: the owner, the tenant's admins and super-admins see them.
const USERS_OBJECT: [Expect; 6] = [LOGIN, OK, LOGIN, OK, LOGIN, OK];
/// The tenant admin's own: another user's, so hidden from the user.
const ADMINS_OBJECT: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, OK, LOGIN, OK];
/// Another tenant's, or no id at all: nobody here finds it.
const NOBODYS: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// The user's own page of their payment: admins decide payments on the desk, not here.
const OWNERS_PAGE: [Expect; 6] = [LOGIN, OK, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// Only the owner may act on these (cancel a job, revoke a token).
const USERS_ONLY: [Expect; 6] = [LOGIN, DONE, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
const ADMINS_ONLY: [Expect; 6] = [LOGIN, NOT_FOUND, LOGIN, DONE, LOGIN, NOT_FOUND];
const ADMIN_PAGE: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, OK, LOGIN, OK];
const ADMIN_ACTION: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, DONE];
const ADMIN_ACTION_404: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, NOT_FOUND, LOGIN, NOT_FOUND];
/// A decision on a waiting payment: the tenant admin's goes through, so the super-admin,
/// asked next, is told it was already decided.
const DECISION: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, CONFLICT];
/// An admin's action on something that can take it once: the tenant admin's goes through,
/// so the super-admin, asked next, finds nothing to act on.
const ADMIN_THEN_GONE: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, DONE, LOGIN, NOT_FOUND];
/// The worker API, asked without a worker token.
const NOT_A_WORKER: [Expect; 6] = [UNAUTHORIZED; 6];
/// An admin's form posted with its token and nothing else: refused as incomplete.
const ADMIN_FORM_422: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, UNPROCESSABLE, LOGIN, UNPROCESSABLE];
// The API takes bearer tokens only: the disabled account's token and the other tenant's are
// refused; the super-admin has no token and its cookie is not enough.
const TOKEN_OWNERS: [Expect; 6] = [
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
const USERS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
const ADMINS_BY_TOKEN: [Expect; 6] = [
    UNAUTHORIZED,
    NOT_FOUND,
    UNAUTHORIZED,
    OK,
    UNAUTHORIZED,
    UNAUTHORIZED,
];
const NOBODYS_BY_TOKEN: [Expect; 6] = [
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
    ("GET", "/admin", &[(NoParam, ADMIN_PAGE)]),
    ("GET", "/admin/users", &[(NoParam, ADMIN_PAGE)]),
    (
        "POST",
        "/admin/users/{id}/disable",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/users/{id}/enable",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/users/{id}/role",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "GET",
        "/admin/users/{id}",
        &[
            (TargetAccount, ADMIN_PAGE),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/users/{id}/credits",
        &[
            (TargetAccount, ADMIN_ACTION),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    // Posted without the account's email typed in: refused, nothing deleted.
    (
        "POST",
        "/admin/users/{id}/delete",
        &[
            (TargetAccount, ADMIN_FORM_422),
            (OtherTenantsAccount, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    ("GET", "/admin/packs", &[(NoParam, ADMIN_PAGE)]),
    ("POST", "/admin/packs", &[(NoParam, ADMIN_ACTION)]),
    ("POST", "/admin/packs/payee", &[(NoParam, ADMIN_ACTION)]),
    (
        "POST",
        "/admin/packs/{id}",
        &[
            (TenantsPack, ADMIN_ACTION),
            (OtherTenantsPack, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/packs/{id}/activate",
        &[
            (TenantsPack, ADMIN_ACTION),
            (OtherTenantsPack, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/packs/{id}/deactivate",
        &[
            (TenantsPack, ADMIN_ACTION),
            (OtherTenantsPack, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/packs/{id}/up",
        &[
            (TenantsPack, ADMIN_ACTION),
            (OtherTenantsPack, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/packs/{id}/down",
        &[
            (TenantsPack, ADMIN_ACTION),
            (OtherTenantsPack, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    // The pack was bought: deleting it is refused with "deactivate it instead".
    (
        "POST",
        "/admin/packs/{id}/delete",
        &[
            (
                TenantsPack,
                [LOGIN, FORBIDDEN, LOGIN, CONFLICT, LOGIN, CONFLICT],
            ),
            (OtherTenantsPack, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    ("GET", "/admin/payments", &[(NoParam, ADMIN_PAGE)]),
    // Without a range of days there is nothing to export: the desk says so.
    (
        "GET",
        "/admin/payments/export",
        &[(
            NoParam,
            [LOGIN, FORBIDDEN, LOGIN, UNPROCESSABLE, LOGIN, UNPROCESSABLE],
        )],
    ),
    (
        "POST",
        "/admin/payments/{id}/approve",
        &[
            (PaymentToApprove, DECISION),
            (OtherTenantsPayment, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/payments/{id}/reject",
        &[
            (PaymentToReject, DECISION),
            (OtherTenantsPayment, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    ("GET", "/admin/audit", &[(NoParam, ADMIN_PAGE)]),
    ("GET", "/admin/jobs", &[(NoParam, ADMIN_PAGE)]),
    // The fixtures' jobs have finished: a cancel leaves them as they ended ("already over").
    (
        "POST",
        "/admin/jobs/{id}/cancel",
        &[
            (UsersJob, ADMIN_ACTION),
            (AdminsJob, ADMIN_ACTION),
            (OtherTenantsJob, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    ("GET", "/admin/languages", &[(NoParam, ADMIN_PAGE)]),
    // Without a default language nothing is saved.
    ("POST", "/admin/languages", &[(NoParam, ADMIN_FORM_422)]),
    ("GET", "/admin/branding", &[(NoParam, ADMIN_PAGE)]),
    // Without a site name nothing is previewed or saved.
    ("POST", "/admin/branding", &[(NoParam, ADMIN_FORM_422)]),
    (
        "GET",
        "/admin/branding/preview.css",
        &[(NoParam, ADMIN_PAGE)],
    ),
    // The matrix posts a url-encoded form: the upload has no file.
    ("POST", "/admin/branding/logo", &[(NoParam, ADMIN_FORM_422)]),
    (
        "POST",
        "/admin/branding/logo/remove",
        &[(NoParam, ADMIN_ACTION)],
    ),
    ("GET", "/admin/limits", &[(NoParam, ADMIN_PAGE)]),
    // Without its numbers nothing is saved.
    ("POST", "/admin/limits", &[(NoParam, ADMIN_FORM_422)]),
    ("GET", "/admin/workers", &[(NoParam, ADMIN_PAGE)]),
    ("POST", "/admin/workers", &[(NoParam, ADMIN_FORM_422)]),
    (
        "POST",
        "/admin/workers/{id}/pause",
        &[
            (TenantsWorker, ADMIN_THEN_GONE),
            (OtherTenantsWorker, ADMIN_ACTION_404),
            (SharedWorker, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/workers/{id}/resume",
        &[
            (TenantsWorker, ADMIN_THEN_GONE),
            (OtherTenantsWorker, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    (
        "POST",
        "/admin/workers/{id}/revoke",
        &[
            (TenantsWorker, ADMIN_THEN_GONE),
            (OtherTenantsWorker, ADMIN_ACTION_404),
            (SharedWorker, ADMIN_ACTION_404),
            (Malformed, ADMIN_ACTION_404),
        ],
    ),
    // The matrix posts a url-encoded form: the upload has no file, the approval no ticks.
    ("GET", "/admin/payments/statement", &[(NoParam, ADMIN_PAGE)]),
    (
        "POST",
        "/admin/payments/statement",
        &[(NoParam, ADMIN_FORM_422)],
    ),
    (
        "POST",
        "/admin/payments/statement/approve",
        &[(NoParam, ADMIN_FORM_422)],
    ),
    // The platform console exists only on the platform host.
    ("GET", "/platform", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/platform/tenants/{slug}/admins",
        &[(TenantSlug, NO_ONE), (Malformed, NO_ONE)],
    ),
    ("GET", "/platform/payments", &[(NoParam, NO_ONE)]),
    ("GET", "/platform/usage", &[(NoParam, NO_ONE)]),
    ("GET", "/platform/audit", &[(NoParam, NO_ONE)]),
    ("GET", "/platform/workers", &[(NoParam, NO_ONE)]),
    ("POST", "/platform/workers", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/platform/workers/{id}/pause",
        &[(SharedWorker, NO_ONE)],
    ),
    (
        "POST",
        "/platform/workers/{id}/resume",
        &[(SharedWorker, NO_ONE)],
    ),
    (
        "POST",
        "/platform/workers/{id}/revoke",
        &[(SharedWorker, NO_ONE)],
    ),
    ("POST", "/platform/models/reload", &[(NoParam, NO_ONE)]),
    ("GET", "/platform/tenants/new", &[(NoParam, NO_ONE)]),
    ("POST", "/platform/tenants", &[(NoParam, NO_ONE)]),
    ("GET", "/platform/tenants/{slug}", &[(TenantSlug, NO_ONE)]),
    ("POST", "/platform/tenants/{slug}", &[(TenantSlug, NO_ONE)]),
    (
        "POST",
        "/platform/tenants/{slug}/suspend",
        &[(TenantSlug, NO_ONE)],
    ),
    (
        "POST",
        "/platform/tenants/{slug}/resume",
        &[(TenantSlug, NO_ONE)],
    ),
    ("GET", "/platform/admins", &[(NoParam, NO_ONE)]),
    ("POST", "/platform/admins", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/platform/admins/{id}/remove",
        &[(SpareSuperAdmin, NO_ONE)],
    ),
    ("GET", "/platform/settings", &[(NoParam, NO_ONE)]),
    // The worker API takes worker tokens only: no session or personal token opens it.
    ("POST", "/api/worker/v1/claim", &[(NoParam, NOT_A_WORKER)]),
    ("POST", "/api/worker/v1/health", &[(NoParam, NOT_A_WORKER)]),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/heartbeat",
        &[(UsersJob, NOT_A_WORKER), (Malformed, NOT_A_WORKER)],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/complete",
        &[(UsersJob, NOT_A_WORKER), (Malformed, NOT_A_WORKER)],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/fail",
        &[(UsersJob, NOT_A_WORKER), (Malformed, NOT_A_WORKER)],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/release",
        &[(UsersJob, NOT_A_WORKER), (Malformed, NOT_A_WORKER)],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/preview",
        &[(UsersJob, NOT_A_WORKER), (Malformed, NOT_A_WORKER)],
    ),
    ("GET", "/api/v1/jobs", &[(NoParam, TOKEN_OWNERS)]),
    (
        "POST",
        "/api/v1/jobs",
        &[(
            NoParam,
            [
                UNAUTHORIZED,
                ACCEPTED,
                UNAUTHORIZED,
                ACCEPTED,
                UNAUTHORIZED,
                UNAUTHORIZED,
            ],
        )],
    ),
    (
        "GET",
        "/api/v1/jobs/{id}",
        &[
            (UsersJob, USERS_BY_TOKEN),
            (AdminsJob, ADMINS_BY_TOKEN),
            (OtherTenantsJob, NOBODYS_BY_TOKEN),
            (Malformed, NOBODYS_BY_TOKEN),
        ],
    ),
    ("GET", "/api/v1/me", &[(NoParam, TOKEN_OWNERS)]),
    ("GET", "/api/v1/models", &[(NoParam, TOKEN_OWNERS)]),
    ("GET", "/brand.css", &[(NoParam, EVERYONE)]),
    ("GET", "/favicon.svg", &[(NoParam, EVERYONE)]),
    // Only a logo this site stored is served; no text names one.
    ("GET", "/brand/logo/{file}", &[(Malformed, NO_ONE)]),
    ("GET", "/static/default/{*path}", &[(ThemeFile, EVERYONE)]),
    ("GET", "/static/noir/{*path}", &[(ThemeFile, EVERYONE)]),
    ("GET", "/healthz", &[(NoParam, EVERYONE)]),
    // Asked without a domain: no certificate for nothing.
    ("GET", "/tls/ask", &[(NoParam, NO_ONE)]),
    ("GET", "/readyz", &[(NoParam, EVERYONE)]),
];
