//! Adding a pack and changing one's credits and price: the form's two fields become
//! [`PackTerms`] or a message next to each.

use std::collections::BTreeMap;

use atelier_domain::{msg, Lang, PackId, PackTerms, Paise};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use super::{changed, done, render, Shown};
use crate::accounts::FormErrors;
use crate::admin::audit_actor;
use crate::auth::{ClientIp, CsrfForm, CurrentUser};
use crate::pages::Page;
use crate::path_id::PathId;
use crate::AppError;

/// The add and edit forms' fields, as typed.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PackForm {
    credits: String,
    /// Rupees, like "149" or "149.50".
    price: String,
}

impl PackForm {
    /// The pack's terms, or a message in `lang` for each field that is wrong.
    fn terms(&self, credit_plural: &str, lang: Lang) -> Result<PackTerms, FormErrors> {
        let mut errors = FormErrors::new();
        let typed: String = self
            .credits
            .chars()
            .filter(|c| *c != ',' && !c.is_whitespace())
            .collect();
        let credits = if typed.is_empty() {
            errors.insert(
                "credits",
                msg!("packs-credits-missing", units = credit_plural).in_lang(lang),
            );
            None
        } else if let Ok(n) = typed.parse::<i64>() {
            Some(n)
        } else {
            let message = msg!(
                "packs-credits-not-number",
                typed = format!("{:?}", self.credits.trim()),
                units = credit_plural,
            );
            errors.insert("credits", message.in_lang(lang));
            None
        };
        let price = Paise::parse_rupees(&self.price)
            .map_err(|message| errors.insert("price", message.in_lang(lang)))
            .ok();
        if let (Some(credits), Some(price)) = (credits, price) {
            match PackTerms::new(credits, price) {
                Ok(terms) => return Ok(terms),
                Err(refused) => {
                    for e in refused {
                        errors.insert(e.field, e.message.in_lang(lang));
                    }
                }
            }
        }
        Err(errors)
    }

    fn values(&self) -> BTreeMap<&'static str, String> {
        BTreeMap::from([
            ("credits", self.credits.clone()),
            ("price", self.price.clone()),
        ])
    }
}

pub(crate) async fn create(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    CsrfForm(form): CsrfForm<PackForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let terms = match form.terms(&site.tenant.settings.credit.plural, page.lang) {
        Ok(terms) => terms,
        Err(errors) => {
            let shown = Shown {
                form_for: "add".to_owned(),
                values: form.values(),
                errors,
                ..Shown::default()
            };
            return render(&page, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let actor = audit_actor(&me, ip);
    let id = page
        .state
        .store
        .create_pack(site.tenant.id, terms, Some(&actor), page.state.clock.now())
        .await?;
    changed(&page).await?;
    tracing::info!(admin = %me.id, pack = %id, "pack added");
    Ok(done("created"))
}

pub(crate) async fn update(
    page: Page,
    CurrentUser(me): CurrentUser,
    ip: ClientIp,
    PathId(id): PathId<PackId>,
    CsrfForm(form): CsrfForm<PackForm>,
) -> Result<Response, AppError> {
    let site = page.tenant()?.clone();
    let store = &page.state.store;
    if store.find_pack(site.tenant.id, id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let terms = match form.terms(&site.tenant.settings.credit.plural, page.lang) {
        Ok(terms) => terms,
        Err(errors) => {
            let shown = Shown {
                form_for: id.to_string(),
                values: form.values(),
                errors,
                ..Shown::default()
            };
            return render(&page, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let actor = audit_actor(&me, ip);
    let found = store
        .update_pack(site.tenant.id, id, terms, &actor, page.state.clock.now())
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    changed(&page).await?;
    Ok(done("updated"))
}
