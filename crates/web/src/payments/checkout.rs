//! The signed checkout: what a checkout page showed one buyer (the pack's credits and price,
//! whom to pay, the reference in the QR code, and when), carried by the confirmation form
//! and signed with the site's form key for this tenant and this user. A confirmation records
//! exactly that, so an admin's price change in between, an edited form or another user's
//! page cannot change what is recorded, and the amount on record is the one the QR code
//! asked for (what statement matching compares against).

use atelier_domain::{
    PackId, PackTerms, Paise, PaymentReference, TenantId, Timestamp, UserId, Vpa,
};
use serde::{Deserialize, Serialize};

use super::UpiPayee;
use crate::auth::FormKey;
use crate::AppError;

/// What a checkout's signature is for; no other MAC of the form key is made for it.
const PURPOSE: &str = "atelier checkout";

/// How long a checkout page can be confirmed. A day is ample to pay and copy a UTR; after
/// it the page (and the reference in its QR code, which is what an admin looks for) is
/// stale, and the buyer opens the pack again.
pub(super) const CHECKOUT_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;

/// One pack as a checkout page showed it to a buyer.
#[derive(Debug, Clone)]
pub(super) struct Checkout {
    pub pack: PackId,
    pub terms: PackTerms,
    pub payee: UpiPayee,
    pub reference: PaymentReference,
    /// When the page was first shown; the form keeps it when it comes back with an error.
    pub issued: Timestamp,
}

/// Why a checkout form is not confirmed as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CheckoutProblem {
    /// Not signed for this tenant and user: edited, cut, made up, or another user's page.
    /// `pack` is the pack the form names, if it names one; it is not vouched for, and only
    /// says which pack to open again.
    NotYours { pack: Option<PackId> },
    /// Signed, but shown more than [`CHECKOUT_LIFETIME_MS`] ago.
    Expired { pack: PackId },
}

/// The checkout as it travels: JSON, hex-encoded so the form and the MAC carry it as plain
/// characters.
#[derive(Serialize, Deserialize)]
struct Sealed {
    pack: uuid::Uuid,
    credits: i64,
    price_paise: i64,
    reference: String,
    vpa: String,
    payee: String,
    issued: i64,
}

impl Checkout {
    /// The form's `checkout` field for `user` of `tenant`: `<hex of the JSON>.<MAC>`.
    pub(super) fn seal(
        &self,
        key: &FormKey,
        tenant: TenantId,
        user: UserId,
    ) -> Result<String, AppError> {
        let sealed = Sealed {
            pack: self.pack.0,
            credits: self.terms.credits.get(),
            price_paise: self.terms.price.get(),
            reference: self.reference.as_str().to_owned(),
            vpa: self.payee.vpa.as_str().to_owned(),
            payee: self.payee.name.clone(),
            issued: self.issued.millis(),
        };
        let json = serde_json::to_vec(&sealed)
            .map_err(|e| AppError::Internal(format!("the checkout could not be written: {e}")))?;
        let payload = hex::encode(json);
        let mac = key.sign_for(PURPOSE, &signed_text(tenant, user, &payload));
        Ok(format!("{payload}.{mac}"))
    }

    /// The checkout `token` carries, when this key signed it for `user` of `tenant` less
    /// than a day before `now`.
    pub(super) fn open(
        token: &str,
        key: &FormKey,
        tenant: TenantId,
        user: UserId,
        now: Timestamp,
    ) -> Result<Checkout, CheckoutProblem> {
        let (payload, mac) = token.trim().rsplit_once('.').unwrap_or((token, ""));
        let sealed: Option<Sealed> = hex::decode(payload)
            .ok()
            .and_then(|json| serde_json::from_slice(&json).ok());
        let named_pack = sealed.as_ref().map(|s| PackId(s.pack));
        let not_yours = CheckoutProblem::NotYours { pack: named_pack };
        if !key.verify_for(PURPOSE, &signed_text(tenant, user, payload), mac) {
            return Err(not_yours);
        }
        let sealed = sealed.ok_or(not_yours)?;
        // Signed by this key, so these read; a checkout that does not came from another
        // version of this code and is no more confirmable than an edited one.
        let terms = PackTerms::new(sealed.credits, Paise::new(sealed.price_paise))
            .map_err(|_| not_yours)?;
        let reference = PaymentReference::parse(&sealed.reference).ok_or(not_yours)?;
        let vpa = Vpa::parse(&sealed.vpa).map_err(|_| not_yours)?;
        let issued = Timestamp(sealed.issued);
        if now.millis() - issued.millis() >= CHECKOUT_LIFETIME_MS {
            return Err(CheckoutProblem::Expired {
                pack: PackId(sealed.pack),
            });
        }
        Ok(Checkout {
            pack: PackId(sealed.pack),
            terms,
            payee: UpiPayee {
                vpa,
                name: sealed.payee,
            },
            reference,
            issued,
        })
    }
}

