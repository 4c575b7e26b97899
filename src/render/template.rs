//! The answers file that `driehoek template` prints: valid TOML with every
//! question empty and explained in comments, ready for `new --from`.

use crate::domain::bank::{Question, QuestionSet};

use crate::domain::answer::Kind;
use crate::i18n::{self, Lang};

/// The file for `set`; `header` says what the file is for and how to hand
/// it in (a note's answers, an outcome entry). With `full`, every question;
/// else those of the short walk, the ones a note needs.
pub fn render(set: &QuestionSet, header: i18n::Msg, lang: Lang, full: bool) -> String {
    let header = header.with(
        lang,
        &[
            ("name", set.name.get(lang)),
            ("id", &set.id),
            ("version", &set.version.to_string()),
        ],
    );
    let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
    out.push_str(&format!("set = {}\n", quote(&set.id)));
    // A coach's set from before the two walks has no short walk: all.
    let two_walks = set.questions.iter().any(|q| set.in_short(q));
    let full = full || !two_walks;
    let shown = |q: &&Question| full || set.in_short(q);
    for section in &set.sections {
        if !set.questions_in(&section.key).any(|q| shown(&q)) {
            continue;
        }
        out.push_str(&format!("\n[{}]\n", section.key));
        out.push_str(&comment(&section.title.get(lang).to_uppercase(), ""));
        if let Some(intro) = &section.intro {
            out.push_str(&comment(intro.get(lang), ""));
        }
        for q in set.questions_in(&section.key).filter(|q| shown(q)) {
            out.push('\n');
            // Required as a note needs it: the full walk's own questions
            // may wait for edit --volledig.
            let need = if q.required && (set.in_short(q) || !two_walks) {
                i18n::T_REQUIRED
            } else {
                i18n::T_OPTIONAL
            };
            out.push_str(&comment(
                &format!("{} ({})", q.prompt.get(lang), need.get(lang)),
                "",
            ));
            if let Some(help) = &q.help {
                out.push_str(&comment(help.get(lang), "  "));
            }
            for fact in conditions(q, lang) {
                out.push_str(&comment(&fact, "  "));
            }
            out.push_str(&comment(&kind_hint(q, lang), "  "));
            // Long text between , where quotes need no escaping.
            let empty = match q.kind {
                Kind::Multi => "[]",
                Kind::Long => "'''\n'''",
                _ => "\"\"",
            };
            out.push_str(&format!("{} = {empty}\n", q.key));
        }
    }
    out
}

/// When a question is asked, and when a required one may stay open.
pub fn conditions(q: &Question, lang: Lang) -> Vec<String> {
    let when = |m: i18n::Msg, c: &crate::domain::bank::Condition| {
        m.with(lang, &[("when", &c.describe(lang))])
    };
    q.when
        .iter()
        .map(|c| when(i18n::T_FOLLOW_UP, c))
        .chain(
            q.optional_when
                .iter()
                .map(|c| when(i18n::T_OPTIONAL_WHEN, c)),
        )
        .chain(
            q.required_when
                .iter()
                .map(|c| when(i18n::T_REQUIRED_WHEN, c)),
        )
        .collect()
}

/// What a question accepts, in words.
pub fn kind_hint(q: &Question, lang: Lang) -> String {
    let values = || {
        q.choices
            .iter()
            .map(|c| {
                let label = c.label.get(lang);
                if label == c.value {
                    quote(&c.value)
                } else {
                    format!("{} ({label})", quote(&c.value))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match q.kind {
        Kind::Text => i18n::KIND_TEXT.get(lang).to_string(),
        Kind::Long => i18n::KIND_LONG.get(lang).to_string(),
        Kind::Choice => i18n::KIND_CHOICE.with(lang, &[("values", &values())]),
        Kind::Multi => {
            let first = q.choices.first().map_or("", |c| c.value.as_str());
            i18n::KIND_MULTI.with(lang, &[("values", &values()), ("first", first)])
        }
        Kind::Scale => {
            let s = q.scale.as_ref().expect("a scale question has a scale");
            let label = |l: &Option<i18n::Text>| l.as_ref().map_or("", |t| t.get(lang)).to_string();
            i18n::KIND_SCALE.with(
                lang,
                &[
                    ("min", &s.min.to_string()),
                    ("max", &s.max.to_string()),
                    ("min_label", &label(&s.min_label)),
                    ("max_label", &label(&s.max_label)),
                ],
            )
        }
        Kind::Amount => i18n::KIND_AMOUNT.get(lang).to_string(),
        Kind::YesNo => i18n::KIND_YESNO.get(lang).to_string(),
        Kind::Cost => i18n::KIND_COST.get(lang).to_string(),
        Kind::Date => i18n::KIND_DATE.get(lang).to_string(),
    }
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Text as `#` comment lines, wrapped near 78 columns.
fn comment(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + word.chars().count() + indent.len() > 74 {
                out.push_str(&format!("# {indent}{line}\n"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&format!("# {indent}{line}\n").replace(" \n", "\n"));
    }
    out
}
