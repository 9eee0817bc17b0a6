# The frame of every page: header, menus and footer. $site is the site's name; $units the
# plural of its credit ("Sparks").

layout-description = { $site } turns a written description into an original image. Start with { $bonus } free { $units }.
layout-skip = Skip to main content
layout-nav-main = Main
layout-nav-footer = Footer
layout-menu = Menu
layout-console = Console
layout-sign-out = Sign out
layout-operator-sign-in = Operator sign-in
layout-generate = Generate
layout-history = History
layout-account = Account
layout-admin = Admin
layout-balance = Balance:
layout-buy = Buy { $units }
layout-faq = FAQ
layout-sign-in = Sign in
layout-claim-bonus = Claim { $bonus } free { $units }
layout-get-started = Get started
layout-cost-per-image = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
} = 1 image
layout-pay-for-saved = You only pay for images that are saved.
layout-footer-site = Site
layout-privacy = Privacy
layout-terms = Terms
layout-white-label = Want this platform under your own brand?
layout-footer-support = Support
layout-whatsapp = WhatsApp +{ $number }
layout-language = Language

# The "noir" theme's own words for the same places.
noir-description = { $site } composes original images from your words. Begin with { $bonus } free { $units }.
noir-footer-currency = The currency
noir-pay-for-saved = Charged only once your image is saved.
noir-footer-index = Index
noir-footer-support = Correspondence
