# Buying credits, the buyer's side: the buy page (packs, paying one by UPI, confirming its
# UTR) and the page of each payment request, a receipt once approved. $site is the site's
# name; $unit and $units the singular and plural of its credit ("Spark", "Sparks"); $price
# and $amount are rupees already written ("₹149.00"); $credits a number of credits already
# written with its unit ("50 Sparks").

# A number of credits with the site's unit: "50 Sparks".
payments-credits = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
}
# The unit alone, for a number shown apart: "<big>50</big> Sparks".
payments-unit-word = { $count ->
    [one] { $unit }
   *[other] { $units }
}

## The buy page.

payments-buy-heading = Buy { $units }
payments-buy-description = Top up your { $site } balance with UPI.
payments-checkout-title = Pay { $price } for { $credits }
payments-checkout-lead = Pay with any UPI app, then confirm the payment below. Your { $units } are added once we have checked it.
payments-shop-title = Top up your { $units }
payments-shop-lead = Choose a pack, pay with any UPI app, and confirm the payment with its transaction reference.
payments-available = You have { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
} available.
# $list is the payments, each a link: "₹149.00, UTR 432187650912".
payments-waiting = { $count ->
    [one] One payment of yours is waiting for approval ({ $list }). There is no need to confirm it again.
   *[other] { $count } payments of yours are waiting for approval ({ $list }). There is no need to confirm them again.
}
payments-waiting-item = { $amount }, UTR <span class="mono">{ $utr }</span>

payments-closed-title = No { $units } on sale right now
payments-closed-body = { $site } isn't selling { $units } online at the moment. Your balance and images are safe, and you can keep creating with the { $units } you have.
payments-closed-contact = To top up another way, or with a question about a payment, contact us:
payments-contact-email = Email { $email }
payments-contact-whatsapp = WhatsApp +{ $number }
payments-closed-no-contact = With a question about a payment, keep its UTR at hand: the site's operator, named in the <a href="/terms">terms</a>, can look it up.
payments-create-image = Create an image

payments-packs = Packs
payments-pack-rate-image = { $price } per image
payments-pack-rate-credit = { $price } per { $unit }
payments-pack-buy = Buy { $credits }<span class="visually-hidden"> for { $price }</span>
payments-pack-note = Prices in Indian rupees, paid by UPI. Each saved image costs { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
}; failed images cost nothing. { $units } do not expire.

payments-choose-another = ← Choose another pack
payments-pay-by-upi = Pay { $price } by UPI
payments-qr-caption = Scan with any UPI app: Google Pay, PhonePe, Paytm, BHIM or your bank's app.
payments-pay-with-app = Pay with a UPI app
payments-app-refuses = If your app refuses the payment (some do for payments opened from a link), scan the QR code from another device, or pay { $price } to the UPI ID below by hand.
payments-upi-id = UPI ID
payments-payee = Payee
payments-amount = Amount
payments-note-reference = Note (reference)
payments-copy-upi-id = Copy<span class="visually-hidden"> the UPI ID</span>
payments-copy-reference = Copy<span class="visually-hidden"> the reference</span>
# What a copy button and the page's status line say after a click (static/js/payment.js).
payments-step-send = Scan the QR code, or send exactly { $price } to <span class="mono break-anywhere">{ $vpa }</span>.
payments-step-check = Check that the payee is { $payee } and the amount { $price }. Write <strong class="mono">{ $reference }</strong> in the payment's note (the QR code fills it in), so we can find your payment quickly.
payments-step-utr = Once paid, open the payment in your UPI app and copy its 12-digit UTR, then confirm below.
payments-confirm = Confirm my payment
payments-utr-explained = The UTR (UPI transaction reference) is a 12-digit number in the payment's details. Google Pay calls it "UPI transaction ID", PhonePe "UTR", Paytm "UPI Ref No".
payments-see-yours = See your payments
payments-utr-label = UTR (12 digits)
payments-utr-example = e.g. 4321 8765 0912
payments-utr-hint = Spaces are fine. Each UTR can be confirmed once.
payments-confirm-after = An admin of { $site } checks it against their bank statement; you get an email when it is decided, and your requests are listed on your <a href="/account#payments">account page</a>.

