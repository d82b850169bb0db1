//! The plain reader against `ron`: whenever it reads a value, `ron` reads an equal one from the
//! same text; it reads the stores people write (every generated valid text, the bundled store);
//! and it refuses what it does not know.

use std::fmt::Debug;

use proptest::prelude::*;
use serde::de::DeserializeOwned;

use super::from_str;
use super::generate::{Dice, event, mutations, store};
use crate::store::load::BUNDLED;
use crate::store::model::{Event, EventKind, Store};

/// The options the loader reads stores with.
fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(128)
}

/// What the plain reader reads from `text`, after checking that `ron` reads an equal value.
fn agreed<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> Option<T> {
    let plain = from_str::<T>(text, &options());
    if let Some(value) = &plain {
        let ron = options().from_str::<T>(text);
        assert_eq!(
            ron.as_ref().ok(),
            Some(value),
            "ron disagrees on {text:?}: {ron:?}"
        );
    }
    plain
}

const EVENT: &str =
    r#"Event(id: "a", date: "2015-07", title: "T", summary: "S", kind: deal, sources: ["s"])"#;

#[test]
fn reads_the_bundled_store_as_ron_does() {
    let plain: Option<Store> = agreed(BUNDLED);
    assert!(plain.is_some_and(|store| !store.events.is_empty()));
}

#[test]
fn decodes_every_escape_ron_decodes_and_no_other() {
    for (written, meant) in [
        (r#"a\"b\\c\'d"#, "a\"b\\c'd"),
        (r"\n\r\t\0", "\n\r\t\0"),
        (r"\x41\x7f\x7F", "A\u{7f}\u{7f}"),
        (r"\u{9ad8}\u{1F600}\u{0}\u{00000a}", "高😀\0\n"),
        ("one \\\n   \t\r\n two", "one two"),
        ("one \\\r\n two", "one two"),
        (
            "raw\ttab, raw\nline, 高, \u{2028}",
            "raw\ttab, raw\nline, 高, \u{2028}",
        ),
    ] {
        let text = EVENT.replace(r#"title: "T""#, &format!("title: \"{written}\""));
        let event: Event = agreed(&text).unwrap_or_else(|| panic!("refused {text}"));
        assert_eq!(event.title, meant);
    }
    for written in [
        r"\x80",
        r"\xC3\xA9",
        r"\q",
        r"\u{}",
        r"\u{D800}",
        r"\u{1234567}",
        "\\\r",
    ] {
        let text = EVENT.replace(r#"title: "T""#, &format!("title: \"{written}\""));
        assert_eq!(from_str::<Event>(&text, &options()), None, "{text}");
    }
}

#[test]
fn reads_what_ron_skips_between_tokens() {
    let spaced = EVENT
        .replace(", ", " /* a /* nested */ ) */,\u{2028}")
        .replace(": ", " :\u{85}// note ( \" \n\t")
        .replace("Event(", "Event /*/ */ (\r\n");
    let event: Event = agreed(&format!("\u{200E}{spaced}")).unwrap_or_else(|| panic!("{spaced}"));
    assert_eq!(event.kind, EventKind::Deal);
    // No struct name is as good as the right one, and trailing commas are fine.
    assert!(agreed::<Event>(&EVENT.replace("Event(", "(").replace("])", "],)")).is_some());
    // A line comment may end the text.
    assert!(agreed::<Event>(&format!("{EVENT} // the end")).is_some());
}

#[test]
fn refuses_what_it_is_not_sure_of() {
    for text in [
        EVENT.replace(r#"sources: ["s"]"#, r#"sources: ["s"], note: None"#),
        EVENT.replace(r#"sources: ["s"]"#, r#"sources: ["s"], note: Some("n")"#),
        EVENT.replace(r#""T""#, r##"r#"T"#"##),
        EVENT.replace("id:", "r#id:"),
        EVENT.replace("deal", "r#deal"),
        EVENT.replace("deal", "deal.x"),
        EVENT.replace("deal", "délai"),
        EVENT.replace("Event(", "Evnt("),
        EVENT.replace("Event(", "Event<("),
        EVENT.replace(": ", ":\u{a0}"),
        EVENT.replace(", kind", " kind"),
        EVENT.replace(r#"["s"]"#, r#"["s",,]"#),
        format!("{EVENT} x"),
        format!("{EVENT} /* open"),
        format!("{EVENT} / "),
        format!("#![enable(unwrap_newtypes)] {EVENT}"),
    ] {
        assert_eq!(from_str::<Event>(&text, &options()), None, "{text}");
    }
    // Options it does not follow.
    let with_note = EVENT.replace(r#"sources: ["s"]"#, r#"sources: ["s"], note: "n""#);
    assert_eq!(
        from_str::<Event>(&with_note, &ron::Options::default()),
        None
    );
    assert!(
        from_str::<Event>(
            &format!("#![enable(implicit_some)]{with_note}"),
            &ron::Options::default()
        )
        .is_some()
    );
    assert_eq!(
        from_str::<Event>(EVENT, &options().with_recursion_limit(3)),
        None
    );
    let newtypes = options().with_default_extension(ron::extensions::Extensions::UNWRAP_NEWTYPES);
    assert_eq!(from_str::<Event>(EVENT, &newtypes), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn reads_valid_events_as_ron_does_and_nothing_ron_would_not(bytes in prop::collection::vec(any::<u8>(), 400)) {
        let mut dice = Dice { bytes: &bytes, at: 0 };
        let text = event(&mut dice);
        prop_assert!(agreed::<Event>(&text).is_some(), "refused {:?}", text);
        for mutated in mutations(&mut dice, &text) {
            agreed::<Event>(&mutated);
        }
    }

    #[test]
    fn reads_valid_stores_as_ron_does_and_nothing_ron_would_not(bytes in prop::collection::vec(any::<u8>(), 1200)) {
        let mut dice = Dice { bytes: &bytes, at: 0 };
        let text = store(&mut dice);
        prop_assert!(agreed::<Store>(&text).is_some(), "refused {:?}", text);
        for mutated in mutations(&mut dice, &text) {
            agreed::<Store>(&mutated);
        }
    }
}
