//! What the sources say, checked on the bundled store: who led Ali Music in 2015, the 2018 DME
//! reshuffle, DME's member units, and careers in order — through the API and the CLI.

mod common;

use ali_timeline::Timeline;
use ali_timeline::org;
use common::{bin, day};

fn bundled() -> Timeline {
    ali_timeline::timeline::load_bundled().expect("the bundled store is valid")
}

/// The roles `person` holds at `unit` on `date` (`YYYY-MM-DD`).
fn roles(t: &Timeline, date: &str, person: &str, unit: &str) -> Vec<String> {
    let chart = org::chart(t, day(date));
    chart.node(unit).map_or_else(Vec::new, |node| {
        node.roles
            .iter()
            .map(|&i| t.history.tenure(i))
            .filter(|tenure| t.person_id(tenure.person) == person)
            .map(|tenure| tenure.role.clone())
            .collect()
    })
}

/// Every role `person` holds anywhere on `date`.
fn anything_held(t: &Timeline, date: &str, person: &str) -> Vec<String> {
    let chart = org::chart(t, day(date));
    chart
        .nodes
        .iter()
        .flat_map(|n| n.roles.iter().map(move |&i| (n, i)))
        .filter(|(_, i)| t.person_id(t.history.tenure(*i).person) == person)
        .map(|(n, i)| format!("{} at {}", t.history.tenure(i).role, n.unit))
        .collect()
}

#[test]
fn ali_music_in_august_2015_had_gao_xiaosong_as_chairman_and_song_ke_as_ceo() {
    let t = bundled();
    assert_eq!(
        roles(&t, "2015-08-01", "gao-xiaosong", "ali-music"),
        ["chairman"]
    );
    assert_eq!(roles(&t, "2015-08-01", "song-ke", "ali-music"), ["ceo"]);
}

#[test]
fn neither_held_a_role_at_the_start_of_2014() {
    let t = bundled();
    assert_eq!(
        anything_held(&t, "2014-01-01", "gao-xiaosong"),
        Vec::<String>::new()
    );
    assert_eq!(
        anything_held(&t, "2014-01-01", "song-ke"),
        Vec::<String>::new()
    );
}

#[test]
fn after_the_2018_reshuffle_two_presidents_each_run_two_units() {
    let t = bundled();
    for (person, units) in [
        ("yang-weidong", ["youku", "ali-music"]),
        ("fan-luyuan", ["alibaba-pictures", "damai"]),
    ] {
        for unit in units {
            assert!(
                roles(&t, "2018-05-11", person, unit).contains(&"president".to_string()),
                "{person} should be president of {unit} on 2018-05-11"
            );
        }
    }
}

#[test]
fn dme_has_its_seven_member_units_in_mid_2018() {
    let t = bundled();
    let chart = org::chart(&t, day("2018-06-01"));
    let mut members = chart.children("dme");
    members.sort_unstable();
    assert_eq!(
        members,
        [
            "ali-literature",
            "ali-music",
            "alibaba-games",
            "alibaba-pictures",
            "damai",
            "ucweb",
            "youku"
        ]
    );
}

#[test]
fn a_career_lists_roles_in_the_order_they_started() {
    let t = bundled();
    for person in [
        "gao-xiaosong",
        "song-ke",
        "yang-weidong",
        "fan-luyuan",
        "yu-yongfu",
    ] {
        let career = org::career(&t, person);
        assert!(!career.is_empty(), "{person} held roles");
        assert!(
            career.windows(2).all(|w| w[0].start <= w[1].start),
            "{person}'s career is out of order: {career:?}"
        );
        for entry in &career {
            assert_eq!(
                t.event(&entry.start_event).map(|e| e.date),
                Some(entry.start)
            );
        }
    }
    let gao = org::career(&t, "gao-xiaosong");
    assert_eq!(
        (gao[0].unit.as_str(), gao[0].role.as_str()),
        ("ali-music", "chairman")
    );
}

#[test]
fn cli_prints_the_ali_music_leaders_of_august_2015() {
    bin()
        .args(["org", "--as-of", "2015-08-01", "--unit", "ali-music"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "chairman: Gao Xiaosong (高晓松) since 2015-07-15",
        ))
        .stdout(predicates::str::contains(
            "ceo: Song Ke (宋柯) since 2015-07-15",
        ));
}

#[test]
fn cli_person_shows_a_career_from_the_bundled_store() {
    let out = bin().args(["person", "gao-xiaosong"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.starts_with("Gao Xiaosong (高晓松) [gao-xiaosong]\n"),
        "{text}"
    );
    assert!(
        text.contains("chairman at Ali Music (阿里音乐) [ali-music]"),
        "{text}"
    );
}
