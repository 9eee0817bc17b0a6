//! What each visitor of a tenant's site gets from the admin console's routes (and the
//! platform's, which a tenant's site does not serve); the site's own pages, the API and the
//! workers' routes are in `tenant.rs`, whose columns and expectations these rows share.

use super::tenant::*;
use super::Id::*;
use super::{Expect, Row, ACCEPTED, CONFLICT, FORBIDDEN, LOGIN, UNAUTHORIZED, UNPROCESSABLE};

/// An admin's action the account cannot take: refused with a conflict.
const ADMIN_ACTION_409: [Expect; 6] = [LOGIN, FORBIDDEN, LOGIN, CONFLICT, LOGIN, CONFLICT];

pub(super) const TENANT_ADMIN_MATRIX: &[Row<6>] = &[
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
    // The target signed up with a password of its own: there is no invitation to send
    // again (409); another site's account is never found.
    (
        "POST",
        "/admin/users/{id}/invite",
        &[
            (TargetAccount, ADMIN_ACTION_409),
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
    (
        "POST",
        "/platform/admins/{id}/invite",
        &[(SpareSuperAdmin, NO_ONE)],
    ),
    (
        "POST",
        "/platform/tenants/{slug}/invite",
        &[(TenantSlug, NO_ONE)],
    ),
    ("GET", "/platform/settings", &[(NoParam, NO_ONE)]),
    ("POST", "/platform/settings", &[(NoParam, NO_ONE)]),
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
