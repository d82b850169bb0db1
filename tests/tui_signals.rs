//! End to end: a signal never leaves the terminal broken. The real binary runs in a
//! pseudo-terminal under `sh`; `kill -TERM`, `-HUP`, `-INT` and `-QUIT` are sent to it, and the
//! shell then reports its exit status and the terminal's mode, so the test sees what a user would
//! be left with: the main screen, a visible cursor, mouse capture off and cooked mode (`stty`
//! shows `icanon` and `echo`), and the usual exit code 128 + N. Every wait polls with a timeout.

mod tui_support;

use portable_pty::CommandBuilder;
use tui_support::pty::{Result, Session};
use vt100::MouseProtocolMode;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tui-mini.ron");

/// The process ids whose parent is `parent` (read from `/proc`).
fn children_of(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
                // The command name may hold spaces: the fields after it start at the last `)`.
                stat.rsplit_once(')')
                    .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok())
                    == Some(parent)
            })
        })
        .collect()
}

/// Runs the app under `sh`, sends it `signal`, and checks what the terminal is left as.
fn signal_restores_the_terminal(signal: &str, number: u32) -> Result {
    let script = format!(
        "\"$0\" --data '{FIXTURE}'; echo \"exit=$?\"; stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo; sleep 30"
    );
    let mut command = CommandBuilder::new("sh");
    command.args(["-c", &script, env!("CARGO_BIN_EXE_ali-timeline")]);
    command.env_remove("NO_COLOR");
    let mut app = Session::spawn(command, 100, 30)?;
    app.wait_for("the first frame", |s| {
        s.alternate_screen() && s.contents().contains("1/13")
    })?;
    let shell = app.pid().ok_or("the shell has a pid")?;
    let pid = children_of(shell)
        .into_iter()
        .next()
        .ok_or("the app runs under the shell")?;
    let killed = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()?;
    assert!(killed.success());
    let expected_exit = format!("exit={}", 128 + number);
    app.wait_for_all(&[&expected_exit, "icanon", "echo"], &["-icanon", "-echo"])?;
    let screen = app.parser.screen();
    assert!(!screen.alternate_screen(), "main screen again");
    assert!(!screen.hide_cursor(), "cursor shown");
    assert_eq!(
        screen.mouse_protocol_mode(),
        MouseProtocolMode::None,
        "mouse released"
    );
    if let Some(shell) = app.pid() {
        let _ = std::process::Command::new("kill")
            .arg(shell.to_string())
            .status();
    }
    Ok(())
}

#[test]
fn sigterm_restores_the_terminal() -> Result {
    signal_restores_the_terminal("TERM", 15)
}

#[test]
fn sighup_restores_the_terminal() -> Result {
    signal_restores_the_terminal("HUP", 1)
}

#[test]
fn sigint_sent_with_kill_restores_the_terminal() -> Result {
    signal_restores_the_terminal("INT", 2)
}

#[test]
fn sigquit_restores_the_terminal() -> Result {
    signal_restores_the_terminal("QUIT", 3)
}
