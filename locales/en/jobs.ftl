# Making images: the Generate page, History, the job cards and their live updates
# (static/js/live-jobs.js reads its words from the page), the copy buttons, and the pages of
# a list. $site is the site's name; $unit and $units its credit's singular and plural.

## The Generate page

jobs-generate-title = Create an image
jobs-generate-description = Describe an image and { $site } creates it for you.
jobs-generate-eyebrow = Generate
jobs-generate-lead = Describe what you want to see. Your picture appears on this page as soon as it's ready, and it's kept in your <a href="/history">History</a>.
jobs-credits-kept = Your prompt is kept below, so you can send it again once you've topped up.
jobs-buy = Buy { $units }
jobs-results-in-progress = Your images in progress
jobs-results-latest = Your latest images
jobs-see-all = See all in History
jobs-noscript = Reload the page to see the latest progress. <a href="/generate">Reload</a>
jobs-results-empty-title = Your results will appear here
jobs-results-empty = Write a prompt and choose “Generate image”. You'll see your place in the queue, then the progress, then the finished picture, ready to download.
jobs-form-title = Describe your image
jobs-prompt = Prompt
jobs-prompt-hint = Say what's in it, then the style, light and mood. For example: “a lighthouse on a cliff at dusk, watercolour, warm light”.
jobs-model = Model
jobs-model-key = Model:
jobs-model-hint = Each model has its own style.
jobs-model-hint-demo = Models marked “demo” draw abstract pictures without AI, so you can try things out.
jobs-demo = Demo
jobs-size = Size
jobs-width = Width
jobs-height = Height
jobs-pixels-short = px
jobs-width-error = Width: { $error }
jobs-height-error = Height: { $error }
# $min, $max and $step come as written in the size fields (1024, not 1,024).
jobs-size-hint = From { $min } to { $max } pixels a side, in steps of { $step }. Multiples of 64 give the best results.
jobs-preset-square = Square { $width }×{ $height }
jobs-preset-portrait = Portrait { $width }×{ $height }
jobs-preset-landscape = Landscape { $width }×{ $height }
jobs-preset-wide = Wide { $width }×{ $height }
jobs-more-options = More options
jobs-leave-out = Leave out
jobs-optional = (optional)
jobs-leave-out-hint = Things you don't want in the picture, such as “text, blur, extra fingers”.
jobs-seed = Seed
jobs-seed-random = Random
jobs-seed-hint = Leave empty for a random one. The same seed and prompt give the same picture again.
jobs-submit = Generate image
jobs-sending = Sending…
jobs-cost-line = Costs { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
} · you have { $available } available · charged only when the image is saved
jobs-short-of-credits = You don't have enough { $units } for another image.

## What the form says back

jobs-error-model = Choose one of the models in the list.
jobs-error-credits = Not enough { $units }: an image costs { $cost } { $cost ->
    [one] { $unit }
   *[other] { $units }
} and you have { $available } available.
jobs-error-credits-buy = Buy more to keep creating.
jobs-error-too-many = You already have { $cap } { $cap ->
    [one] image
   *[other] images
} in progress. Wait for one to finish, then try again.

## A job card, on the page and as live-jobs.js updates it

jobs-status-queued = Waiting in the queue
jobs-status-running = Rendering
jobs-status-canceling = Canceling…
jobs-status-succeeded = Ready
jobs-status-failed = Failed
jobs-status-canceled = Canceled
jobs-queue-next = Next in line
# The place in line is an estimate (fair turns within the site), so it says "about".
jobs-queue-ahead = About { $ahead } { $ahead ->
    [one] image
   *[other] images
} ahead of yours
jobs-queue-waiting = Waiting in the queue
jobs-waiting-for = Waiting for a worker that runs { $model }
# The place in line, then how long the wait may be: "Next in line · about 20 seconds".
jobs-queue-with-wait = { $place } · { $wait }
jobs-wait-few-seconds = a few seconds
jobs-wait-seconds = about { $seconds } seconds
jobs-wait-minute = about a minute
jobs-wait-minutes = about { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}
jobs-download = Download
jobs-download-image = Download image
jobs-open-full = Open full size
jobs-again = Generate again
jobs-use-seed = Use this seed
jobs-just-submitted = Just submitted
jobs-progress = Progress
jobs-waiting-to-start = Waiting to start
jobs-error-default = The image could not be made.
jobs-nothing-charged = Nothing was charged.
jobs-canceled-nothing-charged = Canceled — nothing was charged.
jobs-cancel = Cancel
# Said by screen readers when a job ends while the page is open; $prompt is its start.
jobs-said-ready = Your image is ready: { $prompt }. You can download it now.
jobs-said-failed = Your image could not be made: { $prompt }.
jobs-said-canceled = Image canceled: { $prompt }. Nothing was charged.

## History

jobs-history-title = History
jobs-history-description = Every image you have created with { $site }.
jobs-history-heading = Your images
jobs-history-lead = Everything you create, newest first. Images that failed or were canceled cost nothing.
jobs-history-list = Images
jobs-history-list-older = Images (older ones)
jobs-history-pages = History pages
jobs-history-newest = ← Newest images
jobs-history-older = Older images →
jobs-history-no-older = No older images
jobs-history-past-end = This page is past the end of your history.
jobs-history-back = Back to your latest images
jobs-history-empty-title = No images yet
jobs-history-empty = Every image you create is kept here, ready to open or download again.
jobs-history-first = Create your first image
jobs-history-damaged = This link to older images is damaged. Open your history again and use its “Older” link.

## Every list's pages, and every page's address

jobs-pager-newest = ← Newest
jobs-pager-older = Older →
jobs-address-damaged = This page's address has a damaged or repeated part, so we could not tell what to show. Open the page again from its link or menu.

## Copy buttons (static/js/payment.js reads these from its script tag)

jobs-copy-done = Copied
jobs-copy-failed = Copy failed
jobs-copy-said = Copied.
jobs-copy-said-failed = Could not copy; select the text instead.
