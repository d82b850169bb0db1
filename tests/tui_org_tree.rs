//! The org chart as a tree: guides, folding and unfolding units by key (the cursor staying on its
//! line, or on the unit that hid it), fold state kept across events, the opened unit
//! highlighted, and role lines that keep the holder's name and date however narrow the pane.

mod tui_support;

use ali_timeline::Timeline;
use ali_timeline::tui::app::{App, Entity, Pane};
use ali_timeline::tui::org_lines::{Mark, OrgItem};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tui_support::{draw, mini, press, screen, select_id};

/// An app of `width`×`height` with the event `id` selected and the org chart focused.
fn org_at<'a>(t: &'a Timeline, width: u16, height: u16, id: &str) -> App<'a> {
    let mut app = App::new(t, width, height);
    select_id(&mut app, id);
    while app.focus != Pane::Org {
        press(&mut app, KeyCode::Tab);
    }
    app
}

/// The index of unit `id`'s line in the org lines shown.
fn unit_line(app: &App<'_>, id: &str) -> usize {
    let unit = app
        .timeline
        .ids()
        .unit(id)
        .expect("the unit is in the store");
    app.org_lines()
        .iter()
        .position(|l| l.item == OrgItem::Unit(unit))
        .unwrap_or_else(|| panic!("{id} is shown"))
}

/// Moves the org cursor to line `index` with `g` then `j`, as a user would.
fn cursor_to(app: &mut App<'_>, index: usize) {
    press(app, KeyCode::Char('g'));
    for _ in 0..index {
        press(app, KeyCode::Char('j'));
    }
    assert_eq!(app.org_cursor, index);
}

