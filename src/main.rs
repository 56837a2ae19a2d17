//! The `gc-attrs` binary.
//!
//! Today the binary only reports its version and what is built: the pure core
//! (API models, PUT/PATCH payloads, lint, JSON diff) is a library, and the
//! simulator, client, TUI and headless commands land with their issues.

use std::process::ExitCode;

fn main() -> ExitCode {
    let version = env!("CARGO_PKG_VERSION");
    println!("gc-attrs {version}");
    println!(
        "The pure core (API models, PUT/PATCH payloads, lint, JSON diff) is built and tested;\n\
         the simulator, the HTTP client, the TUI and the headless commands are not built yet.\n\
         See README.md, \"What works today\"."
    );
    ExitCode::SUCCESS
}
