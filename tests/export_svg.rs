//! `export --format svg`: one self-contained SVG picture of the selected events. It is read by an
//! XML parser (roxmltree) and rendered to pixels by a real SVG renderer (resvg); it holds every
//! year of its span and every selected title (as a `<title>` tooltip, labels may be thinned);
//! hostile text stays text; nothing is fetched from outside.

mod common;
mod export_support;

use ali_timeline::export::{Format, Selection};
use ali_timeline::timeline::{self, Timeline};
use chrono::Datelike;
use resvg::{tiny_skia, usvg};

use common::bin;
use export_support::{export, load, raw_hidden};

fn bundled() -> Timeline {
    timeline::load(None).expect("the bundled store loads")
}

/// The texts of every element named `name` in `svg`.
fn texts(doc: &roxmltree::Document, name: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name(name))
        .map(|n| {
            n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// Checks `selection`'s SVG: it parses, has every year from the first to the last selected event
/// as an axis label, every selected title in a tooltip, no script and no outside reference.
fn check(selection: &Selection) -> String {
    let svg = export(Format::Svg, selection);
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("XML: {e}\n{svg}"));
    assert!(doc.root_element().has_tag_name("svg"), "{svg}");
    let labels = texts(&doc, "text");
    let years: Vec<i32> = selection.events().map(|e| e.date.start().year()).collect();
    let (first, last) = (*years.iter().min().unwrap(), *years.iter().max().unwrap());
    for year in first..=last {
        assert!(labels.contains(&year.to_string()), "year {year} missing");
    }
    let tips = texts(&doc, "title");
    for event in selection.events() {
        assert!(
            tips.iter().any(|t| t.contains(event.title.trim())),
            "no tooltip for {:?}",
            event.title
        );
    }
    for node in doc.descendants() {
        assert!(
            !node.has_tag_name("script") && !node.has_tag_name("image"),
            "{svg}"
        );
        assert!(
            !node.has_tag_name("style") && !node.has_tag_name("foreignObject"),
            "{svg}"
        );
        for attr in node.attributes() {
            assert!(attr.name() != "href", "no link: {svg}");
            assert!(
                !attr.value().contains("url("),
                "no outside reference: {svg}"
            );
        }
    }
    svg
}

/// Renders `svg` with resvg and returns how many pixels are not white.
fn inked_pixels(svg: &str) -> usize {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("resvg reads it");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).expect("a size");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .pixels()
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue()) != (255, 255, 255))
        .count()
}

#[test]
fn the_whole_bundled_store_has_every_year_and_title_and_renders_to_pixels() {
    let timeline = bundled();
    let selection = Selection::all(&timeline);
    let svg = check(&selection);
    let labels = svg.matches("class=\"label\"").count();
    assert!(
        labels > 0 && labels < selection.len(),
        "labels thinned: {labels}"
    );
    assert!(inked_pixels(&svg) > 2_000, "the picture is not blank");
}

/// Labels in one lane (same `y`) never overlap: each starts after the previous one ends, its
/// width estimated generously at 6.6 px a column (CJK characters are two) of an 11 px sans-serif
/// font.
#[test]
fn labels_in_a_lane_do_not_overlap() {
    let timeline = bundled();
    let svg = export(Format::Svg, &Selection::all(&timeline));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let mut rows: std::collections::BTreeMap<String, Vec<(f64, usize)>> = Default::default();
    for node in doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("label"))
    {
        let x: f64 = node.attribute("x").unwrap().parse().unwrap();
        let chars = ali_timeline::text::width(node.text().unwrap_or(""));
        rows.entry(node.attribute("y").unwrap().to_string())
            .or_default()
            .push((x, chars));
    }
    assert!(rows.len() > 1, "labels in several lanes");
    for (y, mut row) in rows {
        row.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in row.windows(2) {
            let end = pair[0].0 + 6.6 * pair[0].1 as f64;
            assert!(pair[1].0 >= end, "labels overlap at y={y}: {pair:?}");
        }
    }
}

#[test]
fn a_query_selects_the_events_drawn() {
    let timeline = bundled();
    let selection = Selection::matching(&timeline, Some("xiami")).unwrap();
    let svg = check(&selection);
    assert_eq!(svg.matches("class=\"event\"").count(), selection.len());
    assert!(inked_pixels(&svg) > 500);
}

