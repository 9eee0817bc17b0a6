-- A credit form's one-time id keeps the amount and reason it was used for, so a repeat of
-- it (a double-click, a retry) is told apart from the same form edited or replayed with
-- another amount, which is refused rather than answered as done. Ids used before this
-- take the amount from their balances and the reason from the ledger row their
-- transaction wrote (same account, same moment, same amount).
alter table credit_adjustments add column delta bigint not null default 0;
alter table credit_adjustments add column reason text not null default '';
update credit_adjustments
set delta = balance_after - balance_before,
    reason = coalesce((select l.reference from credit_ledger l
                       where l.user_id = credit_adjustments.user_id
                         and l.reason = 'admin_adjustment'
                         and l.created_at = credit_adjustments.created_at
                         and l.delta = credit_adjustments.balance_after - credit_adjustments.balance_before
                       limit 1), '');
