//! The `s117` command line: check a case, write the confirmation-request letter, print the JSON Schema, screen many
//! enquiries (`screen.rs`).
//!
//! Everything that reads files, parses arguments or prints is here; the library (`s117::api`) does the rest.
//!
//! Exit codes: 0 success; 2 the input or the arguments are wrong (the message names the field); 1 a file could not
//! be read or written.

mod screen;

/// mimalloc instead of the system allocator: a firm's screen makes and frees many small strings for every row.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "\
s117: the Section 117 aftercare checker (a screening tool, not legal advice)

Usage:
  s117 check FILE.json       decide a case; prints the Decision as JSON (FILE may be - for standard input)
  s117 letter FILE.json [--to council|nhs|both|each] [--format text|docx|json] [--out PATH]
                             write the confirmation-request letter from a LetterRequest (FILE may be -);
                             docx needs --out unless standard output is not a terminal; --to each writes a
                             letter to the council and one to the NHS body: as text, split by a form feed,
                             as docx, one file with a page break, as json, an array of the two letters
  s117 screen FILE.csv|FILE.jsonl [options]
                             screen many enquiries at once into a triage CSV (s117 screen --help)
  s117 schema [case|decision|letter|triage]
                             print the JSON Schema of a check's input (default) or output, of a letter
                             request, or of a line of `s117 screen --format jsonl`
  s117 questions             print www/s117-questions.js: the interview's first page as a JS module
  s117 words [widget|screen] print www/s117-words.js (default) or www/screen/words.js: the page's words
  s117 --version | --help
";

/// What the user asked for.
enum Command {
    Check {
        file: String,
    },
    Schema {
        which: String,
    },
    /// Print the generated JS module of the interview's first question.
    Questions,
    Words {
        screen: bool,
    },
    Letter(LetterArgs),
    Help,
    Version,
}

/// The `letter` subcommand's arguments.
struct LetterArgs {
    file: String,
    to: Option<s117::letter::Recipients>,
    format: LetterFormat,
    out: Option<std::path::PathBuf>,
}

/// The letter's output format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LetterFormat {
    Text,
    Docx,
    Json,
}

fn parse_args() -> Result<Command, lexopt::Error> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut positional: Vec<String> = Vec::new();
    let (mut to, mut format, mut out) = (None, None, None);
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("to") => {
                to = Some(match parser.value()?.string()?.as_str() {
                    "both" => s117::letter::Recipients::Both,
                    "council" => s117::letter::Recipients::Council,
                    "nhs" => s117::letter::Recipients::Nhs,
                    "each" => s117::letter::Recipients::Each,
                    other => {
                        return Err(
                            format!("--to takes council, nhs, both or each, not {other:?}").into(),
                        )
                    }
                })
            }
            Long("format") => {
                format = Some(match parser.value()?.string()?.as_str() {
                    "text" => LetterFormat::Text,
                    "docx" => LetterFormat::Docx,
                    "json" => LetterFormat::Json,
                    other => {
                        return Err(
                            format!("--format takes text, docx or json, not {other:?}").into()
                        )
                    }
                })
            }
            Long("out") => out = Some(std::path::PathBuf::from(parser.value()?)),
            Value(v) => positional.push(v.string()?),
            _ => return Err(arg.unexpected()),
        }
    }
    let mut words = positional.into_iter();
    let command = words.next();
    if command.as_deref() != Some("letter") && (to.is_some() || format.is_some() || out.is_some()) {
        return Err("--to, --format and --out are options of the letter command".into());
    }
    match command.as_deref() {
        Some("letter") => {
            let file = words
                .next()
                .ok_or("letter needs a FILE (or - for standard input)")?;
            if let Some(extra) = words.next() {
                return Err(format!("unexpected argument {extra:?}").into());
            }
            Ok(Command::Letter(LetterArgs {
                file,
                to,
                format: format.unwrap_or(LetterFormat::Text),
                out,
            }))
        }
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
            if !s117::api::schemas()
                .iter()
                .any(|(name, _, _)| *name == which)
            {
                return Err(format!(
                    "schema takes case, decision, letter or triage, not {which:?}"
                )
                .into());
            }
            Ok(Command::Schema { which })
        }
        Some("words") => match (words.next().as_deref(), words.next()) {
            (None | Some("widget"), None) => Ok(Command::Words { screen: false }),
            (Some("screen"), None) => Ok(Command::Words { screen: true }),
            (Some(other), None) => Err(format!("unexpected argument {other:?}").into()),
            (_, Some(other)) => Err(format!("unexpected argument {other:?}").into()),
        },
        Some("questions") => match words.next() {
            Some(extra) => Err(format!("unexpected argument {extra:?}").into()),
            None => Ok(Command::Questions),
        },
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
    match s117::api::to_json(value) {
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
    // `screen` has its own options (screen.rs), so it takes every argument after its name.
    let mut args = std::env::args_os().skip(1);
    if args.next().is_some_and(|first| first == "screen") {
        return screen::run_cli(args.collect());
    }
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
            let schema = s117::api::schemas()
                .into_iter()
                .find(|(name, _, _)| *name == which)
                .map(|(_, _, schema)| schema)
                .unwrap_or_default();
            print_json(&schema)
        }
        Command::Questions => {
            print!("{}", s117::api::first_question_js());
            ExitCode::SUCCESS
        }
        Command::Words { screen } => {
            if screen {
                print!("{}", s117::api::screen_words_js());
            } else {
                print!("{}", s117::api::widget_words_js());
            }
            ExitCode::SUCCESS
        }
        Command::Letter(args) => letter(args),
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

