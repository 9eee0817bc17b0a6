//! Branding, limits and the prompt block-list, as a tenant's admin sets them and as the
//! site's visitors then meet them: at once, on every page, and nothing charged for a
//! refused prompt.

use atelier_domain::TenantId;

use crate::accounts::{make_tenant_admin, user_by_email, PASSWORD};
use crate::common::browser::{csrf_token, Browser};
use crate::common::{Db, Page, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_logo_must_be_a_small_png_jpeg_or_webp_and_keeps_nothing_but_its_pixels,
    branding_is_previewed_without_saving_and_seen_at_once_when_saved,
    limits_are_saved_audited_and_seen_at_once,
    a_blocked_prompt_is_refused_on_the_page_and_the_api_and_costs_nothing,
    another_sites_admin_reaches_none_of_it
);

/// Pixelforge with `boss@example.com` as its admin, signed in.
async fn admin(app: &TestApp) -> Browser<'_> {
    let mut boss = Browser::new(app, "pixelforge.test");
    assert_eq!(
        boss.register("boss@example.com", PASSWORD).await.status,
        303
    );
    make_tenant_admin(app, "pixelforge", "boss@example.com").await;
    boss
}

async fn tenant_id(app: &TestApp, email: &str) -> TenantId {
    let user = user_by_email(app, "pixelforge", email).await;
    user.tenant_id.unwrap_or_else(|| panic!("no tenant"))
}

/// Posts `file` as the logo form does.
async fn upload_logo(app: &TestApp, browser: &mut Browser<'_>, file: Vec<u8>) -> Page {
    let token = csrf_token(&browser.get("/admin/branding").await).unwrap_or_default();
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", token)
        .part(
            "logo",
            reqwest::multipart::Part::bytes(file).file_name("logo.png"),
        );
    let mut request = app
        .client
        .post(app.url("/admin/branding/logo"))
        .header("host", browser.host.as_str())
        .header("sec-fetch-site", "same-origin")
        .multipart(form);
    if let Some(cookie) = browser.cookie_header() {
        request = request.header("cookie", cookie);
    }
    Page::read(request.send().await.unwrap_or_else(|e| panic!("{e}"))).await
}

fn png(w: u32, h: u32) -> Vec<u8> {
    atelier_media::encode_png(w, h, vec![120; (w * h * 3) as usize])
        .unwrap_or_else(|e| panic!("{e}"))
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::RgbImage::from_pixel(w, h, image::Rgb([200, 80, 40]))
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    out
}

