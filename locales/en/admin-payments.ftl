# The tenant admin's payment desk: the requests waiting for a decision, approving and
# rejecting them, the CSV export; and the platform console's list of every tenant's
# payments. $site is the site's name; $amount rupees already written ("₹149.00"); $email the
# payer's address; $credits a number of credits with its unit ("50 Sparks").

admin-payments-payments = Payments
admin-payments-admin = Admin
admin-payments-description = Payments waiting for a decision on { $site }.
admin-payments-waiting-count = { $count } waiting
admin-payments-lead = Before approving, find the payment in your bank statement or UPI app: a UTR alone proves nothing. Approving adds the { $units } at once and mails the buyer; rejecting mails them your reason.
admin-payments-go-to-reason = Go to the reason

## The filters.

admin-payments-find = Find payments
admin-payments-show = Show
admin-payments-show-pending = Waiting for a decision
admin-payments-show-approved = Approved
admin-payments-show-rejected = Rejected
admin-payments-show-all = All payments
admin-payments-search = UTR, reference or email
admin-payments-search-example = 432187650912, AT… or the start of an email
admin-payments-from = Submitted from
admin-payments-through = Through
# A typed date when the browser has no date picker.
admin-payments-days-hint = Days are India time (IST, UTC+05:30), midnight to midnight; both days are included. A UTR or reference must match in full; an email matches from its start.
admin-payments-show-button = Show payments
admin-payments-clear = Clear filters

## The list.

admin-payments-caption-pending = Payments waiting for a decision, oldest first
admin-payments-caption-all = Payments, newest first
admin-payments-buyer-and-pack = Buyer and pack
admin-payments-amount = Amount
admin-payments-utr-and-reference = UTR and reference
admin-payments-utr = UTR
admin-payments-reference = Reference
admin-payments-submitted-ist = Submitted (IST)
admin-payments-submitted = Submitted
admin-payments-state = State
admin-payments-decide = Decide
admin-payments-account-deleted = Account deleted
admin-payments-waiting = Waiting
admin-payments-approved = Approved
admin-payments-rejected = Rejected
# $at is a day and time in India, $by an admin's address.
admin-payments-decided-by = { $at }, by <span class="break-anywhere">{ $by }</span>
admin-payments-approve = Approve<span class="visually-hidden"> { $amount } from { $email }</span>
admin-payments-reject = Reject…<span class="visually-hidden"> { $amount } from { $email }</span>
admin-payments-reason-label = Reason — the buyer reads this in their mail
admin-payments-reason-example = No payment with this UTR reached our account.
admin-payments-reject-button = Reject this payment
admin-payments-pages = Payment pages
admin-payments-first-page = ← First page
admin-payments-next = Next →
admin-payments-nothing-listed = Nothing listed yet
admin-payments-fix-filter = Fix the marked filter above and show the payments again.
admin-payments-no-more = No more payments on this list
admin-payments-end = You have reached the end.
admin-payments-back-first = Back to the first page
admin-payments-no-match = No payments match these filters
admin-payments-no-match-hint = Check the UTR or reference digit by digit, or widen the days.
admin-payments-nothing-to-decide = Nothing to decide
admin-payments-none-waiting = No payments waiting. New ones appear here as users confirm them.

## The tools below the list.

admin-payments-match-statement = Match a bank statement
admin-payments-match-hint = Upload the CSV your bank exports: every waiting payment whose UTR and amount it shows is ticked for you to approve in one step. Nothing is approved until you confirm.
admin-payments-upload-statement = Upload a statement
admin-payments-export-title = Export to a spreadsheet
admin-payments-export-hint = A CSV file of the payments submitted on these days (India time), oldest first, at most 366 days at a time.
admin-payments-export-refused = The export needs a change before it can start; see the marked field.
admin-payments-first-day = First day
admin-payments-last-day = Last day
admin-payments-export-all = All
admin-payments-download = Download CSV

## What the desk says after a decision, and why one was not made.

