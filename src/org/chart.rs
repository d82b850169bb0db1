//! The organisation as of one day: a forest of units, each with the roles held there.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::store::date::PartialDate;
use crate::store::ids::UnitIx;
use crate::store::model::{Store, UnitKind};
use crate::timeline::Timeline;
use crate::timeline::history::{History, TenureIx};

/// Titles in the order they are listed at a unit; other titles follow, alphabetically.
pub const ROLE_ORDER: [&str; 8] = [
    "chairman",
    "ceo",
    "president",
    "general manager",
    "coo",
    "cfo",
    "cto",
    "vice president",
];

/// One unit in the chart, in tree pre-order.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgNode {
    /// Unit id.
    pub unit: String,
    /// Depth in the tree (0 for roots).
    pub depth: usize,
    /// Parent unit id, if any.
    pub parent: Option<String>,
    /// The tenures of the roles held at this unit on the day.
    pub roles: Vec<TenureIx>,
}

/// The organisation on one day.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgChart {
    /// The day.
    pub date: NaiveDate,
    /// Units in pre-order: Alibaba's tree first, then independent units, then outside ones.
    pub nodes: Vec<OrgNode>,
}

impl OrgChart {
    /// The node of `unit`, if it exists on the day.
    #[must_use]
    pub fn node(&self, unit: &str) -> Option<&OrgNode> {
        self.nodes.iter().find(|n| n.unit == unit)
    }

    /// Ids of the direct sub-units of `unit`, in chart order.
    #[must_use]
    pub fn children(&self, unit: &str) -> Vec<&str> {
        self.nodes
            .iter()
            .filter(|n| n.parent.as_deref() == Some(unit))
            .map(|n| n.unit.as_str())
            .collect()
    }

    /// The chart restricted to `unit` and everything under it, with depths starting at 0.
    #[must_use]
    pub fn subtree(&self, unit: &str) -> Option<OrgChart> {
        let start = self.nodes.iter().position(|n| n.unit == unit)?;
        let base = self.nodes[start].depth;
        let mut nodes = vec![self.nodes[start].clone()];
        nodes.extend(
            self.nodes[start + 1..]
                .iter()
                .take_while(|n| n.depth > base)
                .cloned(),
        );
        for node in &mut nodes {
            node.depth -= base;
        }
        nodes[0].parent = None;
        Some(OrgChart {
            date: self.date,
            nodes,
        })
    }
}

/// The organisation of `timeline` as of `day` (see [`as_of`]).
#[must_use]
pub fn chart(timeline: &Timeline, day: NaiveDate) -> OrgChart {
    as_of(&timeline.store, &timeline.history, day)
}

/// The counterparties of `timeline` as of `day` (see [`counterparties_as_of`]).
#[must_use]
pub fn counterparties(timeline: &Timeline, day: NaiveDate) -> OrgChart {
    counterparties_as_of(&timeline.store, &timeline.history, day)
}

/// When the record starts: the earliest start of any unit (a founding, a `since` date or a first
/// record) or date of any event; `None` for an empty store.
#[must_use]
pub fn record_start(store: &Store, history: &History) -> Option<PartialDate> {
    let units = history.unit_lives().filter_map(|(_, life)| life.start);
    let events = store.events.iter().map(|e| e.date);
    units.chain(events).min_by_key(PartialDate::start)
}

/// Where a title sorts among a unit's roles (see [`ROLE_ORDER`]).
fn role_rank(role: &str) -> usize {
    ROLE_ORDER
        .iter()
        .position(|r| *r == role)
        .unwrap_or(ROLE_ORDER.len())
}

/// Builds Alibaba's organisation as of `day` from a replayed history: units sorted by name under
/// each parent, roles at each unit by [`ROLE_ORDER`], then start date, then holder. Only units
/// that exist on the day are shown. Counterparties — units of kind `external`, and anything that
/// sits under one — are left out; [`counterparties_as_of`] lists them.
#[must_use]
pub fn as_of(store: &Store, history: &History, day: NaiveDate) -> OrgChart {
    let mut chart = all_as_of(store, history, day);
    chart.nodes = trees(store, chart.nodes, false);
    chart
}

