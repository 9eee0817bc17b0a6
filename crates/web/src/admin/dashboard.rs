//! `GET /admin`: the tenant admin's dashboard. A few figures to read at a glance, and the
//! last 30 days drawn as small bar charts on the server (SVG, no script), each bar titled
//! with its day and value for a pointer or a screen reader.

use atelier_domain::{msg, Lang, Msg};
use atelier_store::{india_day, india_day_start, DayFigures};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::pages::Page;
use crate::AppError;

/// The drawing area of a chart, in SVG units; the page scales it to its width.
const CHART_WIDTH: i64 = 300;
const CHART_HEIGHT: i64 = 80;

#[derive(Serialize)]
struct Bar {
    x: i64,
    y: i64,
    width: i64,
    height: i64,
    /// "5 Dec 2026: 12", for the bar's `<title>`.
    title: String,
}

#[derive(Serialize)]
struct Chart {
    heading: String,
    /// "12 in all, 5 on the busiest day".
    summary: String,
    total: i64,
    peak: i64,
    bars: Vec<Bar>,
    width: i64,
    height: i64,
}

fn day_label(lang: Lang, day: i64) -> String {
    crate::when::date(lang, india_day_start(day))
}

/// Bars for `values` (one per day, oldest first), scaled so the tallest fills the height.
/// A day of 0 draws no bar; a small non-zero day is still one unit tall, so it shows.
fn chart(heading: Msg, days: &[DayFigures], value: fn(&DayFigures) -> i64, lang: Lang) -> Chart {
    let peak = days.iter().map(value).max().unwrap_or(0);
    let count = i64::try_from(days.len()).unwrap_or(1).max(1);
    let slot = CHART_WIDTH / count;
    let bars = days
        .iter()
        .zip(0..)
        .map(|(d, i)| {
            let v = value(d);
            let height = if peak == 0 || v == 0 {
                0
            } else {
                (v * CHART_HEIGHT / peak).max(1)
            };
            Bar {
                x: i * slot + 1,
                y: CHART_HEIGHT - height,
                width: (slot - 2).max(1),
                height,
                title: msg!(
                    "admin-dashboard-bar",
                    day = day_label(lang, d.day),
                    value = v
                )
                .in_lang(lang),
            }
        })
        .collect();
    let total = days.iter().map(value).sum();
    Chart {
        heading: heading.in_lang(lang),
        summary: msg!("admin-dashboard-chart-total", total = total, peak = peak).in_lang(lang),
        total,
        peak,
        bars,
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
    }
}

pub(crate) async fn show(page: Page) -> Result<Response, AppError> {
    let site = page.tenant()?;
    let (tenant, credit) = (site.tenant.id, &site.tenant.settings.credit);
    let now = page.state.clock.now();
    let figures = page.state.store.dashboard(tenant, now).await?;
    let today = india_day(now);
    let days = &figures.days;
    let last = |n: i64| days.iter().filter(move |d| d.day > today - n);
    let jobs_today: i64 = last(1).map(|d| d.jobs).sum();
    let jobs_week: i64 = last(7).map(|d| d.jobs).sum();
    let (succeeded, failed) = last(7).fold((0, 0), |(s, f), d| (s + d.succeeded, f + d.failed));
    // Of the jobs asked for in the last 7 days that have ended, canceled ones left out: a
    // cancel says nothing about the workers.
    let success_percent = (succeeded + failed > 0).then(|| succeeded * 100 / (succeeded + failed));
    let lang = page.lang;
    let median = figures
        .median_render_ms
        .map(|ms| crate::when::duration(lang, ms));
    let ctx = minijinja::context! {
        users => figures.users,
        signups_week => last(7).map(|d| d.signups).sum::<i64>(),
        jobs_today => jobs_today,
        jobs_week => jobs_week,
        success_percent => success_percent,
        median => median,
        render_sample => figures.render_sample,
        credits_sold => days.iter().map(|d| d.credits_sold).sum::<i64>(),
        credits_spent => days.iter().map(|d| d.credits_spent).sum::<i64>(),
        pending_payments => figures.pending_payments,
        queue_depth => figures.queue_depth,
        charts => vec![
            chart(msg!("admin-dashboard-chart-jobs"), days, |d| d.jobs, lang),
            chart(msg!("admin-dashboard-chart-signups"), days, |d| d.signups, lang),
            chart(
                msg!("admin-dashboard-chart-sold", units = &credit.plural),
                days,
                |d| d.credits_sold,
                lang,
            ),
        ],
        first_day => days.first().map(|d| day_label(lang, d.day)),
        last_day => days.last().map(|d| day_label(lang, d.day)),
    };
    Ok(page.render("admin/dashboard.html", ctx)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_busiest_day_and_small_days_still_show() {
        let days: Vec<DayFigures> = [0, 1, 50, 100]
            .into_iter()
            .zip(20_000..)
            .map(|(jobs, day)| DayFigures {
                day,
                jobs,
                ..DayFigures::default()
            })
            .collect();
        let drawn = chart(
            msg!("admin-dashboard-chart-jobs"),
            &days,
            |d| d.jobs,
            Lang::En,
        );
        let heights: Vec<i64> = drawn.bars.iter().map(|b| b.height).collect();
        assert_eq!(heights, [0, 1, CHART_HEIGHT / 2, CHART_HEIGHT]);
        assert_eq!((drawn.total, drawn.peak), (151, 100));
        assert!(drawn.bars.iter().all(|b| b.y + b.height == CHART_HEIGHT));
        assert!(
            drawn.bars[3].title.ends_with(": 100"),
            "{}",
            drawn.bars[3].title
        );
    }
}
