//! Finding the person or unit a user means from what they typed: an id, an exact name, a Chinese
//! name, an alias, or a fragment of any of these. One match gives its id; several give an error
//! listing them; none gives an error with the closest ids and names.

use std::fmt;

use super::Timeline;

/// Which sort of thing was looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person (`gao-xiaosong`).
    Person,
    /// A unit (`ali-music`).
    Unit,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Person => "person",
            Kind::Unit => "unit",
        })
    }
}

impl Kind {
    /// `people` or `units`.
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Person => "people",
            Kind::Unit => "units",
        }
    }
}

/// One of several people or units a name could mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its id.
    pub id: String,
    /// Its name with the Chinese name when known: `Gao Xiaosong (高晓松)`.
    pub label: String,
}

/// Why a name did not lead to exactly one person or unit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// Nothing answers to the name.
    #[error("unknown {kind} `{given}`{}", did_you_mean(.suggestions))]
    UnknownId {
        /// What was looked for.
        kind: Kind,
        /// The name or id as given.
        given: String,
        /// The closest ids, best first (possibly none).
        suggestions: Vec<String>,
    },
    /// Several answer to it.
    #[error("`{given}` could mean {} {}; give one of these ids:{}", .candidates.len(), kind.plural(), listed(.candidates))]
    Ambiguous {
        /// What was looked for.
        kind: Kind,
        /// The name as given.
        given: String,
        /// Everything it could mean, in store order.
        candidates: Vec<Candidate>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean `{one}`?)"),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| format!("`{s}`")).collect();
            format!(" (did you mean one of {}?)", quoted.join(", "))
        }
    }
}

fn listed(candidates: &[Candidate]) -> String {
    let width = candidates.iter().map(|c| c.id.chars().count()).max();
    candidates
        .iter()
        .map(|c| format!("\n  {:<w$}  {}", c.id, c.label, w = width.unwrap_or(0)))
        .collect()
}

/// At most this many ids are suggested for an unknown name.
const MAX_SUGGESTIONS: usize = 3;

/// How close (Jaro–Winkler, 0–1) a name must be to be suggested.
const SUGGEST_ABOVE: f64 = 0.8;

/// How far below the best suggestion another may be and still be offered.
const SUGGEST_WITHIN: f64 = 0.05;

/// The names one person or unit answers to.
struct Names<'a> {
    id: &'a str,
    name: &'a str,
    name_zh: Option<&'a str>,
    aliases: &'a [String],
}

impl Names<'_> {
    fn all(&self) -> impl Iterator<Item = &str> {
        [self.id, self.name]
            .into_iter()
            .chain(self.name_zh)
            .chain(self.aliases.iter().map(String::as_str))
    }
}

impl Timeline {
    /// The id of the person meant by `given`: an id, a name, a Chinese name, an alias, or a
    /// fragment of one of these (`gao` finds Gao Xiaosong when no one else matches).
    ///
    /// # Errors
    /// [`ResolveError::Ambiguous`] listing every match, or [`ResolveError::UnknownId`] with the
    /// closest ids.
    pub fn resolve_person(&self, given: &str) -> Result<String, ResolveError> {
        let names = self.store.people.iter().map(|p| Names {
            id: &p.id,
            name: &p.name,
            name_zh: p.name_zh.as_deref(),
            aliases: &p.aliases,
        });
        resolve(Kind::Person, given, &names.collect::<Vec<_>>(), |id| {
            self.person_label(id)
        })
    }

    /// The id of the unit meant by `given`, found as [`Timeline::resolve_person`] finds people.
    ///
    /// # Errors
    /// As [`Timeline::resolve_person`].
    pub fn resolve_unit(&self, given: &str) -> Result<String, ResolveError> {
        let names = self.store.units.iter().map(|u| Names {
            id: &u.id,
            name: &u.name,
            name_zh: u.name_zh.as_deref(),
            aliases: &u.aliases,
        });
        resolve(Kind::Unit, given, &names.collect::<Vec<_>>(), |id| {
            self.unit_label(id)
        })
    }
}

