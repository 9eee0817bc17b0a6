# Error pages: what went wrong, in a title and a sentence, and the site's "temporarily
# unavailable" page. $site is the site's name.

errors-status = Error { $status }:
errors-back-home = Back to home
errors-browse-faq = Browse the FAQ
errors-contact-support = Think this is a mistake? Contact support:
errors-email-us = Email { $address }
errors-whatsapp = WhatsApp +{ $number }

errors-not-found-title = Page not found
errors-not-found = We looked everywhere, but there is nothing at this address.
errors-forbidden-title = You don't have access to this page
errors-forbidden = Your account can't open this page. If you think it should, contact support.
errors-form-expired-title = This form has expired
errors-form-expired = For your safety the form could not be accepted: it was open too long or came from an old tab. Go back, reload the page and try again.
errors-cross-site-title = Request blocked
errors-cross-site = This request came from another website, so we did not act on it. If you were using this site, go back and try again.
errors-too-many-attempts-title = Too many attempts
errors-too-many-attempts = For your account's safety we paused this for a moment. Please try again in { errors-wait }.
errors-too-many-mails-title = Too many emails
errors-too-many-mails = Several emails were asked for recently, so we sent no more for now. Check your inbox and spam folder for the latest one, or ask again in { errors-wait }.
errors-bad-request-title = We couldn't read that request
# $detail: what the form reader said, in English.
errors-form-unreadable = the form could not be read: { $detail }
errors-too-large-title = That was too large
errors-too-large = The request was larger than we accept.
errors-busy-title = Many people are signing in right now
errors-busy = So many people are signing in at this moment that your request waited too long for its turn. Nothing was changed: please try again in a few seconds.
errors-internal-title = Something went wrong
errors-internal = An unexpected error stopped this page. It has been logged; please try again in a moment.
# How long to wait: whole minutes, or seconds ($minutes is 0) under a minute. The two
# messages above say it with { errors-wait }, which sees their $minutes and $seconds.
errors-wait = { $minutes ->
        [0] { $seconds ->
            [one] { $seconds } second
           *[other] { $seconds } seconds
        }
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }

## A write the database refused by one of its rules

errors-taken-title = That is already taken
# $field: the thing's name as the code calls it ("slug", "domain").
errors-taken-field = That { $field } is already taken; choose another.
errors-taken = Something with that value already exists; choose another.
errors-not-saved-title = We couldn't save that
errors-invalid-value = A value is outside what is allowed here; check it and try again.
errors-unknown-reference = It refers to something that does not exist (any more).

## A host that is no site, and a site that is not open

errors-no-site-title = Not found
errors-no-site = There is no site at this address.
errors-service-unavailable = Service temporarily unavailable
errors-unavailable-title = Temporarily unavailable
errors-unavailable-description = { $site } is temporarily unavailable. Please come back soon.
errors-unavailable-heading = { $site } is taking a short break
errors-unavailable-message = The site is temporarily unavailable. Nothing is wrong on your side, and there's nothing you need to do. Please come back a little later.
errors-unavailable-reach-us = Need to reach us in the meantime?
