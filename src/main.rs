//! The `ali-timeline` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    ali_timeline::cli::main()
}