/// The text of the screen's lines that contain `needle`.
fn lines_with(screen: &str, needle: &str) -> Vec<String> {
    screen
        .lines()
        .filter(|l| l.contains(needle))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_tree_has_guides_and_a_folded_unit_says_what_it_hides() {
    let t = mini();
    let mut app = org_at(&t, 80, 24, "dme-founded");
    let music = unit_line(&app, "ali-music");
    let before = app.org_lines().len();
    cursor_to(&mut app, music);
    press(&mut app, KeyCode::Char(' '));
    let hidden = before - app.org_lines().len();
    assert_eq!(
        hidden, 4,
        "Ali Music's two roles and two sub-units are hidden"
    );
    let shown = screen(&app);
    assert!(shown.contains("├─ ▸ Ali Music"), "{shown}");
    assert!(shown.contains("(4 hidden)"), "{shown}");
    assert!(shown.contains("└─ ▾ Alibaba Digital Media"), "{shown}");
    assert_snapshot!("org_tree_80x24_folded", shown);
    let mut app = org_at(&t, 40, 12, "dme-founded");
    let music = unit_line(&app, "ali-music");
    cursor_to(&mut app, music);
    press(&mut app, KeyCode::Char('h'));
    assert_snapshot!("org_tree_40x12_folded", screen(&app));
}

#[test]
fn change_marks_sit_in_one_column_outside_the_indentation() {
    let t = mini();
    let app = org_at(&t, 80, 24, "dme-founded");
    let shown = screen(&app);
    let org = |line: &str| line.chars().skip(40).collect::<String>();
    let marked: Vec<String> = shown
        .lines()
        .map(org)
        .filter(|l| l.starts_with("│+") || l.starts_with("│→"))
        .collect();
    // DME founded at depth 1, its president at depth 2, Ali Music moved at depth 2.
    assert!(marked.len() >= 3, "{shown}");
    assert!(marked.iter().any(|l| l.contains("└─ ▾ Alibaba Digital")));
    assert!(marked.iter().any(|l| l.contains("├─ ▾ Ali Music")));
}

#[test]
fn fold_keys_work_like_a_file_tree() {
    let t = mini();
    let mut app = org_at(&t, 120, 40, "dme-founded");
    let music = unit_line(&app, "ali-music");
    // On a role, ← goes up to its unit, which stays open.
    cursor_to(&mut app, music + 1);
    press(&mut app, KeyCode::Left);
    assert_eq!(app.org_cursor, music);
    assert!(app.org_folded.is_empty());
    // On an open unit, ← folds it and the cursor stays on it.
    press(&mut app, KeyCode::Left);
    let unit = t.ids().unit("ali-music").unwrap();
    assert!(app.org_folded.contains(&unit));
    assert_eq!(app.org_cursor, music);
    assert_eq!(app.org_lines()[music].item, OrgItem::Unit(unit));
    // On a folded unit, → unfolds it; again, → goes into it.
    press(&mut app, KeyCode::Char('l'));
    assert!(app.org_folded.is_empty());
    assert_eq!(app.org_cursor, music);
    press(&mut app, KeyCode::Right);
    assert_eq!(app.org_cursor, music + 1);
    // Space on a role folds the unit holding it, and the cursor goes to that unit.
    press(&mut app, KeyCode::Char(' '));
    assert!(app.org_folded.contains(&unit));
    assert_eq!(app.org_cursor, music);
    press(&mut app, KeyCode::Char(' '));
    assert!(app.org_folded.is_empty(), "Space again unfolds");
}

#[test]
fn fold_all_keeps_the_cursor_on_the_unit_that_hid_it_and_unfold_all_restores() {
    let t = mini();
    let mut app = org_at(&t, 120, 40, "dme-founded");
    let all = app.org_lines().len();
    let music = unit_line(&app, "ali-music");
    cursor_to(&mut app, music + 1);
    press(&mut app, KeyCode::Char('-'));
    let roots = app.org_lines().iter().filter(|l| l.depth == 0).count();
    assert_eq!(app.org_lines().len(), roots, "only the roots are left");
    let cursor_line = &app.org_lines()[app.org_cursor];
    assert_eq!(
        cursor_line.depth, 0,
        "the cursor is on the root above Ali Music"
    );
    assert_eq!(
        cursor_line.item,
        OrgItem::Unit(t.ids().unit("alibaba-group").unwrap())
    );
    press(&mut app, KeyCode::Char('='));
    assert_eq!(app.org_lines().len(), all);
    assert_eq!(app.org_cursor, unit_line(&app, "alibaba-group"));
}

#[test]
fn fold_keys_do_nothing_outside_the_org_chart() {
    let t = mini();
    let mut app = App::new(&t, 120, 40);
    select_id(&mut app, "dme-founded");
    let cursor = app.cursor;
    for key in [KeyCode::Left, KeyCode::Char(' '), KeyCode::Char('-')] {
        press(&mut app, key);
    }
    assert!(app.org_folded.is_empty());
    assert_eq!(app.cursor, cursor);
}

#[test]
fn a_unit_stays_folded_on_other_events_and_changes_under_it_are_marked_on_it() {
    let t = mini();
    let mut app = org_at(&t, 120, 40, "ali-music-founded");
    let music = unit_line(&app, "ali-music");
    cursor_to(&mut app, music);
    press(&mut app, KeyCode::Char('h'));
    let unit = t.ids().unit("ali-music").unwrap();
    // The reshuffle ends Gao Xiaosong's and Song Ke's roles at Ali Music, which is folded.
    press(&mut app, KeyCode::Tab);
    select_id(&mut app, "dme-reshuffle");
    assert!(app.org_folded.contains(&unit));
    let lines = app.org_lines();
    let music = lines
        .iter()
        .find(|l| l.item == OrgItem::Unit(unit))
        .expect("Ali Music still exists");
    assert_eq!(music.mark, Mark::Inside);
    assert!(
        lines.iter().all(|l| l.depth <= music.depth
            || l.mark == Mark::Same
            || !matches!(l.item, OrgItem::Role(r) if t.history.tenure(r).unit == unit)),
        "Ali Music's roles are hidden"
    );
    let shown = screen(&app);
    assert!(
        shown
            .lines()
            .any(|l| l.contains("•    ├─ ▸ Ali Music (阿里音乐) (4 hidden)")),
        "{shown}"
    );
}

#[test]
fn the_opened_unit_is_highlighted() {
    let t = mini();
    let mut app = org_at(&t, 120, 40, "dme-founded");
    let music = unit_line(&app, "ali-music");
    cursor_to(&mut app, music);
    press(&mut app, KeyCode::Enter);
    let unit = t.ids().unit("ali-music").unwrap();
    assert_eq!(app.subject, Some(Entity::Unit(unit)));
    let buffer = draw(&app);
    let text = tui_support::buffer_text(&buffer);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("▾ Ali Music"))
        .expect("Ali Music is drawn");
    let x = line.chars().position(|c| c == 'A').expect("its name") as u16;
    let style = buffer[(x, y as u16)].style();
    assert!(
        style
            .add_modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
    // Another unit is not.
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Alibaba Pictures"))
        .expect("Alibaba Pictures is drawn");
    let x = line
        .find("Alibaba Pictures")
        .map(|b| line[..b].chars().count())
        .unwrap() as u16;
    assert!(
        !buffer[(x, y as u16)]
            .style()
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn a_narrow_role_line_keeps_the_holders_name_and_date() {
    let t = ali_timeline::timeline::load_bundled().expect("the bundled store loads");
    for (width, height) in [(80, 24), (60, 20), (40, 12)] {
        let mut app = org_at(&t, width, height, "ali-music-reshuffle-2016");
        let line = app
            .org_lines()
            .iter()
            .position(|l| {
                matches!(l.item, OrgItem::Role(r)
                    if t.history.tenure(r).role == "chairman, entertainment strategy committee")
            })
            .expect("Gao Xiaosong's new role is shown");
        cursor_to(&mut app, line);
        let shown = screen(&app);
        let gao = lines_with(&shown, "Gao Xiaosong");
        let row = gao
            .iter()
            .find(|l| l.contains("…: Gao Xiaosong"))
            .unwrap_or_else(|| panic!("the role is cut, the name kept at {width}:\n{shown}"));
        // At 60 columns the org pane is 28 wide: the name is kept, the date cut after it.
        if width != 60 {
            assert!(
                row.contains("2016-09-19"),
                "the date is kept at {width}:\n{shown}"
            );
        }
        assert_snapshot!(format!("org_tree_{width}x{height}_narrow_role"), shown);
    }
}

#[test]
fn counterparties_stay_out_of_alibabas_tree() {
    use ali_timeline::store::model::UnitKind;
    let t = ali_timeline::timeline::load_bundled().expect("the bundled store loads");
    let mut app = App::new(&t, 120, 40);
    press(&mut app, KeyCode::End);
    let day = app.org_day().expect("an event is selected");
    let outside = ali_timeline::org::counterparties(&t, day);
    assert!(
        !outside.nodes.is_empty(),
        "the store has counterparties on {day}"
    );
    for line in app.org_lines().iter() {
        if let OrgItem::Unit(unit) = line.item {
            assert_ne!(
                t.unit_at(unit).kind,
                UnitKind::External,
                "{}",
                t.unit_id(unit)
            );
        }
    }
}

#[test]
fn a_click_on_a_fold_sign_folds_and_a_click_on_the_name_selects() {
    use ali_timeline::tui::action::Action;
    use ali_timeline::tui::update::update;
    let t = mini();
    let mut app = org_at(&t, 120, 40, "dme-founded");
    let unit = t.ids().unit("ali-music").unwrap();
    // The cell of the sign before Ali Music's name, found on screen.
    let buffer = draw(&app);
    let area = buffer.area;
    let (column, row) = (area.top()..area.bottom())
        .find_map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            let at = row.find("▾ Ali Music")?;
            Some((u16::try_from(row[..at].chars().count()).ok()?, y))
        })
        .expect("Ali Music is drawn open");
    update(
        &mut app,
        Action::Click {
            column: column + 2,
            row,
        },
    );
    assert!(
        app.org_folded.is_empty(),
        "a click on the name only selects"
    );
    assert_eq!(app.org_lines()[app.org_cursor].item, OrgItem::Unit(unit));
    update(&mut app, Action::Click { column, row });
    assert!(app.org_folded.contains(&unit));
    assert!(screen(&app).contains("▸ Ali Music"));
    update(&mut app, Action::Click { column, row });
    assert!(app.org_folded.is_empty(), "a second click unfolds");
}
