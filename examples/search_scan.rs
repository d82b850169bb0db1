//! Times `query::search` in process on a store (the 100k synthetic store by default, through the
//! cache), for the queries of issue 16 and the keystrokes of "gao song": the scan alone, without
//! loading. Prints the median and p95 wall time over the runs for each query, and the median CPU
//! time of the process (both threads of the scan; less disturbed by a busy machine).
//!
//! `cargo run --release --example search_scan -- --data big.ron [--runs 20] [--query Q]...`
//! (`--query`, repeated: those queries instead of the list below)

use std::path::PathBuf;
use std::time::Instant;

use ali_timeline::query::{self, Query};

const QUERIES: [&str; 13] = [
    "g",
    "ga",
    "gao",
    "gao s",
    "gao so",
    "gao song",
    "song ke",
    "yu yongfu @2016..2017",
    "kind:acq damai",
    "gao @2015..2016-06 kind:appointment",
    "music @..2010 !video",
    "'ceo tag:music @2012..",
    "person:song unit:^ali",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from("target/synth/big.ron");
    let mut runs = 20;
    let mut queries: Vec<String> = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = PathBuf::from(args.next().ok_or("--data needs a file")?),
            "--runs" => runs = args.next().ok_or("--runs needs a number")?.parse()?,
            "--query" => queries.push(args.next().ok_or("--query needs a query")?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let timeline = ali_timeline::timeline::load_file(&data)?;
    println!("query                                  median      p95      cpu  matched");
    if queries.is_empty() {
        queries = QUERIES.iter().map(ToString::to_string).collect();
    }
    for text in &queries {
        let query = Query::parse(text)?;
        let mut times = Vec::with_capacity(runs);
        let mut cpu = Vec::with_capacity(runs);
        let mut total = 0;
        for _ in 0..runs {
            let (start, start_cpu) = (Instant::now(), cpu_ms());
            total = query::search_counted(&timeline, &query, 200).1;
            times.push(start.elapsed().as_secs_f64() * 1e3);
            cpu.push(cpu_ms() - start_cpu);
        }
        times.sort_by(f64::total_cmp);
        cpu.sort_by(f64::total_cmp);
        let p95 = times[(times.len() * 95).div_ceil(100).saturating_sub(1)];
        println!(
            "{text:<36} {:>8.2} ms {p95:>6.2} ms {:>6.2} ms {total:>8}",
            times[times.len() / 2],
            cpu[cpu.len() / 2]
        );
    }
    Ok(())
}

/// CPU time used by the process so far (all threads), in milliseconds.
fn cpu_ms() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux).
    let fields: Vec<&str> = stat.rsplit(") ").next().unwrap_or("").split(' ').collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) * 10.0
}
