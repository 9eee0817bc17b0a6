//! Buying credits: the packs a tenant sells, the payment requests its users make, and the
//! admins' decisions on them. An approval grants the credits through the ledger, queues the
//! user's mail and writes the audit row in one transaction, and only a pending request can be
//! decided, so a request credits at most once however many admins click at the same moment.

mod audit;
mod by_utr;
mod decide;
mod desk;
mod packs;
mod requests;

pub(crate) use audit::write_audit;
pub use audit::{Actor, AuditRecord};
pub use decide::{Decided, Decision};
pub use desk::{DeskFilter, DeskOrder};
pub use packs::Pack;
pub use requests::{NewPayment, PaymentRecord, PaymentRefusal};
