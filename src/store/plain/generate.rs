//! Random store and event texts for the property tests of the plain reader and the layout scan:
//! valid ones, with random strings, escapes, whitespace, comments, field order and optional
//! fields, and mutated ones (a snippet put in, some characters taken out or replaced).

use crate::store::model::EventKind;

/// A source of choices for the text generators: the next byte of a random vector (varied on each
/// pass over it), modulo `n`.
pub(in crate::store) struct Dice<'d> {
    /// The random bytes.
    pub(in crate::store) bytes: &'d [u8],
    /// How many choices were made.
    pub(in crate::store) at: usize,
}

impl Dice<'_> {
    /// A choice among `n`.
    pub(in crate::store) fn pick(&mut self, n: usize) -> usize {
        let len = self.bytes.len().max(1);
        let pass = u8::try_from(self.at / len % 256).unwrap_or(0);
        let byte = self.bytes.get(self.at % len).copied().unwrap_or(0) ^ pass.wrapping_mul(97);
        self.at += 1;
        usize::from(byte) % n
    }

    fn one<'a>(&mut self, of: &[&'a str]) -> &'a str {
        of[self.pick(of.len())]
    }

    fn chance(&mut self, in_four: usize) -> bool {
        self.pick(4) < in_four
    }
}

/// Whitespace and comments `ron` skips between tokens (often none).
fn gap(dice: &mut Dice) -> &'static str {
    dice.one(&[
        "",
        "",
        "",
        " ",
        " ",
        "\n    ",
        "\t",
        "\r\n",
        "\x0B\x0C",
        "\u{85}",
        "\u{2028}",
        "\u{200F}",
        "// a note ( [ \" \n",
        "/* a /* nested ) */ \" */",
        "/*/ */",
        "/***/",
        "/**/ // x\n",
    ])
}

/// A `"…"` literal with random content written with random escapes.
fn string(dice: &mut Dice) -> String {
    let mut out = String::from("\"");
    for _ in 0..dice.pick(12) {
        let c = [
            'a', 'Z', ' ', '高', 'é', '😀', '"', '\\', '\n', '\t', '\r', '\'', '/', '*', '\0',
            '\u{7f}', '\u{85}', '\u{2028}', '{', '}', '#', ',', ')', ']',
        ][dice.pick(24)];
        let named = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            '\'' => Some("\\'"),
            '\0' => Some("\\0"),
            _ => None,
        };
        match dice.pick(4) {
            0 if !matches!(c, '"' | '\\') => out.push(c),
            1 if c.is_ascii() => out.push_str(&format!("\\x{:02x}", c as u32)),
            2 => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            _ => match named {
                Some(escape) => out.push_str(escape),
                None if !matches!(c, '"' | '\\') => out.push(c),
                None => out.push_str("\\\\"),
            },
        }
        if dice.pick(16) == 0 {
            out.push_str(dice.one(&["\\\n", "\\\n   \t", "\\\r\n \n "]));
        }
        // What the split parse guesses an event starts with.
        if dice.pick(16) == 0 {
            out.push_str("Event(id: ");
        }
    }
    out.push('"');
    out
}

/// `Name(field: value, …)` with the fields in random order, random gaps and an optional trailing
/// comma (a struct's `name` is left out now and then, a variant's never).
fn structure(dice: &mut Dice, name: &str, fields: Vec<(&str, String)>) -> String {
    let variant = matches!(name, "StartRole" | "Found" | "Dissolve");
    let mut fields = fields;
    for i in (1..fields.len()).rev() {
        fields.swap(i, dice.pick(i + 1));
    }
    let mut out = String::new();
    if dice.pick(8) != 0 || variant {
        out.push_str(name);
        out.push_str(gap(dice));
    }
    out.push('(');
    let count = fields.len();
    for (i, (field, value)) in fields.into_iter().enumerate() {
        let comma = if i + 1 < count || dice.chance(2) {
            ","
        } else {
            ""
        };
        out.push_str(&format!(
            "{}{field}{}:{}{value}{}{comma}",
            gap(dice),
            gap(dice),
            gap(dice),
            gap(dice)
        ));
    }
    out.push_str(gap(dice));
    out.push(')');
    out
}

/// `[a, b, …]` of `count` items made by `item`.
fn list(dice: &mut Dice, count: usize, item: impl Fn(&mut Dice) -> String) -> String {
    let mut out = String::from("[");
    for i in 0..count {
        out.push_str(gap(dice));
        out.push_str(&item(dice));
        out.push_str(gap(dice));
        if i + 1 < count || dice.chance(2) {
            out.push(',');
        }
    }
    out.push_str(gap(dice));
    out.push(']');
    out
}

fn date(dice: &mut Dice) -> String {
    format!(
        "\"{}\"",
        dice.one(&[
            "2015",
            "2015-07",
            "2015-07-15",
            "~2012",
            " 2013-01 ",
            "~1999-12-31"
        ])
    )
}

