//! A page's query string, read into `T`. axum's own `Query` answers a query string it
//! cannot read (a field given twice, a number that is not one) with a plain-text 400 in
//! serde's words; a page answers with the site's themed error page instead, in words a
//! person can act on. Fields that can be wrong in everyday use are best kept as text and
//! checked by the handler, which can say which one; this catches what is left.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::AppError;

/// What a page says about an address whose query string does not read.
pub(crate) const DAMAGED_ADDRESS: &str = "This page's address has a damaged or repeated part, \
     so we could not tell what to show. Open the page again from its link or menu.";

/// The request's query string as a `T`.
pub(crate) struct PageQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for PageQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(PageQuery(value)),
            Err(rejection) => {
                tracing::debug!(error = %rejection, "a page's query string did not read");
                Err(AppError::BadRequest(DAMAGED_ADDRESS.to_owned()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;
    use serde::Deserialize;

    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct Filters {
        state: String,
    }

    async fn read(uri: &str) -> Result<String, AppError> {
        let (mut parts, ()) = Request::get(uri)
            .body(())
            .unwrap_or_else(|e| panic!("{e}"))
            .into_parts();
        PageQuery::<Filters>::from_request_parts(&mut parts, &())
            .await
            .map(|PageQuery(f)| f.state)
    }

    #[tokio::test]
    async fn a_repeated_field_is_a_bad_request_in_plain_words() {
        assert_eq!(read("/x?state=all").await.ok().as_deref(), Some("all"));
        assert_eq!(read("/x").await.ok().as_deref(), Some(""));
        match read("/x?state=pending&state=all").await {
            Err(AppError::BadRequest(message)) => assert_eq!(message, DAMAGED_ADDRESS),
            other => panic!(
                "a repeated field was read: {:?}",
                other.map_err(|e| e.to_string())
            ),
        }
    }
}