admin-payments-approved-notice = Approved { $amount } from { $email }: { $credits } added to their balance, and a mail tells them so.
admin-payments-rejected-notice = Rejected { $amount } from { $email }. A mail tells them your reason.
# Beside a request of the admin's own, where others have Approve and Reject.
admin-payments-own-note = Another admin must decide your own payment. If you are this site's only admin, ask the platform's administrators.
admin-payments-own-payment = The payment of { $amount } from { $email } (UTR { $utr }) was made from your own account, and another admin must decide your own payment, so nothing was changed.
# $state is "approved" or "rejected"; $by an admin's address or admin-payments-former-admin;
# $at a day and time in India.
admin-payments-already-decided = The payment of { $amount } from { $email } (UTR { $utr }) was already { $state ->
    [approved] approved
   *[rejected] rejected
} by { $by } at { $at } (India time), so nothing was changed.
admin-payments-already-decided-undated = The payment of { $amount } from { $email } (UTR { $utr }) was already { $state ->
    [approved] approved
   *[rejected] rejected
} by { $by }, so nothing was changed.
admin-payments-former-admin = an admin who has since left
admin-payments-account-gone = The account that made this payment was deleted, so there is no balance to add the credits to and nothing was changed. Reject it with a reason instead (refund the payer if they ask).
# $why says what is wrong with the reason typed.
admin-payments-not-rejected = The payment of { $amount } from { $email } was not rejected: { $why }

# What became of other requests with the same UTR, beside a row. $date is a day in India.
admin-payments-utr-approved = This UTR was approved on { $date } by { $by } ({ $email }, reference { $reference }).
admin-payments-utr-rejected = This UTR was rejected on { $date } by { $by } ({ $email }, reference { $reference }).
admin-payments-utr-rejected-reason = This UTR was rejected on { $date } by { $by }: “{ $reason }” ({ $email }, reference { $reference }).

## The filters' and the export's messages. $first and $last are days written YYYY-MM-DD.

admin-payments-days-backwards = The last day ({ $last }) is before the first ({ $first }); swap them.
admin-payments-choose-state = Choose waiting, approved, rejected or all.
admin-payments-search-too-long = Search with a UTR, a reference or the start of an email address (at most { $max } characters).
admin-payments-search-control = The search has a character that cannot be typed.
admin-payments-link-damaged = This page link is damaged. Open the payment desk again and use its Next link.
admin-payments-export-first = Choose the first day to export.
admin-payments-export-last = Choose the last day to export.
admin-payments-export-too-long = One file covers at most { $max } days, and { $first } to { $last } is { $days }. Export it in two parts.

## The platform console's list of every tenant's payments. $platform is the platform's name.

admin-payments-console = Console
admin-payments-platform-description = Every tenant's payment requests on { $platform }.
admin-payments-platform-eyebrow = { $platform } console
admin-payments-platform-lead = Every tenant's payment requests, newest first. This list is read-only: each tenant's admins approve or reject their own.
admin-payments-filter = Filter payments
admin-payments-tenant = Tenant
admin-payments-all-tenants = All tenants
admin-payments-any-state = Any state
admin-payments-pending = Pending
admin-payments-clear-short = Clear
admin-payments-platform-caption = Payment requests, newest first
admin-payments-buyer = Buyer
admin-payments-credits = Credits
admin-payments-reference-utr = Reference · UTR
admin-payments-ref-utr = Ref. · UTR
admin-payments-decided = Decided
admin-payments-by = by { $by }
admin-payments-not-yet = Not yet
admin-payments-newest = ← Newest
admin-payments-older = Older →
admin-payments-no-older = No older payments
admin-payments-list-end = This is the end of the list.
admin-payments-back-newest = Back to the newest
admin-payments-platform-no-match = No payments match
admin-payments-platform-no-match-hint = No payment request has this tenant and state. Clear the filter to see them all.
admin-payments-none-yet = No payments yet
admin-payments-none-yet-hint = When a buyer on any tenant's site confirms a UPI payment, the request is listed here.
admin-payments-no-tenant = There is no tenant “{ $slug }”. Choose one from the list.
admin-payments-choose-platform-state = Choose a state: pending, approved or rejected.
admin-payments-platform-link-damaged = That page link is damaged. Start again from the newest payments.

## Matching a bank statement: the upload form.

