# /platform/usage: each tenant's people, images and sales. $platform is the platform's name.

platform-nav-usage = Usage and revenue
platform-usage-title = Usage and revenue · { $platform }
platform-usage-description = What each tenant of { $platform } makes and sells.
platform-usage-heading = Usage and revenue
platform-usage-lead = Each tenant's people, the images asked for in the last { $days } days, and the credits sold with what buyers paid, over those days and all time.
platform-usage-caption = Usage and revenue of each tenant of { $platform }
platform-usage-col-tenant = Tenant
platform-usage-col-users = People
platform-usage-col-images = Images, last { $days } days
platform-usage-col-sold = Sold, last { $days } days
platform-usage-col-sold-all = Sold, all time
platform-usage-succeeded = { $count } made
platform-usage-failed = { $count } failed
platform-usage-credits = { $count } { $count ->
    [one] credit
   *[other] credits
}
platform-usage-total = All tenants
platform-usage-note = Days are India's calendar days, today included. Sales count approved payments by the day they were made; amounts are what buyers paid.
platform-usage-empty-title = No tenants yet
platform-usage-empty = Once a tenant is created, its figures appear here.
