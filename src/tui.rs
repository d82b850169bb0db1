//! The terminal app: a loop that draws the state, waits for one terminal event (or for search
//! results), maps it to an action through the keymap and applies it with the one update function.
//!
//! - [`app`]: the state; [`action`]: what the user can ask for; [`keymap`]: keys → actions;
//!   [`update`]: actions → state; [`view`]: state → screen; [`layout`]: where things go;
//!   [`org_lines`]: the org chart as lines with what an event changed marked ([`org_fold`]: with
//!   folded units' lines left out); [`derived`]: what
//!   the views need, worked out by the update when the state it depends on changes rather than
//!   on every frame; [`detail_doc`] and [`help_text`]: the detail and help text laid out, for
//!   the update (to scroll) and the views (to draw); [`theme`] and [`spans`]: styles and styled
//!   text, for both; [`searcher`]: searching on a worker thread, so typing never waits for the
//!   matcher; [`export_dialog`]: the export dialog's state; [`line_input`]: the line editor every
//!   input uses; [`search_history`] and [`saved_picker`]: the search history and the saved
//!   queries' state; [`task`]: what the update asks the loop to do outside the state (a search,
//!   handed to the searcher; writing an export, between two frames; reading and writing the
//!   history and the saved queries, at once).
//!
//! Layers point one way: `update` reads the state and the modules below it, never `view`.
//!
//! The terminal is restored on quit, on error and on panic (ratatui's panic hook, plus one here
//! that also turns mouse capture off): [`init`] and [`restore`].

pub mod action;
pub mod app;
pub mod axis;
pub mod derived;
pub mod detail_doc;
pub mod export_dialog;
pub mod help_text;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod line_input;
pub mod org_fold;
pub mod org_lines;
pub mod saved_picker;
pub mod search_history;
pub mod searcher;
pub mod spans;
pub mod task;
pub mod tenure;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{IsTerminal, Write};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;

use crate::config;
use crate::error::Error;
use crate::timeline::Timeline;
use app::App;
use keymap::{Context, action_for_event};
use searcher::{Searched, Searcher};
use task::{Task, TaskOutcome};
use theme::{Palette, Theme};

/// How long the loop waits for search results before looking at the terminal again.
const RESULTS_WAIT: Duration = Duration::from_millis(4);

/// The shortest wait when asking whether input is pending. Not zero: crossterm's `/dev/tty`
/// source does not look at events it has already parsed when asked with a zero timeout
/// (crossterm#839), so a zero poll can miss keys that have arrived.
const POLL_TICK: Duration = Duration::from_millis(1);

/// How long the loop goes on applying input that has already arrived before drawing again: a
/// burst (a paste, a held key, a spun wheel) is read to its end without a frame per event, and
/// the screen still moves while a flood lasts.
const DRAIN_BUDGET: Duration = Duration::from_millis(25);

/// Runs the terminal app on `timeline`, in `palette`'s colours, until the user quits.
///
/// # Errors
/// [`Error::NotATerminal`] when stdin or stdout is not a terminal; [`Error::Terminal`] when the terminal
/// fails. The terminal is restored before returning either way.
pub fn run(timeline: &Timeline, palette: Palette) -> Result<(), Error> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::NotATerminal);
    }
    let mut terminal = init()?;
    let result = std::thread::scope(|scope| {
        let searcher = Searcher::start(scope, timeline);
        // Leaving the scope stops the searcher, after the search it may be running.
        run_loop(&mut terminal, timeline, &searcher, palette)
    });
    restore();
    result.map_err(terminal_error)
}

/// An I/O error while running is the terminal's.
fn terminal_error(error: Error) -> Error {
    match error {
        Error::Io(e) => Error::Terminal(e),
        other => other,
    }
}

/// Sets the terminal up for the app — raw mode, the alternate screen, mouse capture — and
/// installs a panic hook that puts it back (mouse released, cursor shown, main screen, cooked
/// mode) before the panic message is printed. Undo with [`restore`].
/// `examples/panic_restore.rs` shows the hook at work (and a test runs it in a pseudo-terminal).
///
/// # Errors
/// [`Error::Terminal`] when the terminal cannot be set up; what was set up is undone first.
pub fn init() -> Result<DefaultTerminal, Error> {
    let terminal = ratatui::try_init()
        .inspect_err(|_| ratatui::restore())
        .map_err(Error::Terminal)?;
    crate::cleanup::set_terminal_restore(Some(give_back));
    install_mouse_release_hook();
    if let Err(error) = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste) {
        restore();
        return Err(Error::Terminal(error));
    }
    Ok(terminal)
}

/// Puts the terminal back as [`init`] found it: mouse released, bracketed paste off, main screen,
/// cursor shown, cooked mode. Errors are ignored: nothing more can be done about them while
/// restoring.
pub fn restore() {
    crate::cleanup::set_terminal_restore(None);
    give_back();
}

/// The restoring itself, also run by the signal handler (see [`crate::cleanup`]), which stops
/// the process without dropping the terminal, so the cursor is shown here too.
fn give_back() {
    release_mouse();
    let _ = execute!(std::io::stdout(), Show);
    ratatui::restore();
}

