//! Buying credits over HTTP, on both databases: the buy page and its QR code, confirming a
//! payment and every rule that can refuse it, the payment's own page, and the "Buy" links
//! that show only where credits are sold. The helpers here are shared with the desk's
//! tests: they set up what an admin would (packs, decisions) and do what a buyer does.

mod account_list;
mod addresses;
mod buying;
mod checkout;
mod desk;
mod desk_export;
mod desk_lists;
mod hindi;
mod own_payments;
mod packs;
mod payee_rules;
mod platform;
mod statement;
mod statement_input;
mod tenant_files;
mod utr_history;

use atelier_domain::{
    Clock, PackId, PackTerms, Paise, PaymentId, PaymentReference, Slug, Tenant, TenantId, User,
    Utr, Vpa,
};
use atelier_store::{Actor, Decided, Decision, NewPayment};

use crate::accounts::{make_tenant_admin, set_tenant, user_by_email, PASSWORD};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, Page, TestApp};

/// The tenant named `slug`.
pub async fn tenant_of(app: &TestApp, slug: &str) -> Tenant {
    let slug = Slug::parse(slug).unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .find_tenant_by_slug(&slug)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no tenant {slug}"))
}

/// Puts a pack of `credits` for `paise` on sale on tenant `slug`, as its admin would.
pub async fn sell_pack(app: &TestApp, slug: &str, credits: i64, paise: i64) -> PackId {
    let tenant = tenant_of(app, slug).await;
    let terms = PackTerms::new(credits, Paise::new(paise)).unwrap_or_else(|e| panic!("{e:?}"));
    let pack = app
        .state
        .store
        .create_pack(tenant.id, terms, None, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    app.state.tenants.forget_tenant(tenant.id).await;
    pack
}

/// `admin` acting in the audit log, from a test address.
pub fn actor(admin: &User) -> Actor {
    Actor {
        id: admin.id,
        email: admin.email.as_str().to_owned(),
        address: "127.0.0.1".to_owned(),
    }
}

/// Takes `pack` of tenant `slug` off sale, as `admin`.
pub async fn take_off_sale(app: &TestApp, slug: &str, pack: PackId, admin: &User) {
    let tenant = tenant_of(app, slug).await;
    let found = app
        .state
        .store
        .set_pack_active(tenant.id, pack, false, &actor(admin), app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(found, "{slug} has no pack {pack}");
    app.state.tenants.forget_tenant(tenant.id).await;
}

/// Takes every pack of tenant `slug` off sale, as `admin`: the tenant sells nothing.
pub async fn stop_selling(app: &TestApp, slug: &str, admin: &User) {
    let tenant = tenant_of(app, slug).await;
    let packs = app
        .state
        .store
        .list_packs(tenant.id, true)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    for pack in packs {
        take_off_sale(app, slug, pack.id, admin).await;
    }
}

/// Clears tenant `slug`'s UPI ID: it has nowhere to be paid.
pub async fn clear_upi_id(app: &TestApp, slug: &str) {
    set_tenant(app, slug, |s| s.upi_vpa.clear()).await;
}

/// A browser signed up (and so signed in) on `host` as `email`.
pub async fn signed_up<'a>(app: &'a TestApp, host: &str, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app, host);
    let page = browser.register(email, PASSWORD).await;
    assert_eq!(page.status, 303, "sign-up of {email}: {}", page.body);
    browser
}

/// The value of the first `<input>` named `name` on `page`, as the browser would send it.
pub fn input_value(page: &Page, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\"");
    page.body.split("<input").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains(&needle) {
            return None;
        }
        let start = tag.find("value=\"")? + 7;
        let end = tag[start..].find('"')? + start;
        Some(tag[start..end].replace("&#x2f;", "/"))
    })
}

/// Opens the page that pays for `pack`.
pub async fn open_checkout(browser: &mut Browser<'_>, pack: PackId) -> Page {
    browser.get(&format!("/buy?pack={pack}")).await
}

/// The signed checkout the confirmation form of `page` (a checkout page) carries.
pub fn checkout_field(page: &Page) -> String {
    input_value(page, "checkout").unwrap_or_else(|| {
        panic!(
            "no checkout field on the page (status {}):\n{}",
            page.status,
            &page.body[..page.body.len().min(2000)]
        )
    })
}

/// What the signed checkout `token` says (pack, credits, price_paise, reference, vpa,
/// payee, issued), as JSON.
pub fn checkout_terms(token: &str) -> serde_json::Value {
    let (payload, _) = token
        .rsplit_once('.')
        .unwrap_or_else(|| panic!("not a signed checkout: {token}"));
    let json = hex::decode(payload).unwrap_or_else(|e| panic!("{token}: {e}"));
    serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{token}: {e}"))
}

