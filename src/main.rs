//! driehoek: think a stuck case through with the value triangle of the
//! Amsterdam maatwerk method, and keep what you concluded.

use driehoek::error::{self, Kind};
use driehoek::term::ui::Ui;
use driehoek::{cli, cmd, store, sys};

use std::process::ExitCode;

fn main() -> ExitCode {
    sys::quiet_on_closed_pipe();
    let args: Vec<_> = std::env::args_os()
        .map(driehoek::printable::argument)
        .collect();
    let lang = cli::early_lang(&args);
    let ui = Ui::terminal(lang);
    let cli = match cli::parse(args, lang) {
        Ok(cli::Parsed::Run(cli)) => cli,
        Ok(cli::Parsed::Shown(text)) => {
            return match ui.help(&text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(Kind::Failure.exit_code()),
            };
        }
        Err(cli::Usage(text)) => {
            ui.usage(&text);
            return ExitCode::from(Kind::BadInput.exit_code());
        }
    };
    // The door lives as long as the run: the browser's server holds it to
    // its end.
    let ui: &'static Ui = Box::leak(Box::new(ui.with_width(cli.width)));
    // Ctrl-C: let a write in progress finish, give the cursor back, exit 130.
    let door = ui;
    let _ = ctrlc::set_handler(move || {
        if cmd::walking() {
            // The prompt sees the Ctrl-C itself and asks about the draft.
            return;
        }
        if driehoek::web::interrupt() {
            // The browser's server stops after the request in hand.
            return;
        }
        driehoek::store::bulk::STOP.store(true, std::sync::atomic::Ordering::Relaxed);
        // A purge in progress is waited for, then said how it ended.
        let purge = store::PURGE.lock().unwrap_or_else(|p| p.into_inner());
        let _guard = store::WRITING.lock();
        restore_cursor();
        door.say_cancelled(&purge.on_cancel(lang, None));
        std::process::exit(Kind::Cancelled.exit_code().into());
    });
    match cli::run(*cli, ui) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of the output went away: nothing more to say.
        Err(err) if error::is_closed_pipe(&err) => ExitCode::from(error::kind(&err).exit_code()),
        Err(err) => {
            restore_cursor();
            let kind = error::kind(&err);
            if kind == Kind::Cancelled {
                let purge = store::PURGE.lock().unwrap_or_else(|p| p.into_inner());
                ui.say_cancelled(
                    &purge.on_cancel(lang, error::said_on_cancel(&err, lang).as_deref()),
                );
            } else {
                ui.warn(error::describe(&err, lang));
                if let Some(hint) = error::hint(&err) {
                    ui.say(hint);
                }
            }
            ExitCode::from(kind.exit_code())
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
