//! Where each pane, overlay and the status bar go for a terminal size: one pure function used by
//! the views to draw and by the update to map mouse clicks, so both always agree.
//!
//! Wide terminals show all three panes, medium ones the timeline and one side pane, narrow ones
//! only the focused pane; borders shrink to a title line, then vanish, as the height drops.

use ratatui::layout::Rect;

use crate::tui::app::{App, Pane};
use crate::tui::axis;

/// How a pane is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// A full border with the title in the top edge.
    Full,
    /// Only a title line on top.
    Title,
    /// Nothing: every row is content.
    Bare,
}

/// One pane on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneArea {
    /// Which pane.
    pub pane: Pane,
    /// The whole area, frame included.
    pub outer: Rect,
    /// The content area inside the frame.
    pub inner: Rect,
    /// How it is framed.
    pub framing: Framing,
}

/// The screen, divided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// The panes shown, timeline first when shown.
    pub panes: Vec<PaneArea>,
    /// The area overlays are drawn over (everything but the status bar).
    pub body: Rect,
    /// The status bar (the bottom row).
    pub status: Rect,
}

impl Areas {
    /// The area of `pane`, if it is shown.
    #[must_use]
    pub fn pane(&self, pane: Pane) -> Option<&PaneArea> {
        self.panes.iter().find(|p| p.pane == pane)
    }

    /// The pane under a screen cell.
    #[must_use]
    pub fn pane_at(&self, column: u16, row: u16) -> Option<&PaneArea> {
        self.panes
            .iter()
            .find(|p| p.outer.contains((column, row).into()))
    }
}

/// Widest terminal that shows only the focused pane.
const NARROW: u16 = 60;
/// Narrowest terminal that shows all three panes.
const WIDE: u16 = 100;
/// Body height from which the side panes stack in one column (else three columns).
const TALL: u16 = 16;

fn framed(pane: Pane, outer: Rect) -> PaneArea {
    let framing = if outer.height >= 10 && outer.width >= 24 {
        Framing::Full
    } else if outer.height >= 4 {
        Framing::Title
    } else {
        Framing::Bare
    };
    let inner = match framing {
        Framing::Full => Rect {
            x: outer.x.saturating_add(1),
            y: outer.y.saturating_add(1),
            width: outer.width.saturating_sub(2),
            height: outer.height.saturating_sub(2),
        },
        Framing::Title => Rect {
            y: outer.y.saturating_add(1),
            height: outer.height.saturating_sub(1),
            ..outer
        },
        Framing::Bare => outer,
    };
    PaneArea {
        pane,
        outer,
        inner,
        framing,
    }
}

/// `area` split at `percent` of its width: (left, right).
fn split_columns(area: Rect, percent: u16) -> (Rect, Rect) {
    let left = u16::try_from(u32::from(area.width) * u32::from(percent) / 100).unwrap_or(0);
    (
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    )
}

/// The side column (detail over org) stops growing at this width while the timeline is narrower
/// than [`TIMELINE_FIRST`]: the extra width goes to the timeline's titles first.
const SIDE_FIRST: u16 = 60;

/// A timeline this wide shows the median title of the bundled store whole; beyond it the timeline
/// and the side column share the extra width.
const TIMELINE_FIRST: u16 = 80;

/// `area` split into the timeline (left) and the side column (right): 55% of the width on the
/// right up to [`SIDE_FIRST`] columns, then the timeline alone grows to [`TIMELINE_FIRST`], then
/// both grow by half of each extra column.
fn split_side(area: Rect) -> (Rect, Rect) {
    let share = u16::try_from(u32::from(area.width) * 55 / 100).unwrap_or(u16::MAX);
    let beyond = area.width.saturating_sub(SIDE_FIRST + TIMELINE_FIRST);
    let side = share.min(SIDE_FIRST + beyond / 2);
    let left = area.width - side;
    (
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: side,
            ..area
        },
    )
}

/// `area` split at `percent` of its height: (top, bottom).
fn split_rows(area: Rect, percent: u16) -> (Rect, Rect) {
    let top = u16::try_from(u32::from(area.height) * u32::from(percent) / 100).unwrap_or(0);
    (
        Rect {
            height: top,
            ..area
        },
        Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        },
    )
}