/// The signed checkout `token` with `from` replaced by `to` in what it says, its signature
/// kept: a form edited by hand.
pub fn edit_checkout(token: &str, from: &str, to: &str) -> String {
    let (payload, mac) = token
        .rsplit_once('.')
        .unwrap_or_else(|| panic!("not a signed checkout: {token}"));
    let json = String::from_utf8(hex::decode(payload).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(json.contains(from), "{from} is not in the checkout {json}");
    format!("{}.{mac}", hex::encode(json.replace(from, to)))
}

/// The payment reference a checkout page asks the buyer to write in the note.
pub fn reference_on(page: &Page) -> String {
    checkout_terms(&checkout_field(page))["reference"]
        .as_str()
        .unwrap_or_else(|| panic!("a checkout without a reference"))
        .to_owned()
}

/// Posts the confirmation form `/buy/confirm` with the signed `checkout` and `utr`, and the
/// form token of `page`, as a browser would.
pub async fn post_confirm(
    browser: &mut Browser<'_>,
    page: &Page,
    checkout: &str,
    utr: &str,
) -> Page {
    let token = csrf_token(page).unwrap_or_else(|| panic!("no form token"));
    browser
        .post_raw(
            "/buy/confirm",
            &[
                ("csrf_token", token.as_str()),
                ("checkout", checkout),
                ("utr", utr),
            ],
            &[("sec-fetch-site", "same-origin")],
        )
        .await
}

/// Posts the confirmation form of `checkout` (a page from [`open_checkout`]) with `utr`,
/// keeping its signed checkout as a browser would.
pub async fn confirm_on(browser: &mut Browser<'_>, checkout: &Page, utr: &str) -> Page {
    let signed = checkout_field(checkout);
    post_confirm(browser, checkout, &signed, utr).await
}

/// Picks `pack` on the buy page and confirms a payment for it with `utr`.
pub async fn confirm_payment(browser: &mut Browser<'_>, pack: PackId, utr: &str) -> Page {
    let checkout = open_checkout(browser, pack).await;
    assert_eq!(checkout.status, 200, "{}", checkout.body);
    confirm_on(browser, &checkout, utr).await
}

/// The payment request a successful confirmation leads to.
pub fn payment_id_of(page: &Page) -> PaymentId {
    page.header("location")
        .strip_prefix("/payments/")
        .and_then(|id| uuid::Uuid::try_parse(id).ok())
        .map(PaymentId)
        .unwrap_or_else(|| {
            panic!(
                "not a payment's page: {} {} {}",
                page.status,
                page.header("location"),
                &page.body[..page.body.len().min(1500)]
            )
        })
}

/// Records `admin`'s decision on payment `id` of tenant `slug` (no mail), as the desk does.
pub async fn record_decision(
    app: &TestApp,
    slug: &str,
    id: PaymentId,
    decision: Decision,
    admin: &User,
) {
    let tenant = tenant_of(app, slug).await;
    let decided = app
        .state
        .store
        .decide_payment(
            tenant.id,
            id,
            &decision,
            &actor(admin),
            None,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(decided, Decided::Done(_)),
        "the decision was not recorded: {decided:?}"
    );
}

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
    tenant_of(app, slug).await.id
}

/// `user`'s balance as stored now.
pub async fn balance(app: &TestApp, user: &User) -> i64 {
    app.state
        .store
        .find_user(user.tenant_id, user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("account gone"))
        .balance
        .get()
}

/// Where request `id` of `tenant` stands now.
pub async fn state_of(
    app: &TestApp,
    tenant: TenantId,
    id: PaymentId,
) -> atelier_domain::PaymentState {
    app.state
        .store
        .find_payment(tenant, None, id)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("request {id} gone"))
        .state
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

/// `user`'s confirmation that they paid for `pack` with `utr`, as the buy page makes it
/// now: the pack's terms and the tenant's payee as they stand, a fresh reference; `email`
/// stands for the address they had then.
pub async fn new_payment(
    app: &TestApp,
    user: &User,
    email: &str,
    pack: PackId,
    utr: &str,
) -> NewPayment {
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("no tenant"));
    let store = &app.state.store;
    let terms = store
        .find_pack(tenant, pack)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no pack {pack}"))
        .terms;
    let settings = store
        .list_tenants()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|site| site.tenant.id == tenant)
        .unwrap_or_else(|| panic!("no tenant {tenant}"))
        .tenant
        .settings;
    let payee_name = if settings.upi_payee.trim().is_empty() {
        settings.name.clone()
    } else {
        settings.upi_payee.trim().to_owned()
    };
    NewPayment {
        tenant,
        user: user.id,
        user_email: email.to_owned(),
        pack,
        terms,
        payee_vpa: Vpa::parse(&settings.upi_vpa)
            .unwrap_or_else(|e| panic!("{}: {e}", settings.upi_vpa)),
        payee_name,
        reference: PaymentReference::generate().unwrap_or_else(|e| panic!("{e}")),
        utr: Utr::parse(utr).unwrap_or_else(|e| panic!("{utr}: {}", e.message)),
    }
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
    let new = new_payment(app, user, email, pack, utr).await;
    let reference = new.reference.clone();
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

/// Someone signed up on `host` with `email`: the browser they used, and their account.
pub async fn member<'a>(app: &'a TestApp, host: &str, email: &str) -> (Browser<'a>, User) {
    let mut browser = Browser::new(app, host);
    let page = browser.register(email, PASSWORD).await;
    assert_eq!(page.status, 303, "signing up {email}: {}", page.body);
    let slug = host.trim_end_matches(".test");
    (browser, user_by_email(app, slug, email).await)
}

/// An admin of `host`'s tenant, signed in.
pub async fn admin<'a>(app: &'a TestApp, host: &str, email: &str) -> (Browser<'a>, User) {
    let (browser, _) = member(app, host, email).await;
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
