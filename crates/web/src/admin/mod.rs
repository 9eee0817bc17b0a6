//! The tenant admin console (`/admin` on a tenant's site) and the platform console
//! (`/platform` on the platform host).

mod audit;
mod branding;
mod dashboard;
mod invitations;
mod jobs;
mod languages;
mod limits;
mod packs;
mod payments;
mod platform;
mod platform_admins;
mod platform_payments;
mod platform_settings;
mod platform_usage;
mod tenants;
mod users;
mod workers;

use atelier_domain::{msg, Lang, Msg, User};
use atelier_store::Actor;

use crate::auth::ClientIp;
use crate::routes::Routes;

pub(crate) use branding::{serve_logo, upload_limit as logo_upload_limit};
pub(crate) use payments::upload_limit;

pub(crate) fn router() -> Routes {
    Routes::new()
        .get("/admin", dashboard::show)
        .get("/admin/users", users::list)
        .post("/admin/users/{id}/disable", users::disable)
        .post("/admin/users/{id}/enable", users::enable)
        .post("/admin/users/{id}/role", users::change_role)
        .get("/admin/users/{id}", users::show)
        .post("/admin/users/{id}/credits", users::adjust_credits)
        .post("/admin/users/{id}/delete", users::delete_account)
        // Packs and payee: what the tenant sells and where buyers pay.
        .get("/admin/packs", packs::list)
        .post("/admin/packs", packs::create)
        .post("/admin/packs/payee", packs::save_payee)
        .post("/admin/packs/{id}", packs::update)
        .post("/admin/packs/{id}/activate", packs::activate)
        .post("/admin/packs/{id}/deactivate", packs::deactivate)
        .post("/admin/packs/{id}/up", packs::move_up)
        .post("/admin/packs/{id}/down", packs::move_down)
        .post("/admin/packs/{id}/delete", packs::delete)
        .get("/admin/audit", audit::log)
        // Every job of the site, filtered; an admin may cancel one still queued or running.
        .get("/admin/jobs", jobs::list)
        .post("/admin/jobs/{id}/cancel", jobs::cancel)
        .get("/admin/languages", languages::show)
        .post("/admin/languages", languages::save)
        // Branding and limits: what the site looks like and what it allows.
        .merge(branding::routes())
        .get("/admin/limits", limits::show)
        .post("/admin/limits", limits::save)
        // The tenant's own worker pool; /platform/workers has every pool.
        .get("/admin/workers", workers::list)
        .post("/admin/workers", workers::create)
        .post("/admin/workers/{id}/pause", workers::pause)
        .post("/admin/workers/{id}/resume", workers::resume)
        .post("/admin/workers/{id}/revoke", workers::revoke)
        .merge(payments::router())
        .get("/platform", platform::console)
        .post(
            "/platform/tenants/{slug}/admins",
            platform::add_tenant_admin,
        )
        .get("/platform/payments", platform_payments::list)
        .get("/platform/audit", audit::platform_log)
        .get("/platform/usage", platform_usage::show)
        .get("/platform/workers", workers::list)
        .post("/platform/workers", workers::create)
        .post("/platform/workers/{id}/pause", workers::pause)
        .post("/platform/workers/{id}/resume", workers::resume)
        .post("/platform/workers/{id}/revoke", workers::revoke)
        .post("/platform/models/reload", workers::reload_models)
        // Tenants from the console: create with a first admin, edit, suspend and resume.
        .get("/platform/tenants/new", tenants::new_form)
        .post("/platform/tenants", tenants::create)
        .get("/platform/tenants/{slug}", tenants::show)
        .post("/platform/tenants/{slug}", tenants::save)
        .post("/platform/tenants/{slug}/suspend", tenants::suspend)
        .post("/platform/tenants/{slug}/resume", tenants::resume)
        .get("/platform/admins", platform_admins::list)
        .post("/platform/admins", platform_admins::add)
        .post("/platform/admins/{id}/remove", platform_admins::remove)
        // A new invitation link for an admin who has not chosen a password yet.
        .post("/platform/admins/{id}/invite", invitations::platform_admin)
        .post("/platform/tenants/{slug}/invite", invitations::tenant_admin)
        .post("/admin/users/{id}/invite", users::resend_invitation)
        .get("/platform/settings", platform_settings::show)
        .post("/platform/settings", platform_settings::save)
}

/// A domain rule's refusal as it reads beside its field. Rules word some refusals to follow
/// the field's name, as tenant files and the command line print them ("is required"); those
/// get the field's label in front ("Site name is required."); whole sentences, and those
/// that open with the value typed, stay as they are. Which is which is told by the English
/// wording, the same in every language.
pub(crate) fn beside_field(label: Option<Msg>, problem: &Msg, lang: Lang) -> String {
    // Its English wording with no values filled in: one that opens with a value ("teal is
    // not a colour") names its subject already.
    let follows_a_name = atelier_i18n::text(Lang::En, problem.id(), &[])
        .starts_with(|c: char| c.is_ascii_lowercase());
    match label {
        Some(label) if follows_a_name => msg!(
            "validation-beside-field",
            field = label.in_lang(lang),
            problem = problem.in_lang(lang)
        )
        .in_lang(lang),
        _ => problem.in_lang(lang),
    }
}

/// A redirect's query string naming what was just done (`added=a@b.c`), with `n`, this
/// server's signature of it: a query string is anyone's to write, and a console must not
/// show a notice a stranger composed in a link.
pub(crate) fn notice_query(state: &crate::AppState, pairs: &[(&str, &str)]) -> String {
    let mut kept = with_values(pairs);
    let mac = state.form_key.sign_for("notice", &urlencoded(&kept));
    kept.push(("n", &mac));
    urlencoded(&kept)
}

/// Whether `pairs`, as a page read them back from its query string, are what this server
/// signed in `mac` (values left empty do not count).
pub(crate) fn notice_vouched(state: &crate::AppState, pairs: &[(&str, &str)], mac: &str) -> bool {
    !mac.is_empty()
        && state
            .form_key
            .verify_for("notice", &urlencoded(&with_values(pairs)), mac)
}

fn with_values<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    pairs
        .iter()
        .copied()
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

fn urlencoded(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The signed-in admin as the audit log records them: who, and from which address.
pub(crate) fn audit_actor(user: &User, ClientIp(address): ClientIp) -> Actor {
    Actor {
        id: user.id,
        email: user.email.to_string(),
        address,
    }
}
