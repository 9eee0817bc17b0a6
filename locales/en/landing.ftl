# The home page of a site. $unit and $units are the singular and plural of the site's own
# credit ("Spark", "Sparks"), written as the site wrote them; $bonus is the free credits of a
# new account, $cost what one saved image costs.

## Default theme

landing-title-fallback = AI image generation
landing-pill-bonus = { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
} when you sign up
# Keep the <span>: it colours the second half of the heading.
landing-hero-title = Describe it. <span class="gradient-text">See it appear.</span>
landing-hero-lead = Every picture is made new for you. Watch it render live, download it at full size, and find it again any time in your private history.
landing-cta-claim = Claim { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
}
landing-cta-how = See how it works
landing-fact-no-card = No card needed to start
landing-fact-cost = { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
} per saved image
landing-fact-upi = Top up any time with UPI

# A drawing of the Generate page beside the heading.
landing-mock-page = Generate
landing-mock-prompt-label = Prompt
landing-mock-prompt = A paper-cut lighthouse on a cliff at dusk, pastel sky, soft light
landing-mock-cost = { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}
landing-mock-generate = Generate
landing-mock-saved = Saved · Download image
landing-mock-progress = Next in queue · rendering

landing-how-eyebrow = How it works
landing-how-title = From idea to image in four steps
landing-how-lead = No software to install and no subscription. You pay with { $units }, and only when a picture is actually delivered.
landing-step-account-title = Create your account
landing-step-account = Sign up with your email and we add { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
} to your balance straight away.
landing-step-account-link = Create an account
landing-step-describe-title = Describe your image
landing-step-describe = On the Generate page, write a prompt, choose the width and height, and pick a model when more than one is offered.
landing-step-describe-link = Open Generate
landing-step-watch-title = Watch it render live
landing-step-watch = See your place in the queue, then a progress bar. The finished picture shows up on the same page without reloading.
landing-step-watch-link = How long does it take?
landing-step-keep-title = Download and keep
landing-step-keep = Save the file with one click. Every image you make stays in your History, ready to download again later.
landing-step-keep-link = Go to History
landing-topup-title = Need more { $units }?
landing-topup = Pick a pack on the Buy page, scan the UPI QR code with any UPI app, then enter your transaction reference. Your balance is topped up as soon as the payment is verified.
landing-topup-buy = Buy { $units }

landing-features-eyebrow = What you get
landing-features-title = Built to be fair, private and dependable
landing-feature-private-title = Private by default
landing-feature-private = Your prompts and pictures are visible only to you and this site's administrators. Images are delivered through an access-checked link, never a public address.
landing-feature-pay-title = Pay only for saved images
landing-feature-pay = { $units } are deducted only after your image has been generated and stored. A failed or timed-out job costs nothing.
landing-feature-retries-title = Automatic retries
landing-feature-retries = If something goes wrong while rendering, we try again for you, up to { $retries } more { $retries ->
    [one] time
   *[other] times
}, before reporting the job as failed along with the reason.
landing-feature-live-title = Live progress
landing-feature-live = Queue position and render progress update on their own, and the result appears the moment it is ready.
landing-feature-history-title = Your own history
landing-feature-history = Every job you submit is listed in History with its prompt and status, so you can find and download past images any time.
landing-feature-no-limit-title = No daily limit
landing-feature-no-limit = Create as many images as your balance allows. There are no caps per day and no subscription to manage.

landing-specs-eyebrow = Sizes and limits
landing-specs-title = Clear numbers, no fine print
# $examples: how many example sizes the site allows (0, 1 or 2).
landing-specs-lead = Choose any width and height in the allowed range. For the sharpest results with most models, use multiples of 64{ $examples ->
    [1] , such as 512 × 512
    [2] , such as 512 × 512 or 768 × 768
   *[0] {""}
}.
landing-specs-more = More about sizes
landing-spec-size = Image size
# $min and $max are pixel counts.
landing-spec-size-value = { $min } to { $max } px per side
landing-spec-step = Size steps
landing-spec-step-value = Every { $step } px
landing-spec-price = Price per image
landing-spec-price-value = { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}, charged once saved
landing-spec-time = Time limit per job
landing-spec-time-value = { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}, then it fails free of charge
landing-spec-attempts = Automatic attempts
landing-spec-attempts-value = Up to { $attempts } per job
landing-spec-daily = Daily limit
landing-spec-daily-value = None

