//! Bad stores: each problem is reported at its exact line and column, with a message that says
//! what to do; every problem in a file is reported in one run.

mod common;
mod synth_support;

use ali_timeline::Error;
use ali_timeline::timeline::load_str;

/// The valid fixture with `from` replaced by `to` (which must occur exactly once).
fn mutated(from: &str, to: &str) -> String {
    let text = common::fixture_text("store-valid.ron");
    assert_eq!(
        text.matches(from).count(),
        1,
        "fixture should contain `{from}` once"
    );
    text.replacen(from, to, 1)
}

/// Every diagnostic line for `text`, or a panic if it loads.
fn diagnostics(text: &str) -> Vec<String> {
    match load_str("bad.ron", text) {
        Err(Error::Store(d)) => d.iter().map(ToString::to_string).collect(),
        Err(other) => panic!("expected store errors, got {other}"),
        Ok(_) => panic!("expected the store to be rejected"),
    }
}

fn only(text: &str) -> String {
    let d = diagnostics(text);
    assert_eq!(d.len(), 1, "expected one diagnostic, got {d:#?}");
    d[0].clone()
}

#[test]
fn the_valid_fixture_loads() {
    let timeline = load_str("ok.ron", &common::fixture_text("store-valid.ron")).unwrap();
    assert_eq!(timeline.store.events.len(), 3);
    assert!(timeline.warnings.is_empty(), "{:?}", timeline.warnings);
}

#[test]
fn misspelt_field_suggests_the_right_one() {
    let d = only(&mutated(
        "title: \"Xiami founded\"",
        "titel: \"Xiami founded\"",
    ));
    assert!(
        d.starts_with(
            "bad.ron:35:13: error: unknown field `titel` in Event (did you mean `title`?)"
        ),
        "{d}"
    );
}

#[test]
fn unknown_person_reference_suggests_the_right_id() {
    let d = only(&mutated(
        "people: [\"gao-xiaosong\", \"song-ke\"]",
        "people: [\"gao-xiasong\", \"song-ke\"]",
    ));
    assert_eq!(
        d,
        "bad.ron:24:22: error: unknown person `gao-xiasong` (did you mean `gao-xiaosong`?); add it to `people` or fix the id"
    );
}

#[test]
fn duplicate_ids_point_at_the_second_definition() {
    let d = only(&mutated(
        "id: \"xiami-founded\"",
        "id: \"ali-music-group-founded\"",
    ));
    assert_eq!(
        d,
        "bad.ron:33:17: error: duplicate event id `ali-music-group-founded` (first defined at line 19); ids must be unique"
    );
}

#[test]
fn an_event_without_sources_is_rejected() {
    let d = only(&mutated(
        "units: [\"xiami\"],\n            sources: [\"seed-001\"]",
        "units: [\"xiami\"],\n            sources: []",
    ));
    assert_eq!(
        d,
        "bad.ron:39:22: error: event `xiami-founded` has no sources; every event needs at least one source id"
    );
}

#[test]
fn an_impossible_date_names_the_accepted_forms() {
    let d = only(&mutated("date: \"2015-07-15\"", "date: \"2015-02-30\""));
    assert!(d.starts_with("bad.ron:20:19: error: "), "{d}");
    assert!(d.contains("invalid date `2015-02-30`: there is no day 30 in 2015-02; write YYYY, YYYY-MM or YYYY-MM-DD"), "{d}");
}

#[test]
fn an_event_ending_before_it_starts_is_rejected() {
    let d = only(&mutated(
        "date: \"2006\",",
        "date: \"2006\",\n            end: \"2005-12\",",
    ));
    assert_eq!(
        d,
        "bad.ron:35:18: error: event `xiami-founded` ends (2005-12) before it starts (2006)"
    );
}