#[test]
fn hostile_text_stays_text() {
    let title = "Evil </text><script>alert(1)</script> \u{1b}[31m & \"q\" \u{ffff}";
    let store = format!(
        "Store(sources: [Source(id: \"s\", seed: \"001\")], events: [Event(id: \"e\", \
         date: \"2015-07\", title: {title:?}, summary: \"x\", kind: launch, sources: [\"s\"])])"
    );
    let timeline = load(&store);
    let svg = export(Format::Svg, &Selection::all(&timeline));
    assert_eq!(raw_hidden(&svg), None);
    assert!(svg.contains("&lt;/text&gt;&lt;script&gt;"), "{svg}");
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("XML: {e}\n{svg}"));
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("script")),
        "{svg}"
    );
    let tips = texts(&doc, "title");
    assert!(
        tips.iter()
            .any(|t| t.contains("Evil </text><script>alert(1)</script> <U+001B>[31m & \"q\"")),
        "{tips:?}"
    );
    assert!(inked_pixels(&svg) > 0);
}

#[test]
fn export_format_svg_writes_the_picture_on_the_command_line() {
    let out = bin()
        .args(["export", "--format", "svg", "--query", "xiami"])
        .assert()
        .success();
    let svg = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    roxmltree::Document::parse(&svg).expect("well-formed XML");
}

/// The elements of `doc` whose `class` attribute holds the word `class`.
fn of_class<'a>(doc: &'a roxmltree::Document, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|w| w == class))
        })
        .collect()
}

/// The tooltip of a `<g>`: the text of its `<title>`.
fn tip(group: &roxmltree::Node) -> String {
    group
        .children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_string()
}

fn number(node: &roxmltree::Node, name: &str) -> f64 {
    node.attribute(name).unwrap().parse().unwrap()
}

/// Each `label_class` text inside a `<g>` stays inside the `shape_class` rect of that group
/// (its width estimated at 6.6 px a column, as the writer does).
fn labels_fit(doc: &roxmltree::Document, group_class: &str, shape: &str, label: &str) -> usize {
    let mut labels = 0;
    for group in of_class(doc, group_class) {
        let rect = group
            .children()
            .find(|c| c.attribute("class") == Some(shape))
            .expect("a shape in each group");
        if let Some(text) = group
            .children()
            .find(|c| c.attribute("class") == Some(label))
        {
            labels += 1;
            let columns = ali_timeline::text::width(text.text().unwrap_or(""));
            let (x, right) = (
                number(&text, "x"),
                number(&rect, "x") + number(&rect, "width"),
            );
            assert!(
                x >= number(&rect, "x") && x + 6.6 * columns as f64 <= right + 0.01,
                "{label} {:?} runs out of its {shape}",
                text.text()
            );
        }
    }
    labels
}

#[test]
fn eras_are_bands_with_their_titles_inside_and_in_tooltips() {
    let timeline = bundled();
    let svg = check(&Selection::all(&timeline));
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bands = of_class(&doc, "era");
    assert_eq!(bands.len(), timeline.eras().len());
    for era in timeline.eras() {
        assert!(
            bands.iter().any(|b| tip(b).starts_with(&era.era.title)),
            "no band for {}",
            era.era.title
        );
    }
    assert!(labels_fit(&doc, "era", "era-band", "era-label") > 0);
    assert!(inked_pixels(&svg) > 2_000);
}

#[test]
fn a_query_draws_only_the_eras_it_overlaps() {
    let timeline = bundled();
    let selection = Selection::matching(&timeline, Some("era:gao-and-song")).unwrap();
    let svg = check(&selection);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let tips: Vec<String> = of_class(&doc, "era").iter().map(tip).collect();
    assert!(
        tips.iter()
            .any(|t| t.starts_with("Ali Music under Gao Xiaosong and Song Ke"))
    );
    assert!(
        !tips
            .iter()
            .any(|t| t.starts_with("Xiami and TTPod join Alibaba")),
        "{tips:?}"
    );
    assert!(
        !tips
            .iter()
            .any(|t| t.starts_with("DME under rotating presidents")),
        "{tips:?}"
    );
}