/// `png` with a tEXt chunk holding `text` after its header (the CRC is right, so decoders
/// read it as a PNG like any other).
fn with_text_chunk(png: &[u8], text: &[u8]) -> Vec<u8> {
    let mut body = b"tEXt".to_vec();
    body.extend_from_slice(text);
    let mut crc = 0xffff_ffff_u32;
    for &b in &body {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    let mut out = png[..33].to_vec();
    out.extend_from_slice(&(text.len() as u32).to_be_bytes());
    out.extend_from_slice(&body);
    out.extend_from_slice(&(!crc).to_be_bytes());
    out.extend_from_slice(&png[33..]);
    out
}

/// The logo address a page's header shows.
fn logo_url(page: &Page) -> String {
    page.body
        .split("class=\"brand-logo\" src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .replace("&#x2f;", "/")
}

/// How many rows of `action` pixelforge's audit log holds.
async fn audit_count(app: &TestApp, action: &str) -> usize {
    let tenant = tenant_id(app, "boss@example.com").await;
    let rows = app
        .state
        .store
        .audit_page(Some(tenant), None, 100)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    rows.iter().filter(|r| r.action == action).count()
}

async fn a_logo_must_be_a_small_png_jpeg_or_webp_and_keeps_nothing_but_its_pixels(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;

    let text = upload_logo(&app, &mut boss, b"<svg onload=alert(1)>".to_vec()).await;
    assert_eq!(text.status, 422);
    text.assert_contains("That file is not a PNG, JPEG or WebP image.");
    // A broken JPEG named logo.png is judged by its content.
    let broken = upload_logo(&app, &mut boss, vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16]).await;
    assert_eq!(broken.status, 422);
    broken.assert_contains("That image could not be read");
    // A GIF is an image, but not a kind a logo may be.
    let gif =
        b"GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff,\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;";
    let gif = upload_logo(&app, &mut boss, gif.to_vec()).await;
    assert_eq!(gif.status, 422);
    gif.assert_contains("That file is not a PNG, JPEG or WebP image.");
    let mut big = png(8, 8);
    big.resize(600 * 1024, 0);
    let oversize = upload_logo(&app, &mut boss, big).await;
    assert_eq!(oversize.status, 422);
    oversize.assert_contains("larger than 512 KB");
    let wide = upload_logo(&app, &mut boss, png(1032, 8)).await;
    assert_eq!(wide.status, 422);
    wide.assert_contains("at most 1024 pixels");
    assert_eq!(
        logo_url(&boss.get("/").await),
        logo_url(&boss.get("/faq").await)
    );
    assert!(!logo_url(&boss.get("/").await).starts_with("/brand/logo/"));

    let tagged = with_text_chunk(&png(48, 48), b"Comment\0<script>alert('logo')</script>");
    let saved = upload_logo(&app, &mut boss, tagged).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let visitor_page = Browser::new(&app, "pixelforge.test").get("/").await;
    let url = logo_url(&visitor_page);
    assert!(url.starts_with("/brand/logo/"), "{url}");
    let served = boss.get(&url).await;
    assert_eq!(served.status, 200);
    assert_eq!(served.header("content-type"), "image/png");
    assert_eq!(served.header("x-content-type-options"), "nosniff");
    assert!(served.header("cache-control").contains("immutable"));
    assert!(served.header("content-security-policy").contains("sandbox"));
    let bytes = boss.get_bytes(&url).await;
    assert_eq!(
        atelier_media::png_size(&bytes).unwrap_or_default(),
        (48, 48)
    );
    assert!(!bytes.windows(8).any(|w| w == b"<script>"));
    assert!(!bytes.windows(4).any(|w| w == b"tEXt"));
    assert_eq!(audit_count(&app, "tenant.branding").await, 1);

    // A new logo, a JPEG as a phone saves it, replaces the old file and is served as a PNG.
    let second = upload_logo(&app, &mut boss, jpeg(24, 12)).await;
    assert_eq!(second.status, 303, "{}", second.body);
    assert_eq!(boss.get(&url).await.status, 404);
    let jpeg_url = logo_url(&boss.get("/").await);
    assert!(jpeg_url.starts_with("/brand/logo/") && jpeg_url.ends_with(".png"));
    let served = boss.get(&jpeg_url).await;
    assert_eq!(served.header("content-type"), "image/png");
    assert_eq!(
        atelier_media::png_size(&boss.get_bytes(&jpeg_url).await).unwrap_or_default(),
        (24, 12)
    );
    // Removing it brings back the site's initial.
    let removed = boss
        .submit("/admin/branding", "/admin/branding/logo/remove", &[])
        .await;
    assert_eq!(removed.status, 303);
    assert!(!logo_url(&boss.get("/").await).starts_with("/brand/logo/"));
    assert_eq!(audit_count(&app, "tenant.branding").await, 3);
}

fn branding_fields<'a>(
    name: &'a str,
    primary: &'a str,
    intent: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("tagline", "Pictures while you wait"),
        ("legal_name", "Pixel Forge Pvt Ltd"),
        ("theme", "noir"),
        ("color_primary", primary),
        ("color_accent", "#f59e0b"),
        ("credit_name", "Ember"),
        ("credit_name_plural", "Embers"),
        ("intent", intent),
    ]
}

