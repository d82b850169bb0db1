//! The `ali-timeline` binary: everything lives in the library.

/// mimalloc, not the system allocator: loading a large store makes millions of small strings,
/// and glibc's allocator spends a large part of a first load in page faults and bookkeeping.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    ali_timeline::cli::main()
}
