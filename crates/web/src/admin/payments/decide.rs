//! One decision on one payment request: the user's mail is rendered first, then the store
//! records the decision, grants the credits and queues that mail in one transaction. An
//! admin never decides a request their own account made: approving it would grant them
//! credits for a payment nobody else checked.

use atelier_domain::{msg, Email, Lang, PaymentId, PaymentState};
use atelier_store::{Actor, Decided, Decision, PaymentRecord};

use crate::accounts::site_origin;
use crate::pages::Page;
use crate::when;
use crate::AppError;

/// How a decision went.
#[derive(Debug)]
pub(crate) enum Verdict {
    /// Asked of the store: recorded, or found decided already, gone, or not there.
    Store(Decided),
    /// Made by the deciding admin's own account: refused before the store was asked.
    OwnPayment(PaymentRecord),
}

/// Decides `id` for the page's tenant as `actor`. Another tenant's request is
/// [`Decided::NotFound`]; one decided a moment ago by someone else is
/// [`Decided::AlreadyDecided`]; one made by `actor`'s own account is
/// [`Verdict::OwnPayment`]. None of those changes anything.
pub(crate) async fn decide(
    page: &Page,
    actor: &Actor,
    id: PaymentId,
    decision: Decision,
) -> Result<Verdict, AppError> {
    let state = &page.state;
    let site = page.tenant()?;
    let tenant = site.tenant.id;
    let Some(request) = state.store.find_payment(tenant, None, id).await? else {
        return Ok(Verdict::Store(Decided::NotFound));
    };
    if request.state != PaymentState::Pending {
        return Ok(Verdict::Store(Decided::AlreadyDecided(request)));
    }
    // A request's account never changes (it can only be deleted), so this check cannot go
    // stale before the store's conditional update below.
    if request.user_id == Some(actor.id) {
        return Ok(Verdict::OwnPayment(request));
    }
    // The payer reads the mail in their own language, not the admin's.
    let payer = match request.user_id {
        Some(user) => state.store.find_user(Some(tenant), user).await?,
        None => None,
    };
    let lang = site
        .tenant
        .settings
        .language_for(payer.and_then(|p| p.language));
    // An address that no longer parses (edited by hand) leaves the user without mail, not
    // the admin without a decision.
    let mail = match Email::parse(&request.user_email) {
        Ok(to) => {
            let settings = &site.tenant.settings;
            let (subject, template) = match &decision {
                Decision::Approve => (
                    atelier_domain::msg!(
                        "mail-payment-approved-subject",
                        count = request.credits.get(),
                        unit = &settings.credit.singular,
                        units = &settings.credit.plural,
                        site = &settings.name,
                    ),
                    "payment_approved",
                ),
                Decision::Reject { .. } => (
                    atelier_domain::msg!("mail-payment-rejected-subject", site = &settings.name),
                    "payment_rejected",
                ),
            };
            let reason = match &decision {
                Decision::Reject { reason } => reason.as_str(),
                Decision::Approve => "",
            };
            let origin = site_origin(state, &page.site);
            Some(crate::mail::render(
                state,
                &page.site,
                &to,
                lang,
                &subject,
                template,
                minijinja::context! {
                    credits => request.credits.get(),
                    amount => request.amount.display(),
                    reference => &request.reference,
                    utr => &request.utr,
                    reason => reason,
                    payment_link => format!("{origin}/payments/{}", request.id),
                    buy_link => format!("{origin}/buy"),
                },
            )?)
        }
        Err(_) => None,
    };
    let decided = state
        .store
        .decide_payment(
            tenant,
            id,
            &decision,
            actor,
            mail.as_ref(),
            state.clock.now(),
        )
        .await?;
    if let Decided::Done(record) = &decided {
        state.mailer.wake();
        tracing::info!(
            admin = %actor.id,
            payment = %record.id,
            state = record.state.as_str(),
            "payment decided"
        );
    }
    Ok(Verdict::Store(decided))
}

/// Why a request of the admin's own was not decided, in `lang`.
pub(crate) fn own_payment(request: &PaymentRecord, lang: Lang) -> String {
    msg!(
        "admin-payments-own-payment",
        amount = request.amount.display(),
        email = &request.user_email,
        utr = &request.utr,
    )
    .in_lang(lang)
}

/// "The payment of ₹149.00 from asha@example.com (UTR 432187650912) was already approved
/// by boss@example.com at 27 Nov 2026, 15:30 (India time), so nothing was changed.", in
/// `lang`.
pub(crate) fn already_decided(request: &PaymentRecord, lang: Lang) -> String {
    let by = match &request.decided_by {
        Some(by) => by.clone(),
        None => msg!("admin-payments-former-admin").in_lang(lang),
    };
    let (amount, email, utr) = (request.amount.display(), &request.user_email, &request.utr);
    let state = request.state.as_str();
    let message = match request.decided_at {
        Some(at) => msg!(
            "admin-payments-already-decided",
            amount = amount,
            email = email,
            utr = utr,
            state = state,
            by = by,
            at = when::date_time(lang, at),
        ),
        None => msg!(
            "admin-payments-already-decided-undated",
            amount = amount,
            email = email,
            utr = utr,
            state = state,
            by = by,
        ),
    };
    message.in_lang(lang)
}