async fn branding_is_previewed_without_saving_and_seen_at_once_when_saved(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;
    let before = boss.get("/brand.css").await.body;

    let preview = boss
        .submit(
            "/admin/branding",
            "/admin/branding",
            &branding_fields("Forge Two", "#1d4ed8", "preview"),
        )
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    preview.assert_contains("data-preview-name>Forge Two<");
    preview.assert_contains("20 Embers");
    preview.assert_contains("/admin/branding/preview.css?primary=%231d4ed8&amp;accent=%23f59e0b");
    let css = boss
        .get("/admin/branding/preview.css?primary=%231d4ed8&accent=%23f59e0b")
        .await;
    assert_eq!(css.status, 200);
    css.assert_contains("--brand-primary: #1d4ed8;");
    // Nothing saved: the site, its stylesheet and the log are as they were.
    let home = Browser::new(&app, "pixelforge.test").get("/").await;
    home.assert_lacks("Forge Two");
    assert_eq!(boss.get("/brand.css").await.body, before);
    assert_eq!(audit_count(&app, "tenant.branding").await, 0);

    let bad = boss
        .submit(
            "/admin/branding",
            "/admin/branding",
            &branding_fields("", "teal", "save"),
        )
        .await;
    assert_eq!(bad.status, 422);
    // A refusal worded to follow a name reads with the field's label in front.
    bad.assert_contains("Site name is required.");
    // One that opens with the value typed names its subject already.
    bad.assert_contains("teal&quot; is not a colour");
    bad.assert_lacks("Main colour &quot;teal");

    let saved = boss
        .submit(
            "/admin/branding",
            "/admin/branding",
            &branding_fields("Forge Two", "#1d4ed8", "save"),
        )
        .await;
    assert_eq!(
        (saved.status, saved.header("location")),
        (303, "/admin/branding?done=saved")
    );
    let mut visitor = Browser::new(&app, "pixelforge.test");
    let home = visitor.get("/").await;
    home.assert_contains("Forge Two");
    home.assert_contains("/static/noir/");
    visitor
        .get("/brand.css")
        .await
        .assert_contains("--brand-primary: #1d4ed8;");
    visitor.register("maker@example.com", PASSWORD).await;
    visitor.get("/account").await.assert_contains("Embers");
    assert_eq!(audit_count(&app, "tenant.branding").await, 1);
    let log = boss.get("/admin/audit").await;
    log.assert_contains("Changed the site’s branding");
}

async fn limits_are_saved_audited_and_seen_at_once(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;
    let form = boss.get("/admin/limits").await;
    assert_eq!(form.status, 200);
    form.assert_contains("name=\"models\" value=\"demo-abstract\" checked");

    let fields = |bonus: &'static str, active: &'static str| {
        vec![
            ("max_image_side", "768"),
            ("signup_bonus", bonus),
            ("active_jobs_per_user", active),
            ("models", "demo-abstract"),
            ("cost_demo-abstract", "3"),
            ("support_email", "Help@PixelForge.example"),
            ("support_whatsapp", "+91 98765 43210"),
            ("prompt_blocklist", "Gore\nblood bath\n"),
        ]
    };
    // More active jobs than the platform allows (4) is refused, and nothing is saved.
    let over = boss
        .submit("/admin/limits", "/admin/limits", &fields("35", "9"))
        .await;
    assert_eq!(over.status, 422);
    over.assert_contains("the platform’s limit");
    let mut visitor = Browser::new(&app, "pixelforge.test");
    visitor.get("/register").await.assert_lacks("35 ");

    let saved = boss
        .submit("/admin/limits", "/admin/limits", &fields("35", "1"))
        .await;
    assert_eq!(
        (saved.status, saved.header("location")),
        (303, "/admin/limits?done=saved")
    );
    visitor.get("/register").await.assert_contains("35");
    assert_eq!(audit_count(&app, "tenant.limits").await, 1);
    let again = boss.get("/admin/limits").await;
    again.assert_contains("gore\nblood bath</textarea>");
    again.assert_contains("value=\"3\"");

    // The site's own limit of one active job applies, and a new account gets 35.
    visitor.register("maker@example.com", PASSWORD).await;
    let user = user_by_email(&app, "pixelforge", "maker@example.com").await;
    assert_eq!(user.balance.get(), 35);
    assert_eq!(
        visitor.generate("a quiet harbour", 64, 64).await.status,
        303
    );
    let second = visitor.generate("a second harbour", 64, 64).await;
    assert_eq!(second.status, 429, "{}", second.body);
    // The site's price: 3 held for the one job.
    let user = user_by_email(&app, "pixelforge", "maker@example.com").await;
    assert_eq!(user.held.get(), 3);
}

