//! Which of the site's jobs an admin is looking at: the filters and page in the query
//! string, read once into the store's [`JobFilter`], with a message beside each field that
//! does not read. The same view travels through a row's Cancel form, so a cancel returns
//! the admin to the list they were working through.

use atelier_domain::{msg, Email, IndiaDate, JobId, JobStatus, Lang, Timestamp};
use atelier_store::JobFilter;
use serde::Deserialize;

use crate::accounts::FormErrors;
use crate::admin::payments::parse_days;
use crate::cursor::{ListView, PageCursor};
use crate::pages::Page;
use crate::AppError;

/// Where the list is.
pub(crate) const JOBS_PATH: &str = "/admin/jobs";

/// The longest model id worth looking for: ids in `config/models.json` are short.
const MODEL_MAX_CHARS: usize = 100;

/// The list's query string (and a Cancel form's fields) as sent. Every field is text, so a
/// bad value is answered beside its field rather than with a rejection before the page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct JobsQuery {
    /// queued, running, succeeded, failed or canceled; empty for all.
    pub state: String,
    /// The account's email address, exactly.
    pub user: String,
    /// A model id.
    pub model: String,
    /// First and last day submitted, `YYYY-MM-DD` in India time.
    pub from: String,
    pub to: String,
    /// The last row of the previous page: `<created_ms>.<id>`.
    pub after: String,
    /// What a cancel just did, for the notice after its redirect.
    pub done: String,
}

/// What the filters select.
pub(crate) struct View {
    pub filter: JobFilter,
    pub after: Option<(Timestamp, JobId)>,
}

impl JobsQuery {
    /// The filters as the store takes them, or a message in the reader's language for each
    /// field that does not read. An address no account of the site uses is such a field:
    /// nothing could match it.
    pub(crate) async fn view(&self, page: &Page) -> Result<Result<View, FormErrors>, AppError> {
        let lang = page.lang;
        let mut errors = FormErrors::new();
        let status = match self.state.trim() {
            "" => None,
            raw => {
                let parsed = JobStatus::parse(raw);
                if parsed.is_none() {
                    errors.insert("state", msg!("admin-jobs-choose-state").in_lang(lang));
                }
                parsed
            }
        };
        let user = self.user(page, &mut errors).await?;
        let model = self.model.trim();
        if model.chars().count() > MODEL_MAX_CHARS || model.chars().any(char::is_control) {
            errors.insert("model", msg!("admin-jobs-choose-model").in_lang(lang));
        }
        let (from, to) = parse_days(&self.from, &self.to, &mut errors, lang);
        let after = parse_cursor(&self.after, lang)?;
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        Ok(Ok(View {
            filter: JobFilter {
                status,
                user,
                model: (!model.is_empty()).then(|| model.to_owned()),
                from: from.map(IndiaDate::start),
                until: to.map(IndiaDate::end),
            },
            after,
        }))
    }

    /// The account the `user` field names on this site, if it names one.
    async fn user(
        &self,
        page: &Page,
        errors: &mut FormErrors,
    ) -> Result<Option<atelier_domain::UserId>, AppError> {
        let raw = self.user.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        let email = match Email::parse(raw) {
            Ok(email) => email,
            Err(e) => {
                errors.insert("user", e.message.in_lang(page.lang));
                return Ok(None);
            }
        };
        let tenant = page.tenant()?.tenant.id;
        let found = page
            .state
            .store
            .find_credentials(Some(tenant), &email)
            .await?;
        if found.is_none() {
            let message = msg!("admin-jobs-no-such-user", email = email.as_str());
            errors.insert("user", message.in_lang(page.lang));
        }
        Ok(found.map(|(user, _)| user.id))
    }

    /// Whether any filter narrows the list.
    pub(crate) fn is_filtered(&self) -> bool {
        self.filter_pairs().iter().any(|(_, v)| !v.is_empty())
    }

    /// Whether this is a later page.
    pub(crate) fn is_paged(&self) -> bool {
        !self.after.trim().is_empty()
    }

    /// The filters and the page as (name, value) pairs with a value, for a row's form.
    pub(crate) fn view_fields(&self) -> Vec<(&'static str, String)> {
        self.view_pairs()
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.to_owned()))
            .collect()
    }
}

impl ListView for JobsQuery {
    const PATH: &'static str = JOBS_PATH;

    fn filter_pairs(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("state", self.state.trim()),
            ("user", self.user.trim()),
            ("model", self.model.trim()),
            ("from", self.from.trim()),
            ("to", self.to.trim()),
        ]
    }

    fn after(&self) -> &str {
        &self.after
    }

    fn after_mut(&mut self) -> &mut String {
        &mut self.after
    }
}

fn parse_cursor(raw: &str, lang: Lang) -> Result<Option<(Timestamp, JobId)>, AppError> {
    let damaged = msg!("admin-jobs-link-damaged").in_lang(lang);
    Ok(PageCursor::read(raw, &damaged)?.map(|cursor| cursor.key(JobId)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_travels_as_a_query_string() {
        let mut q = JobsQuery {
            state: "failed".into(),
            user: " asha@example.com ".into(),
            from: "2026-11-01".into(),
            ..JobsQuery::default()
        };
        assert!(q.is_filtered() && !q.is_paged());
        assert_eq!(
            q.filter_url(&[]),
            "/admin/jobs?state=failed&user=asha%40example.com&from=2026-11-01"
        );
        q.after = "1795773600000.0190b2c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d".into();
        assert!(q
            .view_url(&[("done", "canceled")])
            .ends_with("&after=1795773600000.0190b2c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d&done=canceled"));
        assert_eq!(q.view_fields().len(), 4);
        q.after = "yesterday".into();
        let q = q.with_readable_cursor();
        assert!(!q.is_paged());
        assert_eq!(
            q.view_url(&[]),
            "/admin/jobs?state=failed&user=asha%40example.com&from=2026-11-01"
        );
        assert_eq!(JobsQuery::default().filter_url(&[]), "/admin/jobs");
        assert!(!JobsQuery::default().is_filtered());
    }

    #[test]
    fn a_damaged_cursor_is_refused() {
        assert!(parse_cursor("yesterday", Lang::En).is_err());
        assert!(matches!(parse_cursor(" ", Lang::En), Ok(None)));
    }
}
