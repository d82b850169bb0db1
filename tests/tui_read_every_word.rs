//! Every word can be read: the detail pane wraps everything, and a web address is never broken
//! across lines (a terminal could not open it): it stands on a line of its own, cut in the middle
//! only when it is wider than the pane.

mod tui_support;

use ali_timeline::tui::app::App;
use ali_timeline::tui::spans::cut_middle;
use ali_timeline::tui::update::refresh;
use ratatui::text::Line;

fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

#[test]
fn source_addresses_keep_to_one_line_at_every_width() {
    let t = ali_timeline::timeline::load_bundled().expect("the bundled store loads");
    let mut app = App::new(&t, 120, 40);
    let (mut whole, mut cut) = (0, 0);
    for width in [30u16, 44, 60, 90] {
        for cursor in 0..app.visible.len() {
            app.cursor = cursor;
            refresh(&mut app);
            let event = app.selected_event().expect("an event");
            let lines: Vec<String> = app.detail_lines(width).iter().map(line_text).collect();
            for source in event.sources.iter().filter_map(|id| t.source(id)) {
                let Some(url) = &source.url else { continue };
                let room = usize::from(width) - 4; // indented under the citation
                if url.chars().count() <= room {
                    assert!(
                        lines.iter().any(|l| l.trim() == url),
                        "{url} whole on its own line at {width}:\n{}",
                        lines.join("\n")
                    );
                    whole += 1;
                } else {
                    let shown = cut_middle(url, room);
                    assert!(shown.contains('…'));
                    assert!(
                        lines.iter().any(|l| l.trim() == shown),
                        "{url} cut in the middle at {width}:\n{}",
                        lines.join("\n")
                    );
                    cut += 1;
                }
            }
        }
    }
    assert!(
        whole > 0 && cut > 0,
        "both cases seen: {whole} whole, {cut} cut"
    );
}

#[test]
fn cutting_in_the_middle_keeps_the_site_and_the_page() {
    let url = "https://www.example.com/news/2016/10/31/alibaba-forms-digital-media.html";
    let shown = cut_middle(url, 30);
    assert_eq!(ali_timeline::text::width(&shown), 30);
    assert!(shown.starts_with("https://www.exa"), "{shown}");
    assert!(shown.ends_with("media.html"), "{shown}");
    assert_eq!(cut_middle(url, 200), url, "whole when it fits");
}

#[test]
fn a_long_address_in_a_summary_is_not_broken_either() {
    let lines = ali_timeline::tui::spans::wrap(
        &[ratatui::text::Span::raw(
            "See https://www.example.com/a/very/long/path/that/goes/on/and/on/page.html for more.",
        )],
        30,
        0,
        0,
    );
    let text: Vec<String> = lines.iter().map(line_text).collect();
    assert_eq!(text[0], "See");
    assert!(
        text[1].starts_with("https://") && text[1].contains('…'),
        "{text:?}"
    );
    assert!(text[1].ends_with("page.html"), "{text:?}");
    assert_eq!(text[2], "for more.");
}

#[test]
fn a_wide_terminal_gives_its_extra_width_to_the_timeline_titles_first() {
    let t = tui_support::mini();
    let timeline_width = |width: u16| {
        let app = App::new(&t, width, 40);
        ali_timeline::tui::layout::app_areas(&app, app.size)
            .pane(ali_timeline::tui::app::Pane::Timeline)
            .expect("the timeline is shown")
            .inner
            .width
    };
    assert!(
        timeline_width(120) >= 58,
        "titles get more than 36 columns at 120"
    );
    assert_eq!(
        timeline_width(140) - timeline_width(120),
        20,
        "every extra column goes to the timeline"
    );
    assert_eq!(
        timeline_width(140),
        78,
        "up to 80 columns, borders included"
    );
    assert_eq!(
        timeline_width(240) - timeline_width(140),
        50,
        "then the timeline and the side panes share the extra width"
    );
    // Drawn: the longest title of the fixture is read whole at 160 columns.
    let app = App::new(&t, 160, 40);
    let text = tui_support::screen(&app);
    assert!(
        text.contains("DME reshuffle: Yang Weidong and Fan Luyuan take two units each"),
        "{text}"
    );
}