async fn a_blocked_prompt_is_refused_on_the_page_and_the_api_and_costs_nothing(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;
    let saved = boss
        .submit(
            "/admin/limits",
            "/admin/limits",
            &[
                ("max_image_side", "1024"),
                ("signup_bonus", "20"),
                ("active_jobs_per_user", "0"),
                ("models", "demo-abstract"),
                ("prompt_blocklist", "Gore\nblood bath"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let mut maker = Browser::new(&app, "pixelforge.test");
    maker.register("maker@example.com", PASSWORD).await;
    let refused = maker.generate("a castle, GORE everywhere", 64, 64).await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("“gore” is not allowed on this site.");
    refused.assert_contains("id=\"prompt-error\"");
    let phrase = maker.generate("a Blood bath at dawn", 64, 64).await;
    assert_eq!(phrase.status, 422);
    // A zero-width space or a soft hyphen inside the word hides nothing (a tokeniser drops
    // them), and the refusal names the entry as the admin wrote it.
    for hidden in ["a go\u{200B}re scene", "a go\u{00AD}re scene"] {
        let refused = maker.generate(hidden, 64, 64).await;
        assert_eq!(refused.status, 422, "{hidden:?}");
        refused.assert_contains("“gore” is not allowed on this site.");
    }
    // Whole words only: "gorenflo" is no "gore".
    assert_eq!(
        maker
            .generate("a portrait of Gorenflo", 64, 64)
            .await
            .status,
        303
    );

    let (_, token) = maker.make_api_token("script", PASSWORD).await;
    let answer = app
        .client
        .post(app.url("/api/v1/jobs"))
        .header("host", "pixelforge.test")
        .header("authorization", format!("Bearer {token}"))
        .json(&serde_json::json!({
            "prompt": "a lighthouse",
            "negative_prompt": "no gore please",
            "model": "demo-abstract",
            "width": 64,
            "height": 64
        }))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answer.status().as_u16(), 422);
    let json: serde_json::Value = answer.json().await.unwrap_or_default();
    assert_eq!(json["error"]["code"], "prompt_blocked", "{json}");
    assert!(
        json["error"]["fields"]["negative_prompt"].is_string(),
        "{json}"
    );

    // Only the allowed job holds anything.
    let user = user_by_email(&app, "pixelforge", "maker@example.com").await;
    assert_eq!((user.balance.get(), user.held.get()), (20, 1));
    let jobs = app
        .state
        .store
        .active_jobs(user.id)
        .await
        .unwrap_or_default();
    assert_eq!(jobs.len(), 1);
}

async fn another_sites_admin_reaches_none_of_it(db: Db) {
    let app = TestApp::start(db).await;
    let mut boss = admin(&app).await;
    assert_eq!(upload_logo(&app, &mut boss, png(8, 8)).await.status, 303);
    let url = logo_url(&boss.get("/").await);
    let pixelforge = tenant_id(&app, "boss@example.com").await;

    let mut night = Browser::new(&app, "nocturne.test");
    night.register("night@example.com", PASSWORD).await;
    let night_user = user_by_email(&app, "nocturne", "night@example.com").await;
    app.state
        .store
        .set_user_role(
            night_user.tenant_id.unwrap_or_else(|| panic!("no tenant")),
            night_user.id,
            atelier_domain::Role::TenantAdmin,
            None,
            atelier_domain::Clock::now(app.clock.as_ref()),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(night_user.tenant_id, Some(pixelforge));
    // Pixelforge's logo is not on nocturne's site, by its address or any other.
    assert_eq!(night.get(&url).await.status, 404);
    // Nocturne's admin, with their own session, finds nothing of pixelforge's on its host.
    let mut intruder = Browser::new(&app, "pixelforge.test");
    intruder.cookie = night.cookie.clone();
    for path in [
        "/admin/branding",
        "/admin/limits",
        "/admin/branding/preview.css",
    ] {
        let page = intruder.get(path).await;
        assert_ne!(page.status, 200, "{path}");
    }
    // Their own console shows their own site.
    night
        .get("/admin/branding")
        .await
        .assert_lacks("PixelForge");
}
