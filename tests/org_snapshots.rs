//! Snapshots of what `org` prints on the fixture store: the chart as a tree at key dates, a diff,
//! and the JSON shape (documented in the README, "The organisation"; a change here is a change to a public format).

mod common;

use common::{bin, fixture};

fn stdout(args: &[&str]) -> String {
    let out = bin()
        .arg("--data")
        .arg(fixture("org-basic.ron"))
        .args(args)
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn chart_when_ali_music_was_founded() {
    insta::assert_snapshot!(stdout(&["org", "--as-of", "2015-08-01"]));
}

#[test]
fn chart_after_the_2018_reshuffle() {
    insta::assert_snapshot!(stdout(&["org", "--as-of", "2018-06-01"]));
}

#[test]
fn chart_of_one_unit_at_the_end_of_a_month() {
    insta::assert_snapshot!(stdout(&[
        "org",
        "--as-of",
        "2016-06",
        "--unit",
        "alibaba-pictures"
    ]));
}

#[test]
fn diff_from_ali_music_to_the_reshuffle() {
    insta::assert_snapshot!(stdout(&["org", "--diff", "2015-07-15", "2018-05-11"]));
}

#[test]
fn chart_json_shape() {
    insta::assert_snapshot!(stdout(&[
        "org",
        "--as-of",
        "2016-06",
        "--unit",
        "alibaba-pictures",
        "--json"
    ]));
}
