# The tenant admin's users pages: the search on the list, one account's profile, adjusting
# its credits and deleting it, and the mail a person gets when an admin deletes their
# account. $site is the site's name; $email an account's address.

## The list's search

admin-users-search-label = Search users
admin-users-search = Find a person
admin-users-search-hint = Type the start of an email address or of a name, such as “asha” or “asha@gm”. Capitals don't matter; a name matches from its first letter, so “Kumar” does not find “Ravi Kumar”.
admin-users-search-button = Search
admin-users-search-clear = Show everyone
# $query is what the admin typed.
admin-users-caption-search = Users whose email or name starts with “{ $query }”, newest first
admin-users-no-match-title = Nobody matches
admin-users-no-match = No email address or name starts with “{ $query }”. Check the spelling, or type less of it.
admin-users-done-deleted = The account was deleted. Its ledger and payments stay in your books without the person's details, and they were told by email.

## One account's profile

admin-user-title = { $email } · Users · Admin · { $site }
admin-user-description = One account on { $site }: its credits, history and status.
admin-user-back = ← All users
admin-user-account = Account
admin-user-email = Email
admin-user-verified = Confirmed
admin-user-name = Name
admin-user-no-name = No name given
admin-user-state = Status
admin-user-active = Active
# $balance, $held and $available are numbers of credits.
admin-user-balance = { $balance } ({ $held } held for images in progress, { $available } available)
admin-user-payments = Payments
admin-user-payments-count = { $count ->
    [one] { $count } payment
   *[other] { $count } payments
 } ({ $approved } approved, { $pending } waiting)
admin-user-jobs = Images
admin-user-jobs-link = See this person's jobs
admin-user-disable-hint = Disabling signs this person out everywhere, stops their images in progress and keeps them out until you enable the account again.
admin-user-damaged-cursor = This link to older credit history is damaged. Open the person's page again and use its “Older” link.
admin-user-done-credits = The credits were adjusted: the balance and the history below show the change.

## Adjusting credits

admin-user-credits = Adjust credits
# $units is the site's credit unit in the plural, e.g. "Sparks".
admin-user-credits-lead = Add { $units } (a refund, a goodwill gift) or take them away (a mistake). Each adjustment is written to the person's history with your reason and your name, and to the audit log.
admin-user-credits-delta = Change
admin-user-credits-delta-hint = A whole number: 50 adds 50, -50 takes 50 away.
admin-user-credits-reason = Reason
admin-user-credits-reason-hint = Required, 3 to 200 characters. The person sees it in their credit history.
admin-user-credits-save = Adjust credits
admin-users-credits-delta-required = Enter how many credits to add or take away.
admin-users-credits-delta-zero = Enter a change other than 0.
admin-users-credits-delta-number = Enter a whole number, such as 50 or -50.
# $max is the largest change either way.
admin-users-credits-delta-range = An adjustment is at most { $max } either way.
# $min is the fewest characters a reason has.
admin-users-credits-reason-required = Write a reason of at least { $min } characters.
admin-users-credits-reason-long = Keep the reason to { $max } characters.
# $most is what may be taken away now; $balance and $held are numbers of credits.
admin-user-credits-below-held = You can take away at most { $most } now: the balance is { $balance }, and { $held } of it is held for images in progress.
admin-user-ledger-adjustment = Adjustment by an admin

## The credit history

admin-user-ledger = Credit history
admin-user-ledger-when = When
admin-user-ledger-change = Change
admin-user-ledger-reason = Reason
admin-user-ledger-by = By
admin-user-ledger-by-site = The site
admin-user-ledger-pages = Credit history pages
admin-user-ledger-newest = ← Newest
admin-user-ledger-older = Older →
admin-user-ledger-past-end = There is nothing older in this history.
admin-user-ledger-empty = No credits have moved on this account yet.

## Deleting the account

admin-user-delete = Delete this account
admin-user-delete-lead = The person's sign-in, prompts and images are deleted and cannot be brought back. Their ledger and payments stay in your books without their name or address. They are told by email.
admin-user-delete-confirm-label = Type the account's email address to confirm
admin-user-delete-confirm-hint = Type { $email } exactly.
admin-user-delete-button = Delete the account
admin-user-delete-confirm = That is not this account's email address: nothing was deleted.
admin-user-delete-yourself = You cannot delete your own account here: use your account page.
admin-user-delete-jobs-in-progress = This person has images in progress. Wait for them to finish, or disable the account to stop them, then delete it.
admin-user-delete-payment-pending = This person has a payment waiting for a decision. Approve or reject it first.
admin-user-delete-last-admin = This is the site's only admin. Make someone else an admin first.

## Deleted accounts, the last admin, and a damaged form

admin-users-deleted = Deleted
admin-users-deleted-no-actions = Nothing to change
admin-user-deleted-lead = This account was deleted. Its credit history stays for your books; nothing about it can be changed.
admin-users-last-admin = This is the site's only admin who can sign in. Make someone else an admin first.
admin-user-credits-damaged-form = This form is damaged. Open the person's page again and adjust the credits from there.
admin-user-credits-form-used = This form was already used for another adjustment, so nothing changed. The page has been reloaded with the current balance: check it, and adjust again if this change is still needed.

## The audit log's words for these actions

admin-audit-user-credits = Adjusted credits
admin-audit-user-disable = Disabled an account
admin-audit-user-enable = Enabled an account
admin-audit-user-delete = Deleted an account
admin-audit-value-disabled = disabled
admin-audit-value-deleted = deleted

## The mail to a person whose account an admin deleted

mail-deleted-by-admin-preheader = Your { $site } account was deleted by the site.
mail-deleted-by-admin-intro = Your { $site } account ({ $email }) was deleted by the site's team: your sign-in, prompts and images are gone, and nobody can sign in with this address and your old password.
mail-deleted-by-admin-question = If you think this is a mistake, contact us.
mail-deleted-by-admin-question-email = If you think this is a mistake, write to us at { $address }.
