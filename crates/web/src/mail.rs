//! Mail from a site: rendered from the site's theme (text and HTML), queued in the outbox
//! in the sender's name, then handed to the mailer.

use atelier_domain::{Email, Lang, Msg, User};
use atelier_store::NewMail;

use crate::tenancy::Site;
use crate::{AppError, AppState};

/// The language mail to `user` is written in: theirs when the site offers it, else the
/// site's default.
pub(crate) fn language_of(state: &AppState, site: &Site, user: &User) -> Lang {
    crate::language::site_settings(state, site).language_for(user.language)
}

/// Renders `mail/<template>.txt` and `.html` in `lang` and queues the message.
pub(crate) async fn send(
    state: &AppState,
    site: &Site,
    to: &Email,
    lang: Lang,
    subject: &Msg,
    template: &str,
    ctx: minijinja::Value,
) -> Result<(), AppError> {
    let mail = render(state, site, to, lang, subject, template, ctx)?;
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
    lang: Lang,
    subject: &Msg,
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
    let body_text =
        state
            .themes
            .render(theme, &format!("mail/{template}.txt"), ctx.clone(), lang)?;
    let body_html = state
        .themes
        .render(theme, &format!("mail/{template}.html"), ctx, lang)?;
    Ok(NewMail {
        tenant_id,
        to: to.to_string(),
        from_name: settings.name.clone(),
        subject: subject.in_lang(lang),
        body_text,
        body_html,
    })
}
