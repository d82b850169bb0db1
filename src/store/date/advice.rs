//! What to write instead of a date in a form people often type: slashes, day-first, a month's
//! name, a relative word, a time of day. Each piece of advice names the form to write, built from
//! the numbers that were given (`2015/08/01` → "use dashes: 2015-08-01").

use super::PartialDate;

/// Words for a day relative to today, which a store or a query cannot hold.
const RELATIVE: [&str; 6] = [
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "last year",
    "this year",
];

/// English month names; three letters or more of one name it (`aug`, `sept`, `august`).
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The advice for `text` (without any leading `~`, which `approx` says was there), when its form
/// is recognised and the date it means exists; `None` otherwise.
pub(super) fn advice(text: &str, approx: bool) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let tilde = if approx { "~" } else { "" };
    if RELATIVE.contains(&lower.as_str()) {
        return Some(
            "a date relative to today is not understood; write the date itself, as YYYY-MM-DD"
                .into(),
        );
    }
    for word in ["circa ", "c. ", "about ", "around ", "approx. ", "approx "] {
        if let Some(rest) = lower.strip_prefix(word) {
            let date = rest.trim().parse::<PartialDate>().ok()?;
            return Some(format!("mark an approximate date with ~: ~{date}"));
        }
    }
    if let Some((date, time)) = lower.split_once(['t', ' '])
        && time.contains(':')
        && let Ok(date) = date.parse::<PartialDate>()
    {
        return Some(format!("leave out the time: {tilde}{date}"));
    }
    numeric(&lower, tilde).or_else(|| named_month(&lower, tilde))
}

/// Numbers only: `20150801`, `201508`, `2015/08/01`, `2015.8.1`, `2015-8-1`, `15-08-2015`,
/// `08/2015`.
fn numeric(text: &str, tilde: &str) -> Option<String> {
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' ', ','])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let dashes_only = !text.contains(['/', '.', ' ', ',']);
    let n = |p: &str| p.parse::<u32>().ok();
    let four = |p: &str| p.len() == 4;
    let (year, month, day) = match parts.as_slice() {
        [one] if one.len() == 8 => (n(&one[..4])?, n(&one[4..6]), n(&one[6..])),
        [one] if one.len() == 6 => (n(&one[..4])?, n(&one[4..]), None),
        [y, m] if four(y) => (n(y)?, n(m), None),
        [y, m, d] if four(y) => (n(y)?, n(m), n(d)),
        [m, y] if four(y) => {
            let date = written(n(y)?, n(m), None)?;
            return Some(format!("write the year first: {tilde}{date}"));
        }
        [a, b, y] if four(y) => return day_first(n(a)?, n(b)?, n(y)?, tilde),
        _ => return None,
    };
    let date = written(year, month, day)?;
    if parts.len() > 1 && dashes_only {
        Some(format!(
            "write months and days with two digits: {tilde}{date}"
        ))
    } else {
        Some(format!("use dashes: {tilde}{date}"))
    }
}

/// `15-08-2015` and `08/15/2015`: the year goes first; when both orders make a date, say so.
fn day_first(a: u32, b: u32, year: u32, tilde: &str) -> Option<String> {
    let day_month = written(year, Some(b), Some(a));
    let month_day = written(year, Some(a), Some(b));
    match (day_month, month_day) {
        (Some(one), None) | (None, Some(one)) => {
            Some(format!("write the year first: {tilde}{one}"))
        }
        (Some(dm), Some(md)) if dm != md => Some(format!(
            "write the year first, as YYYY-MM-DD: {tilde}{dm} or {tilde}{md}"
        )),
        (Some(one), Some(_)) => Some(format!("write the year first: {tilde}{one}")),
        (None, None) => None,
    }
}

/// `aug 2015`, `August 2015`, `Aug 1 2015`, `1 Aug 2015`, `Aug 1, 2015`.
fn named_month(text: &str, tilde: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split([' ', ',', '.', '/', '-'])
        .filter(|w| !w.is_empty())
        .collect();
    let mut month = None;
    let mut year = None;
    let mut day = None;
    for word in words {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            let number: u32 = word.parse().ok()?;
            match word.len() {
                4 if year.is_none() => year = Some(number),
                1 | 2 if day.is_none() => day = Some(number),
                _ => return None,
            }
        } else {
            let word = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
            if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) && day.is_none() {
                day = Some(word.parse().ok()?); // 1st, 2nd, 3rd, 4th
                continue;
            }
            let found = MONTHS
                .iter()
                .position(|m| word.len() >= 3 && m.starts_with(word))?;
            if month.replace(u32::try_from(found).ok()? + 1).is_some() {
                return None;
            }
        }
    }
    let date = written(year?, Some(month?), day)?;
    Some(format!("write {tilde}{date}"))
}

/// The date as it should be written, when it exists.
fn written(year: u32, month: Option<u32>, day: Option<u32>) -> Option<String> {
    let year = i32::try_from(year).ok()?;
    PartialDate::new(year, month, day, false)
        .ok()
        .map(|d| d.to_string())
}