/// The counterparties on `day`: the trees of units of kind `external` (with anything placed under
/// them, such as a company one of them bought), in the same form as [`as_of`].
#[must_use]
pub fn counterparties_as_of(store: &Store, history: &History, day: NaiveDate) -> OrgChart {
    let mut chart = all_as_of(store, history, day);
    chart.nodes = trees(store, chart.nodes, true);
    chart
}

/// The nodes of the trees whose root is (`external`) or is not (`!external`) an outside unit.
fn trees(store: &Store, nodes: Vec<OrgNode>, external: bool) -> Vec<OrgNode> {
    let external_ids: std::collections::HashSet<&str> = store
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::External)
        .map(|u| u.id.as_str())
        .collect();
    let outside = |id: &str| external_ids.contains(id);
    let mut keep = false;
    nodes
        .into_iter()
        .filter(|node| {
            if node.depth == 0 {
                keep = outside(&node.unit) == external;
            }
            keep
        })
        .collect()
}

/// Every unit that exists on `day`, Alibaba's trees first, outsiders last.
fn all_as_of(store: &Store, history: &History, day: NaiveDate) -> OrgChart {
    let id_of = |u: UnitIx| store.units[u.index()].id.as_str();
    let name_of = |u: UnitIx| store.units[u.index()].name.to_lowercase();
    let kind_of = |u: UnitIx| store.units[u.index()].kind;
    let mut existing: Vec<(UnitIx, Option<UnitIx>)> = history
        .unit_lives()
        .filter(|(_, life)| life.exists_on(day))
        .map(|(u, life)| (u, life.parent_on(day)))
        .collect();
    existing.sort_by_cached_key(|&(u, _)| name_of(u));
    let mut children: HashMap<UnitIx, Vec<UnitIx>> = HashMap::new();
    let mut roots = Vec::new();
    for &(u, parent) in &existing {
        match parent {
            Some(p) if history.unit(p).is_some_and(|l| l.exists_on(day)) => {
                children.entry(p).or_default().push(u);
            }
            _ => roots.push(u),
        }
    }
    // Alibaba's own trees (groups with sub-units) first, then independent units, outsiders last.
    roots.sort_by_cached_key(|u| {
        let rank = match kind_of(*u) {
            UnitKind::External => 2,
            _ if children.contains_key(u) => 0,
            _ => 1,
        };
        (rank, name_of(*u))
    });
    let mut roles: HashMap<UnitIx, Vec<TenureIx>> = HashMap::new();
    for (ix, tenure) in history.tenures() {
        if tenure.held_on(day) {
            roles.entry(tenure.unit).or_default().push(ix);
        }
    }
    let order = |&ix: &TenureIx| {
        let t = history.tenure(ix);
        (
            role_rank(&t.role),
            t.role.as_str(),
            t.start,
            store.people[t.person.index()].id.as_str(),
        )
    };
    for held in roles.values_mut() {
        held.sort_by(|a, b| order(a).cmp(&order(b)));
    }
    let mut nodes = Vec::new();
    let mut stack: Vec<(UnitIx, usize, Option<UnitIx>)> =
        roots.iter().rev().map(|r| (*r, 0, None)).collect();
    while let Some((unit, depth, parent)) = stack.pop() {
        nodes.push(OrgNode {
            unit: id_of(unit).to_string(),
            depth,
            parent: parent.map(|p| id_of(p).to_string()),
            roles: roles.remove(&unit).unwrap_or_default(),
        });
        if let Some(kids) = children.get(&unit) {
            stack.extend(kids.iter().rev().map(|k| (*k, depth + 1, Some(unit))));
        }
    }
    OrgChart { date: day, nodes }
}
