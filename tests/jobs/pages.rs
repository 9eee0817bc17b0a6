//! What people see of their jobs: the generate page, live status, history, and nobody else's
//! jobs or images.

use super::*;

on_both_databases!(
    other_people_get_404_for_jobs_and_images,
    live_status_streams_until_the_job_ends,
    the_generate_page_keeps_values_and_explains_mistakes,
    without_javascript_a_reload_shows_the_state_and_history_lists_everything,
    long_histories_page_by_keyset_and_show_every_job_once,
    a_result_is_a_step_to_the_next_image,
    a_reader_of_hindi_follows_their_jobs_in_hindi,
);

async fn other_people_get_404_for_jobs_and_images(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut owner = Browser::new(&app, "pixelforge.test");
    owner.register("owner@example.com", PASSWORD).await;
    let id = job_id_of(&owner.generate("a private garden", 64, 64).await);
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let image = owner.job_json(&id).await["image_url"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(image.starts_with("/images/"));
    // Opened on its own, the image has a policy that lets the browser's own image view
    // style itself (the site's policy left it blank-styled), and nothing more.
    let full = owner.get(&image).await;
    assert_eq!(full.header("content-type"), "image/png");
    assert_eq!(
        full.header("content-security-policy"),
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    );

    let mut neighbour = Browser::new(&app, "pixelforge.test");
    neighbour.register("neighbour@example.com", PASSWORD).await;
    let mut stranger = Browser::new(&app, "nocturne.test");
    stranger.register("stranger@example.com", PASSWORD).await;
    for browser in [&mut neighbour, &mut stranger] {
        for path in [
            format!("/jobs/{id}"),
            format!("/jobs/{id}/events"),
            image.clone(),
            format!("{image}/thumb"),
            format!("{image}?download=1"),
        ] {
            let page = browser.get(&path).await;
            assert_eq!(page.status, 404, "{} GET {path}", browser.host);
            assert_ne!(page.header("content-type"), "image/png");
        }
        let cancel = browser
            .submit("/account", &format!("/jobs/{id}/cancel"), &[])
            .await;
        assert_eq!(cancel.status, 404);
    }
    // The tenant's admins and super-admins may look.
    crate::accounts::make_tenant_admin(&app, "pixelforge", "neighbour@example.com").await;
    assert_eq!(neighbour.get(&image).await.status, 200);
    // Signed out: sent to sign in, the image never shown.
    let anonymous = Browser::new(&app, "pixelforge.test").get(&image).await;
    assert_eq!(anonymous.status, 303);
}

async fn live_status_streams_until_the_job_ends(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("watch@example.com", PASSWORD).await;
    let id = job_id_of(&browser.generate("a kite", 64, 64).await);
    let mut response = browser.job_events(&id).await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap_or("")
        .starts_with("text/event-stream"));
    // Each read is bounded: a stream that stops sending fails here, naming what it did not
    // say, instead of holding the test until the suite's cap.
    let chunk_within = std::time::Duration::from_secs(20);
    let mut seen = String::new();
    while !seen.contains("\"queued\"") {
        let chunk = crate::common::within(
            chunk_within,
            format!("waiting for the live status to say the job is queued; it said {seen:?}"),
            response.chunk(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("stream ended early"));
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains("event: job"), "{seen}");
    let worker = app.worker(demo());
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    // The stream reports success and then ends by itself.
    while let Some(chunk) = crate::common::within(
        chunk_within,
        format!(
            "waiting for the live status to report the end of the job and close; it said {seen:?}"
        ),
        response.chunk(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    {
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains("\"succeeded\""), "{seen}");
    assert!(seen.contains("\"image_url\":\"/images/"), "{seen}");
}

async fn the_generate_page_keeps_values_and_explains_mistakes(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "nocturne.test");
    browser.register("form@example.com", PASSWORD).await;
    let page = browser.get("/generate").await;
    assert_eq!(page.status, 200);
    page.assert_contains("data-template=\"default/generate\"");
    page.assert_contains("name=\"prompt\"");
    page.assert_contains("Abstract studio");
    page.assert_contains("badge-demo");
    // One model on offer: no menu to choose from.
    page.assert_lacks("<select");
    page.assert_contains("max=\"1536\"");
    let refused = browser
        .submit(
            "/generate",
            "/generate",
            &[
                ("prompt", "a neon koi pond"),
                ("model", "demo-abstract"),
                ("width", "500"),
                ("height", "4096"),
                ("seed", "-4"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    refused.assert_contains("a neon koi pond");
    refused.assert_contains("Use a multiple of 8, such as 496 or 504.");
    refused.assert_contains("Choose between 64 and 1536 pixels.");
    refused.assert_contains("Use a whole number from 0 upwards");
    let empty = browser
        .submit(
            "/generate",
            "/generate",
            &[
                ("prompt", "  "),
                ("model", "demo-abstract"),
                ("width", "64"),
                ("height", "64"),
            ],
        )
        .await;
    assert_eq!(empty.status, 422);
    empty.assert_contains("Describe the image you want.");
    let user = user_by_email(&app, "nocturne", "form@example.com").await;
    assert_eq!(
        (user.balance.get(), user.held.get()),
        (10, 0),
        "nothing was held for refused forms"
    );
}

async fn without_javascript_a_reload_shows_the_state_and_history_lists_everything(db: Db) {
    let app = TestApp::start(db).await;
    let worker = app.worker(demo());
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("nojs@example.com", PASSWORD).await;
    let done = browser.generate("a paper crane", 64, 64).await;
    let id = job_id_of(&done);
    let waiting = browser.get(&format!("/generate?job={id}")).await;
    assert_eq!(waiting.status, 200);
    waiting.assert_contains(&format!("data-job-id=\"{id}\""));
    waiting.assert_contains("Waiting in the queue");
    waiting.assert_contains(&format!("/jobs/{id}/cancel"));
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let ready = browser.get(&format!("/generate?job={id}")).await;
    ready.assert_contains("Download image");
    ready.assert_contains("?download=1");
    ready.assert_lacks(&format!("/jobs/{id}/cancel"));

    let failing = app.worker(Arc::new(Broken(Arc::new(AtomicU32::new(0)))));
    let failed = job_id_of(&browser.generate("a doomed render", 64, 64).await);
    for _ in 0..3 {
        failing.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    }
    let history = browser.get("/history").await;
    assert_eq!(history.status, 200);
    history.assert_contains("data-template=\"default/history\"");
    history.assert_contains("a paper crane");
    history.assert_contains("a doomed render");
    history.assert_contains("ComfyUI ran out of GPU memory");
    history.assert_contains("Nothing was charged");
    history.assert_contains(&format!("data-job-id=\"{failed}\""));
    history.assert_contains("/thumb");
}

/// Submits `prompt` for `user` through the store at the clock's present millisecond.
async fn queue_now(app: &TestApp, user: &User, prompt: &str) -> String {
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    app.state
        .store
        .submit_job(
            tenant,
            user.id,
            &new_job(prompt, 64),
            COST,
            rules(100),
            app.clock.now(),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .id
        .to_string()
}

async fn long_histories_page_by_keyset_and_show_every_job_once(db: Db) {
    let app = TestApp::start(db).await;
    crate::accounts::set_tenant(&app, "pixelforge", |s| s.signup_bonus = 100).await;
    let (mut browser, user) = sign_up(&app, "many@example.com").await;
    let mut made = Vec::new();
    for n in 0..30 {
        // Jobs 3 to 6 share one millisecond and straddle the end of the first page (24
        // jobs): the cursor holds the id as well as the time, so none is skipped or repeated.
        if !(4..=6).contains(&n) {
            app.clock.advance_millis(1);
        }
        made.push(queue_now(&app, &user, &format!("page test {n}")).await);
    }

    let first = browser.get("/history").await;
    assert_eq!(first.status, 200);
    first.assert_lacks("Page 1 of");
    first.assert_lacks("Newest images");
    let first_ids = first.attribute_values("data-job-id", None);
    let newest_first: Vec<String> = made.iter().rev().cloned().collect();
    assert_eq!(first_ids.len(), 24, "a page of jobs");
    assert_eq!(first_ids[..23], newest_first[..23], "newest first");
    let older = first
        .link_to("Older images")
        .unwrap_or_else(|| panic!("no link to older images"));
    assert!(older.starts_with("/history?after="), "{older}");

    // A job made between the pages does not push an old one onto the next page twice.
    app.clock.advance_millis(1);
    let later = queue_now(&app, &user, "made meanwhile").await;
    let second = browser.get(&older).await;
    assert_eq!(second.status, 200);
    let second_ids = second.attribute_values("data-job-id", None);
    assert_eq!(second_ids.len(), 6, "the rest");
    assert!(second.link_to("Older images").is_none());
    assert_eq!(
        second.link_to("← Newest images").as_deref(),
        Some("/history")
    );
    let mut seen: Vec<String> = first_ids.into_iter().chain(second_ids).collect();
    seen.sort();
    let mut all = made.clone();
    all.sort();
    assert_eq!(seen, all, "every job once");
    assert_eq!(
        browser
            .get("/history")
            .await
            .attribute_values("data-job-id", None)[0],
        later
    );

    let damaged = browser.get("/history?after=yesterday").await;
    assert_eq!(damaged.status, 400);
    damaged.assert_contains("This link to older images is damaged");
    damaged.assert_contains("data-template=");
}

/// After an image is made the form keeps its prompt and settings; coming back shows the
/// latest results; "Generate again" goes again in one click and "Use this seed" keeps the seed.
async fn a_result_is_a_step_to_the_next_image(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0\n").await;
    let (mut browser, _) = sign_up(&app, "iterate@example.com").await;
    let page = browser.generate("a red kite over dunes", 96, 64).await;
    let id = job_id_of(&page);
    let worker = app.worker(demo());
    assert!(matches!(worker.run_once().await, Ok(true)));
    let seed = browser.job_json(&id).await["seed"]
        .as_i64()
        .unwrap_or_default();

    let page = browser.get(&format!("/generate?job={id}")).await;
    page.assert_contains(">a red kite over dunes</textarea>");
    page.assert_contains("value=\"96\"");
    page.assert_contains("Generate again");
    page.assert_contains(&format!("/generate?job={id}&amp;seed=1"));
    let with_seed = browser.get(&format!("/generate?job={id}&seed=1")).await;
    with_seed.assert_contains(&format!("value=\"{seed}\""));

    // The charge in the credit history leads to the image, not to a raw id.
    let account = browser.get("/account").await;
    account.assert_contains(&format!("<a href=\"/generate?job={id}\">See the image</a>"));

    // Back later, with nothing in progress: the latest images, not an empty page.
    let page = browser.get("/generate").await;
    page.assert_contains("Your latest images");
    page.assert_contains(&format!("data-job-id=\"{id}\""));
    page.assert_lacks("Your results will appear here");

    // Generate again: the same prompt and size, queued at once.
    let again = browser
        .submit(
            "/generate",
            "/generate",
            &[
                ("prompt", "a red kite over dunes"),
                ("negative_prompt", ""),
                ("model", "demo-abstract"),
                ("width", "96"),
                ("height", "64"),
            ],
        )
        .await;
    assert_eq!(again.status, 303);
    assert_ne!(job_id_of(&again), id);
}

/// Someone who chose Hindi sees their jobs in it: on the pages, in the live status JSON and
/// its stream, and in the words the page's script writes as the job moves.
async fn a_reader_of_hindi_follows_their_jobs_in_hindi(db: Db) {
    let app = TestApp::start(db).await;
    let (mut browser, _) = sign_up(&app, "hindi@example.com").await;
    let picked = browser
        .submit(
            "/account",
            "/language",
            &[("language", "hi"), ("next", "/generate")],
        )
        .await;
    assert_eq!(picked.status, 303, "{}", picked.body);
    let id = job_id_of(&browser.generate("एक कागज़ की नाव", 64, 64).await);

    let waiting = browser.get(&format!("/generate?job={id}")).await;
    assert_eq!(waiting.status, 200);
    waiting.assert_contains("lang=\"hi\"");
    waiting.assert_contains("अपनी तस्वीर का वर्णन करें");
    waiting.assert_contains(">कतार में इंतज़ार<");
    waiting.assert_contains("अगली बारी आपकी");
    waiting.assert_contains("data-word-download-image=\"तस्वीर डाउनलोड करें\"");
    waiting.assert_contains("data-word-said-ready=\"आपकी तस्वीर तैयार है: {prompt}।");
    for english in [
        "Describe your image",
        "Waiting in the queue",
        "Next in line",
        "Generate image",
        "Download image",
        "charged only when",
    ] {
        waiting.assert_lacks(english);
    }

    let json = browser.job_json(&id).await;
    assert_eq!(json["status"], "queued", "{json}");
    assert_eq!(json["status_label"], "कतार में इंतज़ार", "{json}");
    assert!(
        json["queue_label"]
            .as_str()
            .is_some_and(|l| l.starts_with("अगली बारी आपकी")),
        "{json}"
    );
    let mut stream = browser.job_events(&id).await;
    let first = crate::common::within(
        std::time::Duration::from_secs(20),
        "the live status's first event",
        stream.chunk(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"))
    .unwrap_or_default();
    let first = String::from_utf8_lossy(&first);
    assert!(first.contains("कतार में इंतज़ार"), "{first}");
    drop(stream);

    let worker = app.worker(demo());
    worker.run_once().await.unwrap_or_else(|e| panic!("{e}"));
    let ready = browser.get(&format!("/generate?job={id}")).await;
    ready.assert_contains("तस्वीर डाउनलोड करें");
    ready.assert_contains("फिर से बनाएँ");
    assert_eq!(browser.job_json(&id).await["status_label"], "तैयार");
    let history = browser.get("/history").await;
    history.assert_contains("आपकी तस्वीरें");
    history.assert_lacks("Your images");
    let damaged = browser.get("/history?after=yesterday").await;
    assert_eq!(damaged.status, 400);
    damaged.assert_contains("पुरानी तस्वीरों का यह लिंक खराब है");
}
