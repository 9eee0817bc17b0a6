# The platform console's tenants (create, edit, suspend), super-admins and settings pages,
# and the invitation a new admin is mailed. $platform is the platform's name, $site a
# tenant's, $domain a host name as typed.

platform-console-nav-admins = Super-admins
platform-console-nav-settings = Settings
platform-console-cancel = Cancel

## A new tenant

platform-console-new-button = New tenant
platform-console-new-title = New tenant · Console · { $platform }
platform-console-new-heading = New tenant
platform-console-new-lead = The site answers on its addresses as soon as you create it. Its first admin gets an email to choose a password.
platform-console-new-card = The site and its first admin
platform-console-slug = Short name
platform-console-slug-hint = Lower-case letters, digits and hyphens. The site also answers on this name under { $base }.
platform-console-slug-taken = Another tenant already uses the short name { $slug }.
platform-console-name = Site name
platform-console-name-hint = What visitors see at the top of every page and in every email.
platform-console-domains = Domains
platform-console-domains-hint = One per line, for example gallery.example.com. Point each one at this platform before visitors use it.
platform-console-admin-email = Email address
platform-console-admin-email-hint = We send an invitation to this address; the link in it works once, for 3 days.
platform-console-create = Create tenant
platform-console-created = { $site } is live. Its first admin has been sent an invitation.

## Domains

platform-console-domain-labels = { $domain } is not a domain name: each part between dots needs 1 to 63 letters, digits or hyphens, and no hyphen at its start or end.
platform-console-domain-too-long = { $domain } is longer than a domain name may be (253 characters).
platform-console-domain-characters = { $domain } has characters a domain name cannot have: use letters, digits, dots and hyphens only, with no “https://” or “/”. A name in another script goes in its xn-- form (as your registrar shows it).
platform-console-domain-ours = { $domain } is one of the platform's own addresses.
platform-console-domain-not-public = { $domain } is not a public domain name (an IP address or a local name cannot be a site’s domain).
platform-console-domain-twice = { $domain } is listed twice.
platform-console-domain-taken = { $domain } already belongs to { $site } ({ $slug }).
platform-console-domain-just-taken = One of these domains was just given to another tenant. Check the list and save again.

## Editing a tenant

platform-console-edit-title = { $site } · Console · { $platform }
platform-console-edit-lead = The site's name, its domains and the workers that may render its images.
platform-console-edit-card = Name, domains and workers
platform-console-shared-pool = May use the shared worker pool
platform-console-shared-pool-hint = Without it, only the tenant's own workers render its images.
platform-console-save = Save changes
platform-console-saved = Changes saved. The site shows them now.
platform-console-status-card = Availability
platform-console-suspend-help = Suspending closes the site: every page shows that it is temporarily unavailable, and its queued images wait until it is resumed.
platform-console-suspend = Suspend site
platform-console-suspend-confirm = To suspend, type the site’s short name: { $slug }
platform-console-suspend-confirm-wrong = Type { $slug } to suspend this site; nothing was changed.
platform-console-resume-help = The site is suspended. Resuming opens it again, and its waiting images are rendered.
platform-console-resume = Resume site
platform-console-suspended-notice = The site is suspended.
platform-console-resumed-notice = The site is open again.

## Super-admins

platform-console-admins-title = Super-admins · Console · { $platform }
platform-console-admins-heading = Super-admins
platform-console-admins-lead = The people who run this platform. Each can reach every tenant.
platform-console-admins-col-email = Email address
platform-console-admins-col-since = Since
platform-console-admins-col-action = Remove
platform-console-admins-you = You
platform-console-admins-invited = Invited
platform-console-admins-remove = Remove
platform-console-admins-add-card = Add a super-admin
platform-console-admins-add-hint = They get an email with a link to choose a password; it works once, for 3 days.
platform-console-admins-add = Send invitation
platform-console-admin-invited = An invitation was sent to { $email }.
platform-console-admin-removed = { $email } is no longer a super-admin.
platform-console-admin-exists = { $email } is already a super-admin.
platform-console-admin-not-yourself = You cannot remove yourself. Another super-admin can.
platform-console-admin-last = This is the last super-admin; the platform always keeps one.
# Holds markup: the command in <code>.
platform-console-login-forgot = Forgot your password? Another super-admin can remove you and invite you again; whoever runs the servers can set a new one with <code>atelier admin password</code>.

## The invitation

platform-console-invite-subject = You're invited to { $site }
platform-console-invite-role-tenant = an admin
platform-console-invite-role-platform = a super-admin
platform-console-invite-preheader = Choose a password for { $site }. The link expires in { $expires }.
platform-console-invite-title = Welcome to { $site }
platform-console-invite-intro = You have been made { $role } of { $site }, with the address { $email }. Choose a password to sign in.
platform-console-invite-button = Choose a password
platform-console-invite-open-link = To choose a password, open this link:
platform-console-invite-expiry = The link works once and expires in { $expires }. If it has expired, ask whoever invited you to send a new one.
platform-console-invite-ignore = If you weren't expecting this, you can ignore this email: nobody can sign in without a password.

## The invitation's page

platform-console-welcome-title = Choose your password
platform-console-welcome-lead = You have been invited. Choose the password you will sign in with.
platform-console-welcome-submit = Save password
platform-console-welcome-expired = Invitation links stay valid for { $expires }. Ask whoever invited you to send a new one.
platform-console-welcome-used = Each invitation link works only once. If you've already chosen a password, sign in with it.
platform-console-welcome-invalid = It may have been copied incompletely. Open the link straight from the email.

## The audit log

admin-audit-tenant-create = Created the site
admin-audit-tenant-update = Changed the site's name, domains or workers
admin-audit-tenant-suspend = Suspended the site
admin-audit-tenant-resume = Resumed the site
admin-audit-platform-admin-add = Invited a super-admin
admin-audit-platform-admin-remove = Removed a super-admin
