# The tenant admin console: its sections, the users list, the audit log and the workers
# page's header (the fleet itself is in fleet.ftl). $site is the site's name.

admin-nav-label = Admin sections
admin-nav-users = Users
admin-nav-payments = Payments
admin-nav-packs = Packs & UPI
admin-nav-workers = Workers
admin-nav-audit = Audit log
admin-eyebrow = Admin · { $site }

## Users

admin-users-title = Users · Admin · { $site }
admin-users-description = The people who have an account on { $site }.
admin-users-heading = Users
admin-users-lead = Everyone with an account here, newest first. Disabling an account signs that person out everywhere at once, and they can't sign in again until you enable it.
admin-users-caption = Users, newest first
admin-users-caption-later = Users, newest first (later pages)
admin-users-col-person = Person
admin-users-col-role = Role
admin-users-col-balance = Balance
admin-users-col-joined = Joined
admin-users-col-actions = Actions
admin-users-disabled = Disabled
admin-users-unverified = Unverified
admin-users-role-super-admin = Super admin
admin-users-role-admin = Admin
admin-users-role-user = User
# Credits held for jobs still running.
admin-users-reserved = { $count } reserved
admin-users-you = You
admin-users-make-admin = Make admin
admin-users-remove-admin = Remove admin
admin-users-enable = Enable
admin-users-disable = Disable
admin-users-pages = User list pages
admin-users-first-page = ← First page
admin-users-next-page = Next →
admin-users-past-end-title = Nothing on this page
admin-users-past-end = This page is past the end of the list.
admin-users-back-to-first = Back to the first page
admin-users-empty-title = No users yet
admin-users-empty = When people create an account on { $site }, they appear here. Share your site's address to get the first sign-ups.
admin-users-damaged-cursor = This link to the next page of users is damaged. Open the users list again and use its “Next” link.
admin-users-done-disabled = The account was disabled and signed out everywhere.
admin-users-done-enabled = The account can sign in again.
admin-users-done-role = The account's role was changed.
admin-users-not-yourself = You cannot disable your own account.
admin-users-choose-role = Choose user or tenant admin.
admin-users-not-your-role = You cannot change your own role.

## Audit log

admin-audit-title = Audit log · Admin · { $site }
admin-audit-description = Who changed payments and prices on { $site }, and when.
admin-audit-heading = Audit log
admin-audit-lead = Every payment decision and every change to packs or the UPI ID, with the admin who made it and the address it came from, newest first. Entries can't be edited or removed. Times are India time (IST).
admin-audit-caption = Audit log
admin-audit-caption-older = Audit log, older entries
admin-audit-col-when = When
admin-audit-col-who = Who
admin-audit-col-what = What
admin-audit-col-change = Change
admin-audit-col-address = From address
admin-audit-label-from = From
# Read out between the value before a change and the value after it.
admin-audit-became = became
admin-audit-pages = Audit log pages
admin-audit-newest = ← Newest
admin-audit-older = Older →
admin-audit-no-older-title = No older entries
admin-audit-no-older = This is the beginning of the log.
admin-audit-back-to-newest = Back to the newest
admin-audit-empty-title = Nothing recorded yet
admin-audit-empty = When an admin approves or rejects a payment, or changes a pack or the UPI ID, it is written here.
admin-audit-damaged-link = This page link is damaged. Open the audit log again and use its Older link.

# What each recorded action was.
admin-audit-payment-approve = Approved a payment
admin-audit-payment-reject = Rejected a payment
admin-audit-pack-create = Added a pack
admin-audit-pack-update = Changed a pack
admin-audit-pack-status = Put a pack on or off sale
admin-audit-pack-delete = Deleted a pack
admin-audit-pack-move = Moved a pack in the list
admin-audit-tenant-payee = Changed the UPI ID or payee
# The workers' actions have always read as their codes in English (the tests look for
# them); other languages say them in words.
admin-audit-worker-create = worker.create
admin-audit-worker-pause = worker.pause
admin-audit-worker-resume = worker.resume
admin-audit-worker-revoke = worker.revoke

# What an entry is about; $id, $reference and $utr are codes, $name a worker's name.
admin-audit-subject-payment = payment { $id }, reference { $reference }, UTR { $utr }
admin-audit-subject-worker = worker { $id }
admin-audit-subject-worker-named = worker { $name } ({ $id })

# Values before and after a change. $credits is a number written as digits; $price is
# already in rupees; $reason is the admin's own words; $payee is " (Name)" or nothing.
admin-audit-value-pending = pending
admin-audit-value-active = active
admin-audit-value-inactive = inactive
admin-audit-value-paused = paused
admin-audit-value-place = place { $place }
admin-audit-value-approved = approved: { $credits } credits
admin-audit-value-rejected = rejected: { $reason }
admin-audit-value-pack = { $credits } credits for { $price }
admin-audit-value-no-upi = no UPI ID (not taking payments){ $payee }
# A person's role (a role change) and a job's state (an admin's cancel).
admin-audit-value-role-user = user
admin-audit-value-role-admin = site admin
admin-audit-value-role-super-admin = platform admin
admin-audit-value-queued = queued
admin-audit-value-running = running
admin-audit-value-canceled = canceled
admin-audit-value-stopping = running, told to stop at its next heartbeat

## Workers (the page's header; the fleet is in fleet.ftl)

admin-workers-title = Workers · Admin · { $site }
admin-workers-description = The machines that render { $site }'s images.
admin-workers-heading = Workers
admin-workers-lead = Your own GPU machines. A worker whose jobs keep failing is paused on its own, so it stops using up retries; resume it once it is fixed.
admin-audit-user-role = Changed an account’s role
