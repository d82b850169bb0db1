//! What the sources say, checked on the bundled store: who led Ali Music in 2015, the 2016
//! leadership group, the 2018 DME reshuffle and rotating presidency, DME's member units, units that
//! exist only when they did, counterparties kept out of the org, honest tenures, and careers in
//! order — through the API and the CLI.

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

/// The direct sub-units of `unit` on `date`, sorted.
fn members(t: &Timeline, date: &str, unit: &str) -> Vec<String> {
    let chart = org::chart(t, day(date));
    let mut members: Vec<String> = chart.children(unit).into_iter().map(String::from).collect();
    members.sort_unstable();
    members
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
fn after_the_2018_reshuffle_two_leaders_each_run_two_units() {
    let t = bundled();
    // The Chinese letter's titles: Yang Weidong, Youku president, adds Ali Music CEO; Fan Luyuan,
    // Alibaba Pictures CEO, adds Damai CEO.
    for (person, posts) in [
        (
            "yang-weidong",
            [("youku", "president"), ("ali-music", "ceo")],
        ),
        (
            "fan-luyuan",
            [("alibaba-pictures", "ceo"), ("damai", "ceo")],
        ),
    ] {
        for (unit, role) in posts {
            assert!(
                roles(&t, "2018-05-11", person, unit).contains(&role.to_string()),
                "{person} should be {role} of {unit} on 2018-05-11"
            );
        }
    }
    assert!(roles(&t, "2018-05-11", "zhang-yu", "ali-music").is_empty());
    assert!(roles(&t, "2018-05-11", "zhang-yu", "damai").is_empty());
}

#[test]
fn the_chart_at_the_end_of_2006_has_xiami_and_nothing_founded_later_or_outside() {
    let t = bundled();
    let chart = org::chart(&t, day("2006-12-31"));
    assert!(chart.node("xiami").is_some(), "{chart:?}");
    for later in [
        "ali-literature",
        "tencent-music",
        "amblin",
        "dme",
        "ali-music",
    ] {
        assert!(chart.node(later).is_none(), "{later} on 2006-12-31");
    }
    for node in &chart.nodes {
        let kind = t.unit(&node.unit).map(|u| u.kind);
        assert_ne!(
            kind,
            Some(ali_timeline::store::model::UnitKind::External),
            "{} is an outside company",
            node.unit
        );
    }
}

#[test]
fn no_external_company_is_ever_in_the_org_and_they_are_listed_apart() {
    let t = bundled();
    for date in ["2014-07-31", "2016-10-09", "2018-06-01", "2019-12-31"] {
        let chart = org::chart(&t, day(date));
        let outside = org::counterparties(&t, day(date));
        for node in &chart.nodes {
            assert!(
                outside.node(&node.unit).is_none(),
                "{} is both in the org and a counterparty on {date}",
                node.unit
            );
            assert_ne!(
                t.unit(&node.unit).map(|u| u.kind),
                Some(ali_timeline::store::model::UnitKind::External),
                "{} in the org on {date}",
                node.unit
            );
        }
    }
    let outside = org::counterparties(&t, day("2018-06-01"));
    assert!(outside.node("amblin").is_some(), "{outside:?}");
    // Paytm bought TicketNew in May 2018: from then on it sits with the counterparties.
    assert!(outside.node("ticketnew").is_some(), "{outside:?}");
    assert!(
        org::chart(&t, day("2018-06-01"))
            .node("ticketnew")
            .is_none()
    );
}

#[test]
fn yu_yongfu_heads_the_entertainment_leadership_group_from_2016_06_15() {
    let t = bundled();
    assert_eq!(
        roles(
            &t,
            "2016-06-15",
            "yu-yongfu",
            "entertainment-leadership-group"
        ),
        ["head"]
    );
    let before = org::chart(&t, day("2016-06-14"));
    assert!(before.node("entertainment-leadership-group").is_none());
    // The group's eight businesses report to it.
    assert_eq!(
        members(&t, "2016-06-15", "entertainment-leadership-group"),
        [
            "ali-literature",
            "ali-music",
            "ali-sports",
            "alibaba-games",
            "alibaba-pictures",
            "digital-entertainment",
            "ucweb",
            "youku"
        ]
    );
}

#[test]
fn fan_luyuan_is_alibaba_pictures_ceo_on_2018_01_01() {
    let t = bundled();
    assert!(roles(&t, "2018-01-01", "fan-luyuan", "alibaba-pictures").contains(&"ceo".to_string()));
    assert!(
        !roles(&t, "2018-01-01", "fan-luyuan", "alibaba-pictures")
            .contains(&"president".to_string())
    );
}

#[test]
fn zhang_yu_is_ali_music_ceo_from_2017_03_03() {
    let t = bundled();
    assert_eq!(roles(&t, "2017-03-03", "zhang-yu", "ali-music"), ["ceo"]);
    assert!(roles(&t, "2017-03-02", "zhang-yu", "ali-music").is_empty());
    assert_eq!(
        roles(&t, "2017-03-02", "yang-weidong", "ali-music"),
        ["ceo"]
    );
    let career = org::career(&t, "zhang-yu");
    let ceo = career
        .iter()
        .find(|e| e.unit == "ali-music" && e.role == "ceo")
        .expect("Zhang Yu was Ali Music CEO");
    assert_eq!(ceo.start.to_string(), "2017-03-03");
    assert_eq!(
        ceo.end.map(|d| d.to_string()).as_deref(),
        Some("2018-05-11")
    );
}

#[test]
fn the_rotating_presidency_passes_to_fan_luyuan_on_2018_11_26() {
    let t = bundled();
    assert_eq!(
        roles(&t, "2018-11-25", "yang-weidong", "dme"),
        ["rotating president"]
    );
    assert!(roles(&t, "2018-11-25", "fan-luyuan", "dme").is_empty());
    assert_eq!(
        roles(&t, "2018-11-26", "fan-luyuan", "dme"),
        ["rotating president"]
    );
    assert!(roles(&t, "2018-11-26", "yang-weidong", "dme").is_empty());
}

#[test]
fn no_role_runs_on_to_now() {
    let t = bundled();
    for tenure in &t.history.tenures {
        assert!(
            tenure.end.is_some(),
            "{} holds {} at {} with no end and no last record",
            t.person_id(tenure.person),
            tenure.role,
            t.unit_id(tenure.unit)
        );
    }
    // A role no source ends is shown as last recorded, in those words.
    let fan = org::career(&t, "fan-luyuan");
    let ceo = fan
        .iter()
        .find(|e| e.unit == "alibaba-pictures" && e.role == "ceo")
        .expect("Fan Luyuan was Alibaba Pictures CEO");
    assert!(ceo.last_recorded);
    assert_eq!(ceo.span(), "2017-08-02 – last recorded 2018-12-10");
}

#[test]
fn every_unit_starts_and_is_only_shown_from_then() {
    let t = bundled();
    for unit in &t.store.units {
        let life = t.unit_life(&unit.id).expect("every unit has a life");
        let start = life.start.expect("every unit has a start");
        let before = start.start().pred_opt().expect("a day before");
        let chart = org::chart(&t, before);
        let outside = org::counterparties(&t, before);
        assert!(
            chart.node(&unit.id).is_none() && outside.node(&unit.id).is_none(),
            "{} shown before it started on {start}",
            unit.id
        );
    }
}

#[test]
fn cli_org_before_the_record_says_the_record_starts_later() {
    let out = bin().args(["org", "--as-of", "1990"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(
        text,
        "Organisation as of 1990-12-31 (end of 1990)\nThe record starts later, on 1999: nothing is recorded as of 1990-12-31.\n"
    );
}

#[test]
fn cli_org_counterparties_lists_outside_companies_in_their_own_group() {
    let out = bin()
        .args(["org", "--as-of", "2018-06-01", "--counterparties"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let (org_part, outside) = text
        .split_once("Counterparties (outside Alibaba):\n")
        .expect("a counterparties group");
    assert!(!org_part.contains("[amblin]"), "{text}");
    assert!(outside.contains("  Amblin Partners [amblin]"), "{text}");
    let plain = bin()
        .args(["org", "--as-of", "2018-06-01"])
        .assert()
        .success();
    let plain = String::from_utf8_lossy(&plain.get_output().stdout).into_owned();
    assert!(
        !plain.contains("[amblin]") && !plain.contains("Counterparties"),
        "{plain}"
    );
}

#[test]
fn dme_has_its_member_units_in_mid_2018() {
    let t = bundled();
    // Seed 000's seven members, plus Ali Sports (named in the 2016 letters, never recorded as
    // leaving) and the Greater Youku business group formed on 2016-11-01.
    assert_eq!(
        members(&t, "2018-06-01", "dme"),
        [
            "ali-literature",
            "ali-music",
            "ali-sports",
            "alibaba-games",
            "alibaba-pictures",
            "damai",
            "greater-youku",
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