/// What the MAC covers: the site and buyer it was shown to, and the checkout itself (hex, so
/// the newlines between the parts cannot be forged inside it).
fn signed_text(tenant: TenantId, user: UserId, payload: &str) -> String {
    format!("{tenant}\n{user}\n{payload}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkout(issued: Timestamp) -> Checkout {
        Checkout {
            pack: PackId(uuid::Uuid::now_v7()),
            terms: PackTerms::new(50, Paise::new(14_900)).unwrap_or_else(|e| panic!("{e:?}")),
            payee: UpiPayee {
                vpa: Vpa::parse("shop@okaxis").unwrap_or_else(|e| panic!("{e}")),
                name: "Shop. \"Quoted\"\nName".to_owned(),
            },
            reference: PaymentReference::parse("AT23456789").unwrap_or_else(|| panic!("ref")),
            issued,
        }
    }

    #[test]
    fn a_checkout_opens_for_its_site_and_buyer_within_a_day_only() {
        let key = FormKey::for_tests([7; 32]);
        let (tenant, user) = (TenantId(uuid::Uuid::now_v7()), UserId(uuid::Uuid::now_v7()));
        let now = Timestamp(1_795_773_600_000);
        let shown = checkout(now);
        let token = shown
            .seal(&key, tenant, user)
            .unwrap_or_else(|e| panic!("{e}"));

        let opened = Checkout::open(&token, &key, tenant, user, now.plus_millis(1000))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(opened.pack, shown.pack);
        assert_eq!(opened.terms, shown.terms);
        assert_eq!(opened.payee.vpa, shown.payee.vpa);
        assert_eq!(opened.payee.name, shown.payee.name);
        assert_eq!(opened.reference, shown.reference);
        assert_eq!(opened.issued, now);
        assert_eq!(
            opened.seal(&key, tenant, user).ok().as_deref(),
            Some(token.as_str()),
            "a form that comes back carries the same checkout"
        );

        let other_user = UserId(uuid::Uuid::now_v7());
        let other_site = TenantId(uuid::Uuid::now_v7());
        assert_eq!(
            Checkout::open(&token, &key, tenant, other_user, now).map(|c| c.pack),
            Err(CheckoutProblem::NotYours {
                pack: Some(shown.pack)
            }),
            "another buyer's page names its pack, to open again"
        );
        assert!(Checkout::open(&token, &key, other_site, user, now).is_err());
        assert!(Checkout::open(&token, &FormKey::for_tests([8; 32]), tenant, user, now).is_err());
        for broken in ["", ".", "nonsense", &token[..token.len() - 1]] {
            assert!(
                matches!(
                    Checkout::open(broken, &key, tenant, user, now),
                    Err(CheckoutProblem::NotYours { .. })
                ),
                "{broken:?}"
            );
        }

        let day = CHECKOUT_LIFETIME_MS;
        assert!(Checkout::open(&token, &key, tenant, user, now.plus_millis(day - 1)).is_ok());
        assert_eq!(
            Checkout::open(&token, &key, tenant, user, now.plus_millis(day)).map(|c| c.pack),
            Err(CheckoutProblem::Expired { pack: shown.pack })
        );
    }

    #[test]
    fn an_edited_checkout_is_not_yours() {
        let key = FormKey::for_tests([7; 32]);
        let (tenant, user) = (TenantId(uuid::Uuid::now_v7()), UserId(uuid::Uuid::now_v7()));
        let now = Timestamp(1_795_773_600_000);
        let shown = checkout(now);
        let token = shown
            .seal(&key, tenant, user)
            .unwrap_or_else(|e| panic!("{e}"));
        let (payload, mac) = token.rsplit_once('.').unwrap_or_else(|| panic!("{token}"));
        let json = String::from_utf8(hex::decode(payload).unwrap_or_default()).unwrap_or_default();
        for (from, to) in [
            ("14900", "100"),
            ("\"credits\":50", "\"credits\":5000"),
            ("AT23456789", "AT23456788"),
            ("shop@okaxis", "thief@okaxis"),
        ] {
            assert!(json.contains(from), "{json}");
            let edited = format!("{}.{mac}", hex::encode(json.replace(from, to)));
            assert!(
                matches!(
                    Checkout::open(&edited, &key, tenant, user, now),
                    Err(CheckoutProblem::NotYours { pack: Some(_) })
                ),
                "{from} -> {to}"
            );
        }
    }
}
