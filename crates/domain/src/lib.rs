//! Atelier's pure rules: values parsed once at the edge, and the arithmetic and state
//! machines the rest of the system relies on. Nothing in this crate performs I/O.
#![forbid(unsafe_code)]

pub mod account;
pub mod adjustment;
pub mod clock;
pub mod credits;
pub mod host;
pub mod india_time;
pub mod job;
pub mod job_reason;
pub mod payments;
pub mod platform_rules;
pub mod queue;
pub mod tenant;

pub use account::{
    hash_password, hash_token, random_bytes, refuse_control_characters, verify_password,
    ApiTokenId, Email, HashMemory, NewPassword, PersonName, RandomError, Role, SecretToken,
    TokenName, User, UserId,
};
pub use adjustment::{AdjustmentErrors, CreditAdjustment};
pub use atelier_i18n::{msg, problems as i18n_problems, Lang, Msg};
pub use clock::{Clock, ManualClock, SystemClock, Timestamp};
pub use credits::{
    job_cost, CreditChange, Credits, LedgerEntry, LedgerLine, LedgerReason, NotEnoughCredits,
    Wallet,
};
pub use host::HostName;
pub use india_time::IndiaDate;
pub use job::{parse_seed, ImageId, ImageSize, Job, JobId, JobStatus, NewJob, Prompt};
pub use job_reason::{job_error_text, JobReason};
pub use payments::{
    upi_link, PackId, PackTerms, Paise, PaymentId, PaymentReference, PaymentState, Utr, Vpa,
};
pub use platform_rules::PlatformRules;
pub use queue::{fair_positions, Waiting};
pub use tenant::{BlockList, MAX_ACTIVE_JOBS_PER_USER};
pub use tenant::{
    Colour, CreditUnit, Slug, Tenant, TenantId, TenantSettings, TenantSettingsInput, TenantStatus,
    ThemeName, ValidationError,
};
pub use tenant::{IMAGE_SIDE_STEP, MIN_IMAGE_SIDE, PLATFORM_MAX_IMAGE_SIDE};