admin-payments-statement-title = Match a bank statement
admin-payments-statement-description = Match the credits in your bank statement to the payment requests waiting on { $site }.
admin-payments-desk = Payment desk
admin-payments-statement-lead = Upload the statement your bank exports and see which waiting payment requests it pays, by UTR and amount. Nothing is approved until you tick the matches and confirm on the next page.
admin-payments-statement-which-file = Which file to upload
admin-payments-statement-step-download = In your net banking, open the account your customers pay into and download its statement for the days you want to check.
admin-payments-statement-step-csv = Choose <strong>CSV</strong> as the format (some banks call it "delimited" or "comma separated").
admin-payments-statement-step-excel = If your bank only offers Excel (.xls or .xlsx), open the file and save it as CSV first. PDF statements cannot be read.
admin-payments-statement-size = Up to { $megabytes } MB; a month or two of transactions is plenty.
admin-payments-statement-bank = Your bank
# $columns are a bank's own column names, as its files have them.
admin-payments-statement-bank-columns = Columns: { $columns }
admin-payments-statement-columns-with = { $amount } with { $direction }
admin-payments-statement-other-bank = Another bank: I'll name the columns
admin-payments-statement-other-bank-hint = Type the column names from your file's header row.
admin-payments-statement-columns = Your statement's columns
admin-payments-statement-columns-hint = Only for "Another bank". Type each name as the header row of the file shows it; capitals and spaces do not matter.
admin-payments-statement-optional = (optional)
# The *-example messages are column names as banks' files have them, shown as examples.
admin-payments-statement-date-column = Date column
admin-payments-statement-date-example = Txn Date
admin-payments-statement-reference-column = Reference or UTR column
admin-payments-statement-reference-example = Ref No.
admin-payments-statement-narration-column = Narration column
admin-payments-statement-narration-example = Description
admin-payments-statement-narration-hint = Searched for the 12-digit UTR when the reference column has none.
admin-payments-statement-money = How the statement shows money in and out
admin-payments-statement-split = Separate deposit and withdrawal columns
admin-payments-statement-single = One amount column
admin-payments-statement-credit-column = Deposit (credit) column
admin-payments-statement-credit-example = Credit
admin-payments-statement-debit-column = Withdrawal (debit) column
admin-payments-statement-debit-example = Debit
admin-payments-statement-amount-column = Amount column
admin-payments-statement-amount-example = Amount
admin-payments-statement-direction-column = Dr/Cr column
admin-payments-statement-direction-example = Dr / Cr
admin-payments-statement-direction-hint = Leave it empty when withdrawals are negative amounts.
admin-payments-statement-file = Statement file (CSV)
admin-payments-statement-header-hints = These rows of your file look like a header row; choose "Another bank" and type the names from the right one:
admin-payments-statement-remembered = We remember your bank's columns for next time. The file itself is not kept.
admin-payments-statement-read = Read the statement
admin-payments-statement-reassure = Nothing is approved at this step: you see the matches first.

admin-payments-statement-choose-bank = Choose your bank, or "Another bank" to name the columns yourself.
admin-payments-statement-choose-amounts = Choose how the statement shows money in and out.
admin-payments-statement-no-file = Choose the statement file (CSV) you downloaded from your bank.
admin-payments-statement-broken = The upload stopped before the whole file arrived. Choose the file and upload it again.

## What a statement matches (the preview), and what approving the ticked ones did.

