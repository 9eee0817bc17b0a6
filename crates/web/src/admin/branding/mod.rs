//! `/admin/branding`: the site's name, tagline, legal name, colours, theme, the name of its
//! credits and its logo. The form previews before it saves: posted with `intent=preview`
//! the page comes back with its sample header, button and credit chip drawn in the chosen
//! colours (a stylesheet of its own, as the content security policy forbids inline styles)
//! and nothing saved; with `intent=save` the branding is saved, audited (`tenant.branding`)
//! and seen on every page at once.
//!
//! - `logo`: the logo's upload, removal and serving.

mod logo;

use atelier_domain::{msg, Colour, Lang, Msg, TenantSettings};
use atelier_store::SettingsChange;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use crate::accounts::FormErrors;
use crate::admin::{audit_actor, beside_field};
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::page_query::PageQuery;
use crate::pages::Page;
use crate::routes::Routes;
use crate::{AppError, AppState};

pub(crate) use logo::{serve_logo, upload_limit};

/// The branding routes of the admin console.
pub(crate) fn routes() -> Routes {
    Routes::new()
        .get("/admin/branding", show)
        .post("/admin/branding", save)
        .get("/admin/branding/preview.css", preview_css)
        .merge(logo::routes())
}

/// The form's fields, as typed.
#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(default)]
pub(crate) struct BrandingForm {
    name: String,
    tagline: String,
    legal_name: String,
    theme: String,
    color_primary: String,
    color_accent: String,
    credit_name: String,
    credit_name_plural: String,
    /// `preview` or `save`.
    intent: String,
}

impl BrandingForm {
    fn of(s: &TenantSettings) -> BrandingForm {
        BrandingForm {
            name: s.name.clone(),
            tagline: s.tagline.clone(),
            legal_name: s.legal_name.clone(),
            theme: s.theme.as_str().to_owned(),
            color_primary: s.color_primary.to_string(),
            color_accent: s.color_accent.to_string(),
            credit_name: s.credit.singular.clone(),
            credit_name_plural: s.credit.plural.clone(),
            intent: String::new(),
        }
    }

    /// The site's settings with this branding, or every problem next to its field.
    fn parse(
        &self,
        state: &AppState,
        current: &TenantSettings,
        lang: Lang,
    ) -> Result<TenantSettings, FormErrors> {
        let mut input = current.to_input();
        input.name.clone_from(&self.name);
        input.tagline.clone_from(&self.tagline);
        input.legal_name.clone_from(&self.legal_name);
        input.theme = self.theme.trim().to_owned();
        input.color_primary.clone_from(&self.color_primary);
        input.color_accent.clone_from(&self.color_accent);
        input.credit_name.clone_from(&self.credit_name);
        input
            .credit_name_plural
            .clone_from(&self.credit_name_plural);
        let mut errors = FormErrors::new();
        // Only a theme this node has: any other would fall back to the default unseen.
        if !state.themes.contains(&input.theme) {
            errors.insert("theme", msg!("admin-branding-theme-unknown").in_lang(lang));
        }
        match TenantSettings::parse(&input) {
            Ok(settings) if errors.is_empty() => Ok(settings),
            Ok(_) => Err(errors),
            Err(list) => {
                for e in list {
                    let said = beside_field(label(e.field), &e.message, lang);
                    errors.entry(e.field).or_insert(said);
                }
                Err(errors)
            }
        }
    }
}

/// Copies the branding (and nothing else) of `from` onto `to`.
fn copy_branding(from: &TenantSettings, to: &mut TenantSettings) {
    to.name.clone_from(&from.name);
    to.tagline.clone_from(&from.tagline);
    to.legal_name.clone_from(&from.legal_name);
    to.theme = from.theme.clone();
    to.color_primary = from.color_primary;
    to.color_accent = from.color_accent;
    to.credit = from.credit.clone();
}

/// What the preview panel draws.
#[derive(Serialize)]
struct Preview {
    name: String,
    tagline: String,
    theme: String,
    credit_singular: String,
    credit_plural: String,
    /// The panel's stylesheet, with the colours in its address.
    css_url: String,
}