/// What the loop waits for.
enum Input {
    /// Something from the terminal.
    Terminal(Event),
    /// Results from the background searcher.
    Searched(Searched),
}

/// Draw, wait, map, update, until the state says stop. A task the update asks for is carried
/// out after a frame showing it is under way, and its outcome applied before the next.
fn run_loop(
    terminal: &mut DefaultTerminal,
    timeline: &Timeline,
    searcher: &Searcher,
    palette: Palette,
) -> Result<(), Error> {
    let size = terminal.size()?;
    let mut app = App::new(timeline, size.width, size.height);
    app.theme = Theme::from_env().with_palette(palette);
    read_user_files(&mut app);
    update::refresh(&mut app);
    while app.running {
        terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
        match next_input(&app, searcher)? {
            Input::Terminal(event) => apply(terminal, &mut app, &event, searcher)?,
            Input::Searched(done) => update::finished(&mut app, TaskOutcome::Searched(done)),
        }
        // Everything else that has arrived is applied before the next frame.
        let deadline = Instant::now() + DRAIN_BUDGET;
        while app.running && Instant::now() < deadline && event::poll(POLL_TICK)? {
            let event = event::read()?;
            apply(terminal, &mut app, &event, searcher)?;
        }
    }
    Ok(())
}

/// Applies one terminal event; a task it asks for is carried out after a frame showing it is
/// under way. Keys pressed meanwhile are dropped, so they cannot act on what the task left on
/// screen (a dialog's question, say); a resize is kept.
fn apply(
    terminal: &mut DefaultTerminal,
    app: &mut App<'_>,
    event: &Event,
    searcher: &Searcher,
) -> Result<(), Error> {
    if let Some(task) = handle_event(app, event, searcher) {
        terminal.draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))?;
        task::run(app, task);
        // What was typed during the task is already queued; bounded, so that a mouse moved on and
        // on cannot keep the loop here.
        let deadline = Instant::now() + DRAIN_BUDGET;
        while Instant::now() < deadline && event::poll(POLL_TICK)? {
            if let resize @ Event::Resize(..) = event::read()? {
                handle_event(app, &resize, searcher);
            }
        }
    }
    Ok(())
}

/// Reads the search history from the user's state folder and the saved queries from the config
/// folder, where they are kept.
fn read_user_files(app: &mut App<'_>) {
    let path = config::dirs::state_dir().map(|dir| dir.join(search_history::FILE_NAME));
    app.history = search_history::SearchHistory::at(path.clone());
    if let Some(path) = path {
        task::run(app, Task::ReadHistory(path));
    }
    if let Some(path) = crate::saved::path() {
        task::run(app, Task::ReadSaved(path));
    }
}

/// The next terminal event; while a search runs, whichever comes first of a terminal event and
/// its results (the loop keeps drawing and taking keys meanwhile).
fn next_input(app: &App<'_>, searcher: &Searcher) -> Result<Input, Error> {
    while app.search_pending() {
        if event::poll(POLL_TICK)? {
            break;
        }
        match searcher.wait_results(RESULTS_WAIT) {
            Ok(done) => return Ok(Input::Searched(done)),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Ok(Input::Terminal(event::read()?))
}

/// Applies one terminal event as the run loop does: through the keymap to an action, through
/// the update to the state (a paste goes straight to the update). A search the update asks for
/// is handed to `searcher` (or performed here if its worker is gone); reading or writing the
/// search history or the saved queries is performed here; any other task (an export) is
/// returned for the loop to perform.
pub fn handle_event(app: &mut App<'_>, event: &Event, searcher: &Searcher) -> Option<Task> {
    let task = if let Event::Paste(text) = event {
        update::paste(app, text)
    } else {
        action_for_event(Context::of(&app.mode), event)
            .and_then(|action| update::update(app, action))
    };
    match task? {
        Task::Search(query) => {
            if let Err(query) = searcher.ask(query) {
                task::run(app, Task::Search(query));
            }
            None
        }
        // Small files of the user's (the history, the saved queries): written at once, so no
        // frame is spent on them and no key typed meanwhile is dropped.
        small @ (Task::ReadHistory(_)
        | Task::SaveHistory { .. }
        | Task::ReadSaved(_)
        | Task::WriteSaved { .. }) => {
            task::run(app, small);
            None
        }
        other => Some(other),
    }
}

/// Turns mouse capture off (errors ignored: this runs while restoring, when nothing else can be
/// done about them).
fn release_mouse() {
    let mut out = std::io::stdout();
    let _ = execute!(out, DisableMouseCapture, DisableBracketedPaste);
    let _ = out.flush();
}

/// Chains a panic hook that releases the mouse and shows the cursor before ratatui's hook leaves
/// the alternate screen and raw mode and prints the panic.
fn install_mouse_release_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        release_mouse();
        let _ = execute!(std::io::stdout(), Show);
        previous(info);
    }));
}
