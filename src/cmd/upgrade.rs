//! `driehoek upgrade` (`bijwerken`): rewrites the notes an earlier release
//! wrote in today's format, after showing what changes. Every note is
//! already read in today's shape; this only makes the files say so. Each
//! note is replaced on its own (atomically, under the store lock, its
//! previous version kept in its history), so an interrupted run leaves
//! every note either old or new, and a second run finds nothing left to do.
//! A note that cannot be read is named and never touched.

use std::fmt::Write;

use anyhow::Result;

use super::Ctx;
use super::confirm::confirm;
use crate::domain::note::NOTE_FORMAT;
use crate::domain::versions;
use crate::error::failure;
use crate::i18n;
use clap::Args;

#[derive(Debug, Args)]
pub struct UpgradeArgs {
    /// Toon alleen wat er zou veranderen; schrijf niets
    #[arg(long, visible_alias = "proef")]
    pub dry_run: bool,
    /// Niet om bevestiging vragen
    #[arg(short, long, visible_alias = "ja")]
    pub yes: bool,
}

pub fn run(ctx: &Ctx, args: UpgradeArgs) -> Result<()> {
    let lang = ctx.ui_lang();
    let store = ctx.store()?;
    let mut ids = store.ids()?;
    ids.sort();
    // A revision of an earlier release is given its case's first note,
    // found along `revises` while the store still holds the chain.
    let listing = store.summaries()?;
    let versions: Vec<_> = listing.notes.iter().map(|n| n.version()).collect();
    let cases = versions::cases(&versions);
    let mut plan = Vec::new();
    let mut unreadable = 0;
    for id in ids {
        match store.load_for_upgrade(&id) {
            Ok((mut note, base, changes)) => {
                let case = cases
                    .get(id.as_str())
                    .filter(|c| **c != id && note.case.is_none());
                // An older format, a revision without its case, or an
                // outcome log of the questions of version 1.
                if note.format < NOTE_FORMAT || case.is_some() || !changes.is_empty() {
                    note.case = case.cloned().or(note.case);
                    plan.push((note, base, changes, case.is_some()));
                }
            }
            Err(e) => {
                unreadable += 1;
                ctx.ui.say(
                    i18n::UPGRADE_UNREADABLE
                        .with(lang, &[("error", &crate::error::describe(&e, lang))]),
                );
            }
        }
    }
    if plan.is_empty() {
        ctx.ui.say(i18n::UPGRADE_NOTHING.get(lang));
        return left_out(unreadable, 0, lang);
    }

    let mut out = String::new();
    for (note, _, changes, named) in &plan {
        let to = NOTE_FORMAT.to_string();
        let from = note.format.to_string();
        let format = i18n::UPGRADE_FORMAT.with(lang, &[("from", &from), ("to", &to)]);
        match note.format < NOTE_FORMAT {
            true => writeln!(out, "{}  {}: {format}", note.id, note.title)?,
            false => writeln!(out, "{}  {}", note.id, note.title)?,
        }
        for c in changes {
            writeln!(out, "  - {}", c.describe(lang))?;
        }
        if let (true, Some(case)) = (named, &note.case) {
            writeln!(
                out,
                "  - {}",
                i18n::CHANGE_CASE.with(lang, &[("case", case)])
            )?;
        }
    }
    ctx.ui.print(&out)?;
    let count = i18n::notes(plan.len(), lang);
    if args.dry_run {
        ctx.ui
            .say(i18n::UPGRADE_DRY_RUN.with(lang, &[("notes", &count)]));
        return left_out(unreadable, 0, lang);
    }
    let asked = i18n::CONFIRM_UPGRADE.with(lang, &[("notes", &count)]);
    let kept = i18n::UPGRADE_KEPT.with(lang, &[("notes", &count)]);
    confirm(ctx, &store, &asked, args.yes, &kept)?;
    let mut done = 0;
    let mut failed = 0;
    for (mut note, base, _, _) in plan {
        note.format = NOTE_FORMAT;
        // The fingerprint: a note changed since it was read is left alone.
        match store.update(&note, Some(&base)) {
            Ok(()) => done += 1,
            Err(e) => {
                failed += 1;
                ctx.ui.say(i18n::UPGRADE_FAILED.with(
                    lang,
                    &[
                        ("id", &note.id),
                        ("error", &crate::error::describe(&e, lang)),
                    ],
                ));
            }
        }
    }
    ctx.ui
        .say(i18n::UPGRADED.with(lang, &[("notes", &i18n::notes(done, lang))]));
    left_out(unreadable, failed, lang)
}

/// Exit 1 when some note was not upgraded: the store is not all new.
fn left_out(unreadable: usize, failed: usize, lang: i18n::Lang) -> Result<()> {
    match unreadable + failed {
        0 => Ok(()),
        n => Err(failure(
            i18n::UPGRADE_LEFT.with(lang, &[("notes", &i18n::notes(n, lang))]),
        )),
    }
}
