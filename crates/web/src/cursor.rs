//! Keyset pages, newest first: where a page ends travels in its "Older" link as the last
//! row's creation time and id (`<millis>.<uuid>`), so a page never skips or repeats a row
//! when rows arrive meanwhile, and nothing counts or offsets the table. One cursor serves
//! every list (payments, jobs, credit history, accounts); each caller turns its uuid into
//! its own id type. Also the links that carry a list's filters.

use std::fmt;

use atelier_domain::Timestamp;
use serde::Serialize;
use uuid::Uuid;

use crate::AppError;

/// Where a page ends: its last row's creation time and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageCursor {
    pub at: Timestamp,
    pub id: Uuid,
}

impl PageCursor {
    /// The cursor after a row created at `at` with id `id`, the last row shown.
    pub(crate) fn new(at: Timestamp, id: Uuid) -> PageCursor {
        PageCursor { at, id }
    }

    /// Reads `<millis>.<uuid>`; `None` for anything else.
    pub(crate) fn parse(raw: &str) -> Option<PageCursor> {
        let (millis, id) = raw.trim().split_once('.')?;
        let millis = millis.parse::<i64>().ok()?;
        let id = Uuid::try_parse(id).ok()?;
        Some(PageCursor {
            at: Timestamp(millis),
            id,
        })
    }

    /// A page's cursor from its query string: `None` for the first page (nothing given),
    /// a 400 saying `damaged` for anything that does not read.
    pub(crate) fn read(raw: &str, damaged: &str) -> Result<Option<PageCursor>, AppError> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        PageCursor::parse(raw)
            .map(Some)
            .ok_or_else(|| AppError::BadRequest(damaged.to_owned()))
    }

    /// The cursor as the store's keyset takes it, its id made an `I` by `id` (the id
    /// type's constructor, such as `PaymentId`).
    pub(crate) fn key<I>(self, id: impl FnOnce(Uuid) -> I) -> (Timestamp, I) {
        (self.at, id(self.id))
    }
}

impl fmt::Display for PageCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.at.millis(), self.id)
    }
}

/// Cuts `rows`, read as one more than `per_page` (which says whether an older page exists
/// without counting), to a page; the last row shown when an older page follows.
pub(crate) fn keep_page<T>(rows: &mut Vec<T>, per_page: i64) -> Option<&T> {
    let shown = usize::try_from(per_page).unwrap_or(usize::MAX);
    let more = rows.len() > shown;
    rows.truncate(shown);
    more.then(|| rows.last()).flatten()
}

/// The links between keyset pages: back to the newest page when this is a later one, and
/// on to the older page when there is one (`macros/pagination.html` shows them).
#[derive(Debug, Serialize)]
pub(crate) struct Pager {
    pub newest_url: Option<String>,
    pub older_url: Option<String>,
}

impl Pager {
    /// Links for a page that is a later one when `later`, whose first page is `newest_url`.
    pub(crate) fn new(newest_url: &str, later: bool, older_url: Option<String>) -> Pager {
        Pager {
            newest_url: later.then(|| newest_url.to_owned()),
            older_url,
        }
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

/// A console list's view, its filters and its page, as it travels from link to link and
/// through a row's form, so an action (a cancel, a decision) leads back to the page it was
/// taken on.
pub(crate) trait ListView: Sized {
    /// Where the list is.
    const PATH: &'static str;

    /// The filters as (name, value) pairs, values trimmed; empty ones are left out of links.
    fn filter_pairs(&self) -> Vec<(&'static str, &str)>;

    /// The page cursor as the link carried it (`after`).
    fn after(&self) -> &str;

    fn after_mut(&mut self) -> &mut String;

    /// The list with these filters, on its first page, and `more` pairs.
    fn filter_url(&self, more: &[(&str, &str)]) -> String {
        let mut pairs = self.filter_pairs();
        pairs.extend_from_slice(more);
        page_url(Self::PATH, &pairs)
    }

    /// The filters and the page as (name, value) pairs.
    fn view_pairs(&self) -> Vec<(&'static str, &str)> {
        let mut pairs = self.filter_pairs();
        pairs.push(("after", self.after().trim()));
        pairs
    }

    /// The list with these filters and this page, and `more` pairs.
    fn view_url(&self, more: &[(&str, &str)]) -> String {
        let mut pairs = self.view_pairs();
        pairs.extend_from_slice(more);
        page_url(Self::PATH, &pairs)
    }

    /// The same view without a page cursor that does not read: an action posted from a
    /// damaged link still goes through, and leads back to the list's first page rather
    /// than to an error.
    fn with_readable_cursor(mut self) -> Self {
        if PageCursor::parse(self.after()).is_none() {
            self.after_mut().clear();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_domain::PaymentId;

    #[test]
    fn cursors_round_trip_and_nonsense_is_refused() {
        let id = uuid::Uuid::now_v7();
        let cursor = PageCursor::parse(&format!(" 1795773600000.{id} "));
        assert_eq!(
            cursor.map(|c| c.key(PaymentId)),
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
            assert!(PageCursor::read(bad, "damaged").is_err() || bad.is_empty());
        }
        assert!(matches!(PageCursor::read("  ", "damaged"), Ok(None)));
    }

    #[test]
    fn a_page_is_cut_to_size_and_says_where_the_older_one_starts() {
        let mut rows = vec![1, 2, 3, 4];
        assert_eq!(keep_page(&mut rows, 3), Some(&3));
        assert_eq!(rows, [1, 2, 3]);
        let mut rows = vec![1, 2, 3];
        assert_eq!(keep_page(&mut rows, 3), None);
        assert_eq!(rows, [1, 2, 3]);
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
