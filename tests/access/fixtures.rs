//! The people and objects the matrix asks about, made for real: accounts on two tenants and
//! the platform, a finished job and its image for three of them, API tokens, a pack of each
//! tenant (pixelforge's bought once), payment requests (waiting, to view and to decide), and
//! each visitor's session as their browser holds it.

use std::collections::HashMap;
use std::sync::Arc;

use atelier_domain::{hash_token, Clock, Email, NewPassword, PackId, Role, User};
use atelier_store::NewUser;
use atelier_worker::DemoBackend;

use super::visitor::Visitor;
use super::Id::{self, *};
use super::{ANSWER_WITHIN, PASSWORD, TARGET_EMAIL};
use crate::accounts::{set_tenant, user_by_email};
use crate::common::browser::Browser;
use crate::common::{within, TestApp};
use crate::payments::{confirm_payment, make_request, new_payment, payment_id_of, sell_pack};

/// A platform account with the matrix's password, made in the store (other tests sign in
/// with it; the command line's way is tested in cli.rs).
pub async fn create_super_admin(app: &TestApp, email: &str) -> User {
    let password = NewPassword::parse(PASSWORD, &[]).unwrap_or_else(|e| panic!("{e}"));
    let hash = atelier_domain::hash_password(&password, &mut Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    app.state
        .store
        .create_user(
            &NewUser {
                tenant_id: None,
                email: Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
                name: "Root".into(),
                password_hash: hash,
                role: Role::SuperAdmin,
                signup_bonus: 0,
                bonus_now: false,
                signup_ip: String::new(),
                language: None,
            },
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn make_admin(app: &TestApp, user: &User) {
    app.state
        .store
        .set_user_role(
            user.tenant_id.unwrap_or_else(|| panic!("tenant")),
            user.id,
            Role::TenantAdmin,
            None,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The matrix's accounts by name, each with the browser it signed up or in with.
struct Cast<'a> {
    app: &'a TestApp,
    /// Sessions by name, as their browsers hold them.
    browsers: HashMap<&'static str, Browser<'a>>,
}

impl<'a> Cast<'a> {
    async fn sign_up(&mut self, name: &'static str, host: &str, email: &str) -> User {
        let mut browser = Browser::new(self.app, host);
        let page = browser.register(email, PASSWORD).await;
        assert_eq!(page.status, 303, "{email}: {}", page.body);
        self.browsers.insert(name, browser);
        let slug = host.trim_end_matches(".test");
        user_by_email(self.app, slug, email).await
    }

    fn browser(&mut self, name: &str) -> &mut Browser<'a> {
        self.browsers
            .get_mut(name)
            .unwrap_or_else(|| panic!("no browser {name}"))
    }

    /// Submits a job through the generate form; returns its id.
    async fn submit_job(&mut self, name: &str) -> String {
        self.browser(name).queue_job("a lighthouse at dusk").await
    }

    /// The image of a finished job, from its status JSON.
    async fn image_of(&mut self, name: &str, job: &str) -> String {
        let page = self.browser(name).get(&format!("/jobs/{job}")).await;
        let json: serde_json::Value =
            serde_json::from_str(&page.body).unwrap_or_else(|e| panic!("{e}: {}", page.body));
        json["image_url"]
            .as_str()
            .and_then(|url| url.strip_prefix("/images/"))
            .unwrap_or_else(|| panic!("{name}'s job has no image: {json}"))
            .to_owned()
    }
}

/// A live API token of `user`; returns (its id, the token).
pub(super) async fn api_token(app: &TestApp, user: &User, name: &str) -> (String, String) {
    let token = format!("atl_{}", uuid::Uuid::new_v4().simple());
    let id = app
        .state
        .store
        .create_api_token(
            user.tenant_id.unwrap_or_else(|| panic!("tenant")),
            user.id,
            name,
            &hash_token(&token),
            10,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the token cap was reached"));
    (id.to_string(), token)
}

/// The first pack of `user`'s tenant (the tenant files give each tenant some).
async fn first_pack(app: &TestApp, user: &User) -> PackId {
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("tenant"));
    let packs = app
        .state
        .store
        .list_packs(tenant, false)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    packs
        .first()
        .unwrap_or_else(|| panic!("the tenant files gave {tenant} no packs"))
        .id
}

/// `user` says they paid for `pack`, so the pack counts as bought.
async fn buy(app: &TestApp, user: &User, pack: PackId) {
    let made = app
        .state
        .store
        .create_payment_request(
            &new_payment(app, user, user.email.as_str(), pack, "412345678901").await,
            5,
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(made.is_ok(), "the payment request was refused: {made:?}");
}

/// Everything the matrix asks with: each site's visitors by the names its table's columns
/// use, and the real ids that fill the routes' paths.
pub(super) struct Fixtures {
    pub tenant_visitors: HashMap<&'static str, Visitor>,
    pub platform_visitors: HashMap<&'static str, Visitor>,
    pub ids: HashMap<Id, String>,
}

impl Fixtures {
    /// Makes them on pixelforge (four accounts, one of them disabled once its session is
    /// taken, one the admin routes act on), on nocturne (an admin and a user) and on the
    /// platform (a super-admin, signed in on both kinds of site).
    pub async fn make(app: &TestApp) -> Fixtures {
        set_tenant(app, "pixelforge", |s| s.signup_limit_per_ip = 10).await;
        let mut cast = Cast {
            app,
            browsers: HashMap::new(),
        };
        let pixelforge = "pixelforge.test";
        let user = cast
            .sign_up("user", pixelforge, "user@pixelforge.example")
            .await;
        let disabled = cast
            .sign_up("disabled", pixelforge, "disabled@pixelforge.example")
            .await;
        let admin = cast
            .sign_up("admin", pixelforge, "admin@pixelforge.example")
            .await;
        make_admin(app, &admin).await;
        let target = cast.sign_up("target", pixelforge, TARGET_EMAIL).await;
        let other_admin = cast
            .sign_up("other admin", "nocturne.test", "admin@nocturne.example")
            .await;
        make_admin(app, &other_admin).await;
        let other_user = cast
            .sign_up("other user", "nocturne.test", "user@nocturne.example")
            .await;
        create_super_admin(app, "root@example.com").await;
        create_super_admin(app, "spare@example.com").await;
        let spare_root = app
            .state
            .store
            .find_credentials(
                None,
                &Email::parse("spare@example.com").unwrap_or_else(|e| panic!("{e}")),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no spare super-admin"))
            .0;
        for (name, host) in [
            ("root", pixelforge),
            ("root platform", "platform.localhost"),
        ] {
            let mut browser = Browser::new(app, host);
            let page = browser.login("root@example.com", PASSWORD).await;
            assert_eq!(page.status, 303, "super-admin sign-in on {host}");
            cast.browsers.insert(name, browser);
        }

        // A finished job (with its image) each for the user, the admin and another tenant's user.
        let worker = app.worker(Arc::new(DemoBackend::default()));
        let jobs = [
            cast.submit_job("user").await,
            cast.submit_job("admin").await,
            cast.submit_job("other user").await,
        ];
        for _ in &jobs {
            let ran = within(
                ANSWER_WITHIN,
                "the worker finishing a job",
                worker.run_once(),
            )
            .await;
            assert!(matches!(ran, Ok(true)), "the worker did not finish a job");
        }
        let images = [
            cast.image_of("user", &jobs[0]).await,
            cast.image_of("admin", &jobs[1]).await,
            cast.image_of("other user", &jobs[2]).await,
        ];
        // Tokens the visitors' scripts use, and others to name in revoke paths.
        let (_, user_key) = api_token(app, &user, "script").await;
        let (_, disabled_key) = api_token(app, &disabled, "script").await;
        let (_, admin_key) = api_token(app, &admin, "script").await;
        let (_, other_admin_key) = api_token(app, &other_admin, "script").await;
        let (users_token, _) = api_token(app, &user, "spare").await;
        let (admins_token, _) = api_token(app, &admin, "spare").await;
        let (other_tenants_token, _) = api_token(app, &other_user, "spare").await;
        let tenants_pack = first_pack(app, &user).await;
        buy(app, &user, tenants_pack).await;
        let other_tenants_pack = first_pack(app, &other_user).await;
        // A payment waiting for a decision, of the user and of another tenant's user (each
        // tenant has a UPI ID in tenants/*.toml; the packs are made here).
        let pack = sell_pack(app, "pixelforge", 50, 14_900).await;
        let other_pack = sell_pack(app, "nocturne", 40, 19_900).await;
        let users_payment =
            payment_id_of(&confirm_payment(cast.browser("user"), pack, "432187650912").await);
        let other_tenants_payment = payment_id_of(
            &confirm_payment(cast.browser("other user"), other_pack, "432187650912").await,
        );
        // Two more of the user's, for the desk's approve and reject rows.
        let (to_approve, _) = make_request(app, &user, pack, "432187650915").await;
        let (to_reject, _) = make_request(app, &user, pack, "432187650916").await;

        // Worker tokens' rows in pixelforge's pool, nocturne's and the shared pool.
        let worker_in = async |pool: Option<atelier_domain::TenantId>, name: &str| {
            let actor = atelier_store::Actor {
                id: admin.id,
                email: admin.email.to_string(),
                address: "127.0.0.1".to_owned(),
            };
            app.state
                .store
                .create_worker(pool, name, &format!("hash-{name}"), &actor, app.clock.now())
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .to_string()
        };
        let tenants_worker = worker_in(admin.tenant_id, "pixelforge-gpu").await;
        let other_tenants_worker = worker_in(other_user.tenant_id, "nocturne-gpu").await;
        let shared_worker = worker_in(None, "shared-gpu").await;

        let ids: HashMap<Id, String> = [
            (UsersJob, jobs[0].clone()),
            (AdminsJob, jobs[1].clone()),
            (OtherTenantsJob, jobs[2].clone()),
            (UsersImage, images[0].clone()),
            (AdminsImage, images[1].clone()),
            (OtherTenantsImage, images[2].clone()),
            (UsersToken, users_token),
            (AdminsToken, admins_token),
            (OtherTenantsToken, other_tenants_token),
            (UsersPayment, users_payment.to_string()),
            (OtherTenantsPayment, other_tenants_payment.to_string()),
            (TargetAccount, target.id.to_string()),
            (OtherTenantsAccount, other_user.id.to_string()),
            (PaymentToApprove, to_approve.to_string()),
            (PaymentToReject, to_reject.to_string()),
            (TenantSlug, "pixelforge".to_owned()),
            (OtherTenantSlug, "nocturne".to_owned()),
            (SpareSuperAdmin, spare_root.id.to_string()),
            (TenantsPack, tenants_pack.to_string()),
            (OtherTenantsPack, other_tenants_pack.to_string()),
            (TenantsWorker, tenants_worker),
            (OtherTenantsWorker, other_tenants_worker),
            (SharedWorker, shared_worker),
            (ThemeFile, "css/site.css".to_owned()),
            (Malformed, "not-an-id".to_owned()),
        ]
        .into_iter()
        .collect();

        // The visitors, each holding the session and form token they had; the disabled
        // account's are taken before it is disabled, as an open tab would keep them.
        let mut anonymous = Browser::new(app, pixelforge);
        let mut platform_anonymous = Browser::new(app, "platform.localhost");
        let disabled_visitor = Visitor::of(cast.browser("disabled"), "/", Some(disabled_key)).await;
        app.state
            .store
            .set_user_disabled(
                disabled.tenant_id.unwrap_or_else(|| panic!("tenant")),
                disabled.id,
                true,
                app.clock.now(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        app.state.api_tokens.invalidate_all();
        let admin_visitor = Visitor::of(cast.browser("admin"), "/", Some(admin_key)).await;
        let admin_on_platform = Visitor {
            host: "platform.localhost",
            ..Visitor::of(cast.browser("admin"), "/", None).await
        };
        let tenant_visitors = HashMap::from([
            (
                "anonymous",
                Visitor::of(&mut anonymous, "/login", None).await,
            ),
            (
                "user",
                Visitor::of(cast.browser("user"), "/", Some(user_key)).await,
            ),
            ("disabled user", disabled_visitor),
            ("tenant admin", admin_visitor),
            (
                "another tenant's admin",
                Visitor {
                    host: pixelforge,
                    ..Visitor::of(cast.browser("other admin"), "/", Some(other_admin_key)).await
                },
            ),
            (
                "super-admin",
                Visitor::of(cast.browser("root"), "/", None).await,
            ),
        ]);
        let platform_visitors = HashMap::from([
            (
                "anonymous",
                Visitor::of(&mut platform_anonymous, "/login", None).await,
            ),
            ("a tenant admin's session", admin_on_platform),
            (
                "super-admin",
                Visitor::of(cast.browser("root platform"), "/platform", None).await,
            ),
        ]);
        Fixtures {
            tenant_visitors,
            platform_visitors,
            ids,
        }
    }
}
