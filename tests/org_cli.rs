//! `org`, `person` and `unit` driven as a user would, on a fixture store: text and JSON output,
//! how partial dates are read, and clear errors for bad dates and unknown ids.

mod common;

use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

use common::{bin, fixture};

/// Runs `ali-timeline --data org-basic.ron ARGS…` and returns the assertion.
fn run(args: &[&str]) -> assert_cmd::assert::Assert {
    bin()
        .arg("--data")
        .arg(fixture("org-basic.ron"))
        .args(args)
        .assert()
}

fn stdout(args: &[&str]) -> String {
    let out = run(args).success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).expect("valid JSON on stdout")
}

#[test]
fn org_as_of_prints_holders_with_their_start_dates() {
    let text = stdout(&["org", "--as-of", "2015-08-01"]);
    assert!(
        text.starts_with("Organisation as of 2015-08-01\n"),
        "{text}"
    );
    assert!(text.contains("\n├─ Ali Music (阿里音乐) [ali-music]\n│  ├─ chairman: Gao Xiaosong (高晓松) since 2015-07-15\n│  ├─ ceo: Song Ke (宋柯) since 2015-07-15\n"), "{text}");
    assert!(!text.contains("[dme]"), "DME is founded later: {text}");
}

#[test]
fn approximate_roles_are_marked() {
    let text = stdout(&["org", "--as-of", "2016-06-01", "--unit", "taopiaopiao"]);
    assert!(
        text.contains("ceo: Wang Fang (王芳) since 2016-06 (approx.)"),
        "{text}"
    );
    assert!(
        text.contains("general manager: Zhang Wei (张伟) since ~2013 (approx.)"),
        "{text}"
    );
}

#[test]
fn a_partial_as_of_date_means_the_end_of_its_span() {
    // Wang Fang started in June 2016: the whole of 2016 and June itself include her.
    for date in ["2016", "2016-06"] {
        let text = stdout(&["org", "--as-of", date, "--unit", "taopiaopiao"]);
        assert!(text.contains("(end of "), "{text}");
        assert!(text.contains("Wang Fang"), "--as-of {date}: {text}");
    }
    let may = stdout(&["org", "--as-of", "2016-05", "--unit", "taopiaopiao"]);
    assert!(
        may.starts_with("Organisation as of 2016-05-31 (end of 2016-05)\n"),
        "{may}"
    );
    assert!(!may.contains("Wang Fang"), "{may}");
}

#[test]
fn unit_limits_the_chart_to_a_subtree() {
    let text = stdout(&["org", "--as-of", "2018-06-01", "--unit", "dme"]);
    let first = text.lines().nth(1).unwrap_or_default();
    assert_eq!(first, "Alibaba Digital Media & Entertainment [dme]");
    assert!(
        !text.contains("[alibaba-group]") && !text.contains("[kugou]"),
        "{text}"
    );
    assert!(
        text.contains("\n│     ├─ ceo: Wang Fang"),
        "taopiaopiao sits two levels down: {text}"
    );
}

#[test]
fn unit_accepts_a_name_or_alias_and_explains_when_it_does_not_exist_yet() {
    let by_alias = stdout(&["org", "--as-of", "2018-06-01", "--unit", "DME"]);
    assert!(by_alias.contains("[dme]"));
    run(&["org", "--as-of", "2015-01-01", "--unit", "dme"])
        .code(1)
        .stderr(contains(
            "unit `dme` does not exist on 2015-01-01: it began on 2016-11-29",
        ));
    run(&["org", "--as-of", "2022", "--unit", "xiami"])
        .code(1)
        .stderr(contains("it ended on 2021-02-05"));
}

#[test]
fn org_as_of_json_has_a_stable_shape() {
    let value = json(&[
        "org",
        "--as-of",
        "2015-08-01",
        "--unit",
        "ali-music",
        "--json",
    ]);
    assert_eq!(value["date"], "2015-08-01");
    let music = &value["units"][0];
    assert_eq!(music["id"], "ali-music");
    assert_eq!(music["name_zh"], "阿里音乐");
    assert_eq!(music["kind"], "business_group");
    assert_eq!(music["depth"], 0);
    assert_eq!(music["roles"][0]["role"], "chairman");
    assert_eq!(music["roles"][0]["person"], "gao-xiaosong");
    assert_eq!(music["roles"][0]["since"], "2015-07-15");
    assert_eq!(music["roles"][0]["event"], "ali-music-founded");
    assert_eq!(music["roles"][0]["approximate"], false);
    let children: Vec<&str> = value["units"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|u| u["parent"] == "ali-music")
        .filter_map(|u| u["id"].as_str())
        .collect();
    assert_eq!(children, ["ttpod", "xiami"]);
}

#[test]
fn diff_lists_each_change_with_its_event() {
    let text = stdout(&["org", "--diff", "2016-11-28", "2018-05-11"]);
    assert!(
        text.starts_with("Changes after 2016-11-28 up to 2018-05-11: 11\n"),
        "{text}"
    );
    assert!(text.contains("2016-11-29  Alibaba Digital Media & Entertainment founded under Alibaba Group (阿里巴巴集团) [dme-founded]"), "{text}");
    assert!(
        text.contains(
            "2018-05-11  Song Ke (宋柯) ceased to be ceo of Ali Music (阿里音乐) [reshuffle]"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "2018-05-11  Fan Luyuan (樊路远) became president of Damai (大麦网) [reshuffle]"
        ),
        "{text}"
    );
    let merged = stdout(&["org", "--diff", "2015", "2016"]);
    assert!(
        merged.contains(
            "2016-01     TTPod (天天动听) merged into Xiami (虾米音乐) (approx.) [ttpod-merged]"
        ),
        "{merged}"
    );
    assert!(
        !merged.contains("2015-07-15"),
        "2015 is before the window: {merged}"
    );
}

