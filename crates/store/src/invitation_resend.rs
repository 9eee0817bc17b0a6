//! Sending an invited account a new link: the first one works for three days, and an
//! invitee who opens it later asks whoever invited them for another. The new link replaces
//! every earlier one (they expire at once), goes out through the outbox and is audited
//! (`invitation.resend`), all in one transaction; only an account that has never chosen a
//! password is sent one, and not more than once a minute, so the button cannot be used to
//! flood someone's mailbox.

use atelier_domain::{TenantId, Timestamp, UserId};
use uuid::Uuid;

use crate::backend::{in_transaction, on_reader};
use crate::outbox::{insert_mail, NewMail};
use crate::payments::{write_audit, Actor};
use crate::{Store, StoreError};

/// The least time between two invitations to one account, in milliseconds.
pub const INVITATION_RESEND_GAP_MILLIS: i64 = 60_000;

/// A new link for an account already invited, and the mail that carries it.
#[derive(Debug, Clone)]
pub struct InvitationLink {
    /// The hash of the link's token (the token itself is only in the mail).
    pub token_hash: String,
    pub expires_at: Timestamp,
    pub mail: NewMail,
}

/// What came of asking for a new invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvitationResend {
    /// The new link is queued; every earlier one has stopped working.
    Sent,
    /// The account has a password of its own (it accepted its invitation, reset its
    /// password, or was never invited): it signs in, or resets its password, like any other.
    HasPassword,
    /// The last invitation went out less than [`INVITATION_RESEND_GAP_MILLIS`] ago.
    TooSoon { wait_secs: i64 },
}

/// An account invited and still without a password, as the consoles list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvitation {
    pub user: UserId,
    pub email: String,
    /// When the newest link was sent.
    pub sent_at: Timestamp,
    /// When the newest link stops working (it may have already).
    pub expires_at: Timestamp,
}

/// The open invitations of the accounts of `$1`'s tenant, or of the platform when `$1` is
/// null, newest link per account (through `auth_tokens_open_invitations`).
const OPEN_INVITATIONS: &str = "select u.id, u.email, max(a.created_at), max(a.expires_at) \
     from auth_tokens a join users u on u.id = a.user_id \
     where a.purpose = 'invitation' and a.used_at is null \
     and (u.tenant_id = $1 or (u.tenant_id is null and $1 is null))";

type OpenRow = (Uuid, String, i64, i64);

fn open_invitation((id, email, sent_at, expires_at): OpenRow) -> OpenInvitation {
    OpenInvitation {
        user: UserId(id),
        email,
        sent_at: Timestamp(sent_at),
        expires_at: Timestamp(expires_at),
    }
}

impl Store {
    /// The accounts of `tenant` (`None`: the platform's) still invited, by address.
    pub async fn open_invitations(
        &self,
        tenant: Option<TenantId>,
    ) -> Result<Vec<OpenInvitation>, StoreError> {
        let rows: Vec<OpenRow> = on_reader!(self, |pool| {
            sqlx::query_as(&format!(
                "{OPEN_INVITATIONS} group by u.id, u.email order by u.email"
            ))
            .bind(tenant.map(|t| t.0))
            .fetch_all(pool)
            .await?
        });
        Ok(rows.into_iter().map(open_invitation).collect())
    }

    /// `user`'s open invitation, when it is an account of `tenant` still invited.
    pub async fn open_invitation(
        &self,
        tenant: Option<TenantId>,
        user: UserId,
    ) -> Result<Option<OpenInvitation>, StoreError> {
        let row: Option<OpenRow> = on_reader!(self, |pool| {
            sqlx::query_as(&format!(
                "{OPEN_INVITATIONS} and u.id = $2 group by u.id, u.email"
            ))
            .bind(tenant.map(|t| t.0))
            .bind(user.0)
            .fetch_optional(pool)
            .await?
        });
        Ok(row.map(open_invitation))
    }

