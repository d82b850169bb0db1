//! Unit tests of the parser: each syntax form, phrases, and the message and column of each error.

use super::*;
use crate::query::fuzzy::MatchKind;

fn one(text: &str) -> Atom {
    let mut all = atoms(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(all.len(), 1, "{text}");
    all.remove(0)
}

fn text_atom(text: &str) -> (bool, Field, MatchKind, String) {
    match one(text) {
        Atom {
            negated,
            test: Test::Text(field, p),
            ..
        } => (negated, field, p.mode, p.text),
        other => panic!("{text}: {other:?}"),
    }
}

fn error(text: &str) -> QueryError {
    atoms(text).expect_err(text)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn fzf_forms() {
    let plain = |m: MatchKind, t: &str| (false, Field::Any, m, t.to_string());
    assert_eq!(text_atom("gao"), plain(MatchKind::Fuzzy, "gao"));
    assert_eq!(text_atom("'gao"), plain(MatchKind::Exact, "gao"));
    assert_eq!(text_atom("'gao'"), plain(MatchKind::Exact, "gao"));
    assert_eq!(text_atom("^ali"), plain(MatchKind::Prefix, "ali"));
    assert_eq!(text_atom("music$"), plain(MatchKind::Suffix, "music"));
    assert_eq!(text_atom("^xiami$"), plain(MatchKind::Whole, "xiami"));
    assert_eq!(text_atom("高晓松"), plain(MatchKind::Fuzzy, "高晓松"));
}

#[test]
fn exclusions_are_exact_unless_quoted() {
    let not = |m: MatchKind, t: &str| (true, Field::Any, m, t.to_string());
    assert_eq!(text_atom("!ttpod"), not(MatchKind::Exact, "ttpod"));
    assert_eq!(text_atom("!'ttp"), not(MatchKind::Fuzzy, "ttp"));
    assert_eq!(text_atom("!^ali"), not(MatchKind::Prefix, "ali"));
    assert_eq!(text_atom("!pod$"), not(MatchKind::Suffix, "pod"));
}

#[test]
fn fields_take_every_pattern_form() {
    assert_eq!(
        text_atom("person:gao"),
        (false, Field::Person, MatchKind::Fuzzy, "gao".into())
    );
    assert_eq!(
        text_atom("unit:'xiami"),
        (false, Field::Unit, MatchKind::Exact, "xiami".into())
    );
    assert_eq!(
        text_atom("!tag:^mus"),
        (true, Field::Tag, MatchKind::Prefix, "mus".into())
    );
    assert_eq!(
        text_atom("Person:高"),
        (false, Field::Person, MatchKind::Fuzzy, "高".into())
    );
}

#[test]
fn kinds_by_name_or_unambiguous_start() {
    assert_eq!(
        one("kind:appointment").test,
        Test::Kind(EventKind::Appointment)
    );
    assert_eq!(one("kind:Legal").test, Test::Kind(EventKind::Legal));
    assert_eq!(one("kind:acq").test, Test::Kind(EventKind::Acquisition));
    assert!(one("!kind:deal").negated);
    let unknown = error("kind:apointment");
    assert!(
        unknown.message.contains("did you mean `appointment`"),
        "{unknown}"
    );
    assert!(unknown.message.contains("acquisition, merger"), "{unknown}");
    let ambiguous = error("kind:a");
    assert!(
        ambiguous.message.contains("acquisition, appointment"),
        "{ambiguous}"
    );
}

#[test]
fn dates_cover_from_the_start_of_from_to_the_end_of_to() {
    assert_eq!(
        one("@2015").test,
        Test::Date(day(2015, 1, 1), day(2015, 12, 31))
    );
    assert_eq!(
        one("@2016-02").test,
        Test::Date(day(2016, 2, 1), day(2016, 2, 29))
    );
    assert_eq!(
        one("@2015-03-16").test,
        Test::Date(day(2015, 3, 16), day(2015, 3, 16))
    );
    assert_eq!(
        one("@2015..2016-06").test,
        Test::Date(day(2015, 1, 1), day(2016, 6, 30))
    );
    assert_eq!(
        one("@..2014").test,
        Test::Date(NaiveDate::MIN, day(2014, 12, 31))
    );
    assert_eq!(
        one("@2017..").test,
        Test::Date(day(2017, 1, 1), NaiveDate::MAX)
    );
    assert!(one("!@2015").negated);
}

#[test]
fn smart_case() {
    let Test::Text(_, lower) = one("ttpod").test else {
        panic!()
    };
    assert!(!lower.case_sensitive);
    let Test::Text(_, upper) = one("TTPod").test else {
        panic!()
    };
    assert!(upper.case_sensitive);
    assert_eq!(upper.text, "TTPod");
}

#[test]
fn quoted_phrases_span_words() {
    let all = atoms("'ali music' gao").unwrap();
    assert_eq!(all.len(), 2);
    assert!(
        matches!(&all[0].test, Test::Text(Field::Any, p) if p.text == "ali music" && p.mode == MatchKind::Exact)
    );
    assert_eq!(all[1].column, 12);
    let unclosed = atoms("'ali music").unwrap();
    assert_eq!(
        unclosed.len(),
        2,
        "without a closing quote, ' quotes one word as in fzf"
    );
    let field = one("unit:'ali music'");
    assert!(matches!(&field.test, Test::Text(Field::Unit, p) if p.text == "ali music"));
    assert_eq!(atoms("'gao 'song").unwrap().len(), 2);
    let two = atoms("!'xyz 'ali music'").unwrap();
    assert_eq!(
        two.len(),
        2,
        "a word opening its own quote ends the search for a closing one"
    );
    assert!(matches!(&two[1].test, Test::Text(_, p) if p.text == "ali music"));
}

#[test]
fn columns_are_chars() {
    let all = atoms("  高晓松   @2015  !xiami").unwrap();
    let columns: Vec<usize> = all.iter().map(|a| a.column).collect();
    assert_eq!(columns, [2, 8, 15]);
    assert!(atoms("").unwrap().is_empty());
    assert!(atoms(" \t\n ").unwrap().is_empty());
}

#[test]
fn malformed_atoms_name_the_problem_and_column() {
    let cases = [
        ("gao @2015-13", 5, "there is no month 13"),
        ("@..", 0, "at least one side"),
        ("@", 0, "needs a date"),
        ("x @2015..2016-02-30", 9, "there is no day 30"),
        ("@2016..2015", 7, "ends before it starts"),
        ("@15", 1, "4 digits"),
        ("kind:", 5, "needs a kind"),
        ("高晓松 kind:", 9, "needs a kind"),
        ("'", 0, "nothing to match"),
        ("gao ''", 4, "nothing to match"),
        ("!", 0, "needs something to exclude"),
        ("^", 0, "nothing to match"),
        ("$", 0, "nothing to match"),
        ("person:", 7, "`person:` needs a name"),
        ("tag:'", 4, "`tag:` needs a name"),
        ("peson:gao", 0, "did you mean `person`"),
        ("x era:", 6, "`era:` needs an era"),
        ("era:''", 4, "`era:` needs an era"),
        ("eras:reset", 0, "did you mean `era`"),
    ];
    for (query, column, words) in cases {
        let e = error(query);
        assert_eq!(e.column, column, "{query}: {e}");
        assert!(e.message.contains(words), "{query}: {e}");
    }
    let dates = error("@2015-13");
    assert!(dates.message.contains("@2015..2016-06"), "{dates}");
}

#[test]
fn unknown_words_before_a_colon_are_text() {
    assert_eq!(text_atom("http://x").3, "http://x");
    assert_eq!(text_atom("10:30").3, "10:30");
}

#[test]
fn the_caret_points_at_the_column_in_display_width() {
    let e = error("高晓松 @2015-13");
    let shown = e.pointing("高晓松 @2015-13");
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[0], e.to_string());
    assert_eq!(lines[1], "  高晓松 @2015-13");
    assert_eq!(lines[2], "          ^");
    assert!(e.to_string().starts_with("query error at column 6: "));
}

#[test]
fn repeated_atoms_count_once() {
    let all = atoms("gao 'ali gao !x 'ali !x x").unwrap();
    let shown: Vec<(usize, bool)> = all.iter().map(|a| (a.column, a.negated)).collect();
    assert_eq!(shown, [(0, false), (4, false), (13, true), (24, false)]);
}

#[test]
fn queries_have_a_limit_of_atoms_and_characters() {
    let words = |n: usize| {
        (0..n)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(atoms(&words(MAX_ATOMS)).unwrap().len(), MAX_ATOMS);
    // Repeats do not count towards the limit.
    let repeated = format!("{} {}", words(MAX_ATOMS), words(MAX_ATOMS));
    assert_eq!(atoms(&repeated).unwrap().len(), MAX_ATOMS);
    let over = words(MAX_ATOMS + 1);
    let e = error(&over);
    assert_eq!(e.column, over.rfind(' ').unwrap() + 1, "{e}");
    assert!(e.message.contains("more than 256 different atoms"), "{e}");
    let long = "x".repeat(MAX_QUERY_CHARS);
    assert_eq!(atoms(&long).unwrap().len(), 1);
    let e = error(&format!("{long}高"));
    assert_eq!(e.column, MAX_QUERY_CHARS);
    assert!(e.message.contains("longer than 4096 characters"), "{e}");
}

#[test]
fn eras_are_named_by_words_resolved_later() {
    assert_eq!(one("era:reset").test, Test::Era("reset".into()));
    assert_eq!(
        one("ERA:Gao-And-Song").test,
        Test::Era("Gao-And-Song".into())
    );
    let phrase = one("era:'rotating pres'");
    assert_eq!(phrase.test, Test::Era("rotating pres".into()));
    let not = one("!era:dme");
    assert!(not.negated && not.test == Test::Era("dme".into()));
}