fn preview_of(s: &TenantSettings) -> Preview {
    Preview {
        name: s.name.clone(),
        tagline: s.tagline.clone(),
        theme: s.theme.as_str().to_owned(),
        credit_singular: s.credit.singular.clone(),
        credit_plural: s.credit.plural.clone(),
        css_url: format!(
            "/admin/branding/preview.css?primary=%23{}&accent=%23{}",
            &s.color_primary.to_string()[1..],
            &s.color_accent.to_string()[1..]
        ),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct Done {
    done: String,
}

/// What the page shows besides the form: whether it was just saved, and a problem with
/// the logo to show next to its field.
#[derive(Default)]
pub(super) struct Notice {
    done: String,
    logo_error: Option<String>,
}

async fn render(
    page: &Page,
    form: &BrandingForm,
    preview: &TenantSettings,
    errors: FormErrors,
    notice: Notice,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        form => form,
        errors => errors,
        themes => page.state.themes.names(),
        preview => preview_of(preview),
        previewing => form.intent == "preview",
        done => notice.done,
        logo_error => notice.logo_error,
        logo_max_kb => atelier_media::LOGO_MAX_BYTES / 1024,
        logo_max_side => atelier_media::LOGO_MAX_SIDE,
    };
    let Html(body) = page.render_form("admin/branding.html", ctx).await?;
    Ok((status, Html(body)).into_response())
}

/// The page with the saved branding, and `notice`.
pub(super) async fn render_saved(
    page: &Page,
    notice: Notice,
    status: StatusCode,
) -> Result<Response, AppError> {
    let settings = page.tenant()?.tenant.settings.clone();
    let form = BrandingForm::of(&settings);
    render(page, &form, &settings, FormErrors::new(), notice, status).await
}

pub(crate) async fn show(page: Page, PageQuery(q): PageQuery<Done>) -> Result<Response, AppError> {
    let notice = Notice {
        done: q.done,
        logo_error: None,
    };
    render_saved(&page, notice, StatusCode::OK).await
}

pub(crate) async fn save(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<BrandingForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let current = &site.tenant.settings;
    let wanted = match form.parse(&page.state, current, page.lang) {
        Ok(wanted) => wanted,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&page, &form, current, errors, Notice::default(), status).await;
        }
    };
    if form.intent != "save" {
        // A preview: the same page, drawn with the form's values, nothing saved.
        let (errors, notice) = (FormErrors::new(), Notice::default());
        return render(&page, &form, &wanted, errors, notice, StatusCode::OK).await;
    }
    let apply = |s: &mut TenantSettings| copy_branding(&wanted, s);
    let change = SettingsChange {
        action: "tenant.branding",
        apply: &apply,
        describe: TenantSettings::describe_branding,
    };
    let tenant = site.tenant.id;
    let now = page.state.clock.now();
    page.state
        .store
        .change_tenant_settings(tenant, &change, &audit_actor(&me, ip), now)
        .await?;
    page.state.tenants.forget_tenant(tenant).await;
    tracing::info!(admin = %me.id, "site branding changed");
    Ok(Redirect::to("/admin/branding?done=saved").into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PreviewColours {
    primary: String,
    accent: String,
}

/// The preview panel's stylesheet: the colours in its address set on the panel alone, as
/// `/brand.css` sets the saved ones on the whole page (with the shades the theme mixes
/// from them, which the panel would otherwise inherit from the saved colours).
pub(crate) async fn preview_css(
    page: Page,
    PageQuery(q): PageQuery<PreviewColours>,
) -> Result<Response, AppError> {
    let saved = &page.tenant()?.tenant.settings;
    let primary = Colour::parse("primary", &q.primary).unwrap_or(saved.color_primary);
    let accent = Colour::parse("accent", &q.accent).unwrap_or(saved.color_accent);
    let css = format!(
        ".brand-preview {{\n  --brand-primary: {primary};\n  --brand-primary-contrast: {pc};\n  \
         --brand-accent: {accent};\n  --brand-accent-contrast: {ac};\n  \
         --brand-ink: color-mix(in srgb, {primary} 82%, #000);\n  \
         --brand-soft: color-mix(in srgb, {primary} 9%, #fff);\n  \
         --brand-line: color-mix(in srgb, {primary} 25%, #fff);\n  \
         --accent-ink: color-mix(in srgb, {accent} 82%, #000);\n  \
         border: 1px solid var(--brand-line);\n  border-radius: 14px;\n  overflow: hidden;\n  \
         background: #fff;\n}}\n\
         .brand-preview-header {{\n  display: flex;\n  flex-wrap: wrap;\n  align-items: center;\n  \
         justify-content: space-between;\n  gap: .75rem;\n  padding: .75rem 1rem;\n  \
         border-bottom: 3px solid var(--brand-primary);\n}}\n\
         .brand-preview-body {{\n  display: flex;\n  flex-wrap: wrap;\n  align-items: center;\n  \
         gap: .75rem;\n  padding: 1rem;\n  background: var(--brand-soft);\n}}\n\
         .brand-preview-accent {{\n  display: inline-block;\n  padding: .2rem .6rem;\n  \
         border-radius: 999px;\n  background: var(--brand-accent);\n  \
         color: var(--brand-accent-contrast);\n  font-weight: 600;\n}}\n",
        pc = primary.readable_text(),
        ac = accent.readable_text(),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=3600"),
        ],
        css,
    )
        .into_response())
}

/// The label of a branding field, for a refusal that follows a field's name.
fn label(field: &str) -> Option<Msg> {
    Some(match field {
        "name" => msg!("admin-branding-name"),
        "tagline" => msg!("admin-branding-tagline"),
        "legal_name" => msg!("admin-branding-legal-name"),
        "color_primary" => msg!("admin-branding-primary"),
        "color_accent" => msg!("admin-branding-accent"),
        "theme" => msg!("admin-branding-theme"),
        "credit_name" => msg!("admin-branding-credit-singular"),
        "credit_name_plural" => msg!("admin-branding-credit-plural"),
        _ => return None,
    })
}
