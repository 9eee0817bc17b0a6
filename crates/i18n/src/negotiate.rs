//! Choosing a visitor's language from their browser's `Accept-Language`.

use crate::Lang;

/// The first language of `accept_language` (by weight, then order) that is in `offered`.
/// Malformed entries are skipped; `q=0` means "not this one".
pub fn negotiate(accept_language: &str, offered: &[Lang]) -> Option<Lang> {
    let mut wanted: Vec<(u16, usize, Lang)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(order, entry)| {
            let mut parts = entry.split(';');
            let lang = Lang::parse(parts.next()?)?;
            let weight =
                parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1000), |q| {
                        q.trim()
                            .parse::<f32>()
                            .ok()
                            .filter(|q| (0.0..=1.0).contains(q))
                            .map(|q| {
                                #[expect(
                                    clippy::cast_possible_truncation,
                                    clippy::cast_sign_loss,
                                    reason = "q is between 0 and 1"
                                )]
                                let w = (q * 1000.0).round() as u16;
                                w
                            })
                    })?;
            (weight > 0 && offered.contains(&lang)).then_some((weight, order, lang))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    wanted.first().map(|w| w.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_offered_language_wins() {
        let both = [Lang::En, Lang::Hi];
        assert_eq!(negotiate("hi-IN,hi;q=0.9,en;q=0.8", &both), Some(Lang::Hi));
        assert_eq!(negotiate("en-GB,en;q=0.9,hi;q=0.8", &both), Some(Lang::En));
        assert_eq!(negotiate("fr, hi;q=0.5, en;q=0.7", &both), Some(Lang::En));
        assert_eq!(negotiate("hi", &[Lang::En]), None);
        assert_eq!(negotiate("hi;q=0, en;q=0.1", &both), Some(Lang::En));
        assert_eq!(negotiate("", &both), None);
        assert_eq!(negotiate("*;q=0.5, ;;,hi;q=abc", &both), None);
    }
}
