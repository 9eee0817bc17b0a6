# Signing up, in and out, resetting a password, confirming an address, and the account
# page. $site is the site's name; $unit and $units the singular and plural of its credit
# ("Spark", "Sparks"), chosen by $count.

## Words several account pages share

accounts-sign-in = Sign in
accounts-operator-sign-in = Operator sign-in
accounts-email-address = Email address
accounts-password = Password
accounts-password-hint = At least 8 characters, no other rules. A few unrelated words make a strong password that's easy to remember.
accounts-new-password = New password
accounts-current-password = Current password
accounts-back-to-sign-in = Back to sign in
accounts-send-new-link = Send me a new link
accounts-go-to-account = Go to your account
accounts-create-image = Create an image
accounts-continue = Continue
accounts-link-expired = This link has expired
accounts-link-used = This link was already used
accounts-link-invalid = This link isn't valid
# How long a mailed link works: "an hour", "15 minutes", "24 hours".
accounts-link-minutes = { $minutes ->
        [60] an hour
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
accounts-link-hours = { $hours } hours

## Sign-in

accounts-login-console = Sign in to the { $platform } console.
accounts-login-description = Sign in to your { $site } account to create images and see your history.
accounts-login-welcome = Welcome back to { $site }.
accounts-login-forgot = Forgot your password?
accounts-login-new = New to { $site }? <a href="/register">Create an account</a>.
accounts-login-new-bonus = New to { $site }? <a href="/register">Create an account</a> and get { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    }.
accounts-login-wrong = That email and password don't match an account here. Check both and try again.
accounts-login-disabled = This account has been disabled. Contact support if you think this is a mistake.
accounts-login-password-changed = Your password was changed. Sign in with the new one.
accounts-login-password-chosen = Your password is set. Sign in with it to open your console.

## Sign-up

accounts-register-title = Create your account
accounts-register-description = Create your { $site } account.
accounts-register-description-bonus = Create your { $site } account and start with { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    }.
accounts-register-lead = It takes less than a minute. No card needed.
accounts-register-lead-bonus = Start with { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    }. No card needed.
accounts-your-name = Your name
accounts-optional = (optional)
accounts-register-name-hint = So we know how to greet you in emails.
accounts-register-email-hint = We'll send a link to confirm it. You'll also use it to sign in.
accounts-register-submit = Create account
accounts-register-legal = By creating an account you agree to our <a href="/terms">terms</a> and <a href="/privacy">privacy policy</a>.
accounts-register-have-account = Already have an account? <a href="/login">Sign in</a>
# Beside the number of free credits, in large type.
accounts-register-free-unit = free { $count ->
        [one] { $unit }
       *[other] { $units }
    }
accounts-register-gift = Your welcome gift
accounts-register-gift-after-confirm = Your { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    } arrive as soon as you confirm your email address through the link we send you after you sign up.
accounts-register-gift-now = Your { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    } are added to your balance the moment your account is created.
accounts-register-what-you-get = What you get
accounts-register-perk-cost = { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    } per saved image, nothing for failed ones
accounts-register-perk-live = Watch every image render live
accounts-register-perk-private = Your pictures stay private, in your own history
accounts-register-perk-top-up = Top up any time; no subscription
accounts-register-exists = An account with this email already exists. Sign in, or reset your password if you forgot it.
accounts-register-too-many = Too many accounts were created from your network today. Please try again tomorrow, or contact support if you share this connection with others.

## Forgotten and new passwords

accounts-forgot-title = Reset your password
accounts-forgot-description = Forgot your password? Ask for a link to choose a new one.
accounts-forgot-lead = Enter the email address you signed up with. We'll send you a link to choose a new password.
accounts-forgot-submit = Email me a reset link
accounts-forgot-remembered = Remembered it? <a href="/login">Back to sign in</a>
accounts-forgot-sent-title = Check your email
# $expires: how long the link works ("an hour").
accounts-forgot-sent-lead = If an account exists for <strong class="break-anywhere">{ $email }</strong>, a link to choose a new password is on its way. It stays valid for { $expires } and works once.
accounts-forgot-sent-hint = Nothing after a few minutes? Look in your spam or junk folder, and check that the address above is the one you signed up with.
accounts-forgot-other-address = Try a different address
accounts-reset-title = Choose a new password
accounts-reset-description = Choose a new password for your account.
accounts-reset-lead = Enter a new password for your account. From now on, you'll use it to sign in.
accounts-reset-submit = Save new password
accounts-reset-expired-lead = For your security, password reset links stay valid for { $expires }. Ask for a new one and use it within that time.
accounts-reset-used-lead = Each reset link works only once. If you've just chosen a new password, sign in with it. Otherwise, ask for a new link.
accounts-reset-invalid-lead = It may have been copied incompletely. Open the link straight from the email, or make sure you copied all of it. If it still doesn't work, ask for a new one.

## Confirming an email address

accounts-verify-title = Email address confirmed
accounts-verify-description = Confirm the email address of your { $site } account.
accounts-verify-done = Your email address is confirmed
accounts-verify-bonus-added = Thank you! We've added { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    } to your balance. They're ready to use right now.
accounts-verify-thanks = Thank you! We'll use this address for password resets and important messages about your account.
accounts-verify-expired-lead = Confirmation links only work for a limited time. Ask for a new one from your account page; it takes one click.
accounts-verify-expired-lead-signed-out = Confirmation links only work for a limited time. Sign in and ask for a new one from your account page; it takes one click.
accounts-verify-used-lead = Each confirmation link works only once, so your address is probably confirmed already. Your account page shows whether it is; if not, you can ask for a new link there.
accounts-verify-used-lead-signed-out = Each confirmation link works only once, so your address is probably confirmed already. Sign in to check: if your account page still shows the address as unconfirmed, ask for a new link there.
accounts-verify-invalid-lead = It may have been copied incompletely. Open the link straight from the email, or make sure you copied all of it. You can also ask for a new link from your account page.
accounts-verify-invalid-lead-signed-out = It may have been copied incompletely. Open the link straight from the email, or make sure you copied all of it. You can also sign in and ask for a new link from your account page.

## The account page

accounts-your-account = Your account
accounts-account-description = Your { $site } balance, { $unit } history and account settings.
accounts-account = Account
accounts-hello = Hello, { $name }
accounts-signed-in-as = Signed in as <span class="break-anywhere">{ $email }</span>
accounts-confirm-email = Please confirm your email address
accounts-confirm-email-lead = We sent a link to <strong class="break-anywhere">{ $email }</strong>; open it to confirm the address. Can't find it? Check your spam folder, or ask for a new one.
accounts-confirm-email-bonus = We sent a link to <strong class="break-anywhere">{ $email }</strong>; open it to confirm the address. Your welcome bonus of { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    } is waiting for it and is added as soon as you do. Can't find it? Check your spam folder, or ask for a new one.
accounts-email-new-link = Email me a new link
accounts-balance = Balance
# After the number of credits, in large type.
accounts-balance-available = { $count ->
        [one] { $unit }
       *[other] { $units }
    } available
accounts-balance-held = { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    } reserved for images in progress. They're only spent if the image is saved; otherwise they return to your balance.
accounts-balance-cost = Each saved image costs { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    }. Failed images cost nothing.
accounts-buy = Buy { $units }
accounts-payments = Payments
accounts-payments-caption = Your payments, newest first
accounts-payments-caption-older = Your payments, newest first (older ones)
accounts-payment = Payment
accounts-status = Status
# $credits: "50 Sparks"; $amount: "₹149.00".
accounts-payment-summary = { $credits } for { $amount }
accounts-payment-submitted = Submitted { $date }
accounts-ref = Ref.
accounts-payment-approved-on = Approved { $date }
accounts-payment-decided-on = Decided { $date }
accounts-payment-pages = Payment pages
accounts-payments-newest = ← Newest payments
accounts-payments-older = Older payments →
accounts-payments-no-older = No older payments
accounts-end-of-list = This is the end of the list.
accounts-payments-back = Back to the newest payments
accounts-payments-none = No payments yet
accounts-payments-none-lead = When you buy { $units }, each payment is listed here with its state, and an approved one has a receipt.
accounts-payments-not-on-sale = { $units } are not on sale on this site at the moment; payments you make later will be listed here.
accounts-history-title = { $unit } history
accounts-history-caption = { $unit } history, newest first
accounts-history-caption-older = { $unit } history, newest first (older entries)
accounts-date = Date
accounts-description = Description
accounts-change = Change
accounts-see-image = See the image
accounts-history-pages = { $unit } history pages
accounts-history-newest = ← Newest entries
accounts-history-older = Older entries →
accounts-history-none = No activity yet
accounts-history-none-lead = Every { $unit } you receive or spend will be listed here, with the date and what it was for.
accounts-history-back = Back to the latest entries
accounts-create-first-image = Create your first image
accounts-ledger-signup-bonus = Welcome bonus
accounts-ledger-purchase = Purchase
accounts-ledger-generation = Image generated
accounts-ledger-adjustment = Adjustment by support
accounts-history-link-damaged = This link to older history entries is damaged. Open your account page again and use the history's “Older” link.
accounts-email = Email
accounts-confirmed = Confirmed
accounts-unconfirmed = Unconfirmed
accounts-name = Name
accounts-not-set = Not set
accounts-member-since = Member since
accounts-change-password = Change password
accounts-change-password-lead = You'll stay signed in here. Any other devices signed in to your account will be signed out.
accounts-new-password-hint = At least 8 characters. A few unrelated words make a strong password.
accounts-update-password = Update password
accounts-not-current-password = That is not your current password.
accounts-api-tokens = API tokens
accounts-api-tokens-lead = Let your own scripts create images with the JSON API. Send a token as <code>Authorization: Bearer …</code>; it acts as you and spends your { $units }.
accounts-new-token-shown-once = <strong>Copy your new token now.</strong> For your safety it is shown only once.
accounts-copy = Copy
# Read out after "Copy" by screen readers.
accounts-copy-the-token = the token
accounts-copied = Copied
accounts-copy-failed = Copy failed
accounts-copied-status = Copied.
accounts-copy-failed-status = Could not copy; select the text instead.
accounts-token-used = Made { $made } · last used { $used }
accounts-token-unused = Made { $made } · never used
accounts-revoke = Revoke
accounts-no-tokens = No tokens yet.
accounts-token-name = Token name
accounts-token-name-example = e.g. laptop script
accounts-token-name-hint = A name helps you recognise it later. Revoke a token you no longer use.
accounts-token-password-hint = A token acts as you, so we ask for your password again. Tokens end when your password is changed or reset.
accounts-create-token = Create a token
accounts-token-needs-password = Enter your current password to make a token.
accounts-too-many-tokens = You have { $max } tokens; revoke one first.
accounts-your-data = Your data
accounts-your-data-lead = Everything { $site } holds about you in one ZIP file: your account, credit history and payments, every prompt with its settings, and every image.
accounts-download-data = Download my data
accounts-delete-title = Delete your account
accounts-delete-lead = Your sign-in, prompts and images go at once and for good, and so do the { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    } left on your account; a mail to your address confirms it. We keep only the record of payments and credits the law asks a business to keep, with nothing that says who you are. Download any image you want to keep first.
accounts-delete-password = Your password, to confirm
accounts-delete-submit = Delete my account

## What the account page says after an action

accounts-welcome = Welcome! Your account is ready.
accounts-welcome-bonus = Welcome! { $count } { $count ->
        [one] { $unit }
       *[other] { $units }
    } have been added to your balance.
accounts-welcome-confirm = Welcome! Confirm your email with the link we sent to { $email } and your { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    } will be added.
accounts-password-changed = Your password was changed. Other devices have been signed out.
accounts-token-created = Your new token is below. Copy it now: it will not be shown again.
accounts-token-revoked = The token was revoked; scripts using it are refused from now on.
accounts-verification-sent = We sent a new confirmation link to { $email }.
accounts-delete-wrong-password = That is not your password; your account is unchanged.
accounts-delete-jobs-in-progress = You have images in progress: wait for them to finish, or cancel them, then delete your account.
accounts-delete-payment-pending = A payment of yours waits for the site's decision: delete your account once it is decided, so that its credits do not go to nobody.
accounts-delete-last-admin = You are this site's only admin: make someone else an admin first, so the site is not left without one.
accounts-deleted-title = Your account is deleted
accounts-deleted-message = Your sign-in, prompts and images are gone from { $site }. A mail to your address confirms it; we keep only the record of payments and credits the law asks a business to keep, with nothing that says who you are.
accounts-deleted-home = Back to the home page

## Inside the data export (a ZIP file)

accounts-export-readme =
    Your data on { $site }

    account.json   your account, balance, credit history and payments
    prompts.jsonl  every image you asked for: prompt, settings, status (one JSON object a line)
    images/        every image you got, named by day and job
accounts-export-missing = These images could not be read from storage, so they are not in this archive:
