//! Keyset pages of payment requests: where a page ends travels in its "Next" link as the
//! last row's submission time and id (`after=<millis>.<uuid>`), so a page never skips or
//! repeats a row when requests arrive meanwhile, and nothing counts or offsets the table.
//! Shared by every list of payment requests, and the links that carry a list's filters.

use std::fmt;

use atelier_domain::{PaymentId, Timestamp};
use atelier_store::PaymentRecord;

/// Where a page of payment requests ends: its last row's submission time and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageCursor {
    pub at: Timestamp,
    pub id: PaymentId,
}

impl PageCursor {
    /// The cursor after `record`, the last row shown.
    pub(crate) fn after(record: &PaymentRecord) -> PageCursor {
        PageCursor {
            at: record.created_at,
            id: record.id,
        }
    }

    /// Reads `<millis>.<uuid>`; `None` for anything else.
    pub(crate) fn parse(raw: &str) -> Option<PageCursor> {
        let (millis, id) = raw.trim().split_once('.')?;
        let millis = millis.parse::<i64>().ok()?;
        let id = uuid::Uuid::try_parse(id).ok()?;
        Some(PageCursor {
            at: Timestamp(millis),
            id: PaymentId(id),
        })
    }

    /// The cursor as the store's keyset takes it.
    pub(crate) fn key(self) -> (Timestamp, PaymentId) {
        (self.at, self.id)
    }
}

impl fmt::Display for PageCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.at.millis(), self.id)
    }
}

/// `pairs` as a query string, those with an empty value left out ("" when none is left).
pub(crate) fn query_string(pairs: &[(&str, &str)]) -> String {
    let kept: Vec<(&str, &str)> = pairs
        .iter()
        .copied()
        .filter(|(_, value)| !value.is_empty())
        .collect();
    serde_urlencoded::to_string(kept).unwrap_or_default()
}

/// `path` with `pairs` as its query string (see [`query_string`]).
pub(crate) fn page_url(path: &str, pairs: &[(&str, &str)]) -> String {
    match query_string(pairs) {
        query if query.is_empty() => path.to_owned(),
        query => format!("{path}?{query}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_nonsense_is_refused() {
        let id = uuid::Uuid::now_v7();
        let cursor = PageCursor::parse(&format!(" 1795773600000.{id} "));
        assert_eq!(
            cursor.map(PageCursor::key),
            Some((Timestamp(1_795_773_600_000), PaymentId(id)))
        );
        assert_eq!(
            cursor.map(|c| c.to_string()),
            Some(format!("1795773600000.{id}"))
        );
        for bad in [
            "",
            "1795773600000",
            "x.y",
            "yesterday",
            &format!("abc.{id}"),
            "12.not-a-uuid",
        ] {
            assert_eq!(PageCursor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn urls_leave_out_empty_values_and_encode_the_rest() {
        assert_eq!(page_url("/admin/payments", &[]), "/admin/payments");
        assert_eq!(
            page_url("/admin/payments", &[("state", ""), ("q", "asha@")]),
            "/admin/payments?q=asha%40"
        );
        assert_eq!(
            page_url(
                "/platform/payments",
                &[("tenant", "pixelforge"), ("state", "pending")]
            ),
            "/platform/payments?tenant=pixelforge&state=pending"
        );
        assert_eq!(query_string(&[("after", "")]), "");
    }
}