admin-payments-statement-matches = Statement matches
admin-payments-statement-matches-description = The payment requests your bank statement pays.
admin-payments-statement-read-lines = Read { $count } { $count ->
    [one] credit
   *[other] credits
} below the header row on line { $line }. Nothing has been approved yet.
# The summary's parts, joined by commas: "2 matches, 1 amount differs, 1 line unreadable",
# then ended as a sentence.
admin-payments-statement-summary = { $summary }.
admin-payments-statement-no-matches = No matches
admin-payments-statement-match-count = { $count } { $count ->
    [one] match
   *[other] matches
}
admin-payments-statement-differs-count = { $count } { $count ->
    [one] amount differs
   *[other] amounts differ
}
admin-payments-statement-outside-count = { $count } { $count ->
    [one] payment
   *[other] payments
} outside the dates
admin-payments-statement-unknown-count = { $count } { $count ->
    [one] credit matches
   *[other] credits match
} no pending request
admin-payments-statement-problem-count = { $count } { $count ->
    [one] line unreadable
   *[other] lines unreadable
}
admin-payments-statement-matched = Matches
admin-payments-statement-matched-lead = The statement has a credit with the request's UTR, for the pack's price, within { $days } days of the request. Untick any you do not want to approve now.
admin-payments-statement-approve = Approve
admin-payments-statement-person = Person
admin-payments-statement-pack = Pack
admin-payments-statement-statement = Statement
admin-payments-statement-utr-lines = UTR on { $count } lines: check before ticking
admin-payments-statement-none-matched = No waiting request has a credit with its UTR and price in this statement.
admin-payments-statement-outside = Outside the dates
admin-payments-statement-outside-lead = The UTR and amount match, but the bank booked the credit more than { $days } days from the request: perhaps an old payment's UTR typed again. Not ticked; tick one only if you are sure.
admin-payments-statement-booked-after = Booked { $days } { $days ->
    [one] day
   *[other] days
} after the request
admin-payments-statement-booked-before = Booked { $days } { $days ->
    [one] day
   *[other] days
} before the request
admin-payments-statement-approve-ticked = Approve the ticked requests
admin-payments-statement-approve-hint = Each ticked request is approved on its own: its credits are added and its owner is emailed.
admin-payments-statement-upload-another = Upload another statement
admin-payments-statement-differs = Amount differs
admin-payments-statement-differs-lead = The statement has the request's UTR, but not for the pack's price. These cannot be approved from here: check with the person, then decide on the <a href="/admin/payments">payment desk</a>.
admin-payments-statement-expected = Expected
admin-payments-statement-found = Found
admin-payments-statement-submitted = Submitted { $at }
admin-payments-statement-line = Line { $line } · { $date }
admin-payments-statement-line-label = Line { $line }:
admin-payments-statement-unknown = Credits no waiting request names
admin-payments-statement-unknown-lead = Money came in with these UTRs, but no request is waiting with them: already decided, not confirmed yet, or a payment for something else.
admin-payments-statement-on-site = On { $site }
admin-payments-statement-earlier = Earlier
admin-payments-statement-unconfirmed = No request has this UTR yet: the payer may not have confirmed.
admin-payments-statement-more-unknown = And { $count } more not shown.
admin-payments-statement-without-utr = { $count } { $count ->
    [one] credit names
   *[other] credits name
} no 12-digit UTR (bank transfers, cash, batch settlements) and cannot pay a request.
admin-payments-statement-problems = Lines we could not read
admin-payments-statement-problems-lead = These lines were skipped. If one holds a payment, check it in your net banking and decide on the payment desk.
admin-payments-statement-more-problems = And { $count } more lines like these.
admin-payments-statement-not-offered = Not offered: your own payment
# What a credit's payment note says of the request beside it; $reference is another one.
admin-payments-statement-note-this = The payment's note names this request's reference.
admin-payments-statement-note-mine = The payment's note names <span class="mono">{ $reference }</span>, another request of the same person.
admin-payments-statement-note-another = The payment's note names <span class="mono">{ $reference }</span>, another person's request: someone may have confirmed that person's payment with its UTR. Not ticked.
admin-payments-statement-note-unknown = The payment's note names <span class="mono">{ $reference }</span>, which no request here has (perhaps a checkout page opened again before confirming).

admin-payments-approved-title = Approved from the statement
admin-payments-approved-description = What became of the payment requests approved from a bank statement.
admin-payments-approved-nothing = Nothing was approved
admin-payments-approved-heading = Approved { $count } { $count ->
    [one] request
   *[other] requests
}
# The summary's parts, joined by commas: "Approved 1, 1 already decided, 2 not found",
# then ended as a sentence.
admin-payments-approved-sentence = { $summary }.
admin-payments-approved-summary = Approved { $count }
admin-payments-approved-already-count = { $count } already decided
admin-payments-approved-own-count = { $count } your own
admin-payments-approved-not-found-count = { $count } not found
admin-payments-approved-gone-count = { $count } with a deleted account
admin-payments-approved-failed-count = { $count } failed
admin-payments-approved-lead = Their credits were added and each person was emailed.
admin-payments-approved-already = Already decided
admin-payments-approved-already-lead = Someone decided these before you confirmed; nothing changed.
admin-payments-approved-own = Your own payments
admin-payments-approved-own-lead = Your own account made these requests. Another admin must decide your own payment; nothing changed.
admin-payments-approved-not-found = { $count ->
    [one] { $count } ticked request was not found on { $site }; nothing changed for it.
   *[other] { $count } ticked requests were not found on { $site }; nothing changed for them.
}
admin-payments-approved-gone = { $count ->
    [one] { $count } request belongs to an account that was deleted, so the credits have nowhere to go; nothing changed. Reject it on the payment desk.
   *[other] { $count } requests belong to an account that was deleted, so the credits have nowhere to go; nothing changed. Reject them on the payment desk.
}
admin-payments-approved-failed = { $count ->
    [one] { $count } request could not be approved just now because of an error on our side; nothing changed for it. Upload the statement again in a moment to retry.
   *[other] { $count } requests could not be approved just now because of an error on our side; nothing changed for them. Upload the statement again in a moment to retry.
}
admin-payments-back-to-desk = Back to the payment desk
admin-payments-none-ticked = No request was ticked, so nothing was approved. Upload the statement again and tick the matches you want to approve.
admin-payments-too-many-ticked = { $count } requests were ticked; approve at most { $max } at once. Nothing was approved: tick fewer and try again.