## What the buy page says when a confirmation cannot be recorded. $problem is one of the
## payments-problem-* clauses.

payments-problem-not-yours = This checkout page is out of date or not yours
payments-problem-expired = This checkout page was opened more than 24 hours ago, so it can no longer be confirmed
payments-problem-and-gone = { $problem }, and that pack is no longer sold.
payments-problem-alone = { $problem }.
payments-problem-reopened = { $problem }; open the pack again. Here it is, opened again with a new reference: if you have not paid yet, pay with this page's QR code; if you already paid, enter that payment's UTR and confirm.
payments-pack-gone = That pack is no longer sold.
# $why is one of the sentences above.
payments-pack-error = { $why } If you already paid for it, contact support with the 12-digit UTR of your payment and we will sort it out.
payments-pack-error-pick = { $why } Pick one of the packs below. If you already paid for it, contact support with the 12-digit UTR of your payment and we will sort it out.
payments-utr-taken = This UTR was already submitted on { $site }, and each payment can be confirmed only once. If it was not you who submitted it, contact support with the UTR and a screenshot of your payment.
payments-too-many-pending = You already have { $count ->
    [one] a payment
   *[other] { $count } payments
} waiting for approval, the most at one time. An admin of { $site } checks each against their bank statement, and you get an email when one is decided. Then confirm this payment with the UTR you have: this page can be confirmed for 24 hours after you opened it; after that, open the pack again.

## A payment request's page.

payments-state-pending = Waiting for approval
payments-state-approved = Approved
payments-state-rejected = Rejected
payments-receipt-title = Receipt { $reference }
payments-payment-title = Payment { $reference }
payments-payment-description = Your payment of { $amount } to { $site }.
payments-payment = Payment
payments-approved-title = Payment approved
payments-approved-lead = { $credits } were added to your balance. This page is your receipt.
payments-rejected-title = Payment not approved
payments-rejected-lead = We could not match this payment, so no { $units } were added.
payments-pending-title = Thanks, we're checking your payment
payments-pending-lead = Your { $credits } are added as soon as an admin has found the payment in the bank statement.
payments-next-title = What happens next
payments-next-check = An admin of { $site } checks their bank statement for a payment of { $amount } with UTR <span class="mono">{ $utr }</span>; you get an email when it is decided.
payments-next-found = When it's found, your { $credits } are added to your balance.
payments-next-unmatched = If it can't be matched, we email you the reason, and this page shows it too.
payments-next-question = A question about this payment? Contact support and quote the reference <span class="mono">{ $reference }</span> and the UTR <span class="mono">{ $utr }</span>.
payments-reason-title = Why it was not approved
payments-rejected-help = If you did pay, contact support with the reference <span class="mono">{ $reference }</span>, the UTR <span class="mono">{ $utr }</span> and a screenshot of the payment.
payments-rejected-help-buy = If you did pay, contact support with the reference <span class="mono">{ $reference }</span>, the UTR <span class="mono">{ $utr }</span> and a screenshot of the payment, or <a href="/buy">confirm the payment again</a> with the right UTR.
payments-receipt = Receipt
payments-details = Payment details
payments-date = Date
payments-submitted = Submitted
payments-decided = Decided
payments-reference = Reference
payments-utr = UTR
payments-pack = Pack
payments-paid-by = Paid by
payments-method = Payment method
payments-upi-to = UPI to <span class="mono break-anywhere">{ $vpa }</span>
payments-account = Account
payments-print = Print receipt
payments-yours = Your payments

# For the account page's list of payments (crates/web/src/payments/list.rs).
payments-older-link-damaged = This link to older payments is damaged. Open your account page again and use its “Older payments” link.
