use anyhow::Result;

use super::Ctx;
use crate::domain::findings::label_hits;
use crate::i18n;
use crate::render::{self, Block};
use clap::Args;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Id van de notitie (een uniek begin is genoeg)
    pub id: String,
}

/// The whole note, with its labelling words marked and a question back
/// for each.
pub fn run(ctx: &Ctx, args: ShowArgs) -> Result<()> {
    let store = ctx.store()?;
    let note = store.load(&store.resolve_named(&args.id, ctx.ui_lang())?)?;
    let (bank, _) = ctx.bank()?;
    let mut doc = render::note_doc(&note, bank.get(&note.set), ctx.ui_lang());
    // On a screen, not on paper: how to place the rows a short walk left.
    let unplaced = Block::Meta(i18n::NO_PROFILE.get(ctx.ui_lang()).to_string());
    if let Some(at) = doc.blocks.iter().position(|b| *b == unplaced) {
        let hint = i18n::HINT_PROFILE.with(ctx.ui_lang(), &[("id", &note.id)]);
        doc.blocks.insert(at + 1, Block::Meta(hint));
    }
    let lexicon = ctx.lexicon()?;
    let hits = label_hits(&lexicon, &note);
    if !hits.is_empty() {
        let question_of = |id: &str| {
            note.entry(id)
                .map_or_else(|| id.to_string(), |e| e.question.clone())
        };
        let rows = hits
            .iter()
            .map(|(id, hit)| {
                let back = lexicon
                    .question(&hit.key, ctx.ui_lang())
                    .unwrap_or_default()
                    .to_string();
                vec![question_of(id), format!("“{}”", hit.text), back]
            })
            .collect();
        doc.blocks.push(Block::Heading(
            i18n::H_LABELS.get(ctx.ui_lang()).to_string(),
        ));
        doc.blocks.push(Block::Table {
            head: vec![
                i18n::H_QUESTION.get(ctx.ui_lang()).into(),
                i18n::LABEL.get(ctx.ui_lang()).into(),
                i18n::H_ASK_BACK.get(ctx.ui_lang()).into(),
            ],
            rows,
            numeric: Vec::new(),
        });
    }
    ctx.ui
        .page(&render::terminal::render(&doc, ctx.ui.text_width()))?;
    Ok(())
}
