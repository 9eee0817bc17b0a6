# The platform host's home page, for resellers who might run their own sites on it.
# $platform is the platform's name ("Atelier").

platform-home-title = Your own AI image studio, under your brand
platform-home-description = { $platform } runs branded AI image generation sites for resellers: your domain, your colours, your prices, paid by UPI.
platform-home-nav-main = Main
platform-home-nav-footer = Footer
platform-home-demo = Live demo
platform-home-demo-site = Live demo site
platform-home-sign-in = Operator sign-in
platform-home-footer-heading = Platform

platform-home-pill = White-label AI image generation
# Keep the <span>: it colours the last words of the heading.
platform-home-hero-title = Your brand. Your domain. <span class="gradient-text">Our render farm.</span>
# $units is the plural of the platform's own credit, in lower case ("credits").
platform-home-lead = { $platform } gives every reseller a complete image generation site: sign-ups with free { $units }, live rendering on GPU workers, private galleries and UPI top-ups you approve yourself.
platform-home-explore-demo = Explore the demo site

platform-home-what-eyebrow = What each site gets
platform-home-what-title = Everything a paying customer expects, on day one
platform-home-domain-title = Your own domain and look
platform-home-domain = Point your domain at us, pick a theme, set your logo and colours. Visitors never see another brand.
platform-home-credits-title = Credits with your name
platform-home-credits = Call them Sparks, Tokens or Coins, choose the sign-up bonus and the packs you sell, in rupees.
platform-home-upi-title = UPI payments you approve
platform-home-upi = Customers pay from any UPI app and send their transaction reference; you approve it and the balance updates.
platform-home-rendering-title = Fair, reliable rendering
platform-home-rendering = Jobs are retried up to { $retries } { $retries ->
    [one] time
   *[other] times
} and never charged unless the image is saved; a busy neighbour cannot starve your queue.
platform-home-rendering-no-retries = Jobs are never charged unless the image is saved, and a busy neighbour cannot starve your queue.
platform-home-gpus-title = Bring your own GPUs
platform-home-gpus = Connect your own ComfyUI workers, use the shared pool, or both.
platform-home-private-title = Private by design
platform-home-private = Each site's users, images and payments are kept apart; images are only served to their owner and that site's admins.
