//! The request's session as handlers see it ([`SessionHandle`]): who is signed in, the form
//! token, signing in and out. `load.rs` finds it before the handler and sends the cookie
//! back after.

mod load;

use std::sync::{Arc, Mutex};

use atelier_domain::{SecretToken, TenantId, User};
use atelier_store::SessionRecord;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

pub(crate) use self::load::load_session;
use crate::{AppError, AppState};

/// What the response must do to the session cookie.
#[derive(Debug)]
enum CookieChange {
    Keep,
    /// The new session's id: its `Debug` shows no value.
    Set {
        token: SecretToken,
        max_age_secs: i64,
    },
    Clear,
}

/// The session found and the cookie change pending, shared by the handle's clones (the
/// handler's and the middleware's).
struct Slot {
    record: Option<SessionRecord>,
    change: CookieChange,
    /// A signed-out visitor's new form token, sent back in its own cookie.
    new_form_token: Option<String>,
}

/// Names the account and the pending cookie change, never the session's hash or form token.
impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let user = self
            .record
            .as_ref()
            .and_then(|r| r.user.as_ref())
            .map(|u| u.id);
        f.debug_struct("Slot")
            .field("session", &self.record.is_some())
            .field("user", &user)
            .field("change", &self.change)
            .field("new_form_token", &self.new_form_token.is_some())
            .finish()
    }
}

/// The request's session: who is signed in, the form token, and changes to send back.
#[derive(Debug, Clone)]
pub struct SessionHandle {
    tenant: Option<TenantId>,
    /// A request that takes an API token and no cookie (the JSON API, or an image asked
    /// for with a token): the account, if any, is the token's; no form token, no cookie.
    bearer: bool,
    /// A signed-out visitor's form token from its cookie, already checked as ours.
    form_token: Option<String>,
    slot: Arc<Mutex<Slot>>,
}

/// Sessions last seen before this have ended for being idle.
pub(crate) fn idle_since(
    state: &AppState,
    now: atelier_domain::Timestamp,
) -> atelier_domain::Timestamp {
    atelier_domain::Timestamp(now.millis() - hours_ms(state.settings.sessions.idle_hours))
}

/// A lifetime from the settings, in hours, as milliseconds.
fn hours_ms(hours: u64) -> i64 {
    i64::try_from(hours).unwrap_or(i64::MAX / 3_600_000) * 3_600_000
}

impl SessionHandle {
    fn new(tenant: Option<TenantId>, record: Option<SessionRecord>) -> Self {
        Self {
            tenant,
            bearer: false,
            form_token: None,
            slot: Arc::new(Mutex::new(Slot {
                record,
                change: CookieChange::Keep,
                new_form_token: None,
            })),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut Slot) -> R) -> R {
        let mut slot = self
            .slot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut slot)
    }

    pub fn user(&self) -> Option<User> {
        self.with(|s| s.record.as_ref().and_then(|r| r.user.clone()))
    }

    /// The token a form must carry: the session's, else (signed out) the one in the
    /// visitor's form-token cookie, or the one this response gives it.
    pub fn csrf_token(&self) -> Option<String> {
        if self.bearer {
            return None;
        }
        self.with(|s| {
            s.record
                .as_ref()
                .map(|r| r.csrf_token.clone())
                .or_else(|| self.form_token.clone())
                .or_else(|| s.new_form_token.clone())
        })
    }

    /// Whether the account came from an API token (the JSON API's only way in), never
    /// from a cookie.
    pub fn is_bearer(&self) -> bool {
        self.bearer
    }

    pub fn id_hash(&self) -> Option<String> {
        self.with(|s| s.record.as_ref().map(|r| r.id_hash.clone()))
    }

    /// The form token. A signed-out visitor without one gets a signed token in a cookie
    /// of its own: no database row, however many visitors only look.
    pub async fn ensure_csrf_token(&self, state: &AppState) -> Result<String, AppError> {
        if let Some(token) = self.csrf_token() {
            return Ok(token);
        }
        let token = state.form_key.mint(self.tenant, state.clock.now())?;
        self.with(|s| s.new_form_token = Some(token.clone()));
        Ok(token)
    }

    /// Signs `user` in with a brand-new session id (the old one, if any, is deleted), so a
    /// session id planted before sign-in is worthless after it.
    pub async fn sign_in(&self, state: &AppState, user: &User) -> Result<(), AppError> {
        if let Some(old) = self.id_hash() {
            state.store.delete_session(&old).await?;
        }
        let hours = state.settings.sessions.absolute_hours;
        self.start(state, Some(user.clone()), hours).await?;
        Ok(())
    }

    pub async fn sign_out(&self, state: &AppState) -> Result<(), AppError> {
        if let Some(old) = self.id_hash() {
            state.store.delete_session(&old).await?;
        }
        self.with(|s| {
            s.record = None;
            s.change = CookieChange::Clear;
        });
        Ok(())
    }

    async fn start(
        &self,
        state: &AppState,
        user: Option<User>,
        lifetime_hours: u64,
    ) -> Result<String, AppError> {
        let token = SecretToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
        let csrf = SecretToken::generate().map_err(|e| AppError::Internal(e.to_string()))?;
        let now = state.clock.now();
        let lifetime = hours_ms(lifetime_hours);
        let id_hash = token.hash();
        state
            .store
            .create_session(
                &id_hash,
                self.tenant,
                user.as_ref().map(|u| u.id),
                csrf.expose(),
                now.plus_millis(lifetime),
                now,
            )
            .await?;
        let csrf_token = csrf.expose().to_owned();
        self.with(|s| {
            s.record = Some(SessionRecord {
                id_hash,
                csrf_token: csrf_token.clone(),
                user,
                last_seen_at: now,
            });
            s.change = CookieChange::Set {
                token,
                max_age_secs: lifetime / 1000,
            };
        });
        Ok(csrf_token)
    }
}

/// The signed-in account; signed-out visitors are sent to the sign-in page.
pub(crate) struct CurrentUser(pub User);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        parts
            .extensions
            .get::<SessionHandle>()
            .and_then(SessionHandle::user)
            .map(CurrentUser)
            .ok_or_else(|| Redirect::to("/login").into_response())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for SessionHandle {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts
            .extensions
            .get::<SessionHandle>()
            .cloned()
            .ok_or_else(|| AppError::Internal("session layer missing".to_owned()))
    }
}
