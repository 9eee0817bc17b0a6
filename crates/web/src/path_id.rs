//! Ids in request paths (`/jobs/{id}`), parsed once by an extractor into their domain
//! types, so a handler never holds an unparsed one. Text that is no id of the kind names
//! nothing: a page answers 404 and the API its JSON `not_found`, never a 500 or axum's
//! rejection text.

use atelier_domain::{ApiTokenId, ImageId, JobId, PaymentId, Slug, UserId};
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::Response;

/// The route's one path parameter as a `T`.
pub(crate) struct PathId<T>(pub T);

/// A domain value that can stand in a path.
pub(crate) trait FromPath: Sized {
    fn from_path(raw: &str) -> Option<Self>;
}

fn uuid(raw: &str) -> Option<uuid::Uuid> {
    uuid::Uuid::try_parse(raw).ok()
}

impl FromPath for JobId {
    fn from_path(raw: &str) -> Option<Self> {
        uuid(raw).map(JobId)
    }
}

impl FromPath for ImageId {
    fn from_path(raw: &str) -> Option<Self> {
        uuid(raw).map(ImageId)
    }
}

impl FromPath for UserId {
    fn from_path(raw: &str) -> Option<Self> {
        uuid(raw).map(UserId)
    }
}

impl FromPath for ApiTokenId {
    fn from_path(raw: &str) -> Option<Self> {
        uuid(raw).map(ApiTokenId)
    }
}

impl FromPath for PaymentId {
    fn from_path(raw: &str) -> Option<Self> {
        uuid(raw).map(PaymentId)
    }
}

impl FromPath for Slug {
    fn from_path(raw: &str) -> Option<Self> {
        Slug::parse(raw).ok()
    }
}

impl<S: Send + Sync, T: FromPath> FromRequestParts<S> for PathId<T> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        let raw = Path::<String>::from_request_parts(parts, state).await.ok();
        raw.and_then(|Path(raw)| T::from_path(&raw))
            .map(PathId)
            .ok_or_else(|| crate::error::not_found_at(parts.uri.path()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ids_of_the_kind_parse() {
        let id = "0190b2c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d";
        assert_eq!(
            JobId::from_path(id).map(|j| j.to_string()).as_deref(),
            Some(id)
        );
        for bad in [
            "",
            "42",
            "not-a-job",
            "0190b2c4-5e6f-7a8b-9c0d",
            "%00",
            "../admin",
        ] {
            assert!(JobId::from_path(bad).is_none(), "{bad}");
        }
        assert!(Slug::from_path("pixelforge").is_some());
        assert!(Slug::from_path("Not A Slug!").is_none());
    }
}
