use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use atelier_config::{PublicScheme, Settings};
use atelier_domain::{msg, TenantId, Timestamp};
use hmac::{Hmac, Mac};
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use crate::auth::SessionHandle;
use crate::AppError;

/// The key that signs signed-out visitors' form tokens, so they need no database row: the
/// token sits in a cookie and in the form, and the server checks that both match and that
/// it made the token itself, for this site, not long ago (a signed double-submit token).
pub struct FormKey([u8; 32]);

impl FormKey {
    /// The key from the settings (`form_key`, the same on every node), else from
    /// `<data_dir>/form-token.key`, made on first start; when that file cannot be read or
    /// written, a key for this process alone (forms shown before a restart then ask the
    /// visitor to try again).
    pub fn from_settings(settings: &Settings) -> FormKey {
        if let Some(key) = &settings.form_key {
            return FormKey(Sha256::digest(key.expose_secret().as_bytes()).into());
        }
        let path = settings.data_dir.join("form-token.key");
        match Self::load_or_create(&path) {
            Ok(key) => key,
            Err(e) => {
                tracing::warn!(path = %path.display(), error = %e, "no form-token key file; using a key for this process only");
                // Never a key anyone could guess: a node without random bytes could not make
                // a session id either, so it stops here rather than sign forms with one.
                FormKey(atelier_domain::random_bytes::<32>().unwrap_or_else(|e| {
                    tracing::error!(error = %e, "no random bytes for a form-token key; stopping");
                    std::process::exit(1)
                }))
            }
        }
    }

    /// A key of fixed bytes, for unit tests elsewhere in the crate.
    #[cfg(test)]
    pub(crate) fn for_tests(bytes: [u8; 32]) -> FormKey {
        FormKey(bytes)
    }

    fn load_or_create(path: &std::path::Path) -> std::io::Result<FormKey> {
        let decode = |text: &str| {
            hex::decode(text.trim())
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
        };
        match std::fs::read_to_string(path) {
            Ok(text) => decode(&text).map(FormKey).ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, "not 64 hex digits")
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let bytes = atelier_domain::random_bytes::<32>()
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                match options.open(path) {
                    Ok(mut file) => {
                        std::io::Write::write_all(&mut file, hex::encode(bytes).as_bytes())?;
                        Ok(FormKey(bytes))
                    }
                    // Another process made it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        Self::load_or_create(path)
                    }
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    fn sign(&self, message: &str) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(message.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// A MAC of `message` for one `purpose` ("atelier checkout", ...): the key stays one
    /// secret, and a MAC made for one purpose never passes for another. Each caller names
    /// its own purpose, distinct from every other, and writes `message` so that no two
    /// different contents read the same (fixed fields, or an encoding with no separator
    /// inside it).
    pub(crate) fn sign_for(&self, purpose: &'static str, message: &str) -> String {
        self.sign(&format!("{purpose}\n{message}"))
    }

    /// Whether `mac` is what [`FormKey::sign_for`] makes of `message` for `purpose`.
    pub(crate) fn verify_for(&self, purpose: &'static str, message: &str, mac: &str) -> bool {
        same_secret(mac, &self.sign_for(purpose, message))
    }

    fn mac(&self, site: Option<TenantId>, issued: Timestamp, nonce: &str) -> String {
        let site = site.map_or_else(|| "platform".to_owned(), |t| t.to_string());
        self.sign(&format!(
            "atelier form token\n{site}\n{}\n{nonce}",
            issued.millis()
        ))
    }

    /// A new known-device cookie for a browser that just signed in to `account` (the
    /// throttles' name for it): `device.mac`, a random device id that only the server can
    /// vouch for. Each browser has its own, with its own sign-in limit.
    pub(crate) fn known_device(&self, account: &str) -> Result<String, AppError> {
        let device = hex::encode(
            atelier_domain::random_bytes::<16>().map_err(|e| AppError::Internal(e.to_string()))?,
        );
        Ok(format!("{device}.{}", self.device_mac(account, &device)))
    }

    fn device_mac(&self, account: &str, device: &str) -> String {
        self.sign(&format!("atelier known device\n{account}\n{device}"))
    }

    /// The device id, when `cookie` says this browser signed in to `account` before.
    pub(crate) fn known_device_of<'c>(
        &self,
        cookie: Option<&'c str>,
        account: &str,
    ) -> Option<&'c str> {
        let (device, mac) = cookie?.split_once('.')?;
        same_secret(mac, &self.device_mac(account, device)).then_some(device)
    }

    /// A new token for a signed-out visitor of `site`: `issued.nonce.mac`.
    pub(crate) fn mint(&self, site: Option<TenantId>, now: Timestamp) -> Result<String, AppError> {
        let nonce = hex::encode(
            atelier_domain::random_bytes::<16>().map_err(|e| AppError::Internal(e.to_string()))?,
        );
        let mac = self.mac(site, now, &nonce);
        Ok(format!("{}.{nonce}.{mac}", now.millis()))
    }

