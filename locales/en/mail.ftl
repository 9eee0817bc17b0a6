# Mail subjects and bodies. $site is the site's name.

mail-verify-subject = Confirm your email for { $site }
mail-reset-subject = Reset your { $site } password
mail-account-deleted-subject = Your { $site } account is deleted
mail-payment-approved-subject = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
} added to your { $site } balance
mail-payment-rejected-subject = Your { $site } payment could not be confirmed

## Words every mail shares. $site is the site's name; $email the recipient's address.

mail-hello = Hello,
mail-button-not-working = Button not working? Copy this address into your browser:
mail-contact-us = Contact us:
mail-questions-contact-us = Questions? Contact us:
mail-contact-email = Email: { $address }
mail-contact-whatsapp = WhatsApp: +{ $number }
mail-footer-sent = This email was sent to { $email } by { $site }.
# $email and $whatsapp are links to the site's support address and WhatsApp number.
mail-footer-questions-both = Questions? Write to { $email } or message us on WhatsApp at { $whatsapp }.
mail-footer-questions-email = Questions? Write to { $email }.
mail-footer-questions-whatsapp = Questions? Message us on WhatsApp at { $whatsapp }.
mail-amount = Amount
mail-reference = Reference
mail-reference-line = Reference: { $reference }
mail-utr-line = UPI transaction ID (UTR): { $utr }
# A number of free credits, for $credits in the messages below.
mail-free-credits = { $count } free { $count ->
        [one] { $unit }
       *[other] { $units }
    }

## Confirming an address. $expires: how long the link works ("24 hours").

mail-verify-preheader = Confirm your email address for { $site }.
mail-verify-preheader-bonus = Confirm your email address for { $site } and receive { $credits }.
mail-verify-title = Confirm your email address
mail-verify-intro = Please confirm that { $email } is your email address for { $site }.
mail-verify-open-link = Open this link to confirm it:
mail-verify-bonus = As soon as you confirm, we'll add { $credits } to your balance.
mail-verify-button = Confirm my email address
mail-verify-expiry = The link works once and expires in { $expires }. If it has expired, sign in and ask for a new one from your account page.
mail-verify-ignore = If you didn't ask for this, you can safely ignore this email; the address simply stays unconfirmed.

## Resetting a password

mail-reset-preheader = Choose a new password for your { $site } account. The link expires in { $expires }.
mail-reset-title = Reset your password
mail-reset-intro = Someone, hopefully you, asked to reset the password of the { $site } account for { $email }.
mail-reset-press = Press the button to choose a new password:
mail-reset-open-link = To choose a new password, open this link:
mail-reset-button = Choose a new password
mail-reset-expiry = The link works once and expires in { $expires }. If it has expired, you can ask for a new one on the sign-in page.
mail-reset-ignore = If you didn't ask for this, you can safely ignore this email: your password stays the same and nobody can change it without this link.

## A deleted account

mail-deleted-preheader = Your { $site } account is deleted, as you asked.
mail-deleted-title = Your account is deleted
mail-deleted-intro = Your { $site } account ({ $email }) is deleted, as you asked: your sign-in, prompts and images are gone, and nobody can sign in with this address and your old password.
mail-deleted-kept = We keep only the record of your payments and credits that the law asks a business to keep, with nothing that says who you are.
mail-deleted-not-you = If you did not delete your account, someone knew your password: contact us at once.
mail-deleted-not-you-email = If you did not delete your account, someone knew your password: contact us at once at { $address }.

## A payment decided. $credits: "50 Sparks"; $amount: "₹149.00".

mail-approved-preheader = { $credits } added to your { $site } balance.
mail-approved-title = Payment confirmed
mail-approved-intro = Your payment is confirmed: { $credits } have been added to your { $site } balance.
mail-approved-text = Your payment of { $amount } is confirmed: { $credits } have been added to your { $site } balance.
mail-approved-receipt = Your receipt: { $link }
mail-approved-button = View your receipt
mail-rejected-preheader = We could not confirm your payment of { $amount }: { $reason }
mail-rejected-title = We could not confirm your payment
mail-rejected-none-added = No { $units } were added for this payment.
mail-rejected-text = We could not confirm your payment of { $amount } (reference { $reference }, UTR { $utr }), so no { $units } were added.
mail-rejected-reason-label = The reason:
mail-rejected-if-paid = If you did pay, contact us with the UTR above and a screenshot of the payment from your UPI app, and we will look again. You can also confirm a payment again on the Buy page.
mail-rejected-if-paid-link = If you did pay, contact us with the UTR above and a screenshot of the payment from your UPI app, and we will look again. You can also confirm a payment again on the Buy page: { $link }
mail-rejected-request = The request: { $link }
mail-rejected-button = View the request
