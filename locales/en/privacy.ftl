# The privacy policy. $site is the site's name; $operator the legal name of whoever runs it (or
# the site's name); $units the plural of its credit ("Sparks"). One message per paragraph or
# list item; keep the links where a message has them.

privacy-title = Privacy policy
privacy-description = How { $operator } collects, uses and protects your information when you use { $site }.
privacy-eyebrow = Legal
privacy-lead = What we collect when you use { $site }, why we need it, and the control you have over it.
privacy-updated = Last updated: 27 November 2026
privacy-toc-label = Sections of this policy
privacy-toc-title = On this page

# Section headings, also listed at the top of the page.
privacy-who-we-are = Who we are
privacy-what-we-collect = What we collect
privacy-how-we-use = How we use it
privacy-cookies = Cookies
privacy-who-can-see = Who can see your data
privacy-retention = How long we keep it
privacy-your-rights = Your choices and rights
privacy-security = Security
privacy-children = Children
privacy-changes = Changes to this policy
privacy-contact = Contact

privacy-summary-title = The short version
privacy-summary-collect = We collect only what is needed to run your account, create your images and process your payments.
privacy-summary-visible = Your prompts and images are visible only to you and this site's administrators.
privacy-summary-payment = We never see your card or bank details: you pay in your own UPI app.
privacy-summary-cookie = One essential cookie keeps you signed in. No advertising, no tracking, no selling of data.

privacy-who-we-are-text = { $site } is operated by <strong>{ $operator }</strong> ("we", "us"). We are responsible for the personal information processed through this website.
# Followed by the postal address, where the site has one.
privacy-who-we-are-address = Our postal address is:

privacy-given = Information you give us
privacy-given-account-label = Account details:
privacy-given-account = your email address and, if you provide it, your name. Your password is never stored as typed: we keep only a one-way, salted hash of it that cannot be turned back into the password.
privacy-given-creations-label = What you create:
privacy-given-creations = the prompts you write, the settings you choose (such as size, model and seed) and the images generated for you.
privacy-given-payments-label = Payment references:
privacy-given-payments = the pack you chose, its amount, and the UPI transaction reference (UTR) you enter so we can match your payment. Payment itself happens in your own UPI app, so we never receive your card number, bank account details or UPI PIN.
privacy-given-messages-label = Messages:
privacy-given-messages = what you send us by email or WhatsApp.
privacy-automatic = Information collected automatically
privacy-automatic-usage-label = Usage records:
privacy-automatic-usage = your { $units } balance and its history, your jobs and their status.
privacy-automatic-technical-label = Technical data:
privacy-automatic-technical = like most websites, our servers record basic information such as your IP address, browser type and the time of each request. We use it to keep the service secure and working, for example to slow down repeated failed sign-in attempts.

privacy-use-account = to create and secure your account and keep you signed in;
privacy-use-images = to generate, store and deliver your images;
privacy-use-credits = to keep an accurate record of your { $units } and to verify your payments;
privacy-use-emails = to send you emails you need, such as password reset links, payment confirmations or rejections, and replies from support;
privacy-use-questions = to answer your questions and investigate problems you report;
privacy-use-abuse = to prevent abuse, enforce our <a href="/terms">terms</a> and meet our legal obligations.
privacy-use-no-ads = We do not use your data for advertising, and we do not sell it.

privacy-cookies-text = We use a single, strictly necessary cookie: a session cookie that keeps you signed in and protects forms against forgery. It contains a random identifier, not your personal details, and is protected from access by scripts. We do not use analytics, advertising or tracking cookies, and we do not load third-party trackers.

privacy-who-can-see-text = Your prompts and images are private. They are visible only to you and to the administrators of this site, who may need to look at them to provide support, verify payments or deal with abuse. Images are never published at a public address: each one is delivered through a private link that checks your permission every time it is opened.
privacy-sharing = We do not share your data with third parties, except:
privacy-sharing-providers = with the companies that host our servers and deliver our emails, only as needed to run the service and under a duty of confidentiality;
privacy-sharing-law = when the law requires it, for example in response to a valid order from a court or authority.

privacy-retention-account = Your account, prompts and images are kept for as long as your account exists, so that your History stays available to you.
privacy-retention-deleted = When your account is deleted, we remove your account details, prompts and images from our live systems. Copies in backups are overwritten in the normal backup cycle.
privacy-retention-payments = Payment records and credit history may be kept longer where accounting or tax law requires it.
privacy-retention-logs = Server logs are kept only for a limited period, for security and troubleshooting.
privacy-retention-reset = Password reset links expire after 1 hour and can be used only once.

privacy-your-rights-text = You can download the personal data we hold about you, and delete your account and its data, yourself on your <a href="/account">Account page</a>. To have data corrected, or for anything else about your data, contact us from the email address of your account or mention it in your message. We will answer within a reasonable time and, in any case, within 30 days. You can change your password yourself on your <a href="/account">Account page</a>.

privacy-security-text = We protect your information with measures that include encrypted connections, passwords stored only as strong one-way hashes, sessions that can't be read by scripts on the page, protection against forged requests, limits on repeated sign-in attempts, and access checks on every image. No system is perfectly secure, but if we ever learn of a breach affecting your data, we will inform you and the relevant authorities as the law requires.

privacy-children-text = { $site } is not intended for anyone under 18. We do not knowingly collect personal data from children; if you believe a child has given us their data, please contact us and we will delete it.

privacy-changes-text = We may update this policy when the service or the law changes. The date at the top of this page shows when it last changed. If a change materially affects how we use your data, we will let you know by email or with a notice on the site before it takes effect.

privacy-contact-text = Questions about privacy, or a request about your data? Contact { $operator }:
# The ways to reach the operator, each shown only where the site has it.
privacy-contact-email = by email at <a href="mailto:{ $email }">{ $email }</a>;
privacy-contact-whatsapp = on WhatsApp at <a href="https://wa.me/{ $number }" rel="noopener">+{ $number }</a>;
privacy-contact-post = by post at { $address }.
privacy-contact-none = through the contact details this site publishes on its home page once it has them.