    /// Whether the invitation link `token_hash` (of an account of `tenant`) was replaced by
    /// a newer one, so its page can send the invitee to the newer mail.
    pub async fn invitation_replaced(
        &self,
        tenant: Option<TenantId>,
        token_hash: &str,
    ) -> Result<bool, StoreError> {
        let row: Option<(bool,)> = on_reader!(self, |pool| {
            sqlx::query_as(
                "select exists (select 1 from auth_tokens b where b.user_id = a.user_id \
                 and b.purpose = 'invitation' and b.created_at > a.created_at) \
                 from auth_tokens a join users u on u.id = a.user_id \
                 where a.token_hash = $1 and a.purpose = 'invitation' \
                 and (u.tenant_id = $2 or (u.tenant_id is null and $2 is null))",
            )
            .bind(token_hash)
            .bind(tenant.map(|t| t.0))
            .fetch_optional(pool)
            .await?
        });
        Ok(row.is_some_and(|(replaced,)| replaced))
    }

    /// Sends `user` (an account of `tenant`; `None`: the platform's) the new invitation
    /// `link`: earlier links expire, the new one and its mail are stored, and an audit row
    /// (`invitation.resend`) is written, in one transaction. Another tenant's account, or
    /// none, is not found.
    #[tracing::instrument(skip_all, fields(tenant = ?tenant, user = %user))]
    pub async fn resend_invitation(
        &self,
        tenant: Option<TenantId>,
        user: UserId,
        link: &InvitationLink,
        actor: &Actor,
        now: Timestamp,
    ) -> Result<InvitationResend, StoreError> {
        let tenant_id = tenant.map(|t| t.0);
        let outcome = in_transaction!(self, |tx| {
            // A no-op write locks the account (a row lock on PostgreSQL; SQLite's write
            // transaction is alone anyway), so two admins pressing the button at once are
            // counted one after the other and only one mail goes.
            // A deleted account is not found: its row is kept only for the books.
            let found: Option<(Uuid,)> = sqlx::query_as(
                "update users set updated_at = updated_at where id = $1 \
                 and (tenant_id = $2 or (tenant_id is null and $2 is null)) \
                 and password_hash <> '!deleted' returning id",
            )
            .bind(user.0)
            .bind(tenant_id)
            .fetch_optional(&mut *tx)
            .await?;
            if found.is_none() {
                return Err(StoreError::NotFound("user"));
            }
            // Accepting an invitation, or resetting the password, uses every invitation
            // link up; an account never invited has none.
            let (open, used, last_sent, last_expires): (i64, i64, Option<i64>, Option<i64>) =
                sqlx::query_as(
                    "select count(*) filter (where used_at is null), \
                     count(*) filter (where used_at is not null), \
                     max(created_at), max(expires_at) \
                     from auth_tokens where user_id = $1 and purpose = 'invitation'",
                )
                .bind(user.0)
                .fetch_one(&mut *tx)
                .await?;
            let (Some(last_sent), Some(last_expires)) = (last_sent, last_expires) else {
                return Ok(InvitationResend::HasPassword);
            };
            if open == 0 || used > 0 {
                return Ok(InvitationResend::HasPassword);
            }
            let since = now.millis() - last_sent;
            if since < INVITATION_RESEND_GAP_MILLIS {
                let wait_millis = INVITATION_RESEND_GAP_MILLIS - since;
                return Ok(InvitationResend::TooSoon {
                    wait_secs: (wait_millis + 999) / 1000,
                });
            }
            sqlx::query(
                "update auth_tokens set expires_at = $2 where user_id = $1 \
                 and purpose = 'invitation' and used_at is null and expires_at > $2",
            )
            .bind(user.0)
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "insert into auth_tokens (token_hash, user_id, purpose, expires_at, created_at) \
                 values ($1, $2, 'invitation', $3, $4)",
            )
            .bind(&link.token_hash)
            .bind(user.0)
            .bind(link.expires_at.millis())
            .bind(now.millis())
            .execute(&mut *tx)
            .await?;
            insert_mail!(tx, &link.mail, now);
            let before = if last_expires <= now.millis() {
                "link expired"
            } else {
                "link still valid"
            };
            write_audit!(
                tx,
                tenant_id,
                actor,
                "invitation.resend",
                // The account, not its address, as the `user.*` rows name it: the log
                // keeps no address a deletion would have to find.
                user.to_string(),
                before,
                "new link sent",
                now
            );
            InvitationResend::Sent
        });
        Ok(outcome)
    }
}
