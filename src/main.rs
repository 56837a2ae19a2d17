//! The `gc-attrs` binary: install error reporting, parse the arguments, hand
//! off to [`gc_attrs::cli`]. Without a subcommand it reports its version and
//! what is built.

use std::process::ExitCode;

use clap::Parser;
use gc_attrs::cli::{self, Cli};

fn main() -> ExitCode {
    if let Err(err) = color_eyre::install() {
        eprintln!("warning: cannot install the error reporter: {err}");
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Usage errors exit 2; --help and --version print and exit 0.
            let _ = err.print();
            return u8::try_from(err.exit_code()).map_or(ExitCode::FAILURE, ExitCode::from);
        }
    };
    let Some(command) = cli.command else {
        print_status();
        return ExitCode::SUCCESS;
    };
    match cli::run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(report) => {
            eprintln!("Error: {report:?}");
            ExitCode::FAILURE
        }
    }
}

fn print_status() {
    let version = env!("CARGO_PKG_VERSION");
    println!("gc-attrs {version}");
    println!(
        "The pure core (API models, PUT/PATCH payloads, lint, JSON diff) and the embedded\n\
         simulator (`gc-attrs sim`) are built and tested; the TUI and the other headless\n\
         commands are not built yet. See README.md, \"What works today\", and `gc-attrs --help`."
    );
}
