//! What a real ComfyUI cannot be made to do on demand, on the fake: unreachable servers,
//! failing posts, interrupts ignored, nodes that raise, sockets that drop.

use std::sync::Arc;
use std::time::Duration;

use atelier_comfyui_fake::RuntimeFailure;
use atelier_worker::{Backend, ComfyUiBackend, RenderError};

use crate::support::*;

/// A URL where nothing listens: a port that was free a moment ago.
async fn dead_url() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let address = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    drop(listener);
    format!("http://{address}")
}

fn quick() -> atelier_worker::RenderSpec {
    spec(Some(model_free(16, 16, fresh_colour(), &fresh_prefix())))
}

#[tokio::test]
async fn no_comfyui_to_connect_to_is_worth_another_try() {
    let backend = ComfyUiBackend::new([dead_url().await]).unwrap_or_else(|e| panic!("{e}"));
    let error = Watch::default()
        .render(&backend, &quick())
        .await
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert!(error.retryable && !error.unhealthy, "{error:?}");
    assert!(
        error.message.starts_with("cannot reach ComfyUI"),
        "{error:?}"
    );
    assert!(backend.check().await.is_err());
}

#[tokio::test]
async fn a_comfyui_in_trouble_is_worth_another_try() {
    let server = Server::fake().await;
    let backend = server.backend();
    server.knobs().fail_next_prompts(1);
    let error = Watch::default()
        .render(&backend, &quick())
        .await
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert!(error.retryable && !error.unhealthy, "{error:?}");
    assert!(error.message.contains("HTTP 500"), "{error:?}");
    assert!(Watch::default().render(&backend, &quick()).await.is_ok());
}

#[tokio::test]
async fn a_workflow_is_needed() {
    let server = Server::fake().await;
    let error = Watch::default()
        .render(&server.backend(), &spec(None))
        .await
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert!(!error.retryable);
    assert_eq!(server.knobs().prompts_received(), 0);
}

#[tokio::test]
async fn a_comfyui_that_ignores_the_interrupt_makes_the_machine_unwell() {
    let server = Server::fake().await;
    server.knobs().ignore_interrupts(true);
    let mut backend = server.backend();
    backend.interrupt_grace = Duration::from_millis(300);
    let prefix = fresh_prefix();
    let watch = Watch::default();
    let render = spawn_render(
        Arc::new(backend),
        spec(Some(server.slow_workflow(&prefix))),
        watch.clone(),
    );
    server
        .wait_for_queue(|q| q.running(&prefix).is_some())
        .await;
    watch.stop.cancel();
    let error = within(render)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert!(error.unhealthy, "{error:?}");
    assert!(
        error.message.starts_with("ComfyUI did not stop"),
        "{error:?}"
    );
    assert!(server.knobs().interrupts_received() >= 1);
    assert!(server.knobs().queue().running.is_some());
}

#[tokio::test]
async fn a_node_that_fails_fails_the_render_for_good_unless_memory_ran_out() {
    let server = Server::fake().await;
    let backend = server.backend();
    server
        .knobs()
        .fail_node(Some(RuntimeFailure::new("SaveImage", "disk full")));
    let error = Watch::default()
        .render(&backend, &quick())
        .await
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert_eq!(
        error,
        RenderError::permanent("ComfyUI failed in SaveImage: disk full")
    );
    server
        .knobs()
        .fail_node(Some(RuntimeFailure::out_of_memory("KSampler")));
    let error = Watch::default()
        .render(&backend, &spec(Some(sd_workflow(2, &fresh_prefix()))))
        .await
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert!(error.retryable && !error.unhealthy, "{error:?}");
    assert!(
        error.message.contains("out of memory in KSampler"),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_interrupt_from_comfyuis_own_page_is_worth_another_try() {
    let server = Server::fake().await;
    let prefix = fresh_prefix();
    let render = spawn_render(
        Arc::new(server.backend()),
        spec(Some(server.slow_workflow(&prefix))),
        Watch::default(),
    );
    server
        .wait_for_queue(|q| q.running(&prefix).is_some())
        .await;
    server.post("/interrupt", serde_json::json!({})).await;
    let error = within(render)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .err()
        .unwrap_or_else(|| panic!("rendered"));
    assert!(error.retryable && !error.unhealthy, "{error:?}");
}

#[tokio::test]
async fn renders_take_turns_and_pass_over_a_server_that_is_down() {
    let (a, b) = (Server::fake().await, Server::fake().await);
    let both = ComfyUiBackend::new([&a.url, &b.url]).unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..4 {
        assert!(Watch::default().render(&both, &quick()).await.is_ok());
    }
    assert_eq!(
        (a.knobs().prompts_received(), b.knobs().prompts_received()),
        (2, 2)
    );
    let dead = dead_url().await;
    let one_down = ComfyUiBackend::new([&dead, &a.url]).unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..3 {
        let png = Watch::default().render(&one_down, &quick()).await;
        assert!(png.is_ok(), "{png:?}");
    }
    assert_eq!(a.knobs().prompts_received(), 5);
    // Ready while one server answers.
    assert_eq!(one_down.check().await, Ok(()));
}

#[tokio::test]
async fn a_dropped_socket_is_replaced_by_reading_the_history() {
    let server = Server::fake().await;
    // Each node would take an hour: the prompt cannot end before the socket is gone.
    server.knobs().set_node_delay(Duration::from_secs(3600));
    let mut backend = server.backend();
    backend.poll_every = Duration::from_millis(50);
    let prefix = fresh_prefix();
    let render = spawn_render(
        Arc::new(backend),
        spec(Some(model_free(20, 10, fresh_colour(), &prefix))),
        Watch::default(),
    );
    server
        .wait_for_queue(|q| q.running(&prefix).is_some())
        .await;
    server.knobs().close_sockets();
    within(async {
        while server.knobs().sockets() > 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
    // The socket went while the prompt still ran: only the history can tell the render
    // that it ended.
    assert!(server.knobs().queue().running.is_some());
    server.knobs().set_node_delay(Duration::ZERO);
    let png = within(render)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(size_of(&png), (20, 10));
}