/// Tries, in turn: the exact id; a name, Chinese name or alias equal to `given` (ignoring case);
/// names holding every word of `given` (ignoring case). The first step that finds anything
/// decides.
fn resolve(
    kind: Kind,
    given: &str,
    all: &[Names<'_>],
    label: impl Fn(&str) -> String,
) -> Result<String, ResolveError> {
    let trimmed = given.trim();
    if let Some(found) = all.iter().find(|n| n.id == trimmed) {
        return Ok(found.id.to_string());
    }
    let wanted = trimmed.to_lowercase();
    let words: Vec<&str> = wanted.split_whitespace().collect();
    let exact = |n: &&Names<'_>| n.all().any(|name| name.to_lowercase() == wanted);
    let fragment = |n: &&Names<'_>| {
        let names: Vec<String> = n.all().map(str::to_lowercase).collect();
        !words.is_empty()
            && words
                .iter()
                .all(|w| names.iter().any(|name| name.contains(w)))
    };
    for step in [&exact as &dyn Fn(&&Names<'_>) -> bool, &fragment] {
        let found: Vec<&Names<'_>> = all.iter().filter(step).collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(one.id.to_string()),
            many => {
                return Err(ResolveError::Ambiguous {
                    kind,
                    given: given.to_string(),
                    candidates: many
                        .iter()
                        .map(|n| Candidate {
                            id: n.id.to_string(),
                            label: label(n.id),
                        })
                        .collect(),
                });
            }
        }
    }
    Err(ResolveError::UnknownId {
        kind,
        given: given.to_string(),
        suggestions: suggestions(&wanted, all),
    })
}

/// The ids whose id or names are closest to `wanted`, best first.
fn suggestions(wanted: &str, all: &[Names<'_>]) -> Vec<String> {
    let mut scored: Vec<(f64, &str)> = all
        .iter()
        .map(|n| {
            let best = n
                .all()
                .map(|name| strsim::jaro_winkler(wanted, &name.to_lowercase()))
                .fold(0.0, f64::max);
            (best, n.id)
        })
        .filter(|(score, _)| *score > SUGGEST_ABOVE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(score, _)| best - score <= SUGGEST_WITHIN)
        .take(MAX_SUGGESTIONS)
        .map(|(_, id)| id.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Timeline {
        let text = r#"Store(
            people: [
                (id: "gao-xiaosong", name: "Gao Xiaosong", name_zh: "高晓松", aliases: ["Xiaosong"]),
                (id: "song-ke", name: "Song Ke", name_zh: "宋柯"),
                (id: "song-ke-jr", name: "Song Kejun"),
            ],
            units: [],
            sources: [],
            events: [],
        )"#;
        crate::timeline::load_str("mini.ron", text).unwrap()
    }

    #[test]
    fn ids_names_chinese_names_aliases_and_fragments_resolve_when_unique() {
        let t = mini();
        for given in [
            "gao-xiaosong",
            "Gao Xiaosong",
            "高晓松",
            "xiaosong",
            "gao",
            "GAO xiao",
        ] {
            assert_eq!(t.resolve_person(given).unwrap(), "gao-xiaosong", "{given}");
        }
        // An exact name wins over the fragments it is part of.
        assert_eq!(t.resolve_person("song ke").unwrap(), "song-ke");
    }

    #[test]
    fn several_matches_list_every_candidate() {
        let err = mini().resolve_person("song").unwrap_err();
        let ResolveError::Ambiguous { candidates, .. } = &err else {
            panic!("{err:?}")
        };
        // "Song" is in Song Ke, Song Kejun and Gao Xiaosong.
        let ids: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["gao-xiaosong", "song-ke", "song-ke-jr"]);
        assert!(err.to_string().contains("Song Ke (宋柯)"), "{err}");
    }

    #[test]
    fn no_match_suggests_the_closest_ids() {
        let err = mini().resolve_person("gao-xiaosnog").unwrap_err();
        assert_eq!(
            err,
            ResolveError::UnknownId {
                kind: Kind::Person,
                given: "gao-xiaosnog".into(),
                suggestions: vec!["gao-xiaosong".into()],
            }
        );
        assert!(err.to_string().contains("did you mean `gao-xiaosong`"));
        let err = mini().resolve_unit("xiami").unwrap_err();
        assert_eq!(err.to_string(), "unknown unit `xiami`");
    }
}
