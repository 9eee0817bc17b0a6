//! The user's payment requests on their account page, newest first, a page at a time:
//! keyset pages whose "Older payments" link carries the last row's submission time and id
//! (`?payments_after=<millis>.<uuid>`), so every receipt stays reachable and no page skips
//! or repeats a request made meanwhile.

use atelier_domain::{PaymentId, Timestamp, User};

use super::PaymentView;
use crate::cursor::PageCursor;
use crate::pages::Page;
use crate::tenancy::Site;
use crate::AppError;

/// Payment requests per page.
const PAYMENTS_SHOWN: i64 = 20;

pub(crate) fn parse_payments_cursor(
    raw: &str,
    lang: atelier_domain::Lang,
) -> Result<(Timestamp, PaymentId), AppError> {
    PageCursor::parse(raw)
        .map(|c| c.key(PaymentId))
        .ok_or_else(|| {
            AppError::BadRequest(atelier_domain::msg!("payments-older-link-damaged").in_lang(lang))
        })
}

/// A page of the user's payment requests, newest first, after `after` (the previous
/// page's last), with the link to the next older page when there is one.
pub(crate) async fn payments_page(
    page: &Page,
    user: &User,
    after: Option<(Timestamp, PaymentId)>,
) -> Result<(Vec<PaymentView>, Option<String>), AppError> {
    let Site::Tenant(site) = &page.site else {
        return Ok((Vec::new(), None));
    };
    // One more than a page says whether an older page exists, without counting.
    let mut records = page
        .state
        .store
        .user_payments(site.tenant.id, user.id, after, PAYMENTS_SHOWN + 1)
        .await?;
    let shown = usize::try_from(PAYMENTS_SHOWN).unwrap_or(usize::MAX);
    let older_url = (records.len() > shown)
        .then(|| records.get(shown - 1))
        .flatten()
        .map(|last| {
            format!(
                "/account?payments_after={}#payments",
                PageCursor::new(last.created_at, last.id.0)
            )
        });
    records.truncate(shown);
    let views = records
        .iter()
        .map(|p| PaymentView::new(p, &site.tenant.settings.credit, page.lang))
        .collect();
    Ok((views, older_url))
}
