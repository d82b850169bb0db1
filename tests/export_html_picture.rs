//! The HTML export carries the SVG picture at its top: the same picture as `--format svg` of the
//! same selection, inline, well-formed, before the first year's section; none for no events.

mod export_support;

use ali_timeline::export::{Format, Selection};
use ali_timeline::timeline;
use export_support::{export, mini};

/// The inline `<svg>…</svg>` of an HTML page.
fn inline_svg(html: &str) -> &str {
    let start = html.find("<svg").expect("an inline picture");
    let end = html.find("</svg>").expect("the picture ends") + "</svg>".len();
    &html[start..end]
}

#[test]
fn the_page_opens_with_the_svg_picture_of_its_selection() {
    let bundled = timeline::load(None).expect("the bundled store loads");
    for (timeline, query) in [(&bundled, Some("@2015..2017")), (&mini(), None)] {
        let selection = Selection::matching(timeline, query).unwrap();
        let html = export(Format::Html, &selection);
        let picture = inline_svg(&html);
        assert_eq!(picture, export(Format::Svg, &selection).trim_end());
        assert_eq!(html.matches("<svg").count(), 1);
        assert!(html.find("<svg").unwrap() < html.find("<section>").unwrap());
        assert!(html.find("</header>").unwrap() < html.find("<svg").unwrap());
        let doc = roxmltree::Document::parse(picture).expect("well-formed XML");
        assert!(
            doc.descendants()
                .any(|n| n.attribute("class") == Some("era") || n.has_tag_name("circle")),
            "the picture has marks"
        );
    }
}

#[test]
fn a_page_of_no_events_has_no_picture() {
    let timeline = mini();
    let empty = Selection::new(&timeline, vec![], Some("nothing".into()));
    assert!(!export(Format::Html, &empty).contains("<svg"));
}
