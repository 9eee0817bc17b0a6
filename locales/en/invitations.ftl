# Sending an invited admin a new invitation link: from /platform/admins, a tenant's page
# in the platform console, and an account's profile in the site's own console; and the
# page an older, replaced link opens. $email is the invitee's address; $sent when the
# newest link went out.

invite-resend-button = Send a new invitation
invite-resend-col-actions = Actions
invite-resend-col-sent = Last invitation sent
invite-resend-expired = Link expired
invite-resend-last = Last invitation sent { $sent }.
invite-resend-last-expired = Last invitation sent { $sent }; its link has expired.
invite-resend-card = Still invited
invite-resend-card-lead = These admins have not chosen a password yet. A new invitation replaces the old link, which stops working.
invite-resend-profile-card = Invitation
invite-resend-profile-lead = This account has not chosen a password yet. A new invitation replaces the old link, which stops working.
invite-resend-sent = A new invitation is on its way to { $email }; the old link no longer works.
invite-resend-sent-profile = A new invitation is on its way; the old link no longer works.
invite-resend-has-password = { $email } has already chosen a password, so there is nothing to resend. They can sign in, or reset their password from the sign-in page.
invite-resend-has-password-platform = { $email } has already chosen a password, so there is nothing to resend. If they have forgotten it, remove them and invite them again.
invite-resend-too-soon = An invitation was just sent to { $email }. To keep their inbox calm, wait { $seconds } { $seconds ->
        [one] second
       *[other] seconds
    } before sending another.

## The page an older link opens once a new invitation has replaced it.
invite-resend-replaced-title = This invitation was replaced
invite-resend-replaced = A newer invitation was sent to you after this one. Open the link in the latest invitation email.

## The audit log.
admin-audit-invitation-resend = Sent a new invitation
admin-audit-value-link-expired = Link expired
admin-audit-value-link-valid = Link still valid
admin-audit-value-link-sent = New link sent
