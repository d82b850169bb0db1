//! The search explains itself: while an atom is being typed (`gao @`, `@20`, `kind:`) the last
//! good results stay listed and the problem shows quietly under the input; and each result says
//! where it matched (title, summary, a tag, a person or unit it names, a name, a role).

mod tui_support;

use ali_timeline::query::{Found, Query, Target, search};
use ali_timeline::tui::app::{App, Mode, Search};
use ali_timeline::tui::update::paste;
use ratatui::crossterm::event::KeyCode;
use tui_support::{mini, person, press, screen, type_keys};

fn search_state<'a>(app: &'a App<'_>) -> &'a Search {
    match &app.mode {
        Mode::Search(search) => search,
        _ => panic!("the search is open"),
    }
}

#[test]
fn an_atom_being_typed_keeps_the_last_good_results() {
    let t = mini();
    for (good, more) in [("gao", " @"), ("gao", " @20"), ("xiami", " kind:")] {
        let mut app = App::new(&t, 100, 30);
        type_keys(&mut app, &format!("/{good}"));
        let before = search_state(&app).hits.clone();
        assert!(!before.is_empty(), "{good} finds something");
        // Pasted, so that no shorter valid query (`xiami kind`) comes between.
        paste(&mut app, more);
        let search = search_state(&app);
        assert!(search.error.is_some(), "{good}{more} is not a query yet");
        assert_eq!(search.hits, before, "{good}{more}: the results stay");
        let text = screen(&app);
        assert!(text.contains(&before[0].label), "still listed: {text}");
        assert!(text.contains("^ "), "the problem is pointed at: {text}");
    }
}

#[test]
fn finishing_the_atom_brings_its_own_results() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    type_keys(&mut app, "/gao @20");
    type_keys(&mut app, "18");
    let search = search_state(&app);
    assert_eq!(search.error, None);
    let expected = search_query(&t, "gao @2018");
    assert_eq!(search.hits, expected);
    (0..5).for_each(|_| press(&mut app, KeyCode::Backspace));
    type_keys(&mut app, "x");
    assert_eq!(search_state(&app).text(), "gao x");
    assert_eq!(search_state(&app).hits, search_query(&t, "gao x"));
}

fn search_query(t: &ali_timeline::Timeline, text: &str) -> Vec<ali_timeline::query::Hit> {
    search(
        t,
        &Query::parse(text).expect("a query"),
        ali_timeline::tui::searcher::SEARCH_LIMIT,
    )
}

#[test]
fn each_result_says_where_it_matched() {
    let t = mini();
    let hit = |query: &str, target: Target| {
        search_query(&t, query)
            .into_iter()
            .find(|h| h.target == target)
            .unwrap_or_else(|| panic!("{query} finds {target:?}"))
    };
    let ev = |id: &str| Target::Event(t.event_index(id).expect("the event"));
    let gao = person(&t, "gao-xiaosong");
    let ali_music = t.ids().unit("ali-music").expect("the unit");

    assert_eq!(
        hit("'streaming", ev("xiami-acquired")).found,
        [Found::Summary]
    );
    assert_eq!(hit("'acquires", ev("xiami-acquired")).found, [Found::Title]);
    assert_eq!(
        hit("'acquires xiami", ev("xiami-acquired")).found,
        [
            Found::Title,
            Found::Unit(t.ids().unit("xiami").expect("the unit"))
        ],
        "two atoms: the title and the unit it names"
    );
    assert!(
        hit("gao", ev("dme-reshuffle"))
            .found
            .contains(&Found::Person(gao)),
        "an event naming Gao Xiaosong"
    );
    assert_eq!(hit("gao", Target::Person(gao)).found, [Found::Name]);
    assert!(
        hit("person:gao", Target::Unit(ali_music))
            .found
            .contains(&Found::Person(gao)),
        "a unit where he held a role"
    );
    assert!(
        hit("kind:acq", ev("xiami-acquired")).found.is_empty(),
        "a kind is no place"
    );
}

#[test]
fn the_result_line_shows_where_it_matched() {
    let t = mini();
    let mut app = App::new(&t, 100, 30);
    type_keys(&mut app, "/'streaming");
    let text = screen(&app);
    let line = text
        .lines()
        .find(|l| l.contains("Alibaba acquires Xiami"))
        .unwrap_or_else(|| panic!("listed: {text}"));
    assert!(
        line.contains(" summary│"),
        "at the end of the result: {line}"
    );
}
