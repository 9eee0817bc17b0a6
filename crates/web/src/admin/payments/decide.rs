//! One decision on one payment request: the user's mail is rendered first, then the store
//! records the decision, grants the credits and queues that mail in one transaction.

use atelier_domain::{Email, PaymentId, PaymentState};
use atelier_store::{Actor, Decided, Decision};

use crate::accounts::site_origin;
use crate::pages::Page;
use crate::AppError;

/// Decides `id` for the page's tenant as `actor`. Another tenant's request is
/// [`Decided::NotFound`]; one decided a moment ago by someone else is
/// [`Decided::AlreadyDecided`], and changes nothing.
pub(crate) async fn decide(
    page: &Page,
    actor: &Actor,
    id: PaymentId,
    decision: Decision,
) -> Result<Decided, AppError> {
    let state = &page.state;
    let site = page.tenant()?;
    let tenant = site.tenant.id;
    let Some(request) = state.store.find_payment(tenant, None, id).await? else {
        return Ok(Decided::NotFound);
    };
    if request.state != PaymentState::Pending {
        return Ok(Decided::AlreadyDecided(request));
    }
    // An address that no longer parses (edited by hand) leaves the user without mail, not
    // the admin without a decision.
    let mail = match Email::parse(&request.user_email) {
        Ok(to) => {
            let settings = &site.tenant.settings;
            let (subject, template) = match &decision {
                Decision::Approve => (
                    format!(
                        "{} added to your {} balance",
                        settings.credit.amount(request.credits.get()),
                        settings.name
                    ),
                    "payment_approved",
                ),
                Decision::Reject { .. } => (
                    format!("Your {} payment could not be confirmed", settings.name),
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
                subject,
                template,
                minijinja::context! {
                    credits => request.credits.get(),
                    credits_text => settings.credit.amount(request.credits.get()),
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
    Ok(decided)
}
