use super::*;

#[test]
fn the_catalogues_have_no_problems() {
    let problems = problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_language_names_itself() {
    assert_eq!(Lang::En.native_name(), "English");
    assert_eq!(Lang::Hi.native_name(), "हिन्दी");
}

#[test]
fn a_message_takes_its_arguments_and_plural_forms() {
    let one = msg!(
        "credits-count",
        count = 1,
        unit = "credit",
        units = "credits"
    );
    let many = msg!(
        "credits-count",
        count = 150_000,
        unit = "credit",
        units = "credits"
    );
    assert_eq!(one.in_lang(Lang::En), "1 credit");
    assert_eq!(many.to_string(), "1,50,000 credits");
    assert!(many.in_lang(Lang::Hi).contains("1,50,000"));
}

#[test]
fn an_unknown_id_shows_itself_rather_than_nothing() {
    assert_eq!(text(Lang::Hi, "no-such-message", &[]), "no-such-message");
}

#[test]
fn language_tags_are_read_by_their_primary_subtag() {
    assert_eq!(Lang::parse("hi-IN"), Some(Lang::Hi));
    assert_eq!(Lang::parse(" EN "), Some(Lang::En));
    assert_eq!(Lang::parse("fr"), None);
}

#[test]
fn hindi_counts_none_in_the_plural() {
    // Hindi's plural rules file 0 with 1 ("one"); "0 Spark" reads wrong, so 0 has its own.
    let none = msg!("credits-count", count = 0, unit = "Spark", units = "Sparks");
    assert_eq!(none.in_lang(Lang::Hi), "0 Sparks");
    let one = msg!("credits-count", count = 1, unit = "Spark", units = "Sparks");
    assert_eq!(one.in_lang(Lang::Hi), "1 Spark");
}
