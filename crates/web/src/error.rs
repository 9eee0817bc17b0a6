//! One error policy: handlers return [`AppError`]; pages get a themed error page, and
//! server errors are logged inside the request span without reaching the visitor.

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use crate::tenancy::Site;
use crate::AppState;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Store(#[from] atelier_store::StoreError),
    #[error("template: {0:#}")]
    Template(#[from] minijinja::Error),
}

/// Attached to an error response so [`render_error_pages`] can dress it in the site's theme.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPage {
    pub title: &'static str,
    pub message: &'static str,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, page) = match &self {
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                ErrorPage {
                    title: "Page not found",
                    message: "We looked everywhere, but there is nothing at this address.",
                },
            ),
            AppError::Store(_) | AppError::Template(_) => {
                tracing::error!(error = %self, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorPage {
                        title: "Something went wrong",
                        message: "An unexpected error stopped this page. It has been logged; please try again in a moment.",
                    },
                )
            }
        };
        let mut response = (status, page.message).into_response();
        response.extensions_mut().insert(page);
        response
    }
}

/// Replaces the body of an error response with the site's themed error page.
pub(crate) async fn render_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let site = request.extensions().get::<Site>().cloned();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let (Some(page), Some(site)) = (response.extensions().get::<ErrorPage>().cloned(), site) else {
        return response;
    };
    let status = response.status();
    let ctx = minijinja::context! {
        status => status.as_u16(),
        title => page.title,
        message => page.message,
    };
    match crate::pages::render(&state, &site, "error.html", &path, ctx) {
        Ok(Html(body)) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(axum::http::header::CONTENT_LENGTH);
            parts.headers.insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("text/html; charset=utf-8"),
            );
            Response::from_parts(parts, axum::body::Body::from(body))
        }
        Err(e) => {
            tracing::error!(error = %e, "the error page itself failed to render");
            response
        }
    }
}
