# /admin: the tenant admin's dashboard.

admin-dashboard-title = Dashboard · Admin · { $site }
admin-dashboard-eyebrow = Admin · { $site }
admin-dashboard-heading = Dashboard
admin-dashboard-lead = How your site is doing: people, images, credits and what is waiting for you.
admin-dashboard-figures = Figures
admin-dashboard-users = Users
admin-dashboard-signups-week = { $count ->
    [one] { $count } new in the last 7 days
   *[other] { $count } new in the last 7 days
}
admin-dashboard-jobs-today = Images today
admin-dashboard-jobs-week = { $count } in the last 7 days
admin-dashboard-success = Success rate
admin-dashboard-percent = { $value }%
admin-dashboard-success-note = Of the images that finished in the last 7 days
admin-dashboard-median = Median render time
admin-dashboard-median-note = { $count ->
    [one] Of the one image made so far
   *[other] Of the latest { $count } images
}
admin-dashboard-sold = { $units } sold
admin-dashboard-spent = { $count } { $count ->
    [one] { $unit }
   *[other] { $units }
} spent on images; both over 30 days
admin-dashboard-pending = Payments to check
admin-dashboard-pending-link = Open the payments desk
admin-dashboard-queue = Waiting in the queue
admin-dashboard-queue-note = Images not yet picked up by a worker
admin-dashboard-charts = The last 30 days ({ $first } to { $last })
admin-dashboard-chart-jobs = Images asked for, per day
admin-dashboard-chart-signups = Sign-ups, per day
admin-dashboard-chart-sold = { $units } sold, per day
admin-dashboard-chart-total = { $total } in all, { $peak } on the busiest day
admin-nav-dashboard = Dashboard
admin-dashboard-bar = { $day }: { $value }

# A render time (crate::when::duration), on the dashboard and in the jobs list alike:
# $unit is "ms" ($value a whole number) or "s" ($value with one decimal, "2.0").
render-time = { $unit ->
    [ms] { $value } ms
   *[s] { $value } s
}