/// Optional fields go in half the time.
fn maybe(
    dice: &mut Dice,
    fields: &mut Vec<(&'static str, String)>,
    name: &'static str,
    value: impl FnOnce(&mut Dice) -> String,
) {
    if dice.chance(2) {
        let value = value(dice);
        fields.push((name, value));
    }
}

fn effect(dice: &mut Dice) -> String {
    match dice.pick(3) {
        0 => {
            let fields = vec![
                ("person", string(dice)),
                ("unit", string(dice)),
                ("role", string(dice)),
            ];
            structure(dice, "StartRole", fields)
        }
        1 => {
            let mut fields = vec![("unit", string(dice))];
            maybe(dice, &mut fields, "parent", string);
            maybe(dice, &mut fields, "founders", |d| {
                let n = d.pick(3);
                list(d, n, string)
            });
            structure(dice, "Found", fields)
        }
        _ => {
            let fields = vec![("unit", string(dice))];
            structure(dice, "Dissolve", fields)
        }
    }
}

/// A valid event text.
pub(in crate::store) fn event(dice: &mut Dice) -> String {
    let kind = EventKind::ALL[dice.pick(EventKind::ALL.len())]
        .as_str()
        .to_string();
    let mut fields = vec![
        ("id", string(dice)),
        ("date", date(dice)),
        ("title", string(dice)),
        ("summary", string(dice)),
        ("kind", kind),
        ("sources", {
            let n = dice.pick(3);
            list(dice, n, string)
        }),
    ];
    maybe(dice, &mut fields, "end", date);
    for name in ["people", "units", "tags"] {
        maybe(dice, &mut fields, name, |d| {
            let n = d.pick(3);
            list(d, n, string)
        });
    }
    maybe(dice, &mut fields, "effects", |d| {
        let n = d.pick(3);
        list(d, n, effect)
    });
    maybe(dice, &mut fields, "note", string);
    structure(dice, "Event", fields)
}

/// A valid store text.
pub(in crate::store) fn store(dice: &mut Dice) -> String {
    let person = |d: &mut Dice| {
        let mut fields = vec![("id", string(d)), ("name", string(d))];
        maybe(d, &mut fields, "name_zh", string);
        maybe(d, &mut fields, "aliases", |d| {
            let n = d.pick(3);
            list(d, n, string)
        });
        structure(d, "Person", fields)
    };
    let unit = |d: &mut Dice| {
        let kind = d.one(&[
            "group",
            "business_group",
            "company",
            "division",
            "platform",
            "external",
        ]);
        let mut fields = vec![
            ("id", string(d)),
            ("name", string(d)),
            ("kind", kind.to_string()),
        ];
        maybe(d, &mut fields, "since", date);
        maybe(d, &mut fields, "note", string);
        structure(d, "Unit", fields)
    };
    let source = |d: &mut Dice| {
        let mut fields = vec![("id", string(d))];
        for name in ["seed", "about", "title", "publisher", "url"] {
            maybe(d, &mut fields, name, string);
        }
        maybe(d, &mut fields, "date", date);
        structure(d, "Source", fields)
    };
    let era = |d: &mut Dice| {
        let fields = vec![
            ("id", string(d)),
            ("title", string(d)),
            ("start_event", string(d)),
            ("end_event", string(d)),
        ];
        structure(d, "Era", fields)
    };
    let mut fields = Vec::new();
    maybe(dice, &mut fields, "people", |d| {
        let n = d.pick(3);
        list(d, n, person)
    });
    maybe(dice, &mut fields, "units", |d| {
        let n = d.pick(3);
        list(d, n, unit)
    });
    maybe(dice, &mut fields, "sources", |d| {
        let n = d.pick(3);
        list(d, n, source)
    });
    maybe(dice, &mut fields, "events", |d| {
        let n = d.pick(3);
        list(d, n, event)
    });
    maybe(dice, &mut fields, "eras", |d| {
        let n = d.pick(2);
        list(d, n, era)
    });
    let attribute = if dice.chance(3) {
        "#![enable(implicit_some)]"
    } else {
        ""
    };
    format!(
        "{}{attribute}{}{}{}",
        gap(dice),
        gap(dice),
        structure(dice, "Store", fields),
        gap(dice)
    )
}

/// Eight mutations of `text`: four with one change each, and each of those changed once more.
pub(in crate::store) fn mutations(dice: &mut Dice, text: &str) -> Vec<String> {
    let mut texts = Vec::with_capacity(8);
    for _ in 0..4 {
        let once = mutate(dice, text);
        let twice = mutate(dice, &once);
        texts.extend([once, twice]);
    }
    texts
}

/// `text` with one random change: a snippet put in, a few characters taken out, or one replaced.
fn mutate(dice: &mut Dice, text: &str) -> String {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let at = bounds[(dice.pick(256) * 256 + dice.pick(256)) % bounds.len()];
    let snippet = dice.one(&[
        "\"",
        "\\",
        ",",
        "(",
        ")",
        "[",
        "]",
        ":",
        "/",
        "*",
        "/*",
        "*/",
        "//",
        "#",
        "r#",
        "r\"",
        "None",
        "Some(",
        "'",
        "é",
        "\u{2028}",
        "\u{a0}",
        "x",
        "1",
        " ",
        "\n",
        ".",
        "-",
        "Event",
        "kind: deal",
        "\\u{",
        "\\x8",
        "}",
        "{",
        "true",
        "b\"",
    ]);
    let end =
        bounds[(bounds.partition_point(|&b| b < at) + 1 + dice.pick(3)).min(bounds.len() - 1)];
    match dice.pick(3) {
        0 => format!("{}{snippet}{}", &text[..at], &text[at..]),
        1 => format!("{}{}", &text[..at], &text[end..]),
        _ => format!("{}{snippet}{}", &text[..at], &text[end..]),
    }
}
