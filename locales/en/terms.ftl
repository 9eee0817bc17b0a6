# The terms of service. $site is the site's name; $operator the legal name of whoever runs it
# (or the site's name); $unit and $units the singular and plural of its credit ("Spark",
# "Sparks"). One message per paragraph or list item; keep the links where a message has them.

terms-title = Terms of service
terms-description = The terms that apply when you use { $site }, buy { $units } and create images.
terms-eyebrow = Legal
terms-lead = The agreement between you and { $operator } when you use { $site }. We've tried to keep it short and readable.
terms-updated = Last updated: 27 November 2026
terms-toc-label = Sections of these terms
terms-toc-title = On this page

# Section headings, also listed at the top of the page.
terms-agreement = The agreement
terms-account = Your account
terms-credits = { $units }
terms-payments = Payments and refunds
terms-acceptable-use = Acceptable use
terms-your-content = Your content
terms-availability = Service availability
terms-liability = Liability
terms-ending = Ending your use
terms-changes = Changes to these terms
terms-law-contact = Governing law and contact

terms-agreement-text = { $site } is an online service for creating images from text descriptions, operated by <strong>{ $operator }</strong> ("we", "us"). By creating an account or using the site, you agree to these terms and to our <a href="/privacy">privacy policy</a>. If you don't agree, please don't use the service.

terms-account-age = You must be at least 18 years old, or have the permission of a parent or guardian where the law allows.
terms-account-email = Give us a valid email address that you control; we use it for password resets and payment notices.
terms-account-password = Keep your password to yourself. You are responsible for what happens under your account, so tell us straight away if you think someone else has used it.
terms-account-one = One account per person. Creating extra accounts to collect additional sign-up { $units } is not allowed.

terms-credits-prepaid = { $units } are the prepaid credits used on this site. Creating one saved image costs { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}.
terms-credits-bonus = New accounts receive { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
}. We may withdraw bonus { $units } obtained by abusing this offer.
terms-credits-charged = { $units } are taken from your balance only once an image has been generated and saved. Jobs that fail, or that don't finish within { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}, cost nothing.
terms-credits-no-cash = { $units } have no cash value. They can't be exchanged for money, transferred to another account or used on another website.
terms-credits-no-expiry = { $units } don't expire while your account remains open.

# Where the site sells credits (with a link to its Buy page) and where it does not.
terms-payments-packs-link = Packs of { $units } are sold on the <a href="/buy">Buy page</a> at the prices shown there, in Indian rupees, and paid through UPI.
terms-payments-packs = Packs of { $units } are sold on the Buy page at the prices shown there, in Indian rupees, and paid through UPI.
terms-payments-utr = After paying, you enter the UPI transaction reference (UTR). { $units } are added after we have verified that the payment reached us. Each reference can be used only once, and submitting a false or someone else's reference may lead to your account being closed.
terms-payments-rejected = If we can't verify a payment, we reject the request and email you the reason. If you did pay, contact support with your UTR and we will look into it.
terms-payments-refunds = Because { $units } are delivered immediately after verification, purchases are not refundable once credited, except where the law requires otherwise.
terms-payments-mistakes = If money left your account but no { $units } arrived, you paid twice, or you paid a wrong amount, contact support with the UTR. After checking, we will either credit your account correctly or refund the payment to its source.

terms-use-intro = You may not use { $site } to create, request or share content that:
terms-use-illegal = is illegal, or promotes illegal activity;
terms-use-minors = sexualises minors in any way;
terms-use-real-people = depicts real people in sexual, degrading or deceptive situations without their consent, or is meant to mislead people into believing fabricated events are real;
terms-use-harassment = harasses, threatens or incites hatred or violence against anyone;
terms-use-rights = infringes other people's copyright, trademarks or other rights.
terms-use-security = You also may not try to break, overload or get around the limits and security of the service, access other people's accounts or images, or resell access to it without our written permission.
terms-use-enforcement = We may block certain words or prompts, refuse or cancel jobs, remove content, and suspend or close accounts that break these rules. Where the law requires it, we may report illegal content to the authorities.

terms-content-responsible = You are responsible for the prompts you write and for how you use the images you create.
terms-content-ownership = We don't claim ownership of your prompts or images. Subject to these terms, the law and any licence conditions of the AI model used, you may use your images for personal or commercial purposes.
terms-content-processing = You allow us to store and process your prompts and images only as needed to run the service for you, as described in our <a href="/privacy">privacy policy</a>.
terms-content-unpredictable = AI-generated images can be unpredictable and may resemble existing works or images made by others. We can't guarantee that a result is unique or suitable for a particular purpose.

terms-availability-text = We work to keep { $site } available and fast, but we can't promise it will always be uninterrupted or error-free. Rendering times vary with demand and hardware, and the service may be paused for maintenance or upgrades. We may change features, models, image size limits and packs over time; changes never reduce a balance you already hold.

terms-liability-text = The service is provided "as is". To the extent the law allows, we are not liable for indirect or consequential losses, lost profits or lost data, and our total liability to you for any claim is limited to the amount you paid us in the three months before the claim arose. Nothing in these terms limits rights you have under consumer protection law that cannot be waived.

terms-ending-text = You can stop using { $site } at any time and delete your account yourself on your Account page. We may suspend or close accounts that seriously or repeatedly break these terms; where reasonable, we will tell you why first. Unused { $units } are lost when an account is deleted or closed for misuse.

terms-changes-text = We may update these terms from time to time. The date at the top of this page shows the current version. For significant changes we will give notice by email or on the site before they take effect; if you keep using the service afterwards, the updated terms apply.

terms-law = These terms are governed by the laws of India. Before going to court, please contact us so we can try to resolve the matter together.
# Labels before the operator's email address and WhatsApp number.
terms-contact-email = Email:
terms-contact-whatsapp = WhatsApp:
