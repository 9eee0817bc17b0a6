# The platform console: its sections, the tenants list and the workers page's own parts
# (the fleet itself is in fleet.ftl). $platform is the platform's name, $site a tenant's.

platform-nav-label = Console sections
platform-nav-tenants = Tenants
platform-nav-workers = Workers
platform-nav-payments = Payments
platform-eyebrow = { $platform } console

## Tenants

platform-index-title = Console · { $platform }
platform-index-description = The { $platform } operator console.
platform-index-heading = Tenants
platform-index-lead = { $count } { $count ->
    [one] tenant
   *[other] tenants
} on this platform. To give someone admin rights on a tenant's site, enter the email address they use there.
platform-index-caption = Tenants on { $platform }
platform-index-col-tenant = Tenant
platform-index-col-status = Status
platform-index-col-theme = Theme
platform-index-col-hosts = Hosts
platform-index-col-users = Users
platform-index-col-add-admin = Add a tenant admin
platform-index-open-site = Open site
platform-index-active = Active
platform-index-suspended = Suspended
platform-index-no-hosts = None
platform-index-email-label = Email of the new admin for { $site }
platform-index-email-example = name@example.com
platform-index-make-admin = Make tenant admin
# Read out after the button's words, naming the site.
platform-index-make-admin-of = of { $site }
# Holds markup: the command in <code>.
platform-index-empty-title = No tenants yet — create one with <code>atelier tenant create</code>
platform-index-empty = Run the command on the server; the new tenant is listed here as soon as it exists.
platform-admin-added = { $who } is now an admin of { $site }.
platform-admin-added-own-site = { $who } is now an admin of their site.
platform-no-account = { $email } has no account on { $site }. Ask them to sign up there first.

## Workers

platform-workers-title = Workers · Console · { $platform }
platform-workers-description = Every worker pool on { $platform }.
platform-workers-heading = Workers
platform-workers-lead = Every pool: the shared one, and each site's own. A worker whose jobs keep failing is paused on its own, so it stops using up retries.
platform-models-heading = Model catalogue
# Holds markup: the file and the command in <code>.
platform-models-reload-help = After editing <code>config/models.json</code> or a workflow, read it again without a restart (<code>kill -HUP</code> on the server does the same). A file with a mistake is refused and the catalogue in use stays.
platform-models-reload = Reload models

# /platform/audit: every site's log and the platform's own.
platform-audit-nav = Audit log
platform-audit-eyebrow = Console
platform-audit-lead = What every site's admins and the platform's super-admins changed, newest first, with who did it and from where.
platform-audit-col-site = Site
platform-audit-the-platform = The platform
