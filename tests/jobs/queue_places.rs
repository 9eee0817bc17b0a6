//! What a person is told about their place in line: an estimate within their own site under
//! fair claiming, never a count of other tenants' work.

use atelier_domain::{Clock, JobId, User};

use super::{new_user, queue, rules, tenant_id};
use crate::common::{Db, TestApp};
use crate::on_both_databases;

on_both_databases!(places_in_line_follow_the_turns_of_this_site_only);

async fn places(app: &TestApp, user: &User, jobs: &[JobId]) -> Vec<Option<i64>> {
    let tenant = user.tenant_id.unwrap_or_else(|| panic!("a tenant user"));
    let line = app
        .state
        .store
        .queue_places(tenant, user.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    jobs.iter().map(|j| line.of(*j)).collect()
}

/// Ada was served a moment ago; Ben never was, so each round Ben goes first. Ben's two jobs
/// are 1st and 3rd, Ada's three are 2nd, 4th and 5th. A busy other site changes nothing.
async fn places_in_line_follow_the_turns_of_this_site_only(db: Db) {
    let app = TestApp::start_with(db, "[jobs]\nembedded_workers = 0").await;
    let (pixelforge, nocturne) = (
        tenant_id(&app, "pixelforge").await,
        tenant_id(&app, "nocturne").await,
    );
    let store = &app.state.store;
    let now = app.clock.now();
    let mut people = Vec::new();
    for (tenant, email) in [
        (pixelforge, "ada@example.com"),
        (pixelforge, "ben@example.com"),
        (nocturne, "cy@example.com"),
    ] {
        let made = store.create_user(&new_user(tenant, email, 20), now).await;
        people.push(made.unwrap_or_else(|e| panic!("{e}")));
    }
    let [ada, ben, cy] = <[User; 3]>::try_from(people).unwrap_or_else(|_| panic!("three"));

    queue(&app, &ada, "served first", rules(10)).await;
    app.clock.advance_millis(1);
    let served = store
        .claim_next_job("w", None, 60_000, app.clock.now())
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("nothing to claim"));
    assert_eq!(served.job.user_id, ada.id);

    for n in 0..6 {
        queue(&app, &cy, &format!("elsewhere {n}"), rules(10)).await;
    }
    let mut ada_jobs = Vec::new();
    for n in 0..3 {
        ada_jobs.push(queue(&app, &ada, &format!("ada {n}"), rules(10)).await);
    }
    let mut ben_jobs = Vec::new();
    for n in 0..2 {
        ben_jobs.push(queue(&app, &ben, &format!("ben {n}"), rules(10)).await);
    }
    assert_eq!(places(&app, &ben, &ben_jobs).await, [Some(1), Some(3)]);
    assert_eq!(
        places(&app, &ada, &ada_jobs).await,
        [Some(2), Some(4), Some(5)]
    );
    assert_eq!(places(&app, &ada, &[served.job.id]).await, [None]);
    // Cy's site has only Cy waiting: first in line, whatever Pixelforge has queued.
    let cy_first = store
        .queue_places(nocturne, cy.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let cy_jobs = store
        .active_jobs(cy.id)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cy_first.of(cy_jobs[0].id), Some(1));
    assert_eq!(cy_first.of(cy_jobs[5].id), Some(6));
}
