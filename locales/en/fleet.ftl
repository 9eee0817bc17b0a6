# The fleet of workers, shown on a tenant's /admin/workers and on the platform's
# /platform/workers: the list, a new token, and what the pages say after an action.

fleet-token-for = Token for { $name }
fleet-token-once = Copy it now: it is shown only this once. Start the worker on its machine with:
fleet-copy = Copy
# Read out after "Copy".
fleet-copy-what = the token
# What the copy button and the status line say once it is pressed (static/js/payment.js).

fleet-heading = Workers
fleet-caption = Workers, live tokens first, newest first
fleet-col-worker = Worker
fleet-col-pool = Pool
fleet-col-state = State
fleet-col-now = Now
fleet-col-models = Models
fleet-col-done = Done
fleet-col-failed = Failed
fleet-col-median = Median render
fleet-col-actions = Actions
fleet-state-online = Online
fleet-state-paused = Paused
fleet-state-revoked = Revoked
fleet-state-offline = Offline
# $id is the first characters of the job's id.
fleet-job = job { $id }
fleet-idle = idle
fleet-resume = Resume
fleet-pause = Pause
fleet-revoke = Revoke

# When a worker last asked for work.
fleet-seen-never = Seen never
fleet-seen-seconds = Seen { $count } s ago
fleet-seen-minutes = Seen { $count } min ago
fleet-seen-hours = Seen { $count } h ago
fleet-seen-on = Seen { $date }
# The median time to render one image; $seconds has one decimal, as "12.5".
fleet-median-seconds = { $seconds } s
# The pool of a worker: the shared one, or a site that is gone from the list.
fleet-pool-shared-name = Shared
fleet-pool-a-tenant = a tenant
# Why a worker is paused: by an admin ($who is their email), or after failures.
fleet-paused-by = paused by { $who }
fleet-paused-failures = { $count } { $count ->
    [one] job
   *[other] jobs
} in a row failed

fleet-empty-title = No workers yet
# Holds markup: the command in <code>.
fleet-empty = A worker is a machine with a GPU running ComfyUI and <code>atelier worker</code>. Make a token below, then start the worker with it.
# $count is how many demo workers the server runs itself.
fleet-empty-demo = Meanwhile the server's built-in demo { $count ->
    [one] worker draws
   *[other] workers draw
} the demo models for the sites on the shared pool.
fleet-add-heading = Add a worker
fleet-name = Name
fleet-name-hint = The machine's name, e.g. gpu-01.
fleet-make-token = Make a token
fleet-pool-shared = Tokens made here join the shared pool, which serves every site allowed to use it.
fleet-pool-own = Tokens made here join your own pool: its workers render only your site's images.

fleet-done-revoked = The token was revoked: that worker can no longer take jobs.
fleet-done-paused = The worker is paused: it takes no new jobs until resumed.
fleet-done-resumed = The worker is resumed and takes jobs again.
fleet-name-length = Give the worker a name of 1 to 60 characters, e.g. the machine's (gpu-01).
fleet-models-reloaded = The model catalogue was read again: { $count } { $count ->
    [one] model
   *[other] models
} on offer.
# $error says what is wrong with the file, in English: it comes from the configuration.
fleet-models-not-reloaded = The model catalogue was not reloaded; the one in use stays. { $error }
