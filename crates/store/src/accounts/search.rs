//! Finding a tenant's accounts by what an admin types: the start of an email address or of
//! a name, capitals ignored. Prefix ranges, not `like '%…%'`, so each side of the search
//! is a range of an index (`users_tenant_email`, `users_tenant_name_prefix`).
//!
//! Two plans, chosen by how many accounts the prefix matches (counted in the indexes, up to
//! [`NARROW`]): a narrow prefix ("asha") reads just its matches through the two ranges and
//! sorts them; a broad one ("a") walks the accounts newest first and keeps the matches,
//! which are dense there. Either alone is slow on the other's case on SQLite (a narrow
//! prefix walked 100,000 accounts in 100 ms; a broad one sorted them all in 330 ms).

use atelier_domain::{TenantId, Timestamp, User, UserId};
use uuid::Uuid;

use super::{UserRow, USER_COLUMNS};
use crate::backend::{on_reader, Backend};
use crate::{Store, StoreError};

/// The end of the range of strings that start with `prefix`: beyond the prefix followed
/// by any character, in the byte order both databases compare these columns in.
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// Matches up to this many, a search reads them through the indexes and sorts them.
const NARROW: i64 = 1000;

impl Store {
    /// A tenant's accounts whose email or name starts with `query` (capitals ignored),
    /// newest first, a keyset page at a time as [`Store::list_users`] pages them.
    #[tracing::instrument(skip_all, fields(tenant = %tenant))]
    pub async fn search_users(
        &self,
        tenant: TenantId,
        query: &str,
        before: Option<(Timestamp, UserId)>,
        limit: i64,
    ) -> Result<Vec<User>, StoreError> {
        let (before_at, before_id) =
            before.map_or((i64::MAX, Uuid::max()), |(t, u)| (t.millis(), u.0));
        // Emails are stored lower-cased; names are compared lower-cased (SQLite's lower()
        // folds A–Z only, PostgreSQL's every letter; Hindi has no capitals either way).
        let start = query.trim().to_lowercase();
        let end = prefix_end(&start);
        // PostgreSQL compares text by the database's collation, whose order is no prefix
        // order; its indexes for this search are in byte order ("C"), as SQLite's are.
        let bytes = match self.backend {
            Backend::Postgres { .. } => " collate \"C\"",
            Backend::Sqlite { .. } => "",
        };
        let email = format!("u.email{bytes} >= $2 and u.email{bytes} < $3");
        let name = format!("lower(u.name){bytes} >= $2 and lower(u.name){bytes} < $3");
        let count_sql = format!(
            "select (select count(*) from (select 1 from users u where u.tenant_id = $1 \
               and {email} limit {NARROW} + 1) e), \
             (select count(*) from (select 1 from users u where u.tenant_id = $1 \
               and {name} limit {NARROW} + 1) n)"
        );
        let (emails, names): (i64, i64) = on_reader!(self, |pool| {
            sqlx::query_as(&count_sql)
                .bind(tenant.0)
                .bind(&start)
                .bind(&end)
                .fetch_one(pool)
                .await?
        });
        let matching = if emails <= NARROW && names <= NARROW {
            format!(
                "u.id in (select u.id from users u where u.tenant_id = $1 and {email} \
                 union all select u.id from users u where u.tenant_id = $1 and {name})"
            )
        } else {
            format!("u.tenant_id = $1 and (({email}) or ({name}))")
        };
        let sql = format!(
            "select {USER_COLUMNS} from users u where {matching} \
             and (u.created_at, u.id) < ($4, $5) \
             order by u.created_at desc, u.id desc limit $6"
        );
        let rows: Vec<UserRow> = on_reader!(self, |pool| {
            sqlx::query_as(&sql)
                .bind(tenant.0)
                .bind(&start)
                .bind(&end)
                .bind(before_at)
                .bind(before_id)
                .bind(limit)
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(UserRow::into_user).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::prefix_end;

    #[test]
    fn every_string_with_the_prefix_sorts_inside_the_range() {
        let end = prefix_end("asha");
        for inside in ["asha", "asha@example.com", "ashaz", "asha\u{FFFF}"] {
            assert!(inside.as_bytes() >= "asha".as_bytes() && inside.as_bytes() < end.as_bytes());
        }
        assert!("ashb".as_bytes() >= end.as_bytes());
    }
}
