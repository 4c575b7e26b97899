//! driehoek: think a stuck case through with the value triangle of the
//! Amsterdam maatwerk method, and keep what you concluded.

use driehoek::term::ui::Ui;
use driehoek::{cli, cmd, error, store, sys};

use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    sys::quiet_on_closed_pipe();
    let args: Vec<_> = std::env::args_os()
        .map(driehoek::printable::argument)
        .collect();
    let lang = cli::early_lang(&args);
    driehoek::i18n::set_current(lang);
    let ui = Ui::terminal(lang);
    let cli = match cli::parse(args, lang) {
        Ok(cli::Parsed::Run(cli)) => cli,
        Ok(cli::Parsed::Shown(text)) => {
            return match ui.help(&text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(error::EXIT_FAILURE),
            };
        }
        Err(cli::Usage(text)) => {
            ui.usage(&text);
            return ExitCode::from(error::EXIT_USAGE);
        }
    };
    let ui = Arc::new(ui.with_width(cli.width));
    // Ctrl-C: let a write in progress finish, give the cursor back, exit 130.
    let door = Arc::clone(&ui);
    let _ = ctrlc::set_handler(move || {
        if cmd::walking() {
            // The prompt sees the Ctrl-C itself and asks about the draft.
            return;
        }
        driehoek::store::bulk::STOP.store(true, std::sync::atomic::Ordering::Relaxed);
        // A purge in progress is waited for, then said how it ended.
        let purge = store::PURGE.lock().unwrap_or_else(|p| p.into_inner());
        let _guard = store::WRITING.lock();
        restore_cursor();
        door.say_cancelled(&purge.on_cancel(lang));
        std::process::exit(error::EXIT_CANCELLED.into());
    });
    match cli::run(*cli, &ui) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of the output went away: nothing more to say.
        Err(err) if error::is_closed_pipe(&err) => ExitCode::from(error::EXIT_FAILURE),
        Err(err) => {
            restore_cursor();
            let code = error::exit_code(&err);
            if code == error::EXIT_CANCELLED {
                let purge = store::PURGE.lock().unwrap_or_else(|p| p.into_inner());
                ui.say_cancelled(&purge.on_cancel(lang));
            } else {
                ui.warn(error::describe(&err, lang));
            }
            ExitCode::from(code)
        }
    }
}

/// dialoguer hides the cursor in lists; give it back on every way out.
fn restore_cursor() {
    let term = console::Term::stderr();
    if term.is_term() {
        let _ = term.show_cursor();
    }
}
