//! `ali-timeline completions SHELL` and `ali-timeline man`: a completion script (from
//! `clap_complete`) and a roff manual page (from `clap_mangen`), both written from the same
//! definition of the command line as the parser uses.
//!
//! In the completion script the ids of the store's people and units are offered for `person`,
//! `unit` and `org --unit`, in bash and zsh (clap_complete's other scripts offer no values for
//! these arguments). Names and fragments are still accepted when the command runs: the ids are
//! only suggestions.

use std::io::Write;

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use super::Cli;
use crate::error::Error;
use crate::timeline::Timeline;

/// The program's name, as the scripts and the page call it.
const NAME: &str = "ali-timeline";

/// Writes the completion script for `shell`, offering the ids of `timeline`'s people and units.
///
/// # Errors
/// A failed write.
pub fn completions(timeline: &Timeline, shell: Shell, out: &mut impl Write) -> Result<(), Error> {
    let people: Vec<String> = timeline.people().map(|(_, p)| p.id.clone()).collect();
    let units: Vec<String> = timeline.units().map(|(_, u)| u.id.clone()).collect();
    let ids = |ids: Vec<String>| {
        move |arg: clap::Arg| {
            arg.value_parser(PossibleValuesParser::new(ids))
                .hide_possible_values(true)
        }
    };
    let mut command = Cli::command()
        .mut_subcommand("person", |c| c.mut_arg("name", ids(people)))
        .mut_subcommand("unit", |c| c.mut_arg("name", ids(units.clone())))
        .mut_subcommand("org", |c| c.mut_arg("unit", ids(units)));
    // The generators panic on a failed write: generate into memory, then write.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, NAME, &mut script);
    if shell == Shell::Bash {
        script = mend_bash(&script);
    }
    out.write_all(&script)?;
    Ok(())
}

/// clap_complete 4.6 names the bash cases of a hyphenated program's subcommands two ways
/// (`ali__subcmd__timeline__subcmd__person` where it sets `ali__timeline__subcmd__person`), so
/// nothing after a subcommand completes: one spelling is made the other's.
fn mend_bash(script: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(script);
    let wrong = NAME.replace('-', "__subcmd__");
    let right = NAME.replace('-', "__");
    text.replace(&wrong, &right).into_bytes()
}

/// Writes the manual, in roff: the page `ali-timeline(1)`, then a page for each subcommand
/// (`ali-timeline-search(1)`, …), which the first page refers to.
///
/// # Errors
/// A failed write.
pub fn man(out: &mut impl Write) -> Result<(), Error> {
    let mut command = Cli::command().name(NAME);
    command.build();
    let mut pages = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut pages)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("{NAME}-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone().name(name)).render(&mut pages)?;
    }
    out.write_all(&pages)?;
    Ok(())
}
