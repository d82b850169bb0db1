//! The `ali-timeline` binary: everything lives in the library.

/// mimalloc (its v2), not the system allocator: loading a large store makes millions of small
/// strings, and glibc's allocator spent a third of a first load in page faults and bookkeeping.
/// Where the kernel allows it (`madvise` transparent huge pages), mimalloc takes memory in huge
/// pages: a first load of the 100k store takes 0.34 s with them and 0.50 s without. Its v3 rounds
/// a small search's memory up further: at peak 87.6 MiB for an indexed `@2016..2017` search of the
/// 100k store (its file is 83.2 MiB), 79.5 MiB with v2.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    ali_timeline::cli::main()
}