/// Divides `area` for the focused pane `focus`; `side` is the side pane shown when only one fits.
#[must_use]
pub fn areas(area: Rect, focus: Pane, side: Pane) -> Areas {
    let (body, status) = if area.height >= 2 {
        (
            Rect {
                height: area.height - 1,
                ..area
            },
            Rect {
                y: area.bottom() - 1,
                height: 1,
                ..area
            },
        )
    } else {
        (Rect { height: 0, ..area }, area)
    };
    let side = if focus == Pane::Timeline { side } else { focus };
    let panes = if body.height == 0 || body.width == 0 {
        Vec::new()
    } else if body.width >= WIDE {
        let tall = body.height >= TALL;
        let (left, right) = if tall {
            split_side(body)
        } else {
            split_columns(body, 45)
        };
        let (detail, org) = if tall {
            split_rows(right, 55)
        } else {
            split_columns(right, 50)
        };
        vec![
            framed(Pane::Timeline, left),
            framed(Pane::Detail, detail),
            framed(Pane::Org, org),
        ]
    } else if body.width >= NARROW {
        let (left, right) = split_columns(body, 50);
        vec![framed(Pane::Timeline, left), framed(side, right)]
    } else {
        vec![framed(focus, body)]
    };
    Areas {
        panes,
        body,
        status,
    }
}

/// Divides `area` for `app`: as [`areas`] for its focus and side pane, or, while zoomed
/// (`z`), the focused pane alone over the whole body.
#[must_use]
pub fn app_areas(app: &App<'_>, area: Rect) -> Areas {
    let mut areas = areas(area, app.focus, app.side);
    if app.zoomed && areas.body.height > 0 && areas.body.width > 0 {
        areas.panes = vec![framed(app.focus, areas.body)];
    }
    areas
}

/// Where an overlay (search, help) is drawn inside `body`: centred with a margin on large
/// terminals, the whole body otherwise (a sliver of pane beside it would only confuse).
#[must_use]
pub fn overlay(body: Rect) -> Rect {
    let width = if body.width >= 80 {
        (body.width - 8).min(100)
    } else {
        body.width
    };
    let height = if body.height >= 20 {
        body.height - 4
    } else {
        body.height
    };
    Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    }
}

/// An overlay's frame and content area (a full border when it fits, else none).
#[must_use]
pub fn overlay_inner(outer: Rect) -> (Framing, Rect) {
    if outer.width >= 10 && outer.height >= 5 {
        (
            Framing::Full,
            Rect {
                x: outer.x + 1,
                y: outer.y + 1,
                width: outer.width - 2,
                height: outer.height - 2,
            },
        )
    } else {
        (Framing::Bare, outer)
    }
}

/// The search overlay's input line and results list, inside its content area.
#[must_use]
pub fn search_parts(inner: Rect) -> (Rect, Rect) {
    let input = Rect {
        height: inner.height.min(2),
        ..inner
    };
    let results = Rect {
        y: inner.y + input.height,
        height: inner.height - input.height,
        ..inner
    };
    (input, results)
}

/// The timeline pane's content area divided, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineParts {
    /// The filter line, while a filter is on (and a row of events still fits below it).
    pub filter: Option<Rect>,
    /// The time axis (see [`crate::tui::axis`]); empty when it does not fit.
    pub axis: Rect,
    /// The event list.
    pub list: Rect,
}

/// The time axis's area on screen, when the timeline pane shows it (at the app's size, zoomed
/// or not) and the axis fits. Clicks on it, its jumps and their tests use it.
#[must_use]
pub fn axis_area(app: &App<'_>) -> Option<Rect> {
    let areas = app_areas(app, app.size);
    let axis = timeline_parts(app, areas.pane(Pane::Timeline)?.inner).axis;
    (!axis.is_empty()).then_some(axis)
}

/// Divides the timeline pane's content area `inner` for `app`: the filter line on top, then the
/// time axis, then the event list. Drawing, clicks and scrolling all use it.
#[must_use]
pub fn timeline_parts(app: &App<'_>, inner: Rect) -> TimelineParts {
    let (filter, rest) = if app.filter.is_some() && inner.height >= 2 {
        (
            Some(Rect { height: 1, ..inner }),
            Rect {
                y: inner.y + 1,
                height: inner.height - 1,
                ..inner
            },
        )
    } else {
        (None, inner)
    };
    let rows = axis::height(app, rest);
    TimelineParts {
        filter,
        axis: Rect {
            height: rows,
            ..rest
        },
        list: Rect {
            y: rest.y + rows,
            height: rest.height - rows,
            ..rest
        },
    }
}

/// The first line to show so that line `selected` is visible in `height` rows, moving from
/// `offset` as little as possible and leaving no blank rows at the end when the list is longer.
#[must_use]
pub fn keep_visible(offset: usize, selected: Option<usize>, len: usize, height: u16) -> usize {
    let height = usize::from(height);
    let mut offset = offset;
    if let Some(selected) = selected {
        if selected < offset {
            offset = selected;
        } else if height > 0 && selected >= offset + height {
            offset = selected + 1 - height;
        }
    }
    offset.min(len.saturating_sub(height.max(1)))
}
