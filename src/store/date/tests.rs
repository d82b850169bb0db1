//! Unit tests of partial dates: parsing and display at each precision, spans, order, rejected
//! input, and the calendar checks held to chrono.

use super::*;

fn d(s: &str) -> PartialDate {
    s.parse().unwrap()
}

#[test]
fn parses_each_precision_and_displays_it_back() {
    for s in ["2015-07-15", "2015-03", "2013", "~2012", "~2016-11"] {
        assert_eq!(d(s).to_string(), s);
    }
    assert_eq!(d("2015-03").precision(), Precision::Month);
    assert!(d("~2012").is_approximate());
}

#[test]
fn spans_cover_the_whole_month_or_year() {
    let feb = d("2016-02");
    assert_eq!(feb.start(), NaiveDate::from_ymd_opt(2016, 2, 1).unwrap());
    assert_eq!(feb.end(), NaiveDate::from_ymd_opt(2016, 2, 29).unwrap());
    assert_eq!(
        d("2013").end(),
        NaiveDate::from_ymd_opt(2013, 12, 31).unwrap()
    );
    assert_eq!(
        d("2015-12").end(),
        NaiveDate::from_ymd_opt(2015, 12, 31).unwrap()
    );
    assert!(d("2015-03").contains(NaiveDate::from_ymd_opt(2015, 3, 16).unwrap()));
}

#[test]
fn orders_by_start_of_span_then_precision() {
    let mut dates = [
        d("2015-07-15"),
        d("2015"),
        d("2015-03-16"),
        d("2015-03"),
        d("2014-12-31"),
    ];
    dates.sort();
    let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["2014-12-31", "2015", "2015-03", "2015-03-16", "2015-07-15"]
    );
}

#[test]
fn rejects_impossible_and_malformed_dates() {
    for bad in [
        "2015-02-30",
        "2015-13",
        "2015-00",
        "15-03",
        "2015-3",
        "2015/03",
        "",
        "~",
        "2015-03-01-02",
        "abcd",
    ] {
        assert!(
            bad.parse::<PartialDate>().is_err(),
            "{bad} should be rejected"
        );
    }
    let err = "2015-02-30".parse::<PartialDate>().unwrap_err();
    assert!(
        err.to_string().contains("there is no day 30 in 2015-02"),
        "{err}"
    );
    assert!(d("2016-02-29").day() == Some(29));
}

proptest::proptest! {
    /// The calendar check and the span tests agree with chrono's own dates.
    #[test]
    fn calendar_and_spans_agree_with_chrono(
        year in 1..=9999i32,
        month in proptest::option::of(0..=13u32),
        day in proptest::option::of(0..=32u32),
        offset in -400..=800i64,
    ) {
        let date = PartialDate::new(year, month, day, false);
        let exists = match (month, day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).is_some(),
            (Some(m), None) => (1..=12).contains(&m),
            (None, day) => day.is_none(),
        };
        proptest::prop_assert_eq!(date.is_ok(), exists);
        if let Ok(date) = date {
            // A day around the date's year.
            let probe = NaiveDate::from_ymd_opt(year, 1, 1).unwrap() + chrono::Duration::days(offset);
            proptest::prop_assert_eq!(date.begins_by(probe), date.start() <= probe);
            proptest::prop_assert_eq!(date.lasts_until(probe), date.end() >= probe);
        }
    }
}
