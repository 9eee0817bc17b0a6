# The questions and answers page. $site is the site's name; $unit and $units the singular and
# plural of its credit ("Spark", "Sparks"), as the site wrote them; $cost what one saved image
# costs. Keep the links and <strong> where a message has them: they point at the site's pages.

faq-title = Questions and answers
faq-description = Answers about generating images on { $site }: sizes, timing, { $units }, UPI payments, privacy and support.
faq-eyebrow = Help centre
faq-lead = Everything about making images on { $site }, paying with { $units } and keeping your work private. Can't find your answer? <a href="#contact-support">Ask support</a>.
faq-toc-label = Topics on this page
faq-toc-title = Topics
faq-group-generating = Generating images
faq-group-credits = { $units } and payments
faq-group-account = Account and privacy
faq-group-support = Support

## Generating images

faq-q-how-to-generate = How do I create an image?
faq-how-to-generate-open = Open the <a href="/generate">Generate page</a> (you'll need to be signed in).
faq-how-to-generate-describe = Describe the picture you have in mind in the prompt box. Concrete details about subject, style, lighting and colours help.
faq-how-to-generate-size = Set the width and height, and choose a model if a list is offered.
faq-how-to-generate-press = Press the generate button. Your request joins the queue.
faq-how-to-generate-live = You don't need to reload anything: the page shows your place in the queue, then the rendering progress, and finally the image itself. If your connection blocks live updates, the page quietly checks the status on its own every few seconds instead.

faq-q-how-long = How long does an image take?
faq-how-long-hardware = It depends on the machine doing the rendering. On a modern graphics card (GPU) most images are ready within a few seconds to about half a minute. On older hardware, or on a machine without a GPU, one image can take several minutes.
faq-how-long-queue = When many people are creating at the same time, your job may also wait briefly in the queue; the Generate page shows your position while you wait.

faq-q-failed = What happens when a generation fails?
faq-failed-not-charged = You are not charged: no { $units } leave your balance for a job that doesn't produce a saved image.
faq-failed-retries = Before giving up, we automatically retry the job up to { $retries } { $retries ->
    [one] time
   *[other] times
} ({ $attempts } { $attempts ->
    [one] attempt
   *[other] attempts
} in total). If it still can't be completed, it is marked as failed and the reason is shown on the Generate page and in your <a href="/history">History</a>. You can then submit it again, perhaps with a simpler prompt or a smaller size.
# Holds markup: a link.
faq-failed-no-retries = A failed render is not tried again: the job is marked as failed and the reason is shown on the Generate page and in your <a href="/history">History</a>. You can then submit it again, perhaps with a simpler prompt or a smaller size.

faq-q-sizes = Which image sizes can I choose?
# $min, $max and $step are pixel counts.
faq-sizes-range = Width and height can each be anything from { $min } to { $max } pixels, in steps of { $step } pixels. The largest image is therefore { $max } × { $max }.
# $examples: how many of the example sizes the site allows (0 to 3).
faq-sizes-best = Most models give their best results when both sides are multiples of 64{ $examples ->
    [1] , for example 512 × 512
    [2] , for example 512 × 512, 768 × 768
    [3] , for example 512 × 512, 768 × 768 or 1024 × 1024
   *[0] {""}
}.
faq-sizes-limit = The maximum is set by this site's administrators and may change over time; the Generate page always shows the current limits.

faq-q-models = Can I use a different AI model?
faq-models = Yes, when more than one is available. The administrators decide which models are switched on. If there is a choice, a drop-down list appears on the Generate page; each model has its own look, level of detail and speed. If only one model is enabled, there is nothing to choose and the list is hidden.

faq-q-stuck = My image seems stuck. What should I do?
faq-stuck-busy = Usually the rendering machines are busy with other jobs, or one of them is briefly offline or restarting. Queued jobs are picked up again automatically as soon as a machine is free, so giving it a few minutes is normally enough.
faq-stuck-deadline = A job can't hang forever: anything not finished within { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
} of being submitted is automatically marked as failed, and you are not charged for it. If something still looks wrong, for example a job that never ends or a charge you don't expect, please <a href="#contact-support">contact support</a>.

faq-q-download = How do I download my image?
faq-download = As soon as the image is ready, a <strong>Download image</strong> button appears under it on the Generate page. Every image you've made is also kept in your <a href="/history">History</a>, where you can open any of them and download it again.

faq-q-daily-limit = Is there a daily limit?
faq-daily-limit = No. You can create as many images as your balance allows, on any day. Each saved image costs { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}; failed jobs cost nothing.

