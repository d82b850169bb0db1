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
//!   matcher; [`export_dialog`]: the export dialog's state; [`exporter`]: writing an export on
//!   a worker thread, with progress and cancel; [`line_input`]: the line editor every input
//!   uses; [`search_history`] and [`saved_picker`]: the search history and the saved queries'
//!   state; [`task`]: what the update asks the loop to do outside the state (a search, handed to
//!   the searcher; an export, handed to an exporter; reading and writing the history and the
//!   saved queries, at once).
//!
//! Layers point one way: `update` reads the state and the modules below it, never `view`.
//!
//! The terminal is restored on quit, on error and on panic (ratatui's panic hook, plus one here
//! that also turns mouse capture off): [`init`] and [`restore`].

pub mod action;
pub mod app;
pub mod axis;
pub mod browser;
pub mod derived;
pub mod detail_doc;
pub mod export_dialog;
pub mod exporter;
pub mod help_text;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod line_input;
pub mod links;
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
use std::thread::Scope;
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
use crate::timeline::{Searchable, Timeline};
use app::App;
use export_dialog::ExportOutcome;
use exporter::Exporter;
use keymap::{Context, action_for_event};
use searcher::{Searched, Searcher};
use task::{Task, TaskOutcome};
use theme::{Palette, Theme};

/// How long the loop waits for search results before looking at the terminal again.
const RESULTS_WAIT: Duration = Duration::from_millis(4);

/// How often the export dialog's progress is drawn again while an export is written.
const PROGRESS_EVERY: Duration = Duration::from_millis(50);

/// The shortest wait when asking whether input is pending. Not zero: crossterm's `/dev/tty`
/// source does not look at events it has already parsed when asked with a zero timeout
/// (crossterm#839), so a zero poll can miss keys that have arrived.
const POLL_TICK: Duration = Duration::from_millis(1);

/// How often the loop, idle, checks that its terminal is still there (crossterm's reader spins
/// on a terminal that has hung up: it is asked for at most this long at a time).
const IDLE_CHECK: Duration = Duration::from_millis(250);

/// How long the loop goes on applying input that has already arrived before drawing again: a
/// burst (a paste, a held key, a spun wheel) is read to its end without a frame per event, and
/// the screen still moves while a flood lasts.
const DRAIN_BUDGET: Duration = Duration::from_millis(25);

/// Runs the terminal app, in `palette`'s colours, until the user quits, on the timeline `load`
/// gives. When the store has a search index, `preview` (the index and the store's name) is drawn
/// first, while `load` runs: a large store's first frame comes at once. `meanwhile` runs on a
/// worker thread once the store is loaded (to write the index a next launch will preview).
///
/// # Errors
/// [`Error::NotATerminal`] when stdin or stdout is not a terminal; [`Error::Terminal`] when the terminal
/// fails; what `load` fails with. The terminal is restored before returning either way.
pub fn run<S: Searchable>(
    preview: Option<(&S, &str)>,
    load: impl FnOnce() -> Result<Timeline, Error>,
    meanwhile: impl FnOnce(&Timeline) + Send,
    palette: Palette,
) -> Result<(), Error> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        // A store that does not load says so first, as it would with a terminal.
        load()?;
        return Err(Error::NotATerminal);
    }
    let mut terminal = init()?;
    let theme = Theme::from_env().with_palette(palette);
    if let Some((store, name)) = preview {
        let drawn = terminal.draw(|frame| {
            view::preview::render(store, name, theme, frame.area(), frame.buffer_mut());
        });
        if let Err(error) = drawn {
            restore();
            return Err(Error::Terminal(error));
        }
    }
    let timeline = match load() {
        Ok(timeline) => timeline,
        Err(error) => {
            restore();
            return Err(error);
        }
    };
    let result = std::thread::scope(|scope| {
        let timeline = &timeline;
        scope.spawn(move || meanwhile(timeline));
        let mut jobs = Jobs {
            scope,
            timeline,
            searcher: Searcher::start(scope, timeline),
            export: None,
        };
        let result = run_loop(&mut terminal, &mut jobs, theme);
        // The terminal is given back at once; leaving the scope then stops the searcher, after
        // the search it may be running, waits for an export to stop (dropping it cancels it,
        // which removes its temporary file) and for `meanwhile` to finish.
        restore();
        result
    });
    // The process ends soon: the OS takes the memory back at once (see `cli::with_store`).
    std::mem::forget(timeline);
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
    // Errors ignored, not printed: this also runs on a hangup, when the terminal is gone and
    // printing to it would fail.
    let _ = ratatui::try_restore();
}

