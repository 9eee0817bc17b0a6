# The JSON API's error messages (/api/v1), in the token's account's language. Each goes
# with a stable machine-readable code that never changes; the worker API stays in English.

api-unauthorized = Send a personal API token as `Authorization: Bearer <token>`; make one on your account page.
api-forbidden = This token may not do that.
api-not-found = There is nothing here.
api-bad-request = We could not read that request.
api-method-not-allowed = This address does not take that method; the Allow header lists the ones it takes.
api-payload-too-large = The request body is larger than we accept.
api-unsupported-media-type = Send the body as JSON, with `Content-Type: application/json`.
api-too-many-requests = Too many requests; wait a moment and try again.
api-unavailable = We could not answer in time; try again in a moment.
api-not-accepted = We could not accept that request.
api-internal = Something went wrong on our side; try again.
api-too-many-requests-wait = Too many requests; try again in { $seconds } { $seconds ->
    [one] second
   *[other] seconds
}.
api-too-many-mails = Too many emails asked for; try again in { $seconds } { $seconds ->
    [one] second
   *[other] seconds
}.
api-busy = Many people are signing in right now; try again in a few seconds.
# $field is the name of what is taken, as the database calls it ("email", "slug").
api-conflict-field = That { $field } is already taken; choose another.
api-conflict = Something with that value already exists; choose another.
api-invalid-value = A value is outside what is allowed here; check it and try again.
api-unknown-reference = It refers to something that does not exist (any more).
# $detail is the JSON reader's own account of what is wrong, in English.
api-invalid-json = The body is not a job request: { $detail }
api-insufficient-credits = Not enough { $units }: { $available } available. Buy more on the site's Buy page.
api-too-many-active = At most { $cap } jobs may be queued or running at once; wait for one to finish.
api-invalid-query = Use ?limit=<1 to 100>&cursor=<next_cursor of a previous page>.
api-invalid-limit = limit must be between 1 and 100.
api-invalid-cursor = Use the next_cursor of a previous page.
