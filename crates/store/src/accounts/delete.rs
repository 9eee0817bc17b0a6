//! A person deletes their own account (India's DPDP Act gives them the right), or an admin
//! of their site deletes it for them: their sign-in, sessions, tokens, prompts and images go;
//! the ledger and payment rows stay, as the site's books need them, attached to a row that
//! no longer says who the person was.

use atelier_domain::{ImageId, TenantId, Timestamp, UserId};
use uuid::Uuid;

use super::guard::{lock_for_admin_change, OTHER_ADMINS};
use crate::backend::in_transaction;
use crate::outbox::{insert_mail, NewMail};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// What a deletion leaves for the caller to do after the commit: the image files to remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedAccount {
    pub images: Vec<ImageId>,
}

/// Why an account could not be deleted now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteRefusal {
    /// Images are queued or rendering: their held credits must settle first.
    JobsInProgress,
    /// A payment waits for the admin's decision: its credits would reach nobody.
    PaymentPending,
    /// The site's only admin: the site would be left without one.
    LastAdmin,
}

/// Why an admin's deletion of an account was refused. Nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminDeleteRefusal {
    /// As its owner's deletion would be.
    Refused(DeleteRefusal),
    /// The admin asking is no longer an enabled admin of the site: another admin took the
    /// role away or disabled the account a moment before.
    NotAnAdmin,
}

impl From<DeleteRefusal> for AdminDeleteRefusal {
    fn from(refusal: DeleteRefusal) -> Self {
        AdminDeleteRefusal::Refused(refusal)
    }
}

/// Who deletes the account: its owner (signed in, so not disabled), or an admin of its
/// site (any account not yet deleted, disabled or not), whose act the audit log records.
#[derive(Clone, Copy)]
enum DeletedBy<'a> {
    Owner,
    Admin(&'a Actor),
}

impl Store {
    /// Deletes `user`'s account on `tenant`, with `mail` (the confirmation, to the address
    /// the account had) queued in the same transaction. Refused while jobs are in progress.
    pub async fn delete_own_account(
        &self,
        tenant: TenantId,
        user: UserId,
        mail: &NewMail,
        now: Timestamp,
    ) -> Result<Result<DeletedAccount, DeleteRefusal>, StoreError> {
        match self
            .delete_account(tenant, user, mail, DeletedBy::Owner, now)
            .await?
        {
            Ok(deleted) => Ok(Ok(deleted)),
            Err(AdminDeleteRefusal::Refused(refusal)) => Ok(Err(refusal)),
            // Only an admin is asked whether they still are one; an owner never is.
            Err(AdminDeleteRefusal::NotAnAdmin) => Err(StoreError::Conflict("admin")),
        }
    }