/// What the loop waits for.
enum Input {
    /// Something from the terminal.
    Terminal(Event),
    /// Results from the background searcher.
    Searched(Searched),
    /// What came of the export written in the background.
    Exported(ExportOutcome),
    /// Time to draw the export's progress again.
    Tick,
}

/// The workers the loop hands tasks to: the searcher, and the export being written, if any.
struct Jobs<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    timeline: &'scope Timeline,
    searcher: Searcher,
    export: Option<Exporter>,
}

/// Draw, wait, map, update, until the state says stop. An export the update asks for is written
/// on a worker thread; its progress is passed on between frames and its outcome when it comes.
fn run_loop(
    terminal: &mut DefaultTerminal,
    jobs: &mut Jobs<'_, '_>,
    theme: Theme,
) -> Result<(), Error> {
    let size = terminal.size()?;
    let mut app = App::new(jobs.timeline, size.width, size.height);
    app.theme = theme;
    read_user_files(&mut app);
    update::refresh(&mut app);
    while app.running {
        if let Some(export) = &jobs.export {
            update::finished(&mut app, TaskOutcome::ExportProgress(export.progress()));
        }
        terminal.draw(|frame| view::render(&app, frame.area(), frame.buffer_mut()))?;
        match next_input(&app, jobs)? {
            Input::Terminal(event) => apply(&mut app, &event, jobs),
            Input::Searched(done) => update::finished(&mut app, TaskOutcome::Searched(done)),
            Input::Exported(outcome) => {
                jobs.export = None;
                update::finished(&mut app, TaskOutcome::Export(outcome));
            }
            Input::Tick => {}
        }
        // Everything else that has arrived is applied before the next frame.
        let deadline = Instant::now() + DRAIN_BUDGET;
        while app.running && Instant::now() < deadline && event::poll(POLL_TICK)? {
            let event = event::read()?;
            apply(&mut app, &event, jobs);
        }
    }
    Ok(())
}

/// Applies one terminal event; an export it asks for is started on a worker thread (unless one
/// is under way: the dialog asks for no second one), a cancel is passed on to it.
fn apply(app: &mut App<'_>, event: &Event, jobs: &mut Jobs<'_, '_>) {
    match handle_event(app, event, &jobs.searcher) {
        Some(Task::Export(request)) if jobs.export.is_none() => {
            jobs.export = Some(Exporter::start(jobs.scope, jobs.timeline, request));
        }
        Some(Task::CancelExport) => {
            if let Some(export) = &jobs.export {
                export.cancel();
            }
        }
        // Opening and copying take no time: done here, between two frames.
        Some(task @ (Task::Open(_) | Task::Copy { .. })) => task::run(app, task),
        _ => {}
    }
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

/// The next thing to act on: a terminal event; while a search runs, whichever comes first of a
/// terminal event and its results; while an export is written, a terminal event, its outcome, or
/// a tick to draw its progress (the loop keeps drawing and taking keys meanwhile).
fn next_input(app: &App<'_>, jobs: &Jobs<'_, '_>) -> Result<Input, Error> {
    let tick = Instant::now() + PROGRESS_EVERY;
    loop {
        if event::poll(POLL_TICK)? {
            break;
        }
        if let Some(export) = &jobs.export {
            match export.wait_outcome(if app.search_pending() {
                Duration::ZERO
            } else {
                RESULTS_WAIT
            }) {
                Ok(outcome) => return Ok(Input::Exported(outcome)),
                Err(_) if Instant::now() >= tick => return Ok(Input::Tick),
                Err(_) => {}
            }
        }
        if app.search_pending() {
            match jobs.searcher.wait_results(RESULTS_WAIT) {
                Ok(done) => return Ok(Input::Searched(done)),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) if jobs.export.is_some() => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else if jobs.export.is_none() {
            break;
        }
    }
    // Waiting for a key: in steps, so that a terminal that has gone away (a closed window
    // whose hangup signal never came) ends the app instead of keeping it waiting for ever.
    while !event::poll(IDLE_CHECK)? {
        if !std::io::stdin().is_terminal() {
            return Err(Error::Io(std::io::ErrorKind::BrokenPipe.into()));
        }
    }
    Ok(Input::Terminal(event::read()?))
}

/// Applies one terminal event as the run loop does: through the keymap to an action, through
/// the update to the state (a paste goes straight to the update). A search the update asks for
/// is handed to `searcher` (or performed here if its worker is gone); reading or writing the
/// search history or the saved queries is performed here; any other task (an export, or
/// cancelling it, opening or copying) is returned for the loop to hand on.
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
