//! The layers every response passes through: request ids and tracing, panics turned into
//! 500s, a request timeout, a body size limit, one `Host` header only, compression,
//! security headers (and HSTS on HTTPS sites), and the API's JSON errors.

use std::time::Duration;

use atelier_config::{PublicScheme, Settings};
use axum::extract::Request as AxumRequest;
use axum::http::{header, HeaderName, HeaderValue, Request, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// No inline script or style anywhere; images only from this site; no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
    object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// HSTS for a year. Not `includeSubDomains`: a reseller's own domain may carry other sites of
/// theirs on its sub-domains, which Atelier must not force onto https.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// Middleware: a request with more than one `Host` header is refused (400) before anything
/// reads it, so no two parts of the stack (or a proxy in front) can disagree on the site.
async fn one_host_only(request: AxumRequest, next: Next) -> Response {
    if request
        .headers()
        .get_all(header::HOST)
        .iter()
        .nth(1)
        .is_some()
    {
        return (
            StatusCode::BAD_REQUEST,
            "Bad request: more than one Host header.\n",
        )
            .into_response();
    }
    next.run(request).await
}

/// Middleware: caps the request body at `limit` bytes, or at a larger upload's own cap on the
/// few routes that take one. A body announced larger (Content-Length) is refused with 413
/// before anything reads it; a body that turns out larger fails the extractor reading it.
/// An admin's upload route is not refused up front: its handler reads what arrives, up to
/// its cap, and answers with its form and a message saying how large a file may be. A
/// worker's image upload has its own cap (`jobs.worker_upload_bytes`), enforced like the
/// usual one.
async fn limit_body(
    request: AxumRequest,
    next: Next,
    limit: usize,
    worker_upload: usize,
) -> Response {
    let (method, path) = (request.method(), request.uri().path());
    let form_upload = crate::admin::upload_limit(method, path);
    let form_upload = form_upload.or_else(|| crate::admin::logo_upload_limit(method, path));
    let limit = crate::worker_api::upload_limit(method, path, worker_upload).unwrap_or(limit);
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if form_upload.is_none() && announced.is_some_and(|length| length > limit as u64) {
        return (StatusCode::PAYLOAD_TOO_LARGE, "length limit exceeded").into_response();
    }
    let (parts, body) = request.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(
        body,
        form_upload.unwrap_or(limit),
    ));
    next.run(AxumRequest::from_parts(parts, body)).await
}

/// Pages and API answers are written in the reader's language, chosen from
/// `Accept-Language` and the language cookie (and the session, itself a cookie): a cache in
/// front must keep one copy per value of those, or it serves one reader's language to another.
pub(crate) async fn vary_by_reader(response: axum::response::Response) -> axum::response::Response {
    let mut response = response;
    let readable = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    if readable {
        response.headers_mut().append(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
    }
    response
}

pub(crate) fn apply(router: Router, settings: &Settings) -> Router {
    let body_limit = settings.http.body_limit_bytes;
    let worker_upload = usize::try_from(settings.jobs.worker_upload_bytes).unwrap_or(usize::MAX);
    let security_headers = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
        ));

    let https = settings.public_scheme == PublicScheme::Https;
    let hsts = https.then(|| {
        SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        )
    });

    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                    let request_id = request
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("");
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path(),
                        request_id,
                    )
                }),
            )
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(CatchPanicLayer::new())
            .layer(security_headers)
            .option_layer(hsts)
            .layer(CompressionLayer::new())
            .layer(from_fn(crate::api::api_answers))
            .layer(from_fn(one_host_only))
            .layer(from_fn(move |request, next| {
                limit_body(request, next, body_limit, worker_upload)
            }))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                Duration::from_secs(settings.http.request_timeout_secs),
            )),
    )
}
