//! The lexer against RON's syntax, token by token.

use super::*;
use crate::diagnostic::Position;

fn kinds(text: &str) -> Vec<(Kind, &str)> {
    Lexer::new(text)
        .map(|t| (t.kind, &text[t.start..t.end]))
        .collect()
}

#[test]
fn strings_of_every_kind_are_one_token() {
    for s in [
        r#""plain""#,
        r#""esc \" ( \\""#,
        r#"r"raw (""#,
        r##"r#"say "((((" ok"#"##,
        r###"r##"a "# still"##"###,
        r#"b"bytes (""#,
        r##"br#"raw "bytes" ("#"##,
        "\"multi\nline ( \u{2764}\"",
    ] {
        assert_eq!(kinds(s), vec![(Kind::Str, s)], "{s}");
    }
}

#[test]
fn characters_are_one_token() {
    for c in [
        "'x'",
        "'\"'",
        "'('",
        "'\\x41'",
        "'\\n'",
        "'\\''",
        "'\\u{2764}'",
        "'高'",
        "b'a'",
        "'\\\\'",
    ] {
        assert_eq!(kinds(c), vec![(Kind::Char, c)], "{c}");
    }
    // Not a character: a stray apostrophe, then what follows.
    assert_eq!(
        kinds("'ab' ("),
        vec![
            (Kind::Punct, "'"),
            (Kind::Word, "ab"),
            (Kind::Punct, "'"),
            (Kind::Open, "(")
        ]
    );
}

#[test]
fn comments_and_whitespace_are_skipped() {
    let text = "// line ( \" \n /* a /* nested ( */ still \" ) */ x\u{2028}\u{200e}y /**/";
    assert_eq!(kinds(text), vec![(Kind::Word, "x"), (Kind::Word, "y")]);
    assert_eq!(
        kinds("/* open /* */ ("),
        vec![(Kind::Unclosed(Unclosed::Comment), "/* open /* */ (")]
    );
    assert_eq!(
        kinds("a / b"),
        vec![(Kind::Word, "a"), (Kind::Punct, "/"), (Kind::Word, "b")]
    );
}

#[test]
fn names_numbers_and_punctuation() {
    assert_eq!(
        kinds("#![enable(x)] Store(r#type: -1.5e3, b: bar, c: r#a.b)"),
        vec![
            (Kind::Punct, "#"),
            (Kind::Punct, "!"),
            (Kind::Open, "["),
            (Kind::Word, "enable"),
            (Kind::Open, "("),
            (Kind::Word, "x"),
            (Kind::Close, ")"),
            (Kind::Close, "]"),
            (Kind::Word, "Store"),
            (Kind::Open, "("),
            (Kind::Word, "r#type"),
            (Kind::Punct, ":"),
            (Kind::Word, "-1.5e3"),
            (Kind::Punct, ","),
            (Kind::Word, "b"),
            (Kind::Punct, ":"),
            (Kind::Word, "bar"),
            (Kind::Punct, ","),
            (Kind::Word, "c"),
            (Kind::Punct, ":"),
            (Kind::Word, "r#a.b"),
            (Kind::Close, ")"),
        ]
    );
}

#[test]
fn unclosed_strings_run_to_the_end() {
    for s in ["\"abc (", "r#\"abc\" (", "b\"x\\\"", "br##\"x\"#"] {
        assert_eq!(
            kinds(&format!("( {s}")),
            vec![(Kind::Open, "("), (Kind::Unclosed(Unclosed::Str), s)]
        );
    }
}

#[test]
fn depth_ignores_strings_comments_and_characters() {
    let deep = "(".repeat(100);
    assert_eq!(too_deep(&deep, 64), Some(64));
    for hidden in [
        format!("/* {deep} */"),
        format!("/* /* */ {deep} */"),
        format!("r#\"say \"{deep}\"#"),
        format!("r\"{deep}\""),
        format!("b\"{deep}\""),
        format!("\"\\\"{deep}\""),
        format!("// {deep}"),
        "'(' ".repeat(100),
    ] {
        assert_eq!(too_deep(&format!("({hidden})"), 64), None, "{hidden}");
    }
    assert_eq!(too_deep(&format!("(\"{deep}"), 64), None);
}

#[test]
fn what_is_open_at_the_end() {
    assert_eq!(
        open_at_end("( [ ] \"x"),
        Some(OpenAtEnd::Unclosed(Unclosed::Str, 6))
    );
    assert_eq!(
        open_at_end("( [ ] /* x"),
        Some(OpenAtEnd::Unclosed(Unclosed::Comment, 6))
    );
    assert_eq!(open_at_end("( [ ( ) "), Some(OpenAtEnd::Bracket(2)));
    assert_eq!(open_at_end("( [ ] ) "), None);
}

#[test]
fn lines_count_lines_and_characters() {
    let text = "ab\n高c\n\nd";
    let mut lines = Lines::new(text);
    let expect = [
        (0, 1, 1),
        (2, 1, 3),
        (3, 2, 1),
        (6, 2, 2),
        (7, 2, 3),
        (9, 4, 1),
    ];
    for (offset, line, col) in expect {
        assert_eq!(lines.at(offset), Position { line, col }, "{offset}");
    }
    assert_eq!(lines.at(2), Position { line: 1, col: 3 });
    assert_eq!(position(text, 100), Position { line: 4, col: 2 });
}