/// `s117 letter`: reads a LetterRequest, writes the letter (for `--to each`, both letters) as text, .docx or JSON.
fn letter(args: LetterArgs) -> ExitCode {
    use std::io::{IsTerminal, Write};
    let text = match read_input(&args.file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("s117: could not read {}: {e}", args.file);
            return ExitCode::from(1);
        }
    };
    let mut request = match s117::api::parse_letter_request(&text) {
        Ok(r) => r,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return ExitCode::from(2);
        }
    };
    if let Some(to) = args.to {
        request.to = to;
    }
    let letters = s117::letter::render_all(&request);
    let bytes = match args.format {
        LetterFormat::Text => s117::letter::to_text_all(&letters).into_bytes(),
        LetterFormat::Docx => {
            if args.out.is_none() && std::io::stdout().is_terminal() {
                eprintln!("s117: a .docx is binary; give --out FILE.docx or redirect standard output to a file");
                return ExitCode::from(2);
            }
            s117::letter::to_docx_all(&letters)
        }
        // One letter is an object, as it always was; `--to each` asked for several, so they are an array.
        LetterFormat::Json => match if request.to == s117::letter::Recipients::Each {
            s117::api::to_json(&letters)
        } else {
            s117::api::to_json(&letters[0])
        } {
            Ok(mut json) => {
                json.push('\n');
                json.into_bytes()
            }
            Err(e) => {
                eprintln!("s117: could not write the output: {e}");
                return ExitCode::from(1);
            }
        },
    };
    let written = match &args.out {
        Some(path) => std::fs::write(path, &bytes),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes).and_then(|()| stdout.flush())
        }
    };
    if args.format == LetterFormat::Text {
        let mut notes: Vec<&String> = Vec::new();
        for note in letters.iter().flat_map(|l| &l.notes) {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        for note in notes {
            eprintln!("note: {note}");
        }
        // How to send it: notes for the user, not part of the letter.
        if let Some(how) = letters.first().map(|l| &l.how_to_send) {
            for step in &how.steps {
                eprintln!("note: {step}");
            }
            for link in &how.links {
                eprintln!("note: {}: {}", link.text, link.url);
            }
        }
    }
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let target = args
                .out
                .as_ref()
                .map_or("standard output".to_owned(), |p| p.display().to_string());
            eprintln!("s117: could not write {target}: {e}");
            ExitCode::from(1)
        }
    }
}
