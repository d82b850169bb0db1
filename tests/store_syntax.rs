//! RON's whole syntax and the encodings a store arrives in: block comments full of brackets, raw
//! strings and character literals load; a byte-order mark is skipped; CR-only line endings and a
//! file cut short are explained.

mod common;

use ali_timeline::Error;
use ali_timeline::timeline::load_str;

/// The valid fixture with `from` replaced by `to` (which must occur exactly once).
fn mutated(from: &str, to: &str) -> String {
    let text = common::fixture_text("store-valid.ron");
    assert_eq!(
        text.matches(from).count(),
        1,
        "`{from}` once in the fixture"
    );
    text.replacen(from, to, 1)
}

/// The one diagnostic for `text`, or a panic if it loads.
fn error(text: &str) -> String {
    match load_str("bad.ron", text) {
        Err(Error::Store(d)) => d
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        Err(other) => panic!("expected a store error, got {other}"),
        Ok(_) => panic!("expected the store to be rejected"),
    }
}

/// The fixture with brackets hidden in a block comment, a raw string and a character literal.
fn with_rons_whole_syntax() -> String {
    let deep = "(((((".repeat(20);
    mutated(
        "title: \"Alibaba founds Ali Music Group\",",
        &format!(
            "/* {deep} /* nested {deep} */ ' \" */ title: r#\"say \"{deep}\" to {{[\"#, // '(' {deep}\n"
        ),
    )
    .replacen("Store(", "Store( /* ')' '\\u{28}' '\"' */", 1)
}

#[test]
fn brackets_in_comments_raw_strings_and_characters_are_not_counted() {
    let text = with_rons_whole_syntax();
    let timeline = load_str("ok.ron", &text).unwrap_or_else(|e| panic!("{e}"));
    let title = &timeline
        .store
        .events
        .iter()
        .find(|e| e.id == "ali-music-group-founded")
        .unwrap()
        .title;
    assert!(title.starts_with("say \"((((("), "{title}");
    assert!(title.ends_with("\" to {["), "{title}");
}

#[test]
fn a_large_store_with_rons_whole_syntax_loads_on_several_threads_alike() {
    // Over 4 MiB, so the parallel split reads it; the events are copies of the fixture's first.
    let text = with_rons_whole_syntax();
    let start = text.find("        Event(").unwrap();
    let end = start + text[start..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
    // Without its effects, which may happen once only.
    let event = &text[start..end];
    let effects = event.find("effects: [").unwrap();
    let event = format!(
        "{}{}",
        &event[..effects],
        &event[effects..].split_once("],\n").unwrap().1
    );
    let copies: String = (0..6_000)
        .map(|i| event.replacen("ali-music-group-founded", &format!("copy-{i}"), 1))
        .collect();
    let big = format!("{}{copies}{}", &text[..end], &text[end..]);
    assert!(big.len() > 4 << 20, "{}", big.len());
    let timeline = load_str("big.ron", &big).unwrap_or_else(|e| panic!("{e}"));
    let small = load_str("ok.ron", &text).unwrap();
    assert_eq!(
        timeline.store.events.len(),
        small.store.events.len() + 6_000
    );
    let title = |t: &ali_timeline::timeline::Timeline, id: &str| {
        t.store
            .events
            .iter()
            .find(|e| e.id == id)
            .unwrap()
            .title
            .clone()
    };
    let first = title(&small, "ali-music-group-founded");
    assert!(first.starts_with("say \"((((("), "{first}");
    for id in ["ali-music-group-founded", "copy-0", "copy-5999"] {
        assert_eq!(title(&timeline, id), first, "{id}");
    }
}

#[test]
fn a_character_literal_is_no_string() {
    // ron reads a String only from a (raw) string: a character in its place is located.
    let d = error(&mutated("title: \"Xiami founded\"", "title: 'X'"));
    assert!(d.starts_with("bad.ron:35:20: error:"), "{d}");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = format!("\u{feff}{}", common::fixture_text("store-valid.ron"));
    let timeline = load_str("bom.ron", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(timeline.store.events.len(), 3);
    // From a file too, with errors located as an editor shows them (the mark is no column).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    std::fs::write(&path, &text).unwrap();
    common::bin()
        .args(["validate", "--data"])
        .arg(&path)
        .assert()
        .success();
    let bad = "\u{feff}Store(peple: [])";
    std::fs::write(&path, bad).unwrap();
    let out = common::bin()
        .args(["validate", "--data"])
        .arg(&path)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("bom.ron:1:7: error: unknown field `peple`"),
        "{stderr}"
    );
}

#[test]
fn cr_only_line_endings_are_named() {
    let text = common::fixture_text("store-valid.ron").replace('\n', "\r");
    let d = error(&text);
    assert!(d.contains("end with a lone CR"), "{d}");
    assert!(d.contains("LF or CRLF"), "{d}");
    // CRLF is fine.
    let crlf = common::fixture_text("store-valid.ron").replace('\n', "\r\n");
    load_str("crlf.ron", &crlf).unwrap_or_else(|e| panic!("{e}"));
}

/// Every cut of `text` between the opening of `Store(` and its closing `)` is reported with the
/// "file ends too early" hint, whatever the cut lands in (a string, a name, a comment, a number).
fn every_cut_ends_too_early(text: &str) {
    let open = text.find("Store(").unwrap() + "Store(".len();
    let close = text.rfind(')').unwrap();
    let mut cuts = 0;
    for cut in (open..close).filter(|&i| text.is_char_boundary(i)) {
        let d = error(&text[..cut]);
        assert!(d.contains("the file ends too early"), "cut at {cut}: {d}");
        assert!(d.contains("is not closed"), "cut at {cut}: {d}");
        cuts += 1;
    }
    assert!(cuts > 1_000, "{cuts}");
}

#[test]
fn every_truncation_says_the_file_ends_too_early() {
    every_cut_ends_too_early(&common::fixture_text("store-valid.ron"));
}

#[test]
fn every_truncation_of_rons_whole_syntax_says_the_file_ends_too_early() {
    every_cut_ends_too_early(&with_rons_whole_syntax());
}

#[test]
fn the_hint_names_what_is_left_open() {
    let text = common::fixture_text("store-valid.ron");
    let at = text.find("Alibaba founds").unwrap();
    let d = error(&text[..at + 3]);
    assert!(
        d.contains("the string opened at line 21, column 20 is not closed"),
        "{d}"
    );
    let comment = mutated("kind: merger,", "kind: merger, /* to do");
    let d = error(&comment);
    assert!(d.contains("the comment opened at line 47"), "{d}");
    let d = error(&text[..text.find("units: [").unwrap() + 8]);
    assert!(
        d.contains("`[` opened at line 8, column 12 is not closed"),
        "{d}"
    );
}
