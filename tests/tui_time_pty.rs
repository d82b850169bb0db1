//! End to end: the real binary in a pseudo-terminal opens the tenure chart with `t`, moves a
//! row, zooms, switches to the unit lifelines, closes it, jumps with `}` on the time axis, and
//! quits. Every wait polls the screen with a timeout; none sleeps blindly (see
//! `tui_support::pty`).

mod tui_support;

use tui_support::pty::{Result, Session};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");

#[test]
fn the_tenure_chart_opens_moves_zooms_and_closes_in_a_real_terminal() -> Result {
    let mut app = Session::start(&["--data", FIXTURE], 100, 30)?;
    app.wait_for_all(&["1/13", "Alibaba acquires Xiami", "2008"], &[])?;

    app.send("t")?;
    app.wait_for_all(
        &[
            "Tenure chart: people by unit",
            "1 column = 2 months",
            "Gao Xiaosong (高晓松)",
            "Tenure  1/15",
        ],
        &["Alibaba acquires Xiami"],
    )?;

    app.send("j")?;
    app.wait_for_text("Tenure  2/15")?;
    app.send("+")?;
    app.wait_for_text("1 column = 1 month")?;
    app.send("\t")?;
    app.wait_for_all(
        &["Unit lifelines", "× dissolved"],
        &["Tenure chart: people"],
    )?;

    app.send("\x1b")?;
    app.wait_for_all(&["1/13", "Alibaba acquires Xiami"], &["Unit lifelines"])?;

    // `}`: from the 2008 launch over the empty years to the first event of 2013.
    app.send("}")?;
    app.wait_for_text("2/13")?;

    app.send("q")?;
    assert_eq!(app.finish()?, 0, "screen:\n{}", app.screen());
    assert!(
        !app.parser.screen().alternate_screen(),
        "left the alternate screen"
    );
    Ok(())
}
