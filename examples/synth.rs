//! Writes a deterministic synthetic store to stdout, for benchmarks and stress tests.
//!
//! ```sh
//! cargo run --release --example synth -- --events 100000 [--people 20000] [--units 5000] [--seed 1] > big.ron
//! cargo run --release -- --data big.ron validate
//! ```
//!
//! The same arguments always give the same bytes. People default to one per 5 events, units to
//! one per 20 (100,000 events: 20,000 people, 5,000 units).

#[path = "synth/mod.rs"]
mod synth;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Generate a synthetic ali-timeline store.
#[derive(Parser)]
#[command(name = "synth")]
struct Args {
    /// Number of events.
    #[arg(long, default_value_t = 100_000)]
    events: usize,
    /// Number of people (default: events / 5).
    #[arg(long)]
    people: Option<usize>,
    /// Number of units (default: events / 20).
    #[arg(long)]
    units: Option<usize>,
    /// Seed of the random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut config = synth::Config::sized(args.events, args.seed);
    config.people = args.people.unwrap_or(config.people).max(1);
    config.units = args.units.unwrap_or(config.units).max(1);
    let store = synth::generate(&config);
    let text = synth::to_ron(&store, &config);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
