//! Reading the upload: a multipart body with the form token, the mapping's fields and the
//! statement file, each kept only up to its cap (the rest is read and dropped, so the
//! browser, still sending, gets the answer).

use std::collections::HashMap;

use atelier_domain::payments::statement::MAX_STATEMENT_BYTES;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{header, StatusCode};

use super::UPLOAD_LIMIT_BYTES;

/// The form's file field.
pub(super) const FILE_FIELD: &str = "statement";

/// The text fields kept; anything else in the body is read past.
const TEXT_FIELDS: [&str; 10] = [
    "csrf_token",
    "bank",
    "date_column",
    "reference_column",
    "narration_column",
    "amounts",
    "credit_column",
    "debit_column",
    "amount_column",
    "direction_column",
];

/// The most of one text field kept: a column name is at most 100 characters, and one this
/// long is refused by the mapping's own check.
const TEXT_FIELD_BYTES: usize = 1024;

/// What the body held.
pub(super) struct Upload {
    /// The text fields, by name.
    pub fields: HashMap<String, String>,
    pub file: File,
    /// Whether the body was read to its end. When not, nothing in it can be trusted (its
    /// form token was perhaps never read), and `file` says why.
    pub complete: bool,
}

/// The statement file as it arrived.
pub(super) enum File {
    /// No file was chosen (a form without one, or a url-encoded body).
    Missing,
    Received(Vec<u8>),
    /// Larger than a statement may be; its bytes were dropped.
    TooLarge,
    /// The body ended early or could not be read as a form.
    Broken,
}

impl Upload {
    pub(super) fn token(&self) -> &str {
        self.fields.get("csrf_token").map_or("", String::as_str)
    }
}

/// Reads a statement upload: multipart as the form sends it; any other body is read as a
/// url-encoded form, which has fields but no file.
pub(super) async fn read(request: Request) -> Upload {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        });
    if multipart {
        match Multipart::from_request(request, &()).await {
            Ok(multipart) => read_multipart(multipart).await,
            Err(_) => Upload {
                fields: HashMap::new(),
                file: File::Broken,
                complete: false,
            },
        }
    } else {
        read_urlencoded(request).await
    }
}

async fn read_urlencoded(request: Request) -> Upload {
    let Ok(body) = axum::body::to_bytes(request.into_body(), UPLOAD_LIMIT_BYTES).await else {
        return Upload {
            fields: HashMap::new(),
            file: File::Broken,
            complete: false,
        };
    };
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    Upload {
        fields: pairs
            .into_iter()
            .filter(|(name, _)| TEXT_FIELDS.contains(&name.as_str()))
            .collect(),
        file: File::Missing,
        complete: true,
    }
}

/// Why a multipart body could not be read to its end.
fn broken_by(error: &axum::extract::multipart::MultipartError) -> File {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        File::TooLarge
    } else {
        File::Broken
    }
}

async fn read_multipart(mut multipart: Multipart) -> Upload {
    let mut fields = HashMap::new();
    let mut file = File::Missing;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                return Upload {
                    fields,
                    file: broken_by(&error),
                    complete: false,
                };
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = name == FILE_FIELD;
        let named_file = field.file_name().is_some_and(|n| !n.is_empty());
        let keep = if is_file {
            MAX_STATEMENT_BYTES
        } else if TEXT_FIELDS.contains(&name.as_str()) {
            TEXT_FIELD_BYTES
        } else {
            0
        };
        let mut bytes = Vec::new();
        let mut overflow = false;
        let read = loop {
            match field.chunk().await {
                Ok(Some(chunk)) => {
                    let room = keep.saturating_sub(bytes.len());
                    if chunk.len() > room {
                        overflow = true;
                    }
                    bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
                Ok(None) => break Ok(()),
                Err(error) => break Err(error),
            }
        };
        if let Err(error) = read {
            return Upload {
                fields,
                file: broken_by(&error),
                complete: false,
            };
        }
        if is_file {
            // A form without a chosen file still sends the field, nameless and empty.
            if overflow {
                file = File::TooLarge;
            } else if named_file || !bytes.is_empty() {
                file = File::Received(bytes);
            }
        } else if keep > 0 {
            fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Upload {
        fields,
        file,
        complete: true,
    }
}
