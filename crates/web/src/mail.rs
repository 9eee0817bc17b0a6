//! Mail from a site: rendered from the site's theme (text and HTML), queued in the outbox
//! in the sender's name, then handed to the mailer.

use atelier_domain::Email;
use atelier_store::NewMail;

use crate::tenancy::Site;
use crate::{AppError, AppState};

/// Renders `mail/<template>.txt` and `.html` and queues the message.
pub(crate) async fn send(
    state: &AppState,
    site: &Site,
    to: &Email,
    subject: String,
    template: &str,
    ctx: minijinja::Value,
) -> Result<(), AppError> {
    let mail = render(state, site, to, subject, template, ctx)?;
    state.store.enqueue_mail(&mail, state.clock.now()).await?;
    state.mailer.wake();
    Ok(())
}

/// Renders `mail/<template>.txt` and `.html` into a message from the site, for a caller that
/// queues it in the transaction of the change it tells of (then wakes the mailer itself).
pub(crate) fn render(
    state: &AppState,
    site: &Site,
    to: &Email,
    subject: String,
    template: &str,
    ctx: minijinja::Value,
) -> Result<NewMail, AppError> {
    let platform;
    let (settings, tenant_id) = match site {
        Site::Tenant(t) => (&t.tenant.settings, Some(t.tenant.id)),
        Site::Platform => {
            platform =
                atelier_domain::TenantSettings::platform_defaults(&state.settings.platform_name);
            (&platform, None)
        }
    };
    let theme = settings.theme.as_str();
    let ctx = minijinja::context! {
        tenant => minijinja::context! {
            name => &settings.name,
            credit => &settings.credit,
            support_email => &settings.support_email,
            support_whatsapp => &settings.support_whatsapp,
        },
        email => to.as_str(),
        ..ctx
    };
    let body_text = state
        .themes
        .render(theme, &format!("mail/{template}.txt"), ctx.clone())?;
    let body_html = state
        .themes
        .render(theme, &format!("mail/{template}.html"), ctx)?;
    Ok(NewMail {
        tenant_id,
        to: to.to_string(),
        from_name: settings.name.clone(),
        subject,
        body_text,
        body_html,
    })
}
