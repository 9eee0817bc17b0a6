-- Open invitations (sent, not yet accepted): few at any time, read by the consoles that
-- list who is still invited and resend a link. The partial index holds only those, so the
-- lists stay quick however many reset and verification links the table keeps.
create index auth_tokens_open_invitations on auth_tokens (user_id, created_at)
    where purpose = 'invitation' and used_at is null;
