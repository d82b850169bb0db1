//! Invalid replays are rejected by `validate`, each located at its `FILE:LINE:COL`: leaving a role
//! not held, merging into a unit not yet founded, founding twice, a unit with no possible start,
//! and an event naming a unit before it existed.

mod common;

use predicates::str::contains;

use common::{bin, fixture};

/// Runs `validate` on a fixture and checks it fails with a line starting `PATH:expected`.
fn rejected(name: &str, expected: &str) {
    let path = fixture(name);
    bin()
        .arg("--data")
        .arg(&path)
        .arg("validate")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(format!("{}:{expected}", path.display())))
        .stderr(contains("1 error(s); the store was not loaded"));
}

#[test]
fn leaving_a_role_not_held_is_rejected_at_the_effect() {
    rejected(
        "org-bad-end-unheld.ron",
        "10:17: error: in event `song-ke-leaves`: `song-ke` does not hold `ceo` at `ali-music` on 2018-05-11 (they hold no role); add a StartRole earlier or fix the role",
    );
}

#[test]
fn merging_into_a_unit_not_yet_founded_is_rejected_at_the_effect() {
    rejected(
        "org-bad-merge-unfounded.ron",
        "15:17: error: in event `ttpod-merged`: unit `ali-music` does not exist yet on 2015-03",
    );
}

#[test]
fn founding_twice_is_rejected_at_the_second_founding() {
    rejected(
        "org-bad-found-twice.ron",
        "12:17: error: in event `dme-founded-again`: unit `dme` is founded twice (first on 2016-11)",
    );
}

#[test]
fn a_unit_with_no_possible_start_is_rejected_at_its_id() {
    rejected(
        "org-bad-unit-no-start.ron",
        "6:18: error: unit `kugou` has no start: no event founds or names it and it has no `since` date; add a founding event, a sourced `since`, or remove the unit",
    );
}

#[test]
fn an_event_naming_a_unit_before_it_existed_is_rejected_at_the_reference() {
    rejected(
        "org-bad-named-before-start.ron",
        "11:34: error: event `ali-music-deal` (2015-07-15) names unit `dme` before it existed (it starts on 2016-11: founded or renamed into existence); fix the date or the unit",
    );
}

#[test]
fn the_org_commands_refuse_an_invalid_store_too() {
    bin()
        .arg("--data")
        .arg(fixture("org-bad-found-twice.ron"))
        .args(["org", "--as-of", "2018"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("org-bad-found-twice.ron:12:17: error:"));
}
