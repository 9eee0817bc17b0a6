//! Which part of the desk an admin is looking at: the filters and page in the query string,
//! read once into the store's [`DeskFilter`], with a message for each field that does not
//! read. The same view travels through the Approve and Reject forms, so a decision returns
//! the admin to the list they were working through.

use atelier_domain::{msg, IndiaDate, Lang, PaymentId, PaymentState, Timestamp};
use atelier_store::{DeskFilter, DeskOrder};
use serde::Deserialize;

use crate::accounts::FormErrors;
use crate::cursor::{query_string, ListView, PageCursor};
use crate::AppError;

/// Where the desk is.
const DESK_PATH: &str = "/admin/payments";

/// The longest search worth running: an email address's length.
const QUERY_MAX_CHARS: usize = 254;

/// The desk's query string as sent. Every field is text, so a bad value is answered with a
/// message beside its field rather than a rejection before the page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DeskQuery {
    /// pending (the default), approved, rejected or all.
    pub state: String,
    /// A UTR, a reference or the start of an email address.
    pub q: String,
    /// First and last day submitted, `YYYY-MM-DD` in India time.
    pub from: String,
    pub to: String,
    /// The last row of the previous page: `<created_ms>.<id>`.
    pub after: String,
    /// The request just decided, for the notice after a decision.
    pub decided: String,
}

/// Which requests a state choice lists, and in which order: the waiting queue is worked
/// oldest first; decided requests are looked up newest first.
pub(crate) fn parse_state(raw: &str) -> Option<(Option<PaymentState>, DeskOrder)> {
    match raw.trim() {
        "" | "pending" => Some((Some(PaymentState::Pending), DeskOrder::OldestFirst)),
        "approved" => Some((Some(PaymentState::Approved), DeskOrder::NewestFirst)),
        "rejected" => Some((Some(PaymentState::Rejected), DeskOrder::NewestFirst)),
        "all" => Some((None, DeskOrder::NewestFirst)),
        _ => None,
    }
}

/// A range of days in India time, both ends optional; `to` not before `from`. Messages are
/// in `lang`.
pub(crate) fn parse_days(
    from: &str,
    to: &str,
    errors: &mut FormErrors,
    lang: Lang,
) -> (Option<IndiaDate>, Option<IndiaDate>) {
    let mut read = |field: &'static str, raw: &str| {
        if raw.trim().is_empty() {
            return None;
        }
        IndiaDate::parse(field, raw)
            .map_err(|e| errors.insert(e.field, e.message.in_lang(lang)))
            .ok()
    };
    let (from, to) = (read("from", from), read("to", to));
    if let (Some(first), Some(last)) = (from, to) {
        if last < first {
            let message = msg!(
                "admin-payments-days-backwards",
                last = last.to_string(),
                first = first.to_string()
            );
            errors.insert("to", message.in_lang(lang));
        }
    }
    (from, to)
}

/// What the filters select.
pub(crate) struct View {
    pub filter: DeskFilter,
    pub order: DeskOrder,
    pub after: Option<(Timestamp, PaymentId)>,
}

impl DeskQuery {
    /// The filters as the store takes them, or a message in `lang` for each field that
    /// does not read.
    pub(crate) fn view(&self, lang: Lang) -> Result<Result<View, FormErrors>, AppError> {
        let mut errors = FormErrors::new();
        let state = parse_state(&self.state);
        if state.is_none() {
            errors.insert("state", msg!("admin-payments-choose-state").in_lang(lang));
        }
        let query = self.q.trim();
        if query.chars().count() > QUERY_MAX_CHARS {
            errors.insert(
                "q",
                msg!("admin-payments-search-too-long", max = QUERY_MAX_CHARS).in_lang(lang),
            );
        } else if query.chars().any(char::is_control) {
            errors.insert("q", msg!("admin-payments-search-control").in_lang(lang));
        }
        let (from, to) = parse_days(&self.from, &self.to, &mut errors, lang);
        let after = parse_cursor(&self.after, lang)?;
        let Some((state, order)) = state.filter(|_| errors.is_empty()) else {
            return Ok(Err(errors));
        };
        Ok(Ok(View {
            filter: DeskFilter {
                state,
                query: (!query.is_empty()).then(|| query.to_owned()),
                from: from.map(IndiaDate::start),
                until: to.map(IndiaDate::end),
            },
            order,
            after,
        }))
    }

