//! `ali-timeline completions SHELL` and `ali-timeline man`: a completion script (from
//! `clap_complete`) and a roff manual page (from `clap_mangen`), both written from the same
//! definition of the command line as the parser uses.
//!
//! In the completion script the ids of the store's people and units are offered for `person`,
//! `unit` and `org --unit`, in the shells that complete values (names and fragments are still
//! accepted when the command runs: the ids are only suggestions).

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
    let people: Vec<String> = timeline.store.people.iter().map(|p| p.id.clone()).collect();
    let units: Vec<String> = timeline.store.units.iter().map(|u| u.id.clone()).collect();
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
    out.write_all(&script)?;
    Ok(())
}

/// Writes the manual page, in roff.
///
/// # Errors
/// A failed write.
pub fn man(out: &mut impl Write) -> Result<(), Error> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command().name(NAME)).render(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}