## Credits and payments

faq-q-what-are-credits = What is a { $unit }?
faq-what-are-credits = A { $unit } pays for images on { $site }: each image you get costs { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}, and an image that fails or that you cancel costs nothing. A new account starts with { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
}.
# The same, where the site sells credits.
faq-what-are-credits-selling = A { $unit } pays for images on { $site }: each image you get costs { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}, and an image that fails or that you cancel costs nothing. A new account starts with { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
}, and you can buy more with UPI whenever you like.

faq-q-buy = How do I buy more { $units }?
# The first step, where the site sells credits (with a link) and where it does not.
faq-buy-open-link = Open the <a href="/buy">Buy page</a> and choose a pack.
faq-buy-open = Open the Buy page and choose a pack.
faq-buy-scan = Scan the UPI QR code with any UPI app, or send the amount shown to the UPI ID displayed on the page.
faq-buy-utr = After paying, find the 12-digit transaction reference (UTR) in your UPI app.
faq-buy-confirm = Enter the UTR on the Buy page and press <strong>Confirm my payment</strong>.
faq-buy-added = Your { $units } are added once an administrator has verified the payment.
faq-buy-not-selling = { $site } isn't selling { $units } online at the moment. <a href="#contact-support">Contact support</a> if you'd like to top up.

faq-q-approval = How is my payment verified?
faq-approval-check = Confirming your payment creates a request for our team. An administrator checks that a UPI payment with your transaction reference has arrived. If it has, the { $units } are added to your balance and you receive a confirmation email. If the payment can't be matched, the request is rejected and we email you the reason, so you know what to fix.
faq-approval-once = Each transaction reference can only be used once.

faq-q-approval-time = How long until my { $units } arrive?
faq-approval-time = Most payments are approved within a few hours during business hours. You can follow the status of your requests on your <a href="/account">Account page</a>. If nothing has changed after 24 hours, please <a href="#contact-support">contact support</a> and include your UTR number.

faq-q-charged-on-failure = Will I be charged if an image fails?
faq-charged-on-failure = No. { $units } are taken only after the image has been completely generated and safely saved. While a job is waiting or rendering, its cost is set aside so it can't be spent twice; if the job fails for any reason (a rendering error, the time limit, a problem saving the file), that amount is released and your balance stays exactly as it was.

## Account and privacy

faq-q-privacy = Who can see my prompts and images?
faq-privacy-who = Only you and the administrators of this site. Your images are never placed at a public web address: each one is delivered through a private link that checks, on every request, that you are allowed to see it. We don't share your prompts, images or account details with third parties.
faq-privacy-policy = Our <a href="/privacy">privacy policy</a> explains in detail what we store and why.

faq-q-change-password = How do I change my password?
faq-change-password-account = While signed in, you can change it on your <a href="/account">Account page</a>.
faq-change-password-forgot = If you've forgotten it, use the <a href="/forgot-password">Forgot password page</a>: enter your email and we'll send you a reset link. The link works once and expires after 1 hour.

faq-q-delete-account = Can I delete my account?
faq-delete-account = Yes, yourself, at any time: at the bottom of your Account page, type your password and choose "Delete my account". Your sign-in, prompts and images go at once, and a mail confirms it. "Download my data" on the same page gives you everything first, in one ZIP file.

## Support

faq-q-contact-support = How do I contact support?
faq-contact-direct = Write to us directly:
# Where the site has published no support address yet.
faq-contact-none = { $site } has not published a support contact yet; the site's operator is named in the <a href="/terms">terms</a>.
faq-contact-email = Email { $email }
faq-contact-whatsapp = WhatsApp +{ $number }

faq-q-report-problem = Something isn't working. How do I report it?
faq-report-intro = Tell support as much as you can, it helps us find the cause quickly:
faq-report-doing = what you were doing when it happened,
faq-report-error = the exact error message, if one appeared,
faq-report-when = roughly when it happened,
faq-report-email = the email address of your account.
faq-report-screenshot = A screenshot or the prompt you used is welcome too.

faq-callout-title = Still have a question?
faq-callout-email = We're happy to help by email.
faq-callout-whatsapp = We're happy to help on WhatsApp.
faq-callout-email-whatsapp = We're happy to help by email or on WhatsApp.
faq-callout-none = The answers above cover most questions; the site's operator is named in the <a href="/terms">terms</a>.
faq-callout-email-button = Email support
faq-callout-whatsapp-button = Message us on WhatsApp
faq-callout-sign-in = Sign in
faq-white-label = Want this platform under your own brand?