#[test]
fn the_roles_of_the_people_involved_are_bars_that_say_how_they_end() {
    let timeline = bundled();
    let selection = Selection::matching(&timeline, Some("@2015..2017")).unwrap();
    let svg = check(&selection);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let bars = of_class(&doc, "tenure");
    let tips: Vec<String> = bars.iter().map(tip).collect();
    // A role with a sourced end, from the store's replayed history.
    let gao = "Gao Xiaosong — chairman at Ali Music (阿里音乐): 2015-07-15 – 2016-09-19";
    assert!(tips.iter().any(|t| t == gao), "{tips:#?}");
    // Every person named by a selected event who held a role in the span has a row.
    let names = texts(&doc, "text");
    for person in ["Gao Xiaosong", "Song Ke", "Yu Yongfu", "Yang Weidong"] {
        assert!(names.iter().any(|n| n == person), "{person} has no row");
    }
    // A role no source ends is drawn to its last record with a dashed stub, and says so.
    let last = of_class(&doc, "last-recorded");
    assert!(!last.is_empty());
    for group in &last {
        assert!(tip(group).contains("last recorded"), "{}", tip(group));
        assert!(
            group
                .children()
                .any(|c| c.attribute("class") == Some("unsourced-end")
                    && c.attribute("stroke-dasharray").is_some()),
            "dashed end: {}",
            tip(group)
        );
    }
    for group in bars
        .iter()
        .filter(|g| !g.attribute("class").unwrap().contains("last-recorded"))
    {
        assert!(!tip(group).contains("last recorded"), "{}", tip(group));
    }
    assert!(labels_fit(&doc, "tenure", "bar", "tenure-label") > 0);
}

#[test]
fn hostile_era_titles_and_names_stay_text() {
    let evil = "</text><script>alert(1)</script>";
    let store = format!(
        "Store(people: [Person(id: \"p\", name: {evil:?})], units: [Unit(id: \"u\", name: \"U\", kind: company)], \
         sources: [Source(id: \"s\", seed: \"001\")], events: [\
         Event(id: \"a\", date: \"2015-07\", title: \"A\", summary: \"x\", kind: founding, people: [\"p\"], \
         units: [\"u\"], sources: [\"s\"], effects: [Found(unit: \"u\"), StartRole(person: \"p\", unit: \"u\", role: {evil:?})]), \
         Event(id: \"b\", date: \"2016-07\", title: \"B\", summary: \"x\", kind: launch, people: [\"p\"], sources: [\"s\"])], \
         eras: [Era(id: \"e\", title: {evil:?}, start_event: \"a\", end_event: \"b\", note: {evil:?})])"
    );
    let timeline = load(&store);
    let svg = check(&Selection::all(&timeline));
    assert!(!svg.contains("<script"), "{svg}");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert!(
        of_class(&doc, "era")
            .iter()
            .any(|b| tip(b).starts_with(evil))
    );
    assert!(
        of_class(&doc, "open")
            .iter()
            .any(|b| tip(b).starts_with(evil))
    );
    assert!(texts(&doc, "text").iter().any(|t| t.starts_with("</text>")));
    assert!(inked_pixels(&svg) > 0);
}

/// The README's picture is the SVG export of 2015–2017 of the bundled store as it is now;
/// `README_UPDATE=1 cargo test --test export_svg` rewrites it.
#[test]
fn the_readme_picture_is_up_to_date() {
    let timeline = bundled();
    let selection = Selection::matching(&timeline, Some("@2015..2017")).unwrap();
    let svg = export(Format::Svg, &selection);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/export-2015-2017.svg");
    if std::env::var_os("README_UPDATE").is_some() {
        std::fs::write(&path, &svg).expect("the picture is written");
    }
    let committed = std::fs::read_to_string(&path).expect("the picture is committed");
    assert!(
        committed == svg,
        "assets/export-2015-2017.svg is out of date: run \
         `cargo run -- export --format svg --query '@2015..2017' -o assets/export-2015-2017.svg --force`"
    );
    assert!(inked_pixels(&committed) > 2_000);
}
