//! A page's query string, read into `T`. axum's own `Query` answers a query string it
//! cannot read (a field given twice, a number that is not one) with a plain-text 400 in
//! serde's words; a page answers with the site's themed error page instead, in words a
//! person can act on, in their language. Fields that can be wrong in everyday use are best
//! kept as text and checked by the handler, which can say which one; this catches what is
//! left.

use atelier_domain::{msg, Lang};
use axum::extract::{FromRef, FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::auth::SessionHandle;
use crate::tenancy::Site;
use crate::{AppError, AppState};

/// The request's query string as a `T`.
pub(crate) struct PageQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for PageQuery<T>
where
    S: Send + Sync,
    AppState: FromRef<S>,
    T: DeserializeOwned,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(PageQuery(value)),
            Err(rejection) => {
                tracing::debug!(error = %rejection, "a page's query string did not read");
                let lang = reader_language(parts, &AppState::from_ref(state));
                Err(damaged_address(lang))
            }
        }
    }
}

/// What a page says about an address whose query string does not read.
fn damaged_address(lang: Lang) -> AppError {
    AppError::BadRequest(msg!("jobs-address-damaged").in_lang(lang))
}

/// The reader's language, as a page would have it (see [`crate::language`]).
fn reader_language(parts: &Parts, state: &AppState) -> Lang {
    match parts.extensions.get::<Site>() {
        Some(site) => {
            let user = parts
                .extensions
                .get::<SessionHandle>()
                .and_then(SessionHandle::user);
            crate::language::of_site(state, site, user.as_ref(), &parts.headers)
        }
        None => Lang::En,
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

    /// The query of `uri` as the extractor reads it, or whether it was refused.
    async fn read(uri: &str) -> Option<String> {
        let (mut parts, ()) = Request::get(uri)
            .body(())
            .unwrap_or_else(|e| panic!("{e}"))
            .into_parts();
        Query::<Filters>::from_request_parts(&mut parts, &())
            .await
            .ok()
            .map(|Query(f)| f.state)
    }

    #[tokio::test]
    async fn a_repeated_field_is_a_bad_request_in_plain_words() {
        assert_eq!(read("/x?state=all").await.as_deref(), Some("all"));
        assert_eq!(read("/x").await.as_deref(), Some(""));
        assert_eq!(read("/x?state=pending&state=all").await, None);
        for (lang, words) in [
            (
                Lang::En,
                "This page's address has a damaged or repeated part",
            ),
            (Lang::Hi, "इस पन्ने के पते का कोई हिस्सा खराब है"),
        ] {
            match damaged_address(lang) {
                AppError::BadRequest(message) => assert!(message.starts_with(words), "{message}"),
                other => panic!("not a bad request: {other}"),
            }
        }
    }
}
