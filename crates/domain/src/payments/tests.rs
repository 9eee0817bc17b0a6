use super::*;

#[test]
fn paise_show_as_rupees_with_indian_grouping() {
    assert_eq!(Paise::new(14_999_900).display(), "₹1,49,999.00");
    assert_eq!(Paise::new(14_900).display(), "₹149.00");
    assert_eq!(Paise::new(5).display(), "₹0.05");
    assert_eq!(Paise::new(10_000_000_000).display(), "₹10,00,00,000.00");
    assert_eq!(Paise::new(12_345_678_900).display(), "₹12,34,56,789.00");
    assert_eq!(Paise::new(12_345_678).display(), "₹1,23,456.78");
    assert_eq!(Paise::new(14_900).decimal(), "149.00");
    assert_eq!(Paise::new(1_234_567).decimal(), "12345.67");
}

#[test]
fn rupees_typed_by_people_become_paise() {
    assert_eq!(Paise::parse_rupees("149"), Ok(Paise::new(14_900)));
    assert_eq!(Paise::parse_rupees(" ₹1,499.5 "), Ok(Paise::new(149_950)));
    assert_eq!(Paise::parse_rupees("0.99"), Ok(Paise::new(99)));
    assert!(Paise::parse_rupees("1.999").is_err());
    assert!(Paise::parse_rupees("-5").is_err());
    assert!(Paise::parse_rupees("abc").is_err());
    assert!(Paise::parse_rupees("").is_err());
    assert!(Paise::parse_rupees("99999999999999999999").is_err());
}

#[test]
fn a_utr_is_twelve_digits_and_pasted_spaces_do_not_matter() {
    assert_eq!(
        Utr::parse(" 4321 8765 0912 ").map(|u| u.as_str().to_owned()),
        Ok("432187650912".to_owned())
    );
    let Err(short) = Utr::parse("12345") else {
        panic!("a 5-digit UTR was accepted");
    };
    assert!(
        short.message.to_string().contains("you entered 5"),
        "{}",
        short.message
    );
    let Err(gpay) = Utr::parse("CICAgMC2qrWXLA") else {
        panic!("Google Pay's own id was accepted");
    };
    assert!(
        gpay.message.to_string().contains("12-digit"),
        "{}",
        gpay.message
    );
    assert!(Utr::parse("1234567890123").is_err());
    let Err(symbol) = Utr::parse("12345678901!") else {
        panic!("a symbol was accepted");
    };
    assert!(
        symbol.message.to_string().contains("no letters or symbols"),
        "{}",
        symbol.message
    );
    for other_script in ["४३२१८७६५०९१२", "４３２１８７６５０９１２", "4321 8765 091२"]
    {
        let Err(e) = Utr::parse(other_script) else {
            panic!("{other_script} was accepted");
        };
        assert!(
            e.message.to_string().contains("digits 0–9"),
            "{other_script}: {}",
            e.message
        );
    }
    assert!(Utr::parse("").is_err());
}

#[test]
fn a_upi_id_needs_a_handle_and_a_bank() {
    assert_eq!(
        Vpa::parse(" PixelForge@OKAXIS ").map(|v| v.as_str().to_owned()),
        Ok("pixelforge@okaxis".to_owned())
    );
    assert!(Vpa::parse("pixelforge").is_err());
    assert!(Vpa::parse("a@b").is_err());
    assert!(Vpa::parse("pixel forge@okaxis").is_err());
    assert!(Vpa::parse("shop@ok.axis").is_err());
    assert!(Vpa::parse("@okaxis").is_err());
    for punctuation in ["..@okaxis", "-_@okaxis", "._.@okaxis"] {
        let Err(e) = Vpa::parse(punctuation) else {
            panic!("{punctuation} was accepted");
        };
        assert!(
            e.message.to_string().contains("needs letters or digits"),
            "{}",
            e.message
        );
    }
    assert!(Vpa::parse("a.b@okaxis").is_ok());
}

#[test]
fn the_upi_link_encodes_spaces_as_percent_twenty() {
    let vpa = Vpa::parse("pixelforge@okaxis").unwrap_or_else(|e| panic!("{e:?}"));
    let reference = PaymentReference::parse("AT23456789").unwrap_or_else(|| panic!("reference"));
    assert_eq!(
        upi_link(&vpa, "PixelForge Creative & Co", Paise::new(14_900), &reference),
        "upi://pay?pa=pixelforge@okaxis&pn=PixelForge%20Creative%20%26%20Co&am=149.00&cu=INR&tn=AT23456789"
    );
}

#[test]
fn references_are_short_unambiguous_and_round_trip() {
    let r = PaymentReference::generate().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.as_str().len(), 10);
    assert_eq!(PaymentReference::parse(&r.as_str().to_lowercase()), Some(r));
    assert_eq!(PaymentReference::parse("AT0000000O"), None);
    assert_eq!(PaymentReference::parse("XX23456789"), None);
}

#[test]
fn pack_terms_are_bounded_and_price_per_credit_rounds() {
    let terms = PackTerms::new(50, Paise::new(14_900)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(terms.price_per_credit(), Paise::new(298));
    assert_eq!(
        PackTerms::new(0, Paise::new(50)).map_err(|e| e.len()),
        Err(2)
    );
    assert!(PackTerms::new(1, PACK_MAX_PRICE).is_ok());
}

#[test]
fn reasons_are_short_sentences() {
    assert!(parse_reject_reason("no").is_err());
    assert!(parse_reject_reason(&"x".repeat(301)).is_err());
    assert_eq!(
        parse_reject_reason("  No credit with this UTR in our statement. "),
        Ok("No credit with this UTR in our statement.".to_owned())
    );
}
