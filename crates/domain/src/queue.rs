//! Where a person's queued jobs stand. Workers claim fairly: the tenant served longest ago,
//! then within it the user served longest ago, then that user's oldest job. So within a
//! tenant the users take turns, one job each, in the order of their last turn, and a user's
//! k-th oldest queued job starts in round k.
//!
//! The estimate counts only the person's own site: other tenants' queues are not shown to
//! anyone (they would tell a reseller how busy its rivals are), so it is labelled an estimate.

use crate::UserId;

/// Another user of the same tenant with queued work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    pub user: UserId,
    /// How many jobs that user has queued.
    pub queued: i64,
    /// When that user's last job was claimed (0: never); earlier goes first.
    pub last_turn: i64,
}

/// The places in line (1 = next) of a user's `own` queued jobs, oldest first, given the
/// user's own turn and everyone else of the tenant who is waiting.
pub fn fair_positions(me: UserId, my_last_turn: i64, own: usize, others: &[Waiting]) -> Vec<i64> {
    (1..=own as i64)
        .map(|round| {
            let ahead: i64 = others
                .iter()
                .filter(|w| w.user != me)
                .map(|w| {
                    // Those whose turn comes before mine get this round's job too.
                    let first = (w.last_turn, w.user) < (my_last_turn, me);
                    w.queued.min(if first { round } else { round - 1 })
                })
                .sum();
            ahead + round
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(n: u128) -> UserId {
        UserId(uuid::Uuid::from_u128(n))
    }

    #[test]
    fn alone_in_line_my_jobs_come_one_after_another() {
        assert_eq!(fair_positions(user(1), 0, 3, &[]), vec![1, 2, 3]);
    }

    #[test]
    fn a_big_backlog_of_someone_else_costs_one_place_a_round() {
        let backlog = Waiting {
            user: user(2),
            queued: 500,
            last_turn: 10,
        };
        // I was served more recently, so each round the backlog goes first.
        assert_eq!(fair_positions(user(1), 20, 2, &[backlog]), vec![2, 4]);
        // Served earlier than the backlog, I go first each round.
        assert_eq!(fair_positions(user(1), 5, 2, &[backlog]), vec![1, 3]);
    }

    #[test]
    fn a_short_queue_stops_counting_once_it_is_empty() {
        let short = Waiting {
            user: user(2),
            queued: 1,
            last_turn: 0,
        };
        assert_eq!(fair_positions(user(1), 9, 3, &[short]), vec![2, 3, 4]);
    }
}
