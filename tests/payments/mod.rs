//! Buying credits by UPI, over HTTP. Requests are made in the store, as a confirmation on
//! the buy page makes them, by the helpers here.

mod desk;
mod desk_export;
mod desk_lists;

use atelier_domain::{
    Clock, PackId, PackTerms, Paise, PaymentId, PaymentReference, Slug, TenantId, User, Utr,
};
use atelier_store::NewPayment;

use crate::accounts::{make_tenant_admin, set_tenant, user_by_email, PASSWORD};
use crate::common::browser::Browser;
use crate::common::{Db, Page, TestApp};

/// The app with `extra_toml` settings, where the tests' several sign-ups from one address
/// are allowed on both tenants.
pub async fn start(db: Db, extra_toml: &str) -> TestApp {
    let app = TestApp::start_with(db, extra_toml).await;
    for slug in ["pixelforge", "nocturne"] {
        set_tenant(&app, slug, |s| s.signup_limit_per_ip = 50).await;
    }
    app
}

pub async fn tenant_id(app: &TestApp, slug: &str) -> TenantId {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug}"))
        .id
}

/// A pack of `credits` for `paise` on sale at `user`'s tenant.
pub async fn make_pack(app: &TestApp, user: &User, credits: i64, paise: i64) -> PackId {
    let terms = PackTerms::new(credits, Paise::new(paise)).unwrap_or_else(|e| panic!("{e:?}"));
    app.state
        .store
        .create_pack(
            user.tenant_id.unwrap_or_else(|| panic!("no tenant")),
            terms,
            None,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// `user`'s confirmation that they paid for `pack` with `utr`, as the buy page records it,
/// submitted now by the test clock; `email` stands for the address they had then.
pub async fn make_request_as(
    app: &TestApp,
    user: &User,
    email: &str,
    pack: PackId,
    utr: &str,
) -> (PaymentId, String) {
    let reference = PaymentReference::generate().unwrap_or_else(|e| panic!("{e}"));
    let new = NewPayment {
        tenant: user.tenant_id.unwrap_or_else(|| panic!("no tenant")),
        user: user.id,
        user_email: email.to_owned(),
        pack,
        reference: reference.clone(),
        utr: Utr::parse(utr).unwrap_or_else(|e| panic!("{utr}: {}", e.message)),
    };
    // No cap worth meeting: tests make many requests for one account.
    let id = app
        .state
        .store
        .create_payment_request(&new, 10_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|refused| panic!("request refused: {refused:?}"));
    (id, reference.as_str().to_owned())
}

/// [`make_request_as`] with the account's own address.
pub async fn make_request(
    app: &TestApp,
    user: &User,
    pack: PackId,
    utr: &str,
) -> (PaymentId, String) {
    make_request_as(app, user, user.email.as_str(), pack, utr).await
}

/// Someone signed up on `host` with `email`, with the browser they used.
pub async fn signed_up<'a>(app: &'a TestApp, host: &str, email: &str) -> (Browser<'a>, User) {
    let mut browser = Browser::new(app, host);
    let page = browser.register(email, PASSWORD).await;
    assert_eq!(page.status, 303, "signing up {email}: {}", page.body);
    let slug = host.trim_end_matches(".test");
    (browser, user_by_email(app, slug, email).await)
}

/// An admin of `host`'s tenant, signed in.
pub async fn admin<'a>(app: &'a TestApp, host: &str, email: &str) -> (Browser<'a>, User) {
    let (browser, _) = signed_up(app, host, email).await;
    let user = make_tenant_admin(app, host.trim_end_matches(".test"), email).await;
    (browser, user)
}

/// Presses Approve (`reason` empty) or Reject on the desk for request `id`.
pub async fn decide(browser: &mut Browser<'_>, id: PaymentId, reason: Option<&str>) -> Page {
    match reason {
        None => {
            browser
                .submit(
                    "/admin/payments",
                    &format!("/admin/payments/{id}/approve"),
                    &[],
                )
                .await
        }
        Some(reason) => {
            browser
                .submit(
                    "/admin/payments",
                    &format!("/admin/payments/{id}/reject"),
                    &[("reason", reason)],
                )
                .await
        }
    }
}

/// The requests a desk page lists, in its order.
pub fn listed(page: &Page) -> Vec<String> {
    page.body
        .split("data-payment=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// A link's target as the page writes it, read back (`&amp;` and `&#x2f;` undone).
pub fn unescape(href: &str) -> String {
    href.replace("&amp;", "&").replace("&#x2f;", "/")
}
