//! The `s117` command line: check a case, print the JSON Schema.
//!
//! Exit codes: 0 success; 2 the input or the arguments are wrong (the message names the field); 1 a file could not
//! be read or written.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
s117: the Section 117 aftercare checker (a screening tool, not legal advice)

Usage:
  s117 check FILE.json       decide a case; prints the Decision as JSON (FILE may be - for standard input)
  s117 schema [case|decision]
                             print the JSON Schema of the input (default) or of the output
  s117 --version | --help
";

/// What the user asked for.
enum Command {
    Check { file: String },
    Schema { which: String },
    Help,
    Version,
}

fn parse_args() -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut positional: Vec<String> = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Value(v) => positional.push(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let mut words = positional.into_iter();
    match words.next().as_deref() {
        Some("check") => {
            let file = words
                .next()
                .ok_or("check needs a FILE (or - for standard input)")?;
            if let Some(extra) = words.next() {
                return Err(format!("unexpected argument {extra:?}").into());
            }
            Ok(Command::Check { file })
        }
        Some("schema") => {
            let which = words.next().unwrap_or_else(|| "case".to_owned());
            if which != "case" && which != "decision" {
                return Err(format!("schema takes case or decision, not {which:?}").into());
            }
            Ok(Command::Schema { which })
        }
        Some(other) => Err(format!("unknown command {other:?}").into()),
        None => Ok(Command::Help),
    }
}

fn read_input(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

fn print_json(value: &impl serde::Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("s117: could not write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let command = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("s117: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!(
                "s117 {} (law as at {})",
                s117::rules::RULES_VERSION,
                s117::rules::LAW_DATE
            );
            ExitCode::SUCCESS
        }
        Command::Schema { which } => {
            let schema = if which == "decision" {
                s117::api::decision_schema()
            } else {
                s117::api::case_schema()
            };
            print_json(&schema)
        }
        Command::Check { file } => {
            let text = match read_input(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("s117: could not read {file}: {e}");
                    return ExitCode::from(1);
                }
            };
            match s117::api::check_json(&text) {
                Ok(decision) => print_json(&decision),
                Err(errors) => {
                    for e in errors {
                        eprintln!("{e}");
                    }
                    ExitCode::from(2)
                }
            }
        }
    }
}