    /// Whether anything narrows the default list of waiting requests.
    pub(crate) fn is_filtered(&self) -> bool {
        !matches!(self.state.trim(), "" | "pending")
            || [&self.q, &self.from, &self.to]
                .iter()
                .any(|v| !v.trim().is_empty())
    }

    /// The filters and the page as a query string ("" when none), for the row's forms.
    pub(crate) fn view_string(&self) -> String {
        query_string(&self.view_pairs())
    }
}

impl ListView for DeskQuery {
    const PATH: &'static str = DESK_PATH;

    fn filter_pairs(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("state", self.state.trim()),
            ("q", self.q.trim()),
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

fn parse_cursor(raw: &str, lang: Lang) -> Result<Option<(Timestamp, PaymentId)>, AppError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    PageCursor::parse(raw)
        .map(|cursor| Some(cursor.key(PaymentId)))
        .ok_or_else(|| AppError::BadRequest(msg!("admin-payments-link-damaged").in_lang(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(state: &str, q: &str, from: &str, to: &str) -> DeskQuery {
        DeskQuery {
            state: state.into(),
            q: q.into(),
            from: from.into(),
            to: to.into(),
            ..DeskQuery::default()
        }
    }

    #[test]
    fn the_default_view_is_the_waiting_queue_oldest_first() {
        let Ok(Ok(view)) = query("", "", "", "").view(Lang::En) else {
            panic!("the default view did not read")
        };
        assert_eq!(view.filter.state, Some(PaymentState::Pending));
        assert_eq!(view.order, DeskOrder::OldestFirst);
        assert!(!query("pending", " ", "", "").is_filtered());
        let Ok(Ok(all)) = query("all", "", "", "").view(Lang::En) else {
            panic!("all did not read")
        };
        assert_eq!(
            (all.filter.state, all.order),
            (None, DeskOrder::NewestFirst)
        );
    }

    #[test]
    fn days_are_bounded_by_midnight_in_india() {
        let Ok(Ok(view)) = query("all", "", "2026-11-27", "2026-11-27").view(Lang::En) else {
            panic!("the days did not read")
        };
        // 2026-11-26T18:30:00Z to 2026-11-27T18:30:00Z.
        assert_eq!(view.filter.from, Some(Timestamp(1_795_717_800_000)));
        assert_eq!(view.filter.until, Some(Timestamp(1_795_804_200_000)));
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let Ok(Err(errors)) = query("maybe", "", "27/11/2026", "2026-02-30").view(Lang::En) else {
            panic!("bad fields were accepted")
        };
        assert_eq!(
            errors.keys().copied().collect::<Vec<_>>(),
            ["from", "state", "to"]
        );
        let Ok(Err(order)) = query("", "", "2026-11-28", "2026-11-27").view(Lang::En) else {
            panic!("a backwards range was accepted")
        };
        assert!(order["to"].contains("before the first"), "{}", order["to"]);
    }

    #[test]
    fn the_view_travels_as_a_query_string() {
        let mut q = query("all", "asha@", "2026-11-01", "");
        q.after = "1795773600000.0190b2c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d".into();
        assert_eq!(
            q.filter_url(&[]),
            "/admin/payments?state=all&q=asha%40&from=2026-11-01"
        );
        assert!(q
            .view_string()
            .ends_with("&after=1795773600000.0190b2c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d"));
        assert_eq!(DeskQuery::default().filter_url(&[]), "/admin/payments");
        assert_eq!(
            query("all", "", "", "").view_url(&[("decided", "x")]),
            "/admin/payments?state=all&decided=x"
        );
        assert!(matches!(
            q.view(Lang::En),
            Ok(Ok(View { after: Some(_), .. }))
        ));
        q.after = "yesterday".into();
        assert!(q.view(Lang::En).is_err());
        let q = q.with_readable_cursor();
        assert!(matches!(q.view(Lang::En), Ok(Ok(View { after: None, .. }))));
        assert_eq!(
            q.view_url(&[("decided", "x")]),
            "/admin/payments?state=all&q=asha%40&from=2026-11-01&decided=x"
        );
    }
}