    /// Whether `token` was made by this key for `site` and is younger than `lifetime_ms`.
    pub(crate) fn verify(
        &self,
        token: &str,
        site: Option<TenantId>,
        now: Timestamp,
        lifetime_ms: i64,
    ) -> bool {
        let mut parts = token.splitn(3, '.');
        let (Some(issued), Some(nonce), Some(mac)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let Ok(issued) = issued.parse::<i64>() else {
            return false;
        };
        let fresh = issued <= now.millis() && now.millis() - issued < lifetime_ms;
        fresh && same_secret(mac, &self.mac(site, Timestamp(issued), nonce))
    }
}

/// The cookie that carries a signed-out visitor's form token; on HTTPS sites a `__Host-`
/// name, so a sibling sub-domain cannot plant one.
pub(crate) fn form_cookie_name(scheme: PublicScheme) -> &'static str {
    match scheme {
        PublicScheme::Https => "__Host-atelier_form",
        PublicScheme::Http => "atelier_form",
    }
}

/// Middleware: a state-changing request must come from a page of this very host. Browsers
/// say where a request comes from (`Sec-Fetch-Site`, else `Origin`); same-site is not
/// enough, since tenants' sub-domains of one base domain are same-site to each other.
pub(crate) async fn same_origin_only(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let allowed = match fetch_site {
        Some(site) => site == "same-origin",
        None => match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                let origin_host = origin.split_once("://").map_or("", |(_, rest)| rest);
                !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
            }
            // Neither header: not a modern browser's cross-site request; the form token
            // still has to match.
            None => true,
        },
    };
    if allowed {
        next.run(request).await
    } else {
        AppError::CrossSiteRequest.into_response()
    }
}

/// The known-device cookie's name; on HTTPS sites a `__Host-` name.
pub(crate) fn known_device_cookie_name(scheme: PublicScheme) -> &'static str {
    match scheme {
        PublicScheme::Https => "__Host-atelier_device",
        PublicScheme::Http => "atelier_device",
    }
}

/// The value of the cookie `name` in a request's `Cookie` headers.
pub(crate) fn request_cookie<'a>(
    headers: &'a axum::http::HeaderMap,
    name: &str,
) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .and_then(|c| c.value_raw())
        .filter(|v| !v.is_empty())
}

/// Whether a sent token equals the session's, in time that does not depend on where they
/// first differ (the length is not secret: every token has the same).
fn same_secret(sent: &str, expected: &str) -> bool {
    sent.as_bytes().ct_eq(expected.as_bytes()).into()
}

/// Whether `sent` (a form's `csrf_token` field) is the session's token, `expected`. Forms
/// read by hand (a multipart upload) check their token with this, as [`CsrfForm`] does.
pub(crate) fn check_form_token(expected: Option<&str>, sent: &str) -> Result<(), AppError> {
    match expected {
        Some(expected) if same_secret(sent, expected) => Ok(()),
        _ => Err(AppError::CsrfTokenMismatch),
    }
}

#[derive(Deserialize, Default)]
struct TokenField {
    #[serde(default)]
    csrf_token: String,
}

/// A form whose hidden `csrf_token` field matched the session's token. A missing or wrong
/// token is refused with 403 before the handler runs, so nothing changes.
pub(crate) struct CsrfForm<T>(pub T);

impl<S, T> FromRequest<S> for CsrfForm<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
    crate::AppState: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let session = request.extensions().get::<SessionHandle>();
        let expected = session.and_then(SessionHandle::csrf_token);
        // Known before the body is taken, for a form that cannot be read.
        let lang = request
            .extensions()
            .get::<crate::tenancy::Site>()
            .map(|site| {
                let user = session.and_then(SessionHandle::user);
                crate::language::of_site(
                    &crate::AppState::from_ref(state),
                    site,
                    user.as_ref(),
                    request.headers(),
                )
            });
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        let sent: TokenField = serde_urlencoded::from_bytes(&body).unwrap_or_default();
        check_form_token(expected.as_deref(), &sent.csrf_token)?;
        serde_urlencoded::from_bytes(&body)
            .map(CsrfForm)
            .map_err(|e| {
                let message = msg!("errors-form-unreadable", detail = e.to_string());
                AppError::BadRequest(message.in_lang(lang.unwrap_or(atelier_domain::Lang::En)))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_tokens_hold_for_their_site_and_lifetime_only() {
        let key = FormKey([7; 32]);
        let site = Some(TenantId(uuid::Uuid::now_v7()));
        let now = Timestamp(1_795_773_600_000);
        let token = key.mint(site, now).unwrap_or_else(|e| panic!("{e}"));
        let hour = 3_600_000;
        assert!(key.verify(&token, site, now, hour));
        assert!(key.verify(&token, site, now.plus_millis(hour - 1), hour));
        assert!(
            !key.verify(&token, site, now.plus_millis(hour), hour),
            "expired"
        );
        assert!(!key.verify(&token, None, now, hour), "another site");
        assert!(
            !FormKey([8; 32]).verify(&token, site, now, hour),
            "another key"
        );
        let forged = format!("{}x", &token[..token.len() - 1]);
        assert!(!key.verify(&forged, site, now, hour));
        assert!(!key.verify("", site, now, hour));
        assert_ne!(key.mint(site, now).ok(), Some(token), "each token is new");
    }

    #[test]
    fn a_mac_holds_for_its_own_purpose_and_message_only() {
        let key = FormKey([7; 32]);
        let mac = key.sign_for("atelier checkout", "pack 1");
        assert!(key.verify_for("atelier checkout", "pack 1", &mac));
        assert!(!key.verify_for("atelier checkout", "pack 2", &mac));
        assert!(!key.verify_for("atelier known device", "pack 1", &mac));
        assert!(!FormKey([8; 32]).verify_for("atelier checkout", "pack 1", &mac));
        assert!(!key.verify_for("atelier checkout", "pack 1", ""));
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }
}
