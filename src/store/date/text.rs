//! A partial date's written form, the string a person types in the store (`2015-07-15`,
//! `2015-03`, `2013`, `~2012`): shown, parsed (with advice for familiar wrong forms), and
//! serialized as that string.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{DateError, PartialDate, advice};

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let (approximate, rest) = match input.trim().strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, input.trim()),
        };
        // A malformed date gets advice on what to write when its form is a familiar one.
        let fail = |reason: &str| match advice::advice(rest, approximate) {
            Some(advice) => DateError {
                input: input.to_string(),
                reason: advice,
                advised: true,
            },
            None => DateError {
                input: input.to_string(),
                reason: reason.to_string(),
                advised: false,
            },
        };
        let parts: Vec<&str> = rest.split('-').collect();
        if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            return Err(fail("expected up to three numbers separated by -"));
        }
        let number = |part: &str, width: usize, what: &str| -> Result<u32, DateError> {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(fail(&format!("the {what} must be {width} digits")));
            }
            part.parse::<u32>()
                .map_err(|_| fail(&format!("the {what} is not a number")))
        };
        let year = number(parts[0], 4, "year")?;
        let month = parts.get(1).map(|p| number(p, 2, "month")).transpose()?;
        let day = parts.get(2).map(|p| number(p, 2, "day")).transpose()?;
        let year = i32::try_from(year).map_err(|_| fail("the year is too large"))?;
        PartialDate::new(year, month, day, approximate).map_err(|e| DateError {
            input: input.to_string(),
            ..e
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
