//! Going to a date (`d`): the first event of the timeline shown (the filter applies) on or after
//! a date typed as `2016`, `2016-10` or `2016-10-31`.

use super::{jumps, select, set_focus};
use crate::store::date::PartialDate;
use crate::tui::app::{App, Pane};

/// Selects the first event shown that may fall on or after `date` (its date, at the precision
/// known, ends on or after the date's first day), recording the jump; or says why not.
pub(super) fn go_to(app: &mut App<'_>, date: PartialDate) -> Result<(), String> {
    let from = date.start();
    let timeline = app.timeline;
    let found = app
        .visible
        .iter()
        .position(|&ix| timeline.event_at(ix).date.end() >= from);
    let Some(cursor) = found else {
        let shown = if app.filter.is_some() {
            "the filtered timeline"
        } else {
            "the timeline"
        };
        return Err(format!("no event on or after {date} in {shown}"));
    };
    jumps::recorded(app, |app| select(app, cursor));
    set_focus(app, Pane::Timeline);
    Ok(())
}
