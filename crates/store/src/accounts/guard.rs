//! What keeps a site with an admin while its admins change each other's accounts. Every
//! such change (disabling, a role, a deletion, credits) takes the site's lock first (its settings
//! row, `lock_settings!`), so two admins removing each other at the same moment are
//! decided one after the other: the second then finds that its admin is an admin no more,
//! or that it would take away the last one.

/// Why an admin's change to an account was refused. Nothing was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountChangeRefusal {
    /// The admin asking is no longer an enabled admin of the site: another admin took the
    /// role away or disabled the account a moment before.
    NotAnAdmin,
    /// The change would leave the site without an enabled admin.
    LastAdmin,
}

/// How many accounts of the site `$1` other than `$2` are admins who can still sign in:
/// enabled, and not deleted (a deleted row keeps its role for the books).
pub(crate) const OTHER_ADMINS: &str = "select count(*) from users where tenant_id = $1 \
     and role = 'tenant_admin' and disabled_at is null and password_hash <> '!deleted' \
     and id <> $2";

/// 1 when `$2` may still change the accounts of the site `$1`: an enabled admin of that
/// site, or a super-admin; 0 otherwise.
pub(crate) const STILL_AN_ADMIN: &str = "select count(*) from users where id = $2 \
     and disabled_at is null and password_hash <> '!deleted' \
     and ((tenant_id = $1 and role = 'tenant_admin') or (tenant_id is null and role = 'super_admin'))";

/// Inside the transaction of an admin's change to an account of `$tenant` (its role, its
/// state, its deletion, its credits): takes the site's lock, then returns
/// `Ok(Err($refusal))` from the enclosing function (the transaction rolls back, nothing
/// written) unless `$actor` (an `Option<&Actor>`; `None` is the operator's command line,
/// or a person acting on their own account) is still an admin who may make it.
/// `$refusal` is the function's own "not an admin" (`AccountChangeRefusal::NotAnAdmin`
/// when left out), so a request that passed the handler's guard and then waited for the
/// lock behind its admin's removal writes nothing.
macro_rules! lock_for_admin_change {
    ($tx:ident, $tenant:expr, $actor:expr) => {
        $crate::accounts::guard::lock_for_admin_change!(
            $tx,
            $tenant,
            $actor,
            $crate::accounts::guard::AccountChangeRefusal::NotAnAdmin
        )
    };
    ($tx:ident, $tenant:expr, $actor:expr, $refusal:expr) => {{
        $crate::tenants::lock_settings!($tx, $tenant);
        if let Some(actor) = $actor {
            let (still,): (i64,) = sqlx::query_as($crate::accounts::guard::STILL_AN_ADMIN)
                .bind($tenant.0)
                .bind(actor.id.0)
                .fetch_one(&mut *$tx)
                .await?;
            if still == 0 {
                return Ok(Err($refusal));
            }
        }
    }};
}
pub(crate) use lock_for_admin_change;

/// Inside the same transaction, after `lock_for_admin_change!`: returns
/// `Ok(Err(LastAdmin))` from the enclosing function (nothing written) when the site `$tenant`
/// has no enabled admin besides `$user`, whose change would take the last one away.
macro_rules! refuse_last_admin {
    ($tx:ident, $tenant:expr, $user:expr) => {{
        let (others,): (i64,) = sqlx::query_as($crate::accounts::guard::OTHER_ADMINS)
            .bind($tenant.0)
            .bind($user.0)
            .fetch_one(&mut *$tx)
            .await?;
        if others == 0 {
            return Ok(Err(
                $crate::accounts::guard::AccountChangeRefusal::LastAdmin,
            ));
        }
    }};
}
pub(crate) use refuse_last_admin;