#[test]
fn leaving_a_role_not_held_is_a_replay_error() {
    let d = only(&mutated(
        "Place(unit: \"xiami\", parent: \"ali-music\")",
        "Place(unit: \"xiami\", parent: \"ali-music\"), EndRole(person: \"song-ke\", unit: \"ali-music\", role: \"chairman\")",
    ));
    assert_eq!(
        d,
        "bad.ron:50:117: error: in event `ali-music-formed`: `song-ke` does not hold `chairman` at `ali-music` on 2015-03 (they hold no role); add a StartRole earlier or fix the role"
    );
}

#[test]
fn merging_into_a_unit_not_yet_founded_is_a_replay_error() {
    let d = only(&mutated(
        "effects: [Found(unit: \"xiami\")]",
        "effects: [Found(unit: \"xiami\"), Merge(unit: \"xiami\", into: \"ali-music\")]",
    ));
    assert_eq!(
        d,
        "bad.ron:40:45: error: in event `xiami-founded`: unit `ali-music` does not exist yet on 2006; add a Found effect before this event"
    );
}

#[test]
fn a_syntax_error_is_located() {
    let d = only(&mutated("kind: merger,", "kind: merger"));
    assert_eq!(
        d,
        "bad.ron:48:13: error: expected `,` here: is a comma missing at the end of the previous field or item?"
    );
}

#[test]
fn an_unclosed_store_says_the_file_ends_too_early() {
    let text = common::fixture_text("store-valid.ron");
    let cut = &text[..text.len() - 3];
    let d = only(cut);
    assert!(d.contains("the file ends too early"), "{d}");
}

#[test]
fn unknown_effect_and_kind_suggest_the_right_names() {
    let d = only(&mutated(
        "Found(unit: \"xiami\")]",
        "Fund(unit: \"xiami\")]",
    ));
    assert!(
        d.contains("unknown Effect `Fund` (did you mean `Found`?)"),
        "{d}"
    );
    assert!(d.starts_with("bad.ron:40:23: error: "), "{d}");
    let d = only(&mutated("kind: merger", "kind: merge"));
    assert!(d.contains("`merge` (did you mean `merger`?)"), "{d}");
}

#[test]
fn a_source_needs_a_seed_or_a_title_and_url() {
    let d = only(&mutated(
        "Source(id: \"seed-003\", seed: \"003\")",
        "Source(id: \"seed-003\", title: \"A headline\")",
    ));
    assert_eq!(
        d,
        "bad.ron:15:9: error: source `seed-003` needs either `seed: \"NNN\"` or both a `title` and a `url`"
    );
}

#[test]
fn a_since_date_needs_a_source() {
    let d = only(&mutated(
        "name_zh: \"阿里巴巴集团\", kind: group)",
        "name_zh: \"阿里巴巴集团\", kind: group, since: \"1999\")",
    ));
    assert_eq!(
        d,
        "bad.ron:9:97: error: unit `alibaba-group` has `since: \"1999\"` but no `since_sources`; name the source that gives the date"
    );
}

#[test]
fn a_unit_used_before_its_since_date_is_rejected() {
    let d = diagnostics(&mutated(
        "name_zh: \"阿里巴巴集团\", kind: group)",
        "name_zh: \"阿里巴巴集团\", kind: group, since: \"2016\", since_sources: [\"seed-001\"])",
    ));
    // Ali Music, founded under Alibaba Group in 2015, cannot be founded there either.
    assert!(
        d.iter().any(|line| line
            == "bad.ron:50:23: error: in event `ali-music-formed`: unit `alibaba-group` does not exist yet on 2015-03"),
        "{d:#?}"
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let text = mutated("sources: [\"seed-003\"]", "sources: [\"seed-03\"]").replacen(
        "units: [\"ali-music\"],\n            sources",
        "units: [\"ali-muzic\"],\n            sources",
        1,
    );
    let d = diagnostics(&text);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d[0].starts_with("bad.ron:25:") && d[0].contains("unknown unit `ali-muzic`"),
        "{d:#?}"
    );
    assert!(
        d[1].contains("unknown source `seed-03` (did you mean `seed-003`?)"),
        "{d:#?}"
    );
}

