//! Broken and hostile store files: one clear located error each, never a panic, a stack overflow
//! or a hang; size and nesting limits enforced before parsing (the size limit also for a pipe or
//! a device, which report no size).

mod common;

use ali_timeline::Error;
use ali_timeline::timeline::{load_file, load_str};
use common::bin;
use predicates::prelude::*;
use proptest::prelude::*;

/// Runs `validate` on a file holding `bytes` and returns (exit code, stderr).
fn validate_bytes(bytes: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.ron");
    std::fs::write(&path, bytes).unwrap();
    let out = bin()
        .arg("validate")
        .arg("--data")
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_empty_file_says_what_a_store_should_hold() {
    let (code, err) = validate_bytes(b"");
    assert_eq!(code, 1);
    assert!(
        err.contains("store.ron:1:1: error: the store is empty; it should hold `Store("),
        "{err}"
    );
}

#[test]
fn non_utf8_text_is_located() {
    let (code, err) = validate_bytes(b"Store(\n  people: [\xff\xfe],\n)");
    assert_eq!(code, 1);
    assert!(
        err.contains("store.ron:2:12: error: not UTF-8 text (byte 18 is invalid)"),
        "{err}"
    );
}

#[test]
fn binary_garbage_gets_one_error_line() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8 & 0x7f)
        .collect();
    let (code, err) = validate_bytes(&bytes);
    assert_eq!(code, 1);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.lines().count() <= 2, "{err}");
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let text = "(".repeat(100_000);
    let (code, err) = validate_bytes(text.as_bytes());
    assert_eq!(code, 1);
    assert!(
        err.contains("store.ron:1:65: error: brackets nest deeper than 64 levels"),
        "{err}"
    );
}

#[test]
fn a_huge_file_is_refused_by_size_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(1 << 30).unwrap(); // sparse: 1 GiB on paper, nothing on disk
    match load_file(&path) {
        Err(Error::File { message, .. }) => {
            assert!(
                message.contains(&format!(
                    "is 1073741824 bytes, over the {}-byte limit",
                    ali_timeline::store::load::MAX_BYTES
                )),
                "{message}"
            );
        }
        other => panic!("expected a size error, got {other:?}"),
    }
}

#[test]
fn an_endless_stream_is_refused_at_the_size_limit() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    // Under a memory cap, so that a regression (reading to the end) fails instead of filling
    // the machine's memory.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 2000000 && exec "$0" validate --data /dev/zero"#)
        .arg(assert_cmd::cargo::cargo_bin!("ali-timeline"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "/dev/zero: holds more than {} bytes, the limit for a store",
            ali_timeline::store::load::MAX_BYTES
        )),
        "{err}"
    );
}

#[test]
fn a_store_piped_in_loads() {
    bin()
        .args(["list", "--data", "/dev/stdin"])
        .write_stdin(common::fixture_text("store-valid.ron"))
        .assert()
        .success()
        .stdout(predicate::str::contains("Xiami"));
}

#[test]
fn huge_strings_load_and_list_fine() {
    let big = "x".repeat(4 * 1024 * 1024);
    let text = common::fixture_text("store-valid.ron").replacen(
        "Four former Alibaba employees found Xiami.",
        &big,
        1,
    );
    let t = load_str("big.ron", &text).unwrap();
    assert_eq!(t.store.events[0].summary.len(), big.len());
}

#[test]
fn validate_prints_one_line_per_problem_for_a_truncated_store() {
    let text = common::fixture_text("store-valid.ron");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.ron");
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    bin()
        .arg("validate")
        .arg("--data")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cut.ron:").and(predicate::str::contains("error:")));
}

/// A store error must carry at least one positioned diagnostic; file errors name the problem.
fn assert_reported(result: Result<ali_timeline::Timeline, Error>) {
    match result {
        Ok(_) => {}
        Err(Error::Store(diagnostics)) => {
            assert!(!diagnostics.is_empty());
            for d in diagnostics {
                assert!(d.position.line >= 1 && d.position.col >= 1, "{d}");
            }
        }
        Err(other) => panic!("unexpected error kind: {other}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn truncation_anywhere_never_panics(cut in 0usize..2000) {
        let text = common::fixture_text("store-valid.ron");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        assert_reported(load_str("cut.ron", &text[..at]));
    }

    #[test]
    fn byte_flips_and_insertions_never_panic(edits in proptest::collection::vec((0usize..2000, any::<u8>(), any::<bool>()), 1..6)) {
        let mut bytes = common::fixture_text("store-valid.ron").into_bytes();
        for (at, byte, insert) in edits {
            let at = at % (bytes.len() + 1);
            if insert || at == bytes.len() { bytes.insert(at, byte); } else { bytes[at] = byte; }
        }
        if let Ok(text) = String::from_utf8(bytes) {
            assert_reported(load_str("mutated.ron", &text));
        }
    }
}
