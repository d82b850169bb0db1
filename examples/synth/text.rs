//! Headlines (60–120 characters) and summaries (200–500 characters) in the style of news
//! reports, filled in from the facts of one synthetic event. A template is only used when every
//! fact it names is known.

use super::rng::Rng;

/// What an event is about, as shown in its text.
#[derive(Default)]
pub struct Facts {
    /// The main person (English name): `{p}`.
    pub person: Option<String>,
    /// The same person with the Chinese name, when known, `Gao Xiaosong (高晓松)`: `{f}`.
    pub person_full: Option<String>,
    /// A second person (the one replaced): `{q}`.
    pub other: Option<String>,
    /// The main unit: `{u}`.
    pub unit: Option<String>,
    /// A second unit (the parent, the buyer, the new name): `{v}`.
    pub other_unit: Option<String>,
    /// A role title: `{r}`.
    pub role: Option<String>,
    /// The business sector (`music`): `{s}`.
    pub sector: String,
    /// The year of the event: `{y}`.
    pub year: i32,
}

/// Headline templates by topic: an event kind (`founding`), or `place`, `rename`, `dissolve`.
fn headlines(topic: &str) -> &'static [&'static str] {
    match topic {
        "founding" => &[
            "{v} launches {u} to push deeper into {s}",
            "{v} sets up {u} as it bets on {s} growth",
            "New unit {u} formed with {p} at the helm",
            "{u} founded to compete in the crowded {s} market",
        ],
        "appointment" => &[
            "{p} named {r} of {u}, replacing {q}",
            "{u} appoints {p} as {r} in leadership shake-up",
            "{p} takes over as {r} at {u} as {s} push accelerates",
        ],
        "departure" => &[
            "{p} steps down as {r} of {u} after years at the helm",
            "{u} confirms departure of {r} {p}",
            "{p} leaves {u}, ending a long run as {r}",
        ],
        "acquisition" => &[
            "{v} agrees to buy {u} in a deal valued at {m}",
            "{v} completes acquisition of {u} to bolster {s}",
            "{u} acquired by {v} after months of talks",
        ],
        "merger" => &[
            "{u} merged into {v} as {s} businesses consolidate",
            "{v} absorbs {u} in a fresh round of restructuring",
        ],
        "place" => &[
            "{u} moves under {v} in a reorganisation of {s} units",
            "{u} reorganised: now reports to {v}",
        ],
        "rename" => &[
            "{u} renamed {v} ahead of a {s} relaunch",
            "{u} rebrands as {v} to broaden its {s} appeal",
        ],
        "dissolve" => &[
            "{u} shut down as losses mount in {s}",
            "{v} closes {u}, folding its {s} staff into other teams",
        ],
        "financial" => &[
            "{u} reports revenue of {m} for {y} as {s} losses narrow",
            "{u} raises {m} from investors to expand its {s} business",
        ],
        "deal" => &[
            "{u} signs licensing deal with {v} covering its {s} catalogue",
            "{u} and {v} announce strategic partnership in {s}",
            "{u} signs {s} distribution deal worth {m}",
        ],
        "legal" => &[
            "{u} sued by {v} over {s} copyright claims",
            "Regulators open investigation into {s} practices at {u}",
        ],
        "launch" => &[
            "{u} launches new {s} app aimed at younger users",
            "{u} releases flagship {s} product in {y}",
        ],
        _ => &[
            "{p} outlines new {s} strategy for {u}",
            "{u} announces three-year plan to lead in {s}",
        ],
    }
}

/// Used when no headline of the topic fits the facts (a store with no units yet).
const FALLBACK: &str = "{s} industry update for {y}: what changed, who moved, and what comes next";

const TAILS: [&str; 6] = [
    ", people familiar with the matter say",
    " amid a wider reshuffle of entertainment assets",
    " as competition in {s} heats up",
    ", according to a company statement",
    " in a move analysts call overdue",
    ", the company said on its official account",
];

const SENTENCES: [&str; 14] = [
    "{f} said the change would let {u} move faster in {s}, where rivals have spent heavily.",
    "The company did not disclose financial terms, but analysts put the value at around {m}.",
    "{u} had struggled to turn a profit since {y}, according to people familiar with its accounts.",
    "Staff were told of the decision at an internal meeting, and the change takes effect at once.",
    "{v} said it would keep the {u} brand and its management team in place for now.",
    "Industry observers see the move as part of a broader consolidation of the {s} market in China.",
    "{q} will stay on as an adviser during the transition, the statement added.",
    "The reorganisation follows a year in which {s} subscriptions grew but margins shrank.",
    "Neither {u} nor {v} responded to requests for comment on the timing.",
    "Earlier reports had named {f} as a candidate for the role as far back as {y}.",
    "Regulatory filings show {v} now controls the business through a holding company.",
    "The announcement came days after {u} lost a key licensing partner in {s}.",
    "Competition for {s} users has pushed up content costs across the industry since {y}.",
    "Analysts expect further changes to the {s} line-up before the end of {y}.",
];

const MONEY: [&str; 6] = [
    "$120 million",
    "1.2 billion yuan",
    "$45 million",
    "800 million yuan",
    "$1.1 billion",
    "3 billion yuan",
];

/// Whether every placeholder of `template` has a fact to fill it.
fn usable(template: &str, facts: &Facts) -> bool {
    [
        ("{p}", facts.person.is_some()),
        ("{f}", facts.person_full.is_some()),
        ("{q}", facts.other.is_some()),
        ("{u}", facts.unit.is_some()),
        ("{v}", facts.other_unit.is_some()),
        ("{r}", facts.role.is_some()),
    ]
    .iter()
    .all(|(key, known)| *known || !template.contains(key))
}

fn fill(rng: &mut Rng, template: &str, facts: &Facts) -> String {
    let fact = |f: &Option<String>| f.clone().unwrap_or_default();
    let money = rng.pick(&MONEY);
    template
        .replace("{p}", &fact(&facts.person))
        .replace("{f}", &fact(&facts.person_full))
        .replace("{q}", &fact(&facts.other))
        .replace("{u}", &fact(&facts.unit))
        .replace("{v}", &fact(&facts.other_unit))
        .replace("{r}", &fact(&facts.role))
        .replace("{s}", &facts.sector)
        .replace("{y}", &facts.year.to_string())
        .replace("{m}", money)
}

/// Cuts `text` to at most `max` characters at a word boundary.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// A headline of 60–120 characters about `topic`.
pub fn title(rng: &mut Rng, topic: &str, facts: &Facts) -> String {
    let fitting: Vec<&str> = headlines(topic)
        .iter()
        .copied()
        .filter(|t| usable(t, facts))
        .collect();
    let template = if fitting.is_empty() {
        FALLBACK
    } else {
        rng.pick(&fitting)
    };
    let mut text = capitalised(&fill(rng, template, facts));
    while text.chars().count() < 60 {
        let tail = *rng.pick(&TAILS);
        text.push_str(&fill(rng, tail, facts));
    }
    cut(&text, 120)
}

/// A summary of 200–500 characters: the headline as a lede, then distinct context sentences.
pub fn summary(rng: &mut Rng, title: &str, facts: &Facts) -> String {
    let target = rng.range(200, 380);
    let mut text = format!("{title}.");
    let mut left: Vec<&str> = SENTENCES
        .iter()
        .copied()
        .filter(|t| usable(t, facts))
        .collect();
    while text.chars().count() < target && !left.is_empty() {
        let sentence = left.swap_remove(rng.below(left.len()));
        text.push(' ');
        text.push_str(&fill(rng, sentence, facts));
    }
    cut(&text, 500)
}