landing-questions-eyebrow = Questions
landing-questions-title = Good to know
landing-q-credit = What is a { $unit }?
landing-a-credit = It's the credit you spend on this site: { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
} buys one saved image. New accounts start with { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
}.
landing-q-failure = What happens if a generation fails?
landing-a-failure = Nothing is taken from your balance. We retry automatically, and if the job still can't finish, it is marked as failed with the reason shown.
landing-a-failure-no-retries = Nothing is taken from your balance. The job is marked as failed with the reason shown, and you can send it again.
landing-q-payment = How do I pay for more?
landing-a-payment = Choose a pack on the Buy page and pay with any UPI app. Enter the 12-digit transaction reference (UTR), and your { $units } arrive once the payment is checked.
landing-q-privacy = Who can see my images?
landing-a-privacy = Only you and this site's administrators. Nothing is published, and your data is never shared with third parties.
landing-questions-all = Read all questions and answers

landing-final-title = Your next image is one sentence away.
landing-final = Create a free account and start with { $bonus } { $bonus ->
    [one] { $unit }
   *[other] { $units }
} on us.
landing-final-start = Get started free
landing-final-sign-in = I already have an account

## The "noir" theme's own home page, in its own voice

landing-noir-title-fallback = images composed from words
landing-noir-studio = Image studio
# Keep the <em>: the theme sets that word in italics.
landing-noir-hero-title = Words, <em>rendered</em> into images.
landing-noir-lead = Write a sentence. Watch it become an original picture, rendered live and kept in your private archive. You pay only for what is delivered.
landing-noir-cta-claim = Claim { $bonus } free { $bonus ->
    [one] { $unit }
   *[other] { $units }
}
landing-noir-cta-sign-in = Sign in
landing-noir-fact-gift = Welcome gift
landing-noir-fact-gift-value = { $bonus } { $bonus ->
    [one] { $unit }
   *[other] { $units }
}
landing-noir-fact-cost = Per image
landing-noir-fact-cost-value = { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
}
landing-noir-fact-size = Up to
# $max is a pixel count.
landing-noir-fact-size-value = { $max } px

# The pictures are numbered like plates in a book; $number is a Roman numeral.
landing-noir-plate = Plate { $number }
landing-noir-plate-arch-alt = Illustration: a small figure standing in a sunlit archway
landing-noir-plate-arch = “A lone figure in a sunlit archway, warm dusk, grain.”

landing-noir-process-label = The process
landing-noir-process-title = Four movements, from sentence to print.
landing-noir-step-account-title = Open an account
landing-noir-step-account = Register with your email; { $bonus } { $bonus ->
    [one] { $unit } is
   *[other] { $units } are
} placed in your balance at once.
landing-noir-step-account-link = Register
landing-noir-step-prompt-title = Write the prompt
landing-noir-step-prompt = On the Generate page, describe the scene, set width and height, and choose a model when several are offered.
landing-noir-step-prompt-link = Generate
landing-noir-step-watch-title = Watch it develop
landing-noir-step-watch = Follow your place in the queue and the progress of the render. The image appears on the page by itself.
landing-noir-step-watch-link = Timing
landing-noir-step-keep-title = Keep the result
landing-noir-step-keep = Download the file in one click. Every piece stays in your History, ready to be downloaded again.
landing-noir-step-keep-link = History
# Shown only where the site sells credits; keep the link.
landing-noir-topup = Running low? Choose a pack on the <a href="/buy">Buy page</a>, scan the UPI QR code, enter the transaction reference, and your { $units } follow once the payment is verified.

