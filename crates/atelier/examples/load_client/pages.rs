//! Lists walked as a person walks them: a keyset list's "Older" links from the first page
//! to the last, whose addresses nothing else can name.

use std::time::Instant;

use anyhow::bail;
use clap::Args;

use crate::result;
use crate::visitor::{address, excerpt, Visitor};

#[derive(Args)]
pub struct LastPageOptions {
    /// The site's host
    #[arg(long)]
    host: String,
    /// The signed-in person's session cookie (`name=value`)
    #[arg(long)]
    cookie: String,
    /// The list's first page, e.g. /history
    #[arg(long)]
    first: String,
    /// How the list's "Older" link starts, e.g. /history?after=
    #[arg(long)]
    older: String,
    /// Names the figures (`<key>_pages`, `<key>_last_page`, `<key>_last_full_page`)
    #[arg(long)]
    key: String,
}

/// A link's target as written in HTML (minijinja escapes `&`, `/` and quotes).
fn unescape(href: &str) -> String {
    href.replace("&#x2f;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The first link on a page whose target starts with `prefix`.
fn link_starting(body: &str, prefix: &str) -> Option<String> {
    body.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(unescape)
        .find(|href| href.starts_with(prefix))
}

pub async fn last_page(base: &str, options: LastPageOptions) -> anyhow::Result<()> {
    let client = crate::http_client()?;
    let mut visitor =
        Visitor::signed_in(&client, base, &options.host, address(5, 1), &options.cookie);
    let started = Instant::now();
    let mut path = options.first.clone();
    let mut previous = None;
    let mut pages = 1;
    loop {
        let page = visitor.get(&path).await?;
        if page.status != 200 {
            bail!("{path} answered {}: {}", page.status, excerpt(&page.body));
        }
        match link_starting(&page.body, &options.older) {
            Some(older) => {
                // The fragment (#history) is the browser's, never sent.
                let older = older.split('#').next().unwrap_or_default().to_owned();
                previous = Some(std::mem::replace(&mut path, older));
                pages += 1;
            }
            None => break,
        }
    }
    let Some(last_full) = previous else {
        bail!(
            "{} has one page: no link starting {} was found",
            options.first,
            options.older
        );
    };
    eprintln!(
        "{}: {pages} pages, walked in {:.1?}",
        options.key,
        started.elapsed()
    );
    result(&format!("{}_pages", options.key), pages);
    result(&format!("{}_last_page", options.key), path);
    // The last page holds what is left over, often a few rows: the one before it is the
    // deepest page as full as the first, the fair one to time.
    result(&format!("{}_last_full_page", options.key), last_full);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_links_are_found_and_unescaped() {
        let body = r#"<a href="&#x2f;account#history">Newest</a>
            <a href="&#x2f;account?payments_after=1.x">Older</a>
            <a class="btn" href="&#x2f;account?history_after=17.abc#history" rel="next">Older</a>"#;
        assert_eq!(
            link_starting(body, "/account?history_after=").as_deref(),
            Some("/account?history_after=17.abc#history")
        );
        assert_eq!(link_starting(body, "/history?after="), None);
    }
}
