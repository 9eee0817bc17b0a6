//! What each visitor of the platform host gets from each route: the console, signing in and
//! out, and the files every site shares; the pages and API of the tenants' sites are not
//! found there.

use super::Id::*;
use super::{Expect, Row, DONE, FORBIDDEN, LOGIN, NOT_FOUND, OK, UNAUTHORIZED};

/// The visitors of the platform host, in the order of the columns below; each names one of
/// the visitors `fixtures.rs` makes.
pub(super) const PLATFORM_VISITORS: [&str; 3] =
    ["anonymous", "a tenant admin's session", "super-admin"];

// Columns: anonymous, a tenant admin's session (nothing on the platform), super-admin.
const EVERYONE: [Expect; 3] = [OK; 3];
const NO_ONE: [Expect; 3] = [NOT_FOUND; 3];

pub(super) const PLATFORM_MATRIX: &[Row<3>] = &[
    ("GET", "/", &[(NoParam, EVERYONE)]),
    ("GET", "/faq", &[(NoParam, NO_ONE)]),
    ("GET", "/privacy", &[(NoParam, NO_ONE)]),
    ("GET", "/terms", &[(NoParam, NO_ONE)]),
    ("GET", "/register", &[(NoParam, NO_ONE)]),
    ("POST", "/register", &[(NoParam, NO_ONE)]),
    ("GET", "/login", &[(NoParam, [OK, OK, DONE])]),
    (
        "POST",
        "/login",
        &[(NoParam, [UNAUTHORIZED, FORBIDDEN, UNAUTHORIZED])],
    ),
    ("POST", "/logout", &[(NoParam, [DONE, FORBIDDEN, DONE])]),
    ("GET", "/forgot-password", &[(NoParam, NO_ONE)]),
    ("POST", "/forgot-password", &[(NoParam, NO_ONE)]),
    ("GET", "/reset-password", &[(NoParam, NO_ONE)]),
    ("POST", "/reset-password", &[(NoParam, NO_ONE)]),
    ("GET", "/verify-email", &[(NoParam, NO_ONE)]),
    // An invitation's page, asked without its token.
    ("GET", "/welcome", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/welcome",
        &[(NoParam, [NOT_FOUND, FORBIDDEN, NOT_FOUND])],
    ),
    ("GET", "/language", &[(NoParam, [DONE; 3])]),
    ("POST", "/language", &[(NoParam, [DONE, FORBIDDEN, DONE])]),
    ("GET", "/account", &[(NoParam, NO_ONE)]),
    ("POST", "/account/password", &[(NoParam, NO_ONE)]),
    ("POST", "/account/delete", &[(NoParam, NO_ONE)]),
    ("GET", "/account/export", &[(NoParam, NO_ONE)]),
    ("POST", "/account/verification", &[(NoParam, NO_ONE)]),
    ("POST", "/account/tokens", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/account/tokens/{id}/revoke",
        &[(UsersToken, NO_ONE)],
    ),
    ("GET", "/generate", &[(NoParam, NO_ONE)]),
    ("POST", "/generate", &[(NoParam, NO_ONE)]),
    ("GET", "/history", &[(NoParam, NO_ONE)]),
    ("GET", "/jobs/{id}", &[(UsersJob, NO_ONE)]),
    ("GET", "/jobs/{id}/events", &[(UsersJob, NO_ONE)]),
    ("POST", "/jobs/{id}/cancel", &[(UsersJob, NO_ONE)]),
    ("GET", "/jobs/{id}/preview", &[(UsersJob, NO_ONE)]),
    ("GET", "/images/{id}", &[(UsersImage, NO_ONE)]),
    ("GET", "/images/{id}/thumb", &[(UsersImage, NO_ONE)]),
    ("GET", "/buy", &[(NoParam, NO_ONE)]),
    ("POST", "/buy/confirm", &[(NoParam, NO_ONE)]),
    ("GET", "/payments/{id}", &[(UsersPayment, NO_ONE)]),
    ("GET", "/admin", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/users", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/admin/users/{id}/disable",
        &[(TargetAccount, NO_ONE)],
    ),
    (
        "POST",
        "/admin/users/{id}/enable",
        &[(TargetAccount, NO_ONE)],
    ),
    ("POST", "/admin/users/{id}/role", &[(TargetAccount, NO_ONE)]),
    ("GET", "/admin/users/{id}", &[(TargetAccount, NO_ONE)]),
    (
        "POST",
        "/admin/users/{id}/credits",
        &[(TargetAccount, NO_ONE)],
    ),
    (
        "POST",
        "/admin/users/{id}/delete",
        &[(TargetAccount, NO_ONE)],
    ),
    (
        "POST",
        "/admin/users/{id}/invite",
        &[(TargetAccount, NO_ONE)],
    ),
    ("GET", "/admin/packs", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/packs", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/packs/payee", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/packs/{id}", &[(TenantsPack, NO_ONE)]),
    (
        "POST",
        "/admin/packs/{id}/activate",
        &[(TenantsPack, NO_ONE)],
    ),
    (
        "POST",
        "/admin/packs/{id}/deactivate",
        &[(TenantsPack, NO_ONE)],
    ),
    ("POST", "/admin/packs/{id}/up", &[(TenantsPack, NO_ONE)]),
    ("POST", "/admin/packs/{id}/down", &[(TenantsPack, NO_ONE)]),
    ("POST", "/admin/packs/{id}/delete", &[(TenantsPack, NO_ONE)]),
    ("GET", "/admin/payments", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/payments/export", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/admin/payments/{id}/approve",
        &[(PaymentToApprove, NO_ONE)],
    ),
    (
        "POST",
        "/admin/payments/{id}/reject",
        &[(PaymentToReject, NO_ONE)],
    ),
    ("GET", "/admin/audit", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/jobs", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/jobs/{id}/cancel", &[(UsersJob, NO_ONE)]),
    ("GET", "/admin/languages", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/languages", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/branding", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/branding", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/branding/preview.css", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/branding/logo", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/branding/logo/remove", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/limits", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/limits", &[(NoParam, NO_ONE)]),
    ("GET", "/admin/workers", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/workers", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/admin/workers/{id}/pause",
        &[(TenantsWorker, NO_ONE)],
    ),
    (
        "POST",
        "/admin/workers/{id}/resume",
        &[(TenantsWorker, NO_ONE)],
    ),
    (
        "POST",
        "/admin/workers/{id}/revoke",
        &[(TenantsWorker, NO_ONE)],
    ),
    ("GET", "/admin/payments/statement", &[(NoParam, NO_ONE)]),
    ("POST", "/admin/payments/statement", &[(NoParam, NO_ONE)]),
    (
        "POST",
        "/admin/payments/statement/approve",
        &[(NoParam, NO_ONE)],
    ),
    ("GET", "/platform", &[(NoParam, [LOGIN, LOGIN, OK])]),
    (
        "POST",
        "/platform/tenants/{slug}/admins",
        &[
            (TenantSlug, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "GET",
        "/platform/payments",
        &[(NoParam, [LOGIN, LOGIN, OK])],
    ),
    ("GET", "/platform/usage", &[(NoParam, [LOGIN, LOGIN, OK])]),
    ("GET", "/platform/audit", &[(NoParam, [LOGIN, LOGIN, OK])]),
    ("GET", "/platform/workers", &[(NoParam, [LOGIN, LOGIN, OK])]),
    (
        "POST",
        "/platform/workers",
        &[(NoParam, [LOGIN, LOGIN, Expect::Status(422)])],
    ),
    (
        "POST",
        "/platform/workers/{id}/pause",
        &[
            (SharedWorker, [LOGIN, LOGIN, DONE]),
            (OtherTenantsWorker, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "POST",
        "/platform/workers/{id}/resume",
        &[
            (SharedWorker, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "POST",
        "/platform/workers/{id}/revoke",
        &[
            (SharedWorker, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "POST",
        "/platform/models/reload",
        &[(NoParam, [LOGIN, LOGIN, OK])],
    ),
    (
        "GET",
        "/platform/tenants/new",
        &[(NoParam, [LOGIN, LOGIN, OK])],
    ),
    (
        "POST",
        "/platform/tenants",
        &[(NoParam, [LOGIN, LOGIN, Expect::Status(422)])],
    ),
    (
        "GET",
        "/platform/tenants/{slug}",
        &[
            (TenantSlug, [LOGIN, LOGIN, OK]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    // Posted without a name: refused, nothing changes.
    (
        "POST",
        "/platform/tenants/{slug}",
        &[
            (TenantSlug, [LOGIN, LOGIN, Expect::Status(422)]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    // Nocturne is suspended, then resumed (the router lists suspend first); pixelforge,
    // whose pages the other rows ask, stays open.
    (
        "POST",
        "/platform/tenants/{slug}/suspend",
        &[
            (OtherTenantSlug, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "POST",
        "/platform/tenants/{slug}/resume",
        &[
            (OtherTenantSlug, [LOGIN, LOGIN, DONE]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    ("GET", "/platform/admins", &[(NoParam, [LOGIN, LOGIN, OK])]),
    (
        "POST",
        "/platform/admins",
        &[(NoParam, [LOGIN, LOGIN, Expect::Status(422)])],
    ),
    // A tenant's account is no platform account.
    (
        "POST",
        "/platform/admins/{id}/remove",
        &[
            (TargetAccount, [LOGIN, LOGIN, NOT_FOUND]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
            (SpareSuperAdmin, [LOGIN, LOGIN, DONE]),
        ],
    ),
    // Neither a tenant's account nor no id names a super-admin; a tenant page's button
    // names its account in the form, and a form naming none finds nothing.
    (
        "POST",
        "/platform/admins/{id}/invite",
        &[
            (TargetAccount, [LOGIN, LOGIN, NOT_FOUND]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "POST",
        "/platform/tenants/{slug}/invite",
        &[
            (TenantSlug, [LOGIN, LOGIN, NOT_FOUND]),
            (Malformed, [LOGIN, LOGIN, NOT_FOUND]),
        ],
    ),
    (
        "GET",
        "/platform/settings",
        &[(NoParam, [LOGIN, LOGIN, OK])],
    ),
    (
        "POST",
        "/platform/settings",
        &[(NoParam, [LOGIN, LOGIN, DONE])],
    ),
    // Workers may reach their API on the platform host too; nothing else opens it.
    (
        "POST",
        "/api/worker/v1/claim",
        &[(NoParam, [UNAUTHORIZED; 3])],
    ),
    (
        "POST",
        "/api/worker/v1/health",
        &[(NoParam, [UNAUTHORIZED; 3])],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/heartbeat",
        &[(UsersJob, [UNAUTHORIZED; 3])],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/complete",
        &[(UsersJob, [UNAUTHORIZED; 3])],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/fail",
        &[(UsersJob, [UNAUTHORIZED; 3])],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/release",
        &[(UsersJob, [UNAUTHORIZED; 3])],
    ),
    (
        "POST",
        "/api/worker/v1/jobs/{id}/preview",
        &[(UsersJob, [UNAUTHORIZED; 3])],
    ),
    // The API belongs to tenants' sites.
    ("GET", "/api/v1/jobs", &[(NoParam, NO_ONE)]),
    ("POST", "/api/v1/jobs", &[(NoParam, NO_ONE)]),
    ("GET", "/api/v1/jobs/{id}", &[(UsersJob, NO_ONE)]),
    ("GET", "/api/v1/me", &[(NoParam, NO_ONE)]),
    ("GET", "/api/v1/models", &[(NoParam, NO_ONE)]),
    ("GET", "/brand.css", &[(NoParam, EVERYONE)]),
    ("GET", "/favicon.svg", &[(NoParam, EVERYONE)]),
    // The platform host has no logo of its own.
    ("GET", "/brand/logo/{file}", &[(Malformed, NO_ONE)]),
    ("GET", "/static/default/{*path}", &[(ThemeFile, EVERYONE)]),
    ("GET", "/static/noir/{*path}", &[(ThemeFile, EVERYONE)]),
    ("GET", "/healthz", &[(NoParam, EVERYONE)]),
    ("GET", "/tls/ask", &[(NoParam, NO_ONE)]),
    ("GET", "/readyz", &[(NoParam, EVERYONE)]),
];
