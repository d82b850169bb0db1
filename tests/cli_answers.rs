//! What the commands answer to a person at a shell: names resolved (or their candidates listed),
//! honest result counts and exit codes, date errors that say what to write, and columns that stay
//! aligned whatever the markers.

mod common;

use common::bin;
use predicates::prelude::*;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn person_and_unit_take_a_unique_name_fragment_chinese_name_or_alias() {
    let (code, by_id, _) = run(&["person", "gao-xiaosong"]);
    assert_eq!(code, Some(0));
    for given in ["gao", "Gao Xiaosong", "高晓松", "GAO"] {
        let (code, out, err) = run(&["person", given]);
        assert_eq!(code, Some(0), "{given}: {err}");
        assert_eq!(out, by_id, "{given}");
    }
    let (_, by_id, _) = run(&["unit", "xiami"]);
    for given in ["虾米音乐", "Xiami Music", "xiami music"] {
        let (code, out, err) = run(&["unit", given]);
        assert_eq!(code, Some(0), "{given}: {err}");
        assert_eq!(out, by_id, "{given}");
    }
}

#[test]
fn a_name_that_fits_several_lists_them_and_exits_1() {
    let (code, out, err) = run(&["person", "song"]);
    assert_eq!(code, Some(1));
    assert!(out.is_empty());
    assert!(err.contains("`song` could mean"), "{err}");
    for id in ["song-ke", "gao-xiaosong"] {
        assert!(err.contains(id), "{id} not listed: {err}");
    }
    // Each candidate listed resolves on its own.
    for line in err.lines().skip(1) {
        let id = line
            .trim_start_matches("ali-timeline:")
            .split_whitespace()
            .next()
            .unwrap();
        bin().args(["person", id]).assert().success();
    }
}

#[test]
fn an_unknown_name_suggests_the_closest_and_says_how_to_find_one() {
    bin()
        .args(["person", "gao-xiaosnog"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `gao-xiaosong`?"))
        .stderr(predicate::str::contains("ali-timeline search NAME"));
    bin()
        .args(["org", "--as-of", "2016", "--unit", "xiamii"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `xiami`?"));
}

/// The number of hits `search QUERY --limit 0` prints.
fn all_hits(query: &str) -> usize {
    let (code, out, err) = run(&["search", query, "--limit", "0"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "nothing is cut: {err}");
    out.lines().count()
}

#[test]
fn cut_results_are_counted_on_stderr_and_limit_0_shows_all() {
    let total = all_hits("song");
    assert!(total > 3, "the test needs more than 3 hits, got {total}");
    let (code, out, err) = run(&["search", "song", "--limit", "3"]);
    assert_eq!(code, Some(0));
    assert_eq!(out.lines().count(), 3);
    assert!(
        err.starts_with(&format!("{} more; use --limit", total - 3)),
        "{err}"
    );
    // The default limit (20) says so too when it cuts.
    let everything = all_hits("");
    assert!(everything > 20);
    let (_, out, err) = run(&["search", ""]);
    assert_eq!(out.lines().count(), 20);
    assert!(err.contains(&format!("{} more", everything - 20)), "{err}");
}

#[test]
fn no_match_exits_1_with_a_short_note_as_grep_does() {
    let (code, out, err) = run(&["search", "zzzzqqqq"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert_eq!(err, "no match for `zzzzqqqq`\n");
    let (code, out, err) = run(&["list", "zzzzqqqq"]);
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert_eq!(err, "no events match `zzzzqqqq`\n");
    // A malformed query is an error, not a miss: the same code, a different message.
    let (code, _, err) = run(&["search", "@2015-13"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("there is no month 13"), "{err}");
}

#[test]
fn date_errors_name_the_form_seen_and_the_one_to_write() {
    let cases = [
        ("2015/08/01", "use dashes: 2015-08-01"),
        ("20150801", "use dashes: 2015-08-01"),
        ("2015.08", "use dashes: 2015-08"),
        ("aug 2015", "write 2015-08"),
        ("August 2015", "write 2015-08"),
        ("Aug 1 2015", "write 2015-08-01"),
        ("1 Aug, 2015", "write 2015-08-01"),
        ("yesterday", "write the date itself"),
        ("15-08-2015", "write the year first: 2015-08-15"),
        ("08/2015", "write the year first: 2015-08"),
        ("2015-8-1", "two digits: 2015-08-01"),
        ("~2015/08", "use dashes: ~2015-08"),
        ("2015-08-01T10:00", "leave out the time: 2015-08-01"),
        ("circa 2015", "~2015"),
        ("2015-13", "there is no month 13"),
        ("2015-02-30", "there is no day 30 in 2015-02"),
    ];
    for (given, advice) in cases {
        let (code, out, err) = run(&["org", "--as-of", given]);
        assert_eq!(code, Some(1), "{given}");
        assert!(out.is_empty(), "{given}");
        assert!(
            err.starts_with(&format!("ali-timeline: --as-of: invalid date `{given}`:")),
            "{given}: {err}"
        );
        assert!(err.contains(advice), "{given}: {err}");
        // Advice replaces the list of forms; a date that is only impossible keeps it.
        let forms = err.contains("write YYYY, YYYY-MM or YYYY-MM-DD");
        let impossible = ["2015-13", "2015-02-30"].contains(&given);
        assert_eq!(forms, impossible, "{given}: {err}");
    }
    // The same advice inside a query, with the column of the atom.
    let (_, _, err) = run(&["search", "gao @2015/08"]);
    assert!(
        err.contains("column 6") && err.contains("use dashes: 2015-08"),
        "{err}"
    );
}

/// The display column each line's text resumes at after a span of `spans` padded at its start
/// (after `indent` spaces), so that the columns can be compared.
fn columns_after(lines: &[&str], spans: &[String], indent: usize) -> Vec<usize> {
    lines
        .iter()
        .zip(spans)
        .map(|(line, span)| {
            let rest = line[indent..].strip_prefix(span.as_str()).unwrap();
            let gap = rest.len() - rest.trim_start().len();
            indent + ali_timeline::text::width(span) + gap
        })
        .collect()
}

#[test]
fn leaders_and_careers_stay_aligned_with_approximate_spans() {
    let timeline = ali_timeline::timeline::load_bundled().unwrap();
    let lineage = ali_timeline::org::lineage(&timeline, "ali-music").unwrap();
    let spans: Vec<String> = lineage.leaders.iter().map(|e| e.span()).collect();
    assert!(spans.iter().any(|s| s.contains("(approx.)")), "{spans:?}");
    let (_, out, _) = run(&["unit", "ali-music"]);
    let leaders: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Leaders:")
        .skip(1)
        .collect();
    let columns = columns_after(&leaders, &spans, 2);
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{out}"
    );

    let career = ali_timeline::org::career(&timeline, "song-ke");
    let spans: Vec<String> = career.iter().map(|e| e.span()).collect();
    assert!(spans.iter().any(|s| s.contains("(approx.)")), "{spans:?}");
    let (_, out, _) = run(&["person", "song-ke"]);
    let roles: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("      "))
        .collect();
    let columns = columns_after(&roles, &spans, 2);
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{out}"
    );
}