#[test]
fn two_holders_of_a_sole_role_is_only_a_warning() {
    let text = mutated(
        "StartRole(person: \"song-ke\", unit: \"ali-music\", role: \"ceo\")",
        "StartRole(person: \"song-ke\", unit: \"ali-music\", role: \"chairman\")",
    );
    let timeline = load_str("warn.ron", &text).expect("warnings do not stop loading");
    assert_eq!(timeline.warnings.len(), 1);
    assert_eq!(
        timeline.warnings[0].to_string(),
        "warning.ron:29:17: warning: in event `ali-music-group-founded`: `song-ke` becomes chairman of `ali-music` while `gao-xiaosong` still holds it; add an EndRole if they left"
            .replacen("warning.ron", "warn.ron", 1)
    );
}

/// A store large enough to have its events checked on two threads still reports a bad reference
/// in either half of its events, each at its own line and column.
#[test]
fn a_large_store_reports_bad_references_in_both_halves_of_its_events() {
    let config = synth_support::synth::Config::sized(10_000, 3);
    let text = synth_support::synth::to_ron(&synth_support::synth::generate(&config), &config);
    let list = "people: [\"";
    let (first, last) = (text.find(list).unwrap(), text.rfind(list).unwrap());
    let mut bad = text.clone();
    for (at, id) in [(last, "nobody-late"), (first, "nobody-early")] {
        bad.insert_str(at + list.len() - 1, &format!("\"{id}\", "));
    }
    let located = |id: &str| {
        let at = bad.find(&format!("\"{id}\"")).unwrap();
        let line = bad[..at].lines().count();
        let col = at - bad[..at].rfind('\n').unwrap();
        format!("bad.ron:{line}:{col}: error: unknown person `{id}`")
    };
    let found = diagnostics(&bad);
    for id in ["nobody-early", "nobody-late"] {
        let expected = located(id);
        assert!(
            found.iter().any(|d| d.starts_with(&expected)),
            "expected `{expected}` in {found:#?}"
        );
    }
    assert_eq!(found.len(), 2, "{found:#?}");
}

/// A store large enough to have its names checked on two threads reports a unit named before it
/// existed late in the store's history (in the later half of its events by date), at that name.
#[test]
fn a_large_store_reports_a_unit_named_before_it_existed_late_in_its_history() {
    let config = synth_support::synth::Config::sized(10_000, 3);
    let text = synth_support::synth::to_ron(&synth_support::synth::generate(&config), &config);
    let store = ali_timeline::store::load::parse("big.ron", &text).unwrap();
    // The unit founded last, and the latest event that ends before that founding.
    let (founded, unit) = store
        .events
        .iter()
        .flat_map(|e| e.effects.iter().map(move |effect| (e.date, effect)))
        .filter_map(|(date, effect)| match effect {
            ali_timeline::store::model::Effect::Found { unit, .. } => Some((date, unit.clone())),
            _ => None,
        })
        .max_by_key(|(date, _)| *date)
        .unwrap();
    let early = store
        .events
        .iter()
        .filter(|e| e.date.end() < founded.start() && !e.units.is_empty())
        .max_by_key(|e| e.date)
        .unwrap();
    let at = text.find(&format!("id: \"{}\"", early.id)).unwrap();
    let list = at + text[at..].find("units: [").unwrap() + "units: [".len();
    let mut bad = text.clone();
    bad.insert_str(list, &format!("\"{unit}\", "));
    let line = bad[..list].lines().count();
    let col = list - bad[..list].rfind('\n').unwrap();
    let expected = format!(
        "bad.ron:{line}:{col}: error: event `{}` ({}) names unit `{unit}` before it existed",
        early.id, early.date
    );
    let found = diagnostics(&bad);
    assert!(
        found.iter().any(|d| d.starts_with(&expected)),
        "expected `{expected}` in {found:#?}"
    );
}