    /// An admin of `tenant` deletes `user`'s account, as its owner could (same refusals,
    /// same result), with an audit row (`user.delete`) in the same transaction. Refused
    /// (`NotAnAdmin`) when `actor` is no longer an enabled admin of the site (or a
    /// super-admin) once the site's lock is held, as role and state changes are. The
    /// admin's own account is the caller's to refuse: an admin leaves through their
    /// account page.
    pub async fn admin_delete_account(
        &self,
        tenant: TenantId,
        user: UserId,
        mail: &NewMail,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<Result<DeletedAccount, AdminDeleteRefusal>, StoreError> {
        self.delete_account(tenant, user, mail, DeletedBy::Admin(actor), now)
            .await
    }

    #[tracing::instrument(skip_all, fields(user = %user))]
    async fn delete_account(
        &self,
        tenant: TenantId,
        user: UserId,
        mail: &NewMail,
        by: DeletedBy<'_>,
        now: Timestamp,
    ) -> Result<Result<DeletedAccount, AdminDeleteRefusal>, StoreError> {
        // The owner is signed in, so their account is enabled; an admin may delete a
        // disabled account too, but not one deleted already (its password can never match).
        let which = match by {
            DeletedBy::Owner => "disabled_at is null and password_hash <> '!deleted'",
            DeletedBy::Admin(_) => "password_hash <> '!deleted'",
        };
        let lock = format!(
            "update users set updated_at = updated_at where id = $1 and tenant_id = $2 \
             and {which} returning active_jobs, email, role, disabled_at"
        );
        let admin = match by {
            DeletedBy::Owner => None,
            DeletedBy::Admin(actor) => Some(actor),
        };
        let outcome = in_transaction!(self, |tx| {
            // The site's lock first, as its admins' changes to each other take it, so two
            // admins deleting themselves (or one demoting the other) at once are counted
            // one after the other below; and an admin disabled or demoted while this
            // waited deletes nothing.
            lock_for_admin_change!(tx, tenant, admin, AdminDeleteRefusal::NotAnAdmin);
            // Then the row, locked (a no-op write): a submission waits for the deletion,
            // then finds no account.
            let active: Option<(i64, String, String, Option<i64>)> = sqlx::query_as(&lock)
                .bind(user.0)
                .bind(tenant.0)
                .fetch_optional(&mut *tx)
                .await?;
            let Some((active, email, role, disabled_at)) = active else {
                return Err(StoreError::NotFound("user"));
            };
            let (pending,): (i64,) = sqlx::query_as(
                "select count(*) from payment_requests where user_id = $1 and status = 'pending'",
            )
            .bind(user.0)
            .fetch_one(&mut *tx)
            .await?;
            // The site's other admins who can still sign in.
            let (other_admins,): (i64,) = sqlx::query_as(OTHER_ADMINS)
                .bind(tenant.0)
                .bind(user.0)
                .fetch_one(&mut *tx)
                .await?;
            if active > 0 {
                Err(DeleteRefusal::JobsInProgress.into())
            } else if pending > 0 {
                Err(DeleteRefusal::PaymentPending.into())
            } else if role == "tenant_admin" && other_admins == 0 {
                Err(DeleteRefusal::LastAdmin.into())
            } else {
                let images: Vec<(Uuid,)> =
                    sqlx::query_as("select id from images where user_id = $1")
                        .bind(user.0)
                        .fetch_all(&mut *tx)
                        .await?;
                for statement in [
                    "delete from images where user_id = $1",
                    "update jobs set prompt = '', negative_prompt = '', error = '', \
                     image_id = null where user_id = $1",
                    "delete from sessions where user_id = $1",
                    "delete from auth_tokens where user_id = $1",
                    "delete from api_tokens where user_id = $1",
                ] {
                    sqlx::query(statement)
                        .bind(user.0)
                        .execute(&mut *tx)
                        .await?;
                }
                // The row stays for the ledger and payments, saying nothing of the person:
                // an address that is no address, no name, no password that can match. The
                // payment requests' copy of the address goes the same way.
                let nobody = format!("deleted-{}@deleted.invalid", user.0.simple());
                sqlx::query(
                    "update users set email = $2, name = '', password_hash = '!deleted', \
                     signup_ip = '', email_verified_at = null, bonus_pending = false, \
                     disabled_at = $3, updated_at = $3 where id = $1",
                )
                .bind(user.0)
                .bind(&nobody)
                .bind(now.millis())
                .execute(&mut *tx)
                .await?;
                sqlx::query("update payment_requests set user_email = $2 where user_id = $1")
                    .bind(user.0)
                    .bind(&nobody)
                    .execute(&mut *tx)
                    .await?;
                // What an admin did stays in the audit log, without who they were or where
                // they were.
                sqlx::query(
                    "update audit_log set actor_email = $2, address = '' where actor_id = $1",
                )
                .bind(user.0)
                .bind(&nobody)
                .execute(&mut *tx)
                .await?;
                // Nor does the address stay in what the site's log says was done to whom
                // (`tenant.create` names its first admin, and is the site's row). The
                // platform's rows are never about a site's account: they name
                // super-admins, whose address this one may also be (a super-admin removed,
                // or still one, with an account here too), and stay as they are.
                let mentions: Vec<(Uuid, String, String, String)> = sqlx::query_as(
                    "select id, subject, before_state, after_state from audit_log \
                     where tenant_id = $1 \
                     and (subject like '%' || $2 || '%' or before_state like '%' || $2 || '%' \
                       or after_state like '%' || $2 || '%')",
                )
                .bind(tenant.0)
                .bind(&email)
                .fetch_all(&mut *tx)
                .await?;
                for (id, subject, before, after) in mentions {
                    let [subject, before, after] =
                        [subject, before, after].map(|t| without_address(&t, &email, &nobody));
                    sqlx::query(
                        "update audit_log set subject = $2, before_state = $3, after_state = $4 \
                         where id = $1",
                    )
                    .bind(id)
                    .bind(subject)
                    .bind(before)
                    .bind(after)
                    .execute(&mut *tx)
                    .await?;
                }
                // The site's copies of mail sent to the address go too; then the one that
                // confirms the deletion.
                sqlx::query("delete from mail_outbox where to_address = $1 and tenant_id = $2")
                    .bind(&email)
                    .bind(tenant.0)
                    .execute(&mut *tx)
                    .await?;
                insert_mail!(tx, mail, now);
                if let DeletedBy::Admin(actor) = by {
                    let before = if disabled_at.is_some() {
                        "disabled"
                    } else {
                        "active"
                    };
                    write_audit!(
                        tx,
                        Some(tenant.0),
                        actor,
                        "user.delete",
                        user.to_string(),
                        before,
                        "deleted",
                        now
                    );
                }
                Ok(DeletedAccount {
                    images: images.into_iter().map(|(id,)| ImageId(id)).collect(),
                })
            }
        });
        Ok(outcome)
    }
}

/// `text` with each mention of the address `email` replaced by `by`; an address that only
/// contains it (`xasha@example.com`, `asha@example.com.au`) is someone else's and stays.
fn without_address(text: &str, email: &str, by: &str) -> String {
    let in_local_part = |c: char| c.is_alphanumeric() || "._%+-'!#$&*/=?^`{|}~".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices(email) {
        let end = at + email.len();
        let longer_before = text[..at].chars().next_back().is_some_and(in_local_part);
        let mut after = text[end..].chars();
        let longer_after = match after.next() {
            Some('.') => after.next().is_some_and(char::is_alphanumeric),
            Some(c) => c.is_alphanumeric() || c == '-' || c == '_',
            None => false,
        };
        if longer_before || longer_after {
            continue;
        }
        out.push_str(&text[copied..at]);
        out.push_str(by);
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::without_address;

    #[test]
    fn only_the_address_itself_is_taken_out_of_a_text() {
        let gone = |t: &str| without_address(t, "asha@example.com", "deleted-1@deleted.invalid");
        assert_eq!(gone("asha@example.com"), "deleted-1@deleted.invalid");
        assert_eq!(
            gone("name: Pixel; first admin: asha@example.com"),
            "name: Pixel; first admin: deleted-1@deleted.invalid"
        );
        assert_eq!(
            gone("asha@example.com, then asha@example.com."),
            "deleted-1@deleted.invalid, then deleted-1@deleted.invalid."
        );
        for someone_else in [
            "first admin: xasha@example.com",
            "first admin: asha@example.com.au",
            "first admin: asha@example.community",
            "active",
        ] {
            assert_eq!(gone(someone_else), someone_else);
        }
    }
}
