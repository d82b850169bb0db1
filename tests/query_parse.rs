//! Property tests of the query language: no input makes parsing or searching panic, errors point
//! inside the query, results are well-formed, and the order of atoms never changes a result.

use std::path::PathBuf;
use std::sync::OnceLock;

use ali_timeline::Timeline;
use ali_timeline::query::{self, Query};
use proptest::prelude::{
    Just, ProptestConfig, Strategy, any, prop, prop_assert, prop_assert_eq, prop_oneof, proptest,
};

fn store() -> &'static Timeline {
    static STORE: OnceLock<Timeline> = OnceLock::new();
    STORE.get_or_init(|| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/query-small.ron");
        ali_timeline::timeline::load(Some(&path)).expect("the fixture store is valid")
    })
}

/// Parses `text`; on success searches with it and checks the hits are well-formed, on failure
/// checks the error points inside the query.
fn check(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    match Query::parse(text) {
        Ok(q) => {
            let hits = query::search(store(), &q, 20);
            prop_assert!(hits.len() <= 20);
            for hit in &hits {
                let n = hit.label.chars().count();
                let mut last_end = None;
                for r in &hit.ranges {
                    prop_assert!(r.start < r.end && r.end <= n, "{r:?} in {:?}", hit.label);
                    prop_assert!(last_end.is_none_or(|e| e < r.start), "{:?}", hit.ranges);
                    last_end = Some(r.end);
                }
            }
            prop_assert!(query::filter_events(store(), text).is_ok());
        }
        Err(e) => {
            prop_assert!(e.column <= text.chars().count(), "{e} in {text:?}");
            prop_assert!(!e.message.is_empty());
            prop_assert!(query::filter_events(store(), text).is_err());
        }
    }
    Ok(())
}

/// Words built from the language's own pieces, valid or not.
fn query_like() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        "!?(person|unit|kind|tag|peson|x)?:?['^]?[a-zA-Z高晓松虾米 ]{0,5}[$']?",
        "!?@~?[0-9]{0,5}(-[0-9]{0,3}){0,3}(\\.\\.)?~?[0-9]{0,5}(-[0-9]{0,3}){0,2}",
        "[!'^$@:.~ \t]{1,4}",
        "(kind:)[a-z]{0,12}",
    ];
    prop::collection::vec(atom, 0..6).prop_map(|atoms| atoms.join(" "))
}

/// Valid atoms of every form.
const ATOMS: [&str; 16] = [
    "gao",
    "'ali music'",
    "^song",
    "down$",
    "!ttpod",
    "!'xyz",
    "person:song",
    "unit:damai",
    "kind:acq",
    "tag:music",
    "@2013",
    "@2015..2017-11",
    "@..2016",
    "@2013..",
    "alibaba",
    "!@2016",
];

fn shuffled_atoms() -> impl Strategy<Value = (Vec<&'static str>, Vec<&'static str>)> {
    prop::sample::subsequence(ATOMS.to_vec(), 1..5)
        .prop_flat_map(|atoms| (Just(atoms.clone()), Just(atoms).prop_shuffle()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_never_panics(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn query_like_text_never_panics(text in query_like()) {
        check(&text)?;
    }

    #[test]
    fn atom_order_is_irrelevant((atoms, shuffled) in shuffled_atoms()) {
        let a = Query::parse(&atoms.join(" ")).unwrap();
        let b = Query::parse(&shuffled.join("  ")).unwrap();
        prop_assert_eq!(query::search(store(), &a, 100), query::search(store(), &b, 100));
        prop_assert_eq!(
            query::filter_events(store(), &atoms.join(" ")).unwrap(),
            query::filter_events(store(), &shuffled.join(" ")).unwrap()
        );
    }
}

#[test]
fn every_form_in_the_pool_parses() {
    for atom in ATOMS {
        assert!(Query::parse(atom).is_ok(), "{atom}");
    }
}