#[test]
fn diff_json_names_kind_and_event() {
    let value = json(&["org", "--diff", "2014", "2014-12-31", "--json"]);
    assert_eq!(value["from"], "2014-12-31");
    let changes = value["changes"].as_array().cloned().unwrap_or_default();
    assert!(changes.is_empty(), "an empty window: {value}");
    let value = json(&["org", "--diff", "2014-01", "2014-10", "--json"]);
    let kinds: Vec<(&str, &str)> = value["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            (
                c["kind"].as_str().unwrap_or(""),
                c["event"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("renamed", "taopiaopiao-renamed"),
            ("moved", "chinavision-acquired"),
            ("renamed", "pictures-renamed")
        ]
    );
    let acquired = &value["changes"][1];
    assert_eq!(acquired["acquired"], true);
    assert_eq!(acquired["to"], "alibaba-group");
    assert_eq!(value["changes"][0]["approximate"], true);
}

#[test]
fn malformed_dates_get_the_accepted_forms() {
    for args in [
        &["org", "--as-of", "2015-02-30"][..],
        &["org", "--diff", "2015", "next year"],
    ] {
        run(args)
            .code(1)
            .stderr(contains("write YYYY, YYYY-MM or YYYY-MM-DD"))
            .stdout("");
    }
    // A familiar form gets the one to write instead (more in tests/cli_answers.rs).
    run(&["org", "--as-of", "2015/08/01"])
        .code(1)
        .stderr(contains("use dashes: 2015-08-01"))
        .stdout("");
    run(&["org", "--diff", "2018", "2015"])
        .code(1)
        .stderr(contains("FROM (2018-12-31) is after TO (2015-12-31)"));
    run(&["org"]).code(2);
    run(&["org", "--diff", "2015", "2016", "--unit", "dme"])
        .code(1)
        .stderr(contains("--unit applies to --as-of only"));
}

#[test]
fn person_prints_a_career_in_order_with_causes() {
    let text = stdout(&["person", "zhang-wei"]);
    let expected = "Zhang Wei (张伟) [zhang-wei]
  ~2013 – 2014-05 (approx.)    general manager at Taobao Movie (淘宝电影) [taobao-movie]
      started: ~2013 Zhang Wei runs Taobao Movie [zhang-wei-gm]
      ended: 2014-05 Taobao Movie becomes Taopiaopiao [taopiaopiao-renamed]
  2014-05 – now (approx.)      general manager at Taopiaopiao (淘票票) [taopiaopiao]
      continued from Taobao Movie (淘宝电影) (renamed): 2014-05 Taobao Movie becomes Taopiaopiao [taopiaopiao-renamed]
";
    assert_eq!(text, expected);
    assert_eq!(
        stdout(&["person", "高晓松"]),
        stdout(&["person", "gao-xiaosong"])
    );
}

#[test]
fn unit_prints_lineage_and_leaders() {
    let text = stdout(&["unit", "ttpod"]);
    assert!(
        text.contains("First recorded: 2013-10 (no founding event or `since` date)"),
        "{text}"
    );
    assert!(text.contains("2013-10 (approx.)    Alibaba Group (阿里巴巴集团) [alibaba-group] (acquired) [ttpod-acquired]"), "{text}");
    assert!(
        text.contains(
            "Merged into Xiami (虾米音乐) [xiami]: 2016-01 TTPod folded into Xiami [ttpod-merged]"
        ),
        "{text}"
    );
    let music = stdout(&["unit", "ali-music"]);
    assert!(
        music.contains("Founded: 2015-07-15 Alibaba founds Ali Music Group [ali-music-founded]"),
        "{music}"
    );
    assert!(
        music.contains("2015-07-15 – 2018-05-11      ceo: Song Ke (宋柯)"),
        "{music}"
    );
}

#[test]
fn unknown_ids_get_a_suggestion_and_exit_1() {
    run(&["person", "gao-xiaosng"])
        .code(1)
        .stdout("")
        .stderr(contains(
            "unknown person `gao-xiaosng` (did you mean `gao-xiaosong`?)",
        ));
    run(&["unit", "xiame"])
        .code(1)
        .stderr(contains("unknown unit `xiame` (did you mean `xiami`?)"));
    run(&["org", "--as-of", "2016", "--unit", "nothing-like-it"])
        .code(1)
        .stderr(contains("unknown unit `nothing-like-it`").and(contains("did you mean").not()));
}

#[test]
fn hostile_ids_are_sanitised_in_errors() {
    run(&["person", "evil\u{1b}[31m\u{202e}"])
        .code(1)
        .stderr(contains("\u{1b}").not().and(contains("\u{202e}").not()));
}

#[test]
fn hostile_store_text_never_reaches_the_terminal() {
    let path = fixture("org-hostile.ron");
    for args in [
        &["org", "--as-of", "2015-08"][..],
        &["org", "--as-of", "2017"],
        &["org", "--diff", "2015", "2016"],
        &["person", "evil"],
        &["unit", "evil-unit"],
        &["unit", "evil-new"],
    ] {
        let out = bin().arg("--data").arg(&path).args(args).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains("Evil"), "{args:?} printed {text}");
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c != '\n' && ali_timeline::text::is_unsafe(c))
            .collect();
        assert!(bad.is_empty(), "{args:?} let through {bad:?}: {text}");
    }
}
