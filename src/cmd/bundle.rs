use anyhow::Result;

use super::Ctx;
use crate::bundle::Bundle;
use crate::cli::{BundleArgs, BundleFormat};
use crate::findings::labels;
use crate::i18n;
use crate::output;
use crate::printable::say;
use crate::render;
use crate::select::{report_broken, select};

/// What many notes say together, for a coach's policy meeting.
pub fn run(ctx: &Ctx, args: BundleArgs) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.store()?;
    let (bank, _) = ctx.bank()?;
    let filter = args.filter.filter();
    let (rows, _) = select(&store, &filter, lang)?;
    let (mut notes, broken) = store.load_many(rows.into_iter().map(|s| s.id).collect());
    report_broken(&broken, lang);
    notes.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    if let Some(law) = &args.law {
        if let Err((known, nearest)) = Bundle::check_law(&notes, &bank, law) {
            let msg = i18n::B_UNKNOWN_LAW.with(
                lang,
                &[
                    ("law", law),
                    ("nearest", &nearest),
                    ("known", &known.join(", ")),
                ],
            );
            return Err(crate::error::bad_input(msg));
        }
        notes.retain(|n| Bundle::names_law(n, &bank, law));
    }
    let lexicon = ctx.lexicon()?;
    let bundle = Bundle::of(&notes, &bank, lang, |note| labels(&lexicon, note, lang));

    let mut about = String::new();
    if let Some(law) = &args.law {
        about.push_str(&i18n::B_ABOUT_LAW.with(lang, &[("law", law)]));
    }
    if let Some(d) = filter.since {
        about.push_str(&i18n::B_ABOUT_SINCE.with(lang, &[("date", &render::day(d, lang))]));
    }
    if let Some(d) = filter.until {
        about.push_str(&i18n::B_ABOUT_UNTIL.with(lang, &[("date", &render::day(d, lang))]));
    }
    if filter.structural {
        about.push_str(i18n::B_ABOUT_STRUCTURAL.get(lang));
    }
    let doc = match args.format {
        BundleFormat::Csv => Some(render::bundle::csv(&bundle, lang)),
        BundleFormat::Json => Some(render::bundle::json(&bundle, args.titles)),
        _ => None,
    };
    if let Some(text) = doc {
        return write_or_print(ctx, &args, &text);
    }
    let doc = render::bundle::doc(&bundle, lang, args.titles, &about);
    match (&args.output, args.format) {
        (None, BundleFormat::Text) => {
            print!(
                "{}",
                render::terminal::render(&doc, Some(ctx.table_width()))
            );
            Ok(())
        }
        _ => write_or_print(ctx, &args, &render::markdown::render(&doc)),
    }
}

/// To the file the person named, by the rules every export follows, or
/// to standard output.
fn write_or_print(ctx: &Ctx, args: &BundleArgs, text: &str) -> Result<()> {
    let lang = ctx.lang;
    match &args.output {
        Some(path) => {
            let store = ctx.store()?;
            let permit = output::permit(path, args.force, lang, &store.scratch_dir())?;
            output::write(path, text, permit)?;
            say(i18n::WROTE.with(lang, &[("paths", &path.display().to_string())]));
        }
        None => print!("{text}"),
    }
    Ok(())
}
