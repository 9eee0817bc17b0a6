//! Live status over HTTP: one user's streams are capped, and a change made where this node
//! cannot hear it (another node) still reaches the stream through the node's shared refresh.

use std::time::Duration;

use super::*;
use crate::common::within;

on_both_databases!(
    over_the_cap_a_new_stream_closes_the_oldest_and_the_rest_follow_the_job,
    a_change_made_on_another_node_reaches_the_stream,
);

/// Reads `stream` until what it said contains `needle` (or it ends), within 10 seconds.
async fn read_until(stream: &mut reqwest::Response, said: &mut String, needle: &str) -> bool {
    let reading = async {
        while !said.contains(needle) {
            match stream.chunk().await {
                Ok(Some(chunk)) => said.push_str(&String::from_utf8_lossy(&chunk)),
                Ok(None) | Err(_) => return false,
            }
        }
        true
    };
    within(
        Duration::from_secs(10),
        format!("waiting for {needle:?} on a live stream"),
        reading,
    )
    .await
}

/// Whether `stream` ends (after anything it still says), within 10 seconds.
async fn ends(stream: &mut reqwest::Response) -> bool {
    within(
        Duration::from_secs(10),
        "waiting for a stream to end",
        async {
            loop {
                match stream.chunk().await {
                    Ok(Some(_)) => {}
                    Ok(None) | Err(_) => return true,
                }
            }
        },
    )
    .await
}

async fn over_the_cap_a_new_stream_closes_the_oldest_and_the_rest_follow_the_job(db: Db) {
    let app = TestApp::start_with(db, "[limits]\nlive_streams_per_user = 2\n").await;
    let mut browser = Browser::new(&app, "pixelforge.test");
    browser.register("tabs@example.com", PASSWORD).await;
    let id = browser.queue_job("a lantern in the fog").await;

    let mut streams = Vec::new();
    let mut said = Vec::new();
    for _ in 0..2 {
        let mut stream = browser.job_events(&id).await;
        assert_eq!(stream.status().as_u16(), 200);
        let mut text = String::new();
        assert!(
            read_until(&mut stream, &mut text, "\"queued\"").await,
            "{text}"
        );
        streams.push(stream);
        said.push(text);
    }
    // A third stream (a third tab) is over the cap of two: the oldest is told and closed.
    let mut third = browser.job_events(&id).await;
    let mut third_said = String::new();
    assert!(read_until(&mut third, &mut third_said, "\"queued\"").await);
    assert!(
        read_until(&mut streams[0], &mut said[0], "event: closed").await,
        "the oldest stream was not closed: {}",
        said[0]
    );
    assert!(said[0].contains("too_many_streams"), "{}", said[0]);
    assert!(ends(&mut streams[0]).await);

    // The two others still follow the job: a cancel reaches both, and ends them.
    let canceled = browser
        .submit("/generate", &format!("/jobs/{id}/cancel"), &[])
        .await;
    assert_eq!(canceled.status, 303, "{}", canceled.body);
    for (stream, text) in [
        (&mut streams[1], &mut said[1]),
        (&mut third, &mut third_said),
    ] {
        assert!(read_until(stream, text, "\"canceled\"").await, "{text}");
        assert!(ends(stream).await);
        assert!(!text.contains("event: closed"), "{text}");
    }
}

async fn a_change_made_on_another_node_reaches_the_stream(db: Db) {
    let app = TestApp::start(db).await;
    let mut browser = Browser::new(&app, "nocturne.test");
    browser.register("elsewhere@example.com", PASSWORD).await;
    let id = browser.queue_job("a bridge at dawn").await;
    let mut stream = browser.job_events(&id).await;
    let mut said = String::new();
    assert!(
        read_until(&mut stream, &mut said, "\"queued\"").await,
        "{said}"
    );

    // Canceled straight through the store, as another node would: this node hears nothing
    // of it, and its refresh of every watched job finds it.
    let user = user_by_email(&app, "nocturne", "elsewhere@example.com").await;
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant's user"));
    let job = JobId(id.parse().unwrap_or_else(|e| panic!("{id}: {e}")));
    let status = app
        .state
        .store
        .cancel_job(tenant, user.id, job, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(status, Some(JobStatus::Canceled));
    assert!(
        read_until(&mut stream, &mut said, "\"canceled\"").await,
        "{said}"
    );
    assert!(ends(&mut stream).await);
}