landing-noir-gallery-label = The gallery
landing-noir-gallery-title = Any mood, any medium.
landing-noir-gallery-lead = Ink, oil, film, geometry or pure light. A few illustrative studies of what a single sentence can ask for.
landing-noir-plate-moon-alt = Illustration: a pale moon reflected on dark, still water
landing-noir-plate-moon = Nocturne, still water
landing-noir-plate-sun-alt = Illustration: geometric composition with a red sun on cream paper
landing-noir-plate-sun = Study with a red sun
landing-noir-plate-bloom-alt = Illustration: soft blooms of teal, amber and crimson on black
landing-noir-plate-bloom = Bloom, teal and amber
landing-noir-plate-ridges-alt = Illustration: layered ink mountains fading into fog
landing-noir-plate-ridges = Ridges in fog, sumi ink
landing-noir-plate-orbit-alt = Illustration: thin concentric orbits around a golden centre
landing-noir-plate-orbit = Orbits, fine line
landing-noir-plate-lines-alt = Illustration: flowing waves drawn in thin gold lines
landing-noir-plate-lines = Tide in gold leaf

landing-noir-rules-label = House rules
landing-noir-rules-title = Fair, private, dependable.
landing-noir-rule-private-title = Private by design
landing-noir-rule-private = Prompts and images are seen only by you and this site's administrators. Each image is served through an access-checked link, never a public address.
landing-noir-rule-pay-title = Pay for what is saved
landing-noir-rule-pay = { $units } are taken only once the image exists and is stored. A failed or expired job costs nothing.
landing-noir-rule-retries-title = Retries, on us
landing-noir-rule-retries = When a render stumbles, it is retried automatically, up to { $retries } more { $retries ->
    [one] time
   *[other] times
}. If it still fails, you see the reason.
landing-noir-rule-live-title = Progress, live
landing-noir-rule-live = Queue position and render progress refresh on their own. No reloading, no guessing.
landing-noir-rule-archive-title = An archive of your own
landing-noir-rule-archive = History keeps every job with its prompt and status, so past work is always one click away.
landing-noir-rule-no-limit-title = No daily ceiling
landing-noir-rule-no-limit = Create as much as your balance allows, and top up with UPI whenever you wish.

landing-noir-spec-label = Specifications
landing-noir-spec-title = The fine print, printed large.
# $examples: how many example sizes the site allows (0, 1 or 2). Keep the link.
landing-noir-spec-lead = Multiples of 64 tend to give the cleanest results{ $examples ->
    [1] , for instance 512 × 512
    [2] , for instance 512 × 512 or 768 × 768
   *[0] {""}
}. <a href="/faq#sizes">More on sizes</a>.
landing-noir-spec-size = Dimensions
# $min and $max are pixel counts.
landing-noir-spec-size-value = { $min }–{ $max } px a side
landing-noir-spec-step = Increments
landing-noir-spec-step-value = { $step } px
landing-noir-spec-price = Price
landing-noir-spec-price-value = { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
} per saved image
landing-noir-spec-time = Time limit
landing-noir-spec-time-value = { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}, then released free of charge
landing-noir-spec-attempts = Attempts
landing-noir-spec-attempts-value = Up to { $attempts } per job
landing-noir-spec-daily = Daily limit
landing-noir-spec-daily-value = None

landing-noir-questions-label = Questions
landing-noir-questions-title = Asked often.
landing-noir-questions-all = All questions and answers
landing-noir-q-credit = What is a { $unit }?
landing-noir-a-credit = The credit of this house. { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
} pays for one saved image, and every new account opens with { $bonus } { $bonus ->
    [one] { $unit }
   *[other] { $units }
}.
landing-noir-q-failure = And if a render fails?
landing-noir-a-failure = Your balance is untouched. The job is retried automatically; should it still fail, it is marked as failed and the reason is shown.
landing-noir-a-failure-no-retries = Your balance is untouched. The job is marked as failed and the reason is shown; send it again whenever you like.
landing-noir-q-payment = How do I pay?
landing-noir-a-payment = With any UPI app. Pick a pack on the Buy page, pay, then enter the 12-digit transaction reference (UTR). Your { $units } arrive once the payment is verified.
landing-noir-q-privacy = Who sees my images?
landing-noir-a-privacy = You, and this site's administrators. Nothing is published, and nothing is shared with third parties.

landing-noir-final-label = Begin
# Keep the <em>: the theme sets those words in italics.
landing-noir-final-title = Your first { $bonus } { $bonus ->
    [one] { $unit } is
   *[other] { $units } are
} <em>on the house.</em>
landing-noir-final-register = Create a free account
landing-noir-final-faq = Read the FAQ
