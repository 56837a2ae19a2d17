//! The `gc-attrs` binary: install error reporting, parse the arguments, hand
//! off to [`gc_attrs::cli`]. Without a subcommand it opens the TUI.

use std::io::IsTerminal as _;
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
    if cli.command.is_none() && !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal())
    {
        eprintln!(
            "gc-attrs: the TUI needs a terminal (stdin and stdout must both be one).\n\
             Run it in a terminal, or use a subcommand: gc-attrs --help"
        );
        return ExitCode::from(2);
    }
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(report) => {
            eprintln!("Error: {report:?}");
            ExitCode::FAILURE
        }
    }
}
