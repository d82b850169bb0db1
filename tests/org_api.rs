//! The org API on a fixture store: the chart as of a date, partial-date effects, careers,
//! lineage through renames and mergers, and diffs between dates or by one event.

mod common;

use ali_timeline::Timeline;
use ali_timeline::org::{self, OrgChart, ParentCause};
use ali_timeline::timeline::history::ChangeKind;
use common::{day, load_fixture};

fn store() -> Timeline {
    load_fixture("org-basic.ron")
}

/// `(role, person)` held at `unit` in `chart`, in chart order.
fn holders(timeline: &Timeline, chart: &OrgChart, unit: &str) -> Vec<(String, String)> {
    chart.node(unit).map_or_else(Vec::new, |node| {
        node.roles
            .iter()
            .map(|&i| {
                let t = timeline.history.tenure(i);
                (t.role.clone(), timeline.person_id(t.person).to_string())
            })
            .collect()
    })
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn chart_shows_roles_held_on_the_day_in_title_order() {
    let t = store();
    let chart = org::chart(&t, day("2015-08-01"));
    assert_eq!(
        holders(&t, &chart, "ali-music"),
        pairs(&[("chairman", "gao-xiaosong"), ("ceo", "song-ke")])
    );
    assert_eq!(chart.children("ali-music"), ["ttpod", "xiami"]);
    let before = org::chart(&t, day("2015-07-14"));
    assert!(before.node("ali-music").is_none(), "not founded yet");
    let after = org::chart(&t, day("2018-05-11"));
    assert_eq!(
        holders(&t, &after, "ali-music"),
        pairs(&[("chairman", "gao-xiaosong"), ("president", "yang-weidong")]),
        "Song Ke's role ends on the day of the event that ends it"
    );
}

#[test]
fn chart_places_units_in_a_tree_with_depths() {
    let t = store();
    let chart = org::chart(&t, day("2018-06-01"));
    let mut dme = chart.children("dme");
    dme.sort_unstable();
    assert_eq!(dme, ["ali-music", "alibaba-pictures", "damai", "youku"]);
    let sub = chart.subtree("dme").expect("dme exists in 2018");
    assert_eq!(sub.nodes[0].depth, 0);
    assert!(sub.nodes.iter().all(|n| n.unit != "alibaba-group"));
    let taopiaopiao = sub.node("taopiaopiao").expect("under alibaba-pictures");
    assert_eq!(taopiaopiao.depth, 2);
    assert_eq!(taopiaopiao.parent.as_deref(), Some("alibaba-pictures"));
}

#[test]
fn a_month_only_effect_applies_from_the_first_and_is_approximate() {
    let t = store();
    // TTPod was acquired in "2013-10": under Alibaba from October 1st, not on September 30th.
    let sept = org::chart(&t, day("2013-09-30"));
    assert_eq!(sept.node("ttpod").and_then(|n| n.parent.clone()), None);
    let oct = org::chart(&t, day("2013-10-01"));
    assert_eq!(
        oct.node("ttpod").and_then(|n| n.parent.as_deref()),
        Some("alibaba-group")
    );
    // Wang Fang became CEO of Taopiaopiao in "2016-06".
    assert!(
        holders(&t, &org::chart(&t, day("2016-05-31")), "taopiaopiao")
            .iter()
            .all(|(_, p)| p != "wang-fang")
    );
    let june = org::chart(&t, day("2016-06-01"));
    assert!(holders(&t, &june, "taopiaopiao").contains(&("ceo".into(), "wang-fang".into())));
    let career = org::career(&t, "wang-fang");
    assert_eq!(career.len(), 1);
    assert!(career[0].approximate);
    assert_eq!(career[0].start.to_string(), "2016-06");
    assert!(!org::career(&t, "song-ke")[0].approximate);
}

#[test]
fn career_lists_roles_in_order_with_their_events() {
    let t = store();
    let career = org::career(&t, "yang-weidong");
    let units: Vec<&str> = career.iter().map(|e| e.unit.as_str()).collect();
    assert_eq!(
        units,
        ["youku", "ali-music"],
        "as the reshuffle's effects list them"
    );
    assert!(
        career
            .iter()
            .all(|e| e.role == "president" && e.start_event == "reshuffle")
    );
    let song = org::career(&t, "song-ke");
    assert_eq!(song[0].start_event, "ali-music-founded");
    assert_eq!(song[0].end_event.as_deref(), Some("reshuffle"));
    assert_eq!(
        song[0].end.map(|d| d.to_string()).as_deref(),
        Some("2018-05-11")
    );
    assert!(org::career(&t, "nobody").is_empty());
}

#[test]
fn a_rename_carries_roles_over_to_the_new_identity() {
    let t = store();
    let career = org::career(&t, "zhang-wei");
    let steps: Vec<(&str, Option<&str>)> = career
        .iter()
        .map(|e| (e.unit.as_str(), e.end_event.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [
            ("taobao-movie", Some("taopiaopiao-renamed")),
            ("taopiaopiao", None)
        ]
    );
    assert_eq!(career[1].continues.as_deref(), Some("taobao-movie"));
    // The chart keeps the original start date across the rename.
    let (since, event) = org::original_start(&t.history, career[1].tenure);
    assert_eq!(
        (since.to_string().as_str(), t.event_id(event)),
        ("~2013", "zhang-wei-gm")
    );
}

#[test]
fn lineage_follows_renames_acquisitions_and_mergers() {
    let t = store();
    let pictures = org::lineage(&t, "alibaba-pictures").expect("known unit");
    let from = pictures
        .renamed_from
        .as_ref()
        .expect("renamed from ChinaVision");
    assert_eq!(
        (from.unit.as_str(), from.event.as_str()),
        ("chinavision", "pictures-renamed")
    );
    assert!(pictures.founded.is_none() && !pictures.predates_record());
    let parents: Vec<(Option<&str>, ParentCause)> = pictures
        .parents
        .iter()
        .map(|p| (p.parent.as_deref(), p.cause))
        .collect();
    assert_eq!(
        parents,
        [
            (Some("alibaba-group"), ParentCause::Renamed),
            (Some("dme"), ParentCause::Placed)
        ]
    );
    let chinavision = org::lineage(&t, "chinavision").expect("known unit");
    assert!(chinavision.predates_record());
    assert_eq!(
        chinavision.renamed_to.map(|l| l.unit).as_deref(),
        Some("alibaba-pictures")
    );
    assert_eq!(chinavision.parents[1].cause, ParentCause::Acquired);
    assert_eq!(
        chinavision.parents[1].event.as_deref(),
        Some("chinavision-acquired")
    );

    let ttpod = org::lineage(&t, "ttpod").expect("known unit");
    let into = ttpod.merged_into.expect("merged into Xiami");
    assert_eq!(
        (into.unit.as_str(), into.date.to_string().as_str()),
        ("xiami", "2016-01")
    );
    let xiami = org::lineage(&t, "xiami").expect("known unit");
    let absorbed: Vec<&str> = xiami.absorbed.iter().map(|l| l.unit.as_str()).collect();
    assert_eq!(absorbed, ["ttpod"]);
    assert_eq!(
        xiami.dissolved.map(|m| m.event).as_deref(),
        Some("xiami-closed")
    );
    assert!(org::lineage(&t, "no-such-unit").is_none());
}

#[test]
fn lineage_lists_leaders_over_time() {
    let t = store();
    let music = org::lineage(&t, "ali-music").expect("known unit");
    assert_eq!(
        music.founded.map(|m| m.event).as_deref(),
        Some("ali-music-founded")
    );
    let leaders: Vec<(&str, &str, bool)> = music
        .leaders
        .iter()
        .map(|e| (e.person.as_str(), e.role.as_str(), e.end.is_some()))
        .collect();
    assert_eq!(
        leaders,
        [
            ("gao-xiaosong", "chairman", false),
            ("song-ke", "ceo", true),
            ("yang-weidong", "president", false)
        ]
    );
}

#[test]
fn diff_lists_changes_after_from_up_to_and_including_to() {
    let t = store();
    let changes = org::diff(&t, day("2015-07-15"), day("2016-04-06"));
    let events: Vec<&str> = changes.iter().map(|c| t.event_id(c.event)).collect();
    assert_eq!(
        events,
        ["ttpod-merged", "youku-acquired"],
        "the founding day itself is excluded"
    );
    assert!(changes[0].approximate && !changes[1].approximate);
    assert!(matches!(
        &changes[1].kind,
        ChangeKind::Moved { unit, to, acquired: true, .. }
            if t.unit_id(*unit) == "youku" && t.unit_id(*to) == "alibaba-group"
    ));
    assert!(org::diff(&t, day("2016-04-06"), day("2015-07-15")).is_empty());
    let reshuffle = org::diff(&t, day("2018-05-10"), day("2018-05-11"));
    assert_eq!(reshuffle.len(), 5);
    assert_eq!(reshuffle, org::changes_by(&t, "reshuffle"));
}

#[test]
fn diff_lists_a_rename_once_without_its_carried_roles() {
    let t = store();
    let changes = org::changes_by(&t, "taopiaopiao-renamed");
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(matches!(
        &changes[0].kind,
        ChangeKind::Renamed { unit, to }
            if t.unit_id(*unit) == "taobao-movie" && t.unit_id(*to) == "taopiaopiao"
    ));
    assert_eq!(
        changes[0].describe(&t),
        "Taobao Movie (淘宝电影) renamed Taopiaopiao (淘票票)"
    );
}
