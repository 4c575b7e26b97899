//! The two languages of the tool. Dutch is the working language of the
//! teams; English serves trainers and international colleagues.

use serde::{Deserialize, Serialize};

/// The language a user reads the tool in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// A text in both languages, as the question bank writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// A fixed user-facing message. Placeholders are written `{name}` and
/// filled by [`Msg::with`], so both languages can order words freely.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    pub nl: &'static str,
    pub en: &'static str,
}

/// A number of notes as words: "1 notitie", "2 notities", "1 note".
pub fn notes(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 notitie".to_string(),
        (Lang::Nl, n) => format!("{n} notities"),
        (Lang::En, 1) => "1 note".to_string(),
        (Lang::En, n) => format!("{n} notes"),
    }
}

/// A number of years as words: "3 jaar", "1 year", "3 years".
pub fn years(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, n) => format!("{n} jaar"),
        (Lang::En, 1) => "1 year".to_string(),
        (Lang::En, n) => format!("{n} years"),
    }
}

impl Msg {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }

    pub fn with(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let mut out = self.get(lang).to_string();
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// A message and the values it names, put into words only when it is
/// said: what a part that does not know the reader reports (a value read
/// from the command line, the store), said in the reader's language where
/// it reaches them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    msg: Msg,
    args: Vec<(&'static str, String)>,
}

impl Phrase {
    pub(crate) fn new(msg: Msg, args: &[(&'static str, &str)]) -> Phrase {
        Phrase {
            msg,
            args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }

    /// The phrase in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.msg.with(lang, &args)
    }
}

/// In the working language, Dutch, for a log or a test; a reader gets
/// [`Phrase::said`] in theirs.
impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.said(Lang::Nl))
    }
}

impl std::error::Error for Phrase {}

macro_rules! msgs {
    ($($name:ident = $nl:literal, $en:literal;)*) => {
        $(pub(crate) const $name: Msg = Msg { nl: $nl, en: $en };)*
    };
}

msgs! {
    // The walk.
    PROGRESS = "{section} {n} van {total} · deel {part} van {parts}", "{section} {n} of {total} · part {part} of {parts}";
    HINT_TEXT = "Enter = overslaan · ? = uitleg · < = vorige vraag", "Enter = skip · ? = help · < = previous question";
    HINT_TEXT_REQUIRED = "? = uitleg · < = vorige vraag", "? = help · < = previous question";
    HINT_LONG = "Enter = overslaan · :e = editor · ? = uitleg · < = vorige vraag", "Enter = skip · :e = editor · ? = help · < = previous question";
    HINT_LONG_REQUIRED = ":e = editor · ? = uitleg · < = vorige vraag", ":e = editor · ? = help · < = previous question";
    HINT_SELECT = "pijltjes en Enter · Esc of q = vorige vraag", "arrow keys and Enter · Esc or q = previous question";
    HINT_MULTI = "spatie = kiezen · Enter = klaar · Esc of q = vorige vraag", "space = select · Enter = done · Esc or q = previous question";
    CHOICE_HELP = "? uitleg", "? help";
    CHOICE_SKIP = "(overslaan)", "(skip)";
    RULES_OFFERED = "Regels die al in je notities staan, de vaakst genoemde eerst. Kies er een, of typ een nieuwe: zo blijft één regel één regel in de bundel.", "Rules already in your notes, most named first. Pick one, or type a new one: so one rule stays one rule in the bundle.";
    RULE_TYPE_NEW = "(een nieuwe regel typen)", "(type a new rule)";
    NO_HELP = "Bij deze vraag is geen uitleg.", "This question has no help text.";
    FIRST_QUESTION = "Dit is de eerste vraag.", "This is the first question.";
    REQUIRED = "Deze vraag is verplicht.", "This question is required.";
    REQUIRED_BECAUSE = "‘{this}’ is hier nodig, omdat je bij ‘{by}’ koos: {values}.", "‘{this}’ is needed here, because at ‘{by}’ you chose: {values}.";
    CHOICE_NEEDED = "Kies een antwoord: ga met de pijltjes naar je keuze en druk op Enter.", "Choose an answer: move to it with the arrow keys and press Enter.";
    TICK_NEEDED = "Kies minstens één antwoord: spatie = aanvinken, Enter = klaar.", "Choose at least one answer: space = tick, Enter = done.";
    CHOICE_NONE = "(nog niet gekozen)", "(not chosen yet)";
    SCALE_NOW = "nu", "now";
    SUMMARY = "Samenvatting", "Summary";
    CONFIRM_SAVE = "Deze notitie opslaan?", "Save this note?";
    SAVED = "Notitie {id} opgeslagen.", "Note {id} saved.";
    CANCELLED = "Afgebroken.", "Cancelled.";
    DRAFT_DISCARDED = "Je antwoorden zijn weggegooid.", "Your answers were discarded.";
    EDIT_DISCARDED = "Je wijzigingen zijn weggegooid; notitie {id} is gebleven zoals ze was.", "Your changes were discarded; note {id} stayed as it was.";
    OUTCOME_DISCARDED = "Het verslag is weggegooid; notitie {id} is gebleven zoals ze was.", "The entry was discarded; note {id} stayed as it was.";
    EDIT_STOPPED = "Bewerken gestopt; notitie {id} is gebleven zoals ze was.", "Editing stopped; note {id} stayed as it was.";
    EDITOR_FAILED = "De editor ({editor}) gaf een fout; het antwoord is niet veranderd.", "The editor ({editor}) failed; the answer is unchanged.";

    // Answers.
    ERR_NOT_A_CHOICE = "'{value}' is geen keuze; kies uit: {allowed}", "'{value}' is not a choice; choose from: {allowed}";
    ERR_SCALE = "kies een heel getal van {min} tot en met {max}", "choose a whole number from {min} to {max}";
    ERR_AMOUNT = "'{value}' is geen bedrag in euro's (bijvoorbeeld 24000 of 1.250,50)", "'{value}' is not an amount in euros (for example 24000 or 1250.50)";
    ERR_YESNO = "antwoord ja of nee", "answer yes or no";
    ERR_TOO_LONG = "antwoord is langer dan {max} tekens", "answer is longer than {max} characters";
    ERR_ONE_LINE = "dit antwoord moet op één regel", "this answer must fit on one line";
    ERR_LINE_TOO_LONG = "een antwoord op één regel heeft hoogstens {max} tekens", "a one-line answer has at most {max} characters";
    ERR_AMOUNT_TOO_LARGE = "'{value}' is meer dan het grootste bedrag dat driehoek telt (€ 100 miljard)", "'{value}' is more than the largest amount driehoek counts (€100 billion)";
    ERR_DAY_RANGE = "'{value}' ligt niet tussen {first} en {last}; schrijf de datum als 1-12-2026", "'{value}' is not between {first} and {last}; write the date as 1-12-2026";
    ERR_CONTROL_CHAR = "dit antwoord bevat een stuurteken (zoals tab, Esc of \\r); typ het zonder", "this answer holds a control character (such as tab, Esc or \\r); type it without";
    ERR_TYPE = "verwacht {expected}", "expected {expected}";
    ERR_UNKNOWN_QUESTION = "onbekende vraag '{id}'", "unknown question '{id}'";
    ERR_RETIRED_QUESTION = "vraag '{id}' bestaat niet meer sinds versie 2 van de vragenlijst: {hint} (driehoek sjabloon toont het nieuwe bestand)", "question '{id}' no longer exists since version 2 of the question set: {hint} (driehoek template shows the new file)";
    RETIRED_COST_KIND = "schrijf de periode bij het bedrag, bijvoorbeeld kosten_voorstel = { bedrag = 3000, periode = \"eenmalig\" }", "write the period with the amount, for example kosten_voorstel = { bedrag = 3000, periode = \"eenmalig\" }";
    RETIRED_REACH = "dit vraagt nu [vervolg] schaal = \"incidenteel\" of \"structureel\"", "this is now asked by [vervolg] schaal = \"incidenteel\" or \"structureel\"";
    RETIRED_NETWORK = "schrijf het netwerk bij [casus] netwerk", "write the network at [casus] netwerk";
    ERR_RETIRED_IN_3 = "vraag '{id}' bestaat niet meer sinds versie 3 van de vragenlijst: {hint} (driehoek template toont het nieuwe bestand)", "question '{id}' no longer exists since version 3 of the question set: {hint} (driehoek template shows the new file)";
    RETIRED_EARLY_BLOCKER = "schrijf wat de oplossing in de weg staat bij [casus] oplossing, en welke regel precies bij [wet] blokkade en regel_concreet", "write what stands in the solution's way at [casus] oplossing, and which rule exactly at [wet] blokkade and regel_concreet";
    RETIRED_PAYER = "schrijf wie betaalt bij [middelen] betaler en wie bespaart bij [middelen] bespaarder", "write who pays at [middelen] betaler and who saves at [middelen] bespaarder";
    ERR_UNKNOWN_SECTION = "onbekend onderdeel '{key}'", "unknown section '{key}'";
    ERR_MISSING = "verplichte vraag '{id}' is niet beantwoord", "required question '{id}' is not answered";
    ERR_MISSING_BECAUSE = "vraag '{id}' is niet beantwoord; die is nodig omdat {why}", "question '{id}' is not answered; it is needed because {why}";
    WHY_CHOSEN = "bij '{by}' is gekozen: {values}", "'{by}' says: {values}";
    ERR_NOT_A_TABLE = "'{key}' moet een tabel [{key}] zijn", "'{key}' must be a table [{key}]";
    ERR_WRONG_SET = "dit bestand hoort bij vragenlijst '{found}', niet bij '{active}'", "this file belongs to question set '{found}', not '{active}'";
    WARN_NOT_APPLICABLE = "{place}: '{id}' is een vervolgvraag die hier niet van toepassing is; het antwoord wordt niet opgeslagen", "{place}: '{id}' is a follow-up that does not apply here; the answer is not stored";
    ERRORS_IN_FILE = "{problems} in {file}; er is niets opgeslagen", "{problems} in {file}; nothing was saved";

    // Verdicts and readings.
    VERDICT_JA = "ja", "yes";
    VERDICT_NEE = "nee", "no";
    VERDICT_TWIJFEL = "twijfel", "in doubt";
    SCOPE_INCIDENTEEL = "incidenteel", "incidental";
    SCOPE_STRUCTUREEL = "structureel", "structural";
    SCOPE_WEET_NIET = "weet ik nog niet", "don't know yet";
    Q_LAW = "Mag het van de wet?", "Is it allowed by law?";
    Q_MONEY = "Gaan we handig om met publieke middelen?", "Is it a sensible use of public money?";
    Q_SELF = "Draagt het bij aan zelfregie?", "Does it support self-direction?";
    COST_PROPOSED = "Voorstel", "Proposal";
    COST_DIFF_LATER = "Verschil in de jaren daarna", "Difference in later years";
    COST_LESS = "{amount} minder", "{amount} less";
    COST_MORE = "{amount} meer", "{amount} more";
    COST_SAME = "geen verschil", "no difference";

    // Headings of show and export.
    H_OWN_WORDS = "In eigen woorden", "In their own words";
    H_TRIANGLE = "De waardendriehoek", "The value triangle";
    H_QUESTION = "Vraag", "Question";
    H_VERDICT = "Oordeel", "Verdict";
    H_REASONING = "Toelichting", "Reasoning";
    H_COSTS = "Kosten", "Costs";
    H_FRONT = "Voor het overleg", "For the meeting";
    MEETING = "Overleg", "Meeting";
    H_AMOUNT = "Bedrag", "Amount";
    H_CONTRASTS = "Rationeel en relationeel", "Rational and relational";
    H_CONTRAST_ROW = "Rationeel ↔ relationeel", "Rational ↔ relational";
    H_NOW = "Nu", "Now";
    H_DESIRED = "Gewenst", "Desired";
    H_MOVE = "Beweging", "Movement";
    H_REMARK = "Opmerking", "Remark";
    H_CREATED = "Gemaakt", "Created";
    H_UPDATED = "Bijgewerkt", "Updated";
    H_SET = "Vragenlijst", "Question set";
    H_ID = "id", "id";
    H_DATE = "datum", "date";
    H_TITLE = "titel", "title";
    H_LAW = "wet", "law";
    H_MONEY = "middelen", "money";
    H_SELF = "zelfregie", "self-direction";
    H_SCOPE = "aard", "scope";
    NO_NOTES = "Nog geen notities. Begin met: driehoek nieuw", "No notes yet. Start with: driehoek new";

    // Store and ids.
    CHECK_IN_VERSION = "  in bewaarde versie {n} ({date}): {finding}; wis alleen die versie met: driehoek geschiedenis {id} --wis {n}", "  in kept version {n} ({date}): {finding}; erase just that version with: driehoek history {id} --erase {n}";
    HISTORY_ERASED = "Bewaarde versie {n} van notitie {id} is gewist ({path}).", "Kept version {n} of note {id} is erased ({path}).";
    ERR_NO_SUCH_VERSION = "notitie {id} heeft geen bewaarde versie {n}; er zijn er {count} (driehoek geschiedenis {id})", "note {id} has no kept version {n}; it has {count} (driehoek history {id})";
    ASK_ERASE_VERSION = "Bewaarde versie {n} van notitie {id} ({date}) voorgoed wissen?", "Erase kept version {n} of note {id} ({date}) for good?";
    KEPT_VERSION = "Bewaarde versie {n} is niet gewist.", "Kept version {n} is not erased.";
    ERR_LINK_IN_STORE = "{path} is geen map maar een link of bestand; driehoek volgt geen links in zijn opslag (wat erdoor geschreven wordt, blijft na wissen staan). Vervang het door een gewone map.", "{path} is no folder but a link or a file; driehoek follows no links inside its store (what is written through one survives erasing). Replace it by an ordinary folder.";
    ERR_NO_SUCH_NOTE = "geen notitie met id '{id}'", "no note with id '{id}'";
    ERR_DID_YOU_MEAN = "bedoelde je: {ids}?", "did you mean: {ids}?";
    ERR_AMBIGUOUS = "'{id}' past bij meer notities: {ids}; typ meer tekens", "'{id}' matches more than one note: {ids}; type more characters";
    ERR_NO_ID_TYPED = "noem een notitie: haar id, het begin daarvan, of woorden uit haar titel", "name a note: its id, its beginning, or words from its title";
    ERR_NO_NOTE_NAMED = "geen notitie met id of titel '{id}'", "no note with id or title '{id}'";
    ERR_TITLES_AMBIGUOUS = "'{words}' staat in de titel van meer notities; kies er een met zijn id:\n{notes}", "'{words}' is in the title of more than one note; choose one by its id:\n{notes}";
    ERR_NEWER_NOTE = "{file} heeft notitieformaat {found}; deze versie van driehoek kent tot en met {known}. Werk driehoek bij; het bestand blijft onaangeroerd.", "{file} has note format {found}; this version of driehoek knows up to {known}. Update driehoek; the file is left untouched.";
    WARN_SKIPPED = "overgeslagen: {error}", "skipped: {error}";
    WARN_BROKEN_NOTE = "overgeslagen: {file}: {error}", "skipped: {file}: {error}";

    // Commands.
    ERR_NO_TERMINAL = "driehoek nieuw stelt vragen in een terminal, maar {what} is geen terminal. Zonder terminal: maak een antwoordbestand met 'driehoek sjabloon > antwoorden.toml', vul het in, en sla het op met 'driehoek nieuw --uit antwoorden.toml'.", "driehoek new asks questions in a terminal, but {what} is not a terminal. Without a terminal: write an answers file with 'driehoek template > answers.toml', fill it in, and save it with 'driehoek new --from answers.toml'.";
    ERR_EXPORT_ALL_NEEDS_DIR = "export --alle schrijft één bestand per notitie en heeft een map nodig: -o MAP", "export --all writes one file per note and needs a folder: -o DIR";
    ERR_EXPORT_NEEDS_ID = "noem een notitie-id, of gebruik --alle -o MAP", "name a note id, or use --all -o DIR";
    // Output files: where an export writes and what it may replace.
    ERR_NOT_A_FILE = "{path} is geen gewoon bestand (maar een map, apparaat, FIFO of een link daarnaar); kies een ander pad", "{path} is not a regular file (but a folder, device, FIFO or a link to one); choose another path";
    ERR_FILE_EXISTS = "{path} bestaat al; vervang het met --vervang, of kies een ander pad", "{path} already exists; replace it with --force, or choose another path";
    CONFIRM_REPLACE = "{path} bestaat al. Vervangen?", "{path} already exists. Replace it?";
    REPLACE_DECLINED = "{path} is gebleven zoals het was.", "{path} stayed as it was.";
    EXPORT_DECLINED = "Notitie {id} staat opgeslagen in driehoek; {path} is gebleven zoals het was.", "Note {id} is saved in driehoek; {path} stayed as it was.";
    WROTE = "Geschreven: {paths}", "Written: {paths}";
    WARN_SVG_LEFT_OUT = "de tekeningen zijn weggelaten: {path} bestaat al en is niet door driehoek geschreven", "the pictures are left out: {path} already exists and was not written by driehoek";
    NEXT_STEP = "Volgende stap, de pagina om af te drukken voor de bespreking: driehoek exporteer {id} --formaat html -o MAP", "Next step, the page to print for the meeting: driehoek export {id} --format html -o FOLDER";
}

msgs! {
    // The answers template and the question list.
    T_HEADER = "driehoek: antwoordbestand voor de vragenlijst \"{name}\" ({id} v{version}).\nVul de antwoorden in en sla de notitie op met: driehoek nieuw --uit <dit bestand>\nLaat een antwoord leeg (\"\" of []) om het niet te beantwoorden. Gebruik geen echte namen, BSN of adressen.", "driehoek: answers file for the question set \"{name}\" ({id} v{version}).\nFill in the answers and save the note with: driehoek new --from <this file>\nLeave an answer empty (\"\" or []) to leave it unanswered. Use no real names, BSN or addresses.";
    T_HEADER_OUTCOME = "driehoek: afloopverslag ({id} v{version}): wat er na de casuïstiekbespreking gebeurde.\nVul in wat er te melden is en voeg het verslag toe met: driehoek afloop ID --uit <dit bestand>\nLaat een antwoord leeg (\"\") om het over te slaan. Noem rollen, geen namen; gebruik geen BSN of adressen.", "driehoek: outcome entry ({id} v{version}): what happened after the case discussion.\nFill in what there is to report and add the entry with: driehoek outcome ID --from <this file>\nLeave an answer empty (\"\") to skip it. Name roles, not people; use no BSN or addresses.";
    T_REQUIRED = "verplicht", "required";
    T_QUOTE_INSIDE = "staat er een aanhalingsteken (\") in je antwoord? Zet het antwoord dan tussen drie enkele: vraag = '''Ze zei \"nee\".'''", "is there a quote (\") in your answer? Then put the answer between three single ones: question = '''She said \"no\".'''";
    T_OPTIONAL = "niet verplicht", "optional";
    T_FOLLOW_UP = "vervolgvraag: alleen {when}", "follow-up: only {when}";
    T_OPTIONAL_WHEN = "niet verplicht {when}", "optional {when}";
    T_REQUIRED_WHEN = "verplicht {when}", "required {when}";
    WHEN_ANY_OF = "als {question} is: {values}", "when {question} is: {values}";
    WHEN_APART = "als {question} en {other} {by} of meer uit elkaar liggen", "when {question} and {other} lie {by} or more apart";
    KIND_COST = "een bedrag met periode: { bedrag = \"24.000\", periode = \"jaar\" }; periode is jaar, eenmalig of \"3 jaar\"; onbekend: { bedrag = \"weet ik niet\" }", "an amount with its period: { bedrag = \"24.000\", periode = \"jaar\" }; periode is jaar, eenmalig or \"3 jaar\"; unknown: { bedrag = \"weet ik niet\" }";
    KIND_TEXT = "één regel tekst, bijvoorbeeld \"...\"", "one line of text, for example \"...\"";
    KIND_LONG = "tekst tussen ''' en ''', over meerdere regels en met \"aanhalingstekens\" als je wilt", "text between ''' and ''', over several lines and with \"quotes\" if you like";
    KIND_CHOICE = "één keuze uit: {values}", "one choice of: {values}";
    KIND_MULTI = "een lijst met keuzes uit: {values}; bijvoorbeeld [\"{first}\"]", "a list of choices of: {values}; for example [\"{first}\"]";
    KIND_SCALE = "een getal van {min} ({min_label}) tot en met {max} ({max_label})", "a number from {min} ({min_label}) to {max} ({max_label})";
    KIND_AMOUNT = "een bedrag in euro's, bijvoorbeeld 24000", "an amount in euros, for example 24000";
    KIND_YESNO = "ja of nee: true of false", "yes or no: true or false";
}

msgs! {
    END_SAVE = "Opslaan", "Save";
    END_BACK = "Terug naar de vragen", "Back to the questions";
    END_DISCARD = "Weggooien", "Discard";
}

msgs! {
    // Drafts, edits, deletes.
    ERR_NEEDS_TERMINAL = "driehoek {cmd} heeft een terminal nodig, maar {what} is geen terminal.", "driehoek {cmd} needs a terminal, but {what} is not a terminal.";
    KEEP_DRAFT = "Het concept bewaren om later verder te gaan?", "Keep the draft to continue later?";
    KEEP = "Bewaren (verder met: driehoek hervat {id})", "Keep (continue with: driehoek resume {id})";
    DISCARD = "Weggooien", "Discard";
    DRAFT_KEPT = "Concept {id} bewaard; ga verder met: driehoek hervat {id}", "Draft {id} kept; continue with: driehoek resume {id}";
    NO_DRAFTS = "Er zijn geen concepten.", "There are no drafts.";
    RESUMING = "Verder met concept {id}: {title}", "Continuing draft {id}: {title}";
    UPDATED = "Notitie {id} bijgewerkt; de vorige versie is bewaard.", "Note {id} updated; the previous version is kept.";
    UNCHANGED = "Niets veranderd.", "Nothing changed.";
    EDIT_INVALID = "De notitie klopt niet", "The note is not valid";
    EDIT_AGAIN = "Wat nu?", "What now?";
    EDIT_REOPEN = "Opnieuw openen in de editor", "Open the editor again";
    EDIT_ABANDON = "Wijziging weggooien", "Discard the change";
    ERR_EDIT_ID = "het id van een notitie verander je niet (was {old}, nu {new})", "a note's id cannot change (was {old}, now {new})";
    ERR_EDIT_REVISES_SELF = "revises noemt deze notitie zelf ({id}); een notitie herziet een eerdere", "revises names this note itself ({id}); a note revises an earlier one";
    ERR_EDIT_REVISES_LATER = "revises noemt {target}, een latere versie van deze notitie: dat maakt een kring", "revises names {target}, a later version of this note: that makes a loop";
    ERR_EDIT_REVISES_UNKNOWN = "revises noemt {target}, maar die notitie is er niet", "revises names {target}, but there is no such note";
    ERR_EDIT_CASE = "case noemt de eerste notitie van de casus en verandert niet met de hand (was {old}, nu {new}); verander revises om de notitie bij een andere casus te zetten", "case names the case's first note and does not change by hand (was {old}, now {new}); change revises to move the note to another case";
    CONFIRM_DELETE = "Notitie {id} ({title}) naar de prullenbak verplaatsen?", "Move note {id} ({title}) to the trash?";
    CONFIRM_PURGE = "Notitie {id} ({title}) met al haar versies voorgoed wissen? Dit kan niet ongedaan worden.", "Erase note {id} ({title}) and all its versions for good? This cannot be undone.";
    YES = "Ja", "Yes";
    NO = "Nee", "No";
    DELETED = "Notitie {id} staat in de prullenbak: {path}", "Note {id} is in the trash: {path}";
    DELETE_KEPT = "Notitie {id} is gebleven waar en zoals ze was.", "Note {id} stayed where and as it was.";
    PURGED = "Notitie {id} en haar geschiedenis zijn gewist.", "Note {id} and its history are erased.";
    PRUNE_UPDATED = "Notitie {id} is bijgewerkt sinds de lijst (of is er niet meer) en is niet gewist.", "Note {id} was updated since the list (or is gone) and is not erased.";
    ERR_CONFIRM_NEEDS_TERMINAL = "bevestig met --ja als er geen terminal is", "confirm with --yes when there is no terminal";
    H_CHANGED = "bijgewerkt", "updated";
    H_PROGRESS = "beantwoord", "answered";
    H_EDIT_OF = "bewerking van", "edit of";
    WARN_EXPOSED = "let op: {path} is leesbaar of schrijfbaar voor anderen; maak het privé met: chmod go-rwx {path}", "warning: {path} can be read or written by others; make it private with: chmod go-rwx {path}";
}

msgs! {
    // The privacy guard.
    PRIVACY_FOUND = "Let op: dit lijkt op persoonsgegevens. Bespreek casussen gepseudonimiseerd.", "Careful: this looks like personal data. Discuss cases pseudonymised.";
    PRIVACY_WHAT = "Wat wil je doen?", "What do you want to do?";
    PRIVACY_AGAIN = "Antwoord herschrijven", "Rewrite the answer";
    PRIVACY_REDACT = "Vervangen en doorgaan: {example}", "Replace and go on: {example}";
    PRIVACY_KEEP = "Toch zo bewaren", "Keep it as it is";
    WARN_EXPORT_PERSONAL = "let op: notitie {id} bevat wat op persoonsgegevens lijkt:", "careful: note {id} contains what looks like personal data:";
    CHECK_FOUND = "{findings} in {notes}.", "{findings} in {notes}.";
}

msgs! {
    CURRENT_ANSWER = "huidig antwoord (Enter = houden · - = wissen): {answer}", "current answer (Enter = keep · - = clear): {answer}";
}

msgs! {
    H_FILE = "bestand", "file";
}

msgs! {
    ERR_FILTER_NEEDS_ALL = "--sinds, --tot, --zoek, --oordeel en --structureel kiezen notities voor export --alle", "--since, --until, --search, --verdict and --structural choose notes for export --all";
}

msgs! {
    // The pictures: the value triangle and the contrast profile.
    PIC_MAATWERK = "maatwerk", "maatwerk";
    PIC_UNANSWERED = "onbeantwoord", "unanswered";
    PIC_NOW = "nu", "now";
    PIC_DESIRED = "gewenst", "desired";
    PIC_SAME = "nu = gewenst", "now = desired";
    PIC_RATIONAL = "rationeel", "rational";
    PIC_RELATIONAL = "relationeel", "relational";
}

msgs! {
    // compare
    COMPARE_TITLE = "Vergelijking {a} en {b}", "Comparison of {a} and {b}";
    B_REVISES_A = "B herziet A.", "B revises A.";
    A_REVISES_B = "A herziet B.", "A revises B.";
    H_CHANGE = "Verschil", "Change";
    H_NOW_DESIRED = "nu → gewenst", "now → desired";
    H_SHIFT_NOW = "Verschuiving nu", "Shift now";
    H_SHIFT_DESIRED = "Verschuiving gewenst", "Shift desired";
    H_CHANGED_ANSWERS = "Veranderde antwoorden", "Changed answers";
}

msgs! {
    // config
    CFG_FILE = "instellingen:", "settings:";
    CFG_EXISTS = "bestaat", "exists";
    CFG_MISSING = "bestaat nog niet", "does not exist yet";
    CFG_NAMES = "{names} voor de privacybewaker (niet getoond)", "{names} for the privacy guard (not shown)";
    CFG_QUESTIONS = "eigen vragenlijsten:", "own question sets:";
    CFG_LEXICON = "eigen labels:", "own labels:";
    CFG_NOTES = "notities:", "notes:";
    CFG_EXAMPLE = "Voorbeeld van config.toml:\n  lang = \"nl\"\n  set = \"waardendriehoek\"\n  initials = \"AB\"\n  names = [\"Achternaam\"]", "Example config.toml:\n  lang = \"en\"\n  set = \"waardendriehoek\"\n  initials = \"AB\"\n  names = [\"Surname\"]";
}

msgs! {
    // bundle
    B_TITLE = "Gebundelde uitzonderingen", "Bundled exceptions";
    BUNDLE_META = "{cases}{about}. Zonder persoonlijke tekst: casussen staan er met hun id.", "{cases}{about}. No personal text: cases appear by their id.";
    B_OPEN = "open", "open";
    B_LAWS = "Welke wetten en regels", "Which laws and rules";
    B_LAW = "Wet of regel", "Law or rule";
    B_BLOCKERS = "Wat blokkeert", "What blocks";
    B_BLOCKER = "Wat blokkeert", "What blocks";
    B_DISCUSSED = "Besproken met de persoon", "Discussed with the person";
    B_ANSWER = "Antwoord", "Answer";
    B_CASES = "casussen", "cases";
    B_STRUCTURAL = "Structurele casussen, naar wat ze blokkeert", "Structural cases, by what blocks them";
    B_COSTED = "Over {cases} met beide bedragen:", "Over {cases} with both amounts:";
    B_COST_CURRENT = "Huidige routes over {years}", "Current routes over {years}";
    B_COST_PROPOSED = "Voorstellen over {years}", "Proposals over {years}";
    B_HORIZON = "Bedragen over {years}: elke casus over dezelfde periode.", "Amounts over {years}: every case over the same period.";
    B_CONTRASTS = "Rationeel en relationeel, gemiddeld", "Rational and relational, on average";
    B_LABELS = "Labels in de notities", "Labels in the notes";
    B_LABEL = "Label", "Label";
    B_NOTES = "notities", "notes";
    B_CASE_LIST = "Casussen", "Cases";
    B_ABOUT_LAW = " over {law}", " about {law}";
    B_ABOUT_STRUCTURAL = ", alleen structureel", ", structural only";
    B_ABOUT_SINCE = " vanaf {date}", " from {date}";
    B_ABOUT_UNTIL = " tot en met {date}", " up to {date}";
    // bundle per rule (issue 10)
    B_RULES = "Per regel", "Per rule";
    B_LAWS_OTHER = "Andere wetten, zoals genoemd", "Other laws, as named";
    B_RULE = "Regel", "Rule";
    SIG_TITLE = "Signalen over regels", "Signals about rules";
    SIG_META = "{rules}, {open} nog open · stand van {today}", "{rules}, {open} still open · as of {today}";
    SIG_NONE = "Nog geen regel met een signaal. Leg een signaal vast met: driehoek afloop ID", "No rule with a signal yet. Record a signal with: driehoek outcome ID";
    SIG_NONE_OPEN = "Geen signaal staat nog open.", "No signal is still open.";
    SIG_TO = "Signaal aan", "Signal to";
    SIG_OWNER = "Eigenaar", "Owner";
    SIG_SENT = "Verstuurd", "Sent";
    SIG_DAYS = "Dagen sinds verstuurd", "Days since sent";
    SIG_STATUS = "Stand", "Status";
    SIG_CASES = "Casussen", "Cases";
    SIG_BROKE_THROUGH = "Doorgebroken", "Broke through";
    SIG_PER_STATUS = "Casussen per stand", "Cases per status";
    SIG_NOT_SENT = "nog niet verstuurd", "not sent yet";
    SIG_NO_STATUS = "zonder stand", "no status";
    B_NO_RULE = "(geen regel genoemd)", "(no rule named)";
    B_RULE_COST_CURRENT = "Huidige routes over {years}", "Current routes over {years}";
    B_RULE_COST_PROPOSED = "Voorstellen over {years}", "Proposals over {years}";
    B_RULE_COSTED = "Met bedragen", "With amounts";
    B_RULES_HOW = "Eén rij per regel, hoe hij ook geschreven is (hoofdletters, spaties, leestekens aan het eind): de regel zoals hij het vaakst geschreven is, met achter elke soort blokkade hoeveel casussen die noemden. Een casus en zijn herzieningen tellen als één casus (de nieuwste). Doorgebroken: toegekend of deels toegekend. Dagen tot besluit: de mediaan, van de notitie tot het eerste besluit, over de casussen met een besluit.", "One row per rule, however it was written (capitals, spaces, punctuation at the ends): the rule as written most often, with after each kind of blocker how many cases named it. A case and its revisions count as one case (the latest). Broken through: granted in whole or in part. Days to decision: the median, from the note to the first decision, over the cases decided.";
    B_RULE_COSTS = "Kosten per regel", "Costs per rule";
    B_RULE_PAYERS = "Wie betaalt en wie bespaart, per regel", "Who pays and who saves, per rule";
    B_RULE_PAYERS_HOW = "Wie de voorgestelde oplossing zou betalen en wie erop zou besparen, met hoeveel casussen dat noemden (een casus kan er meer noemen, of geen). Een antwoord op de oude vraag ‘wie betaalt, en wie bespaart?’ (vragenset 2) telt hier niet mee: het noemde beide door elkaar.", "Who would pay for the proposed solution and who would save on it, with how many cases named each (a case may name several, or none). An answer to the old question ‘who pays, and who saves?’ (question set 2) does not count here: it named both at once.";
    B_PAYERS = "Wie betaalt", "Who pays";
    B_SAVERS = "Wie bespaart", "Who saves";
    B_RULE_COSTS_HOW = "Bedragen over {years}: een bedrag per jaar telt elk jaar, een eenmalig bedrag één keer, een bedrag over n jaar het deel dat binnen {years} valt; alleen casussen met beide bedragen tellen mee (een onbekend bedrag is geen 0). Verschil: wat de voorstellen besparen.", "Amounts over {years}: a yearly amount counts every year, a one-off amount once, an amount over n years the part that falls within {years}; only cases with both amounts count (an unknown amount is not 0). Difference: what the proposals save.";
    B_BROKE_THROUGH = "Doorgebroken", "Broken through";
    B_REFUSED = "Afgewezen", "Refused";
    B_MEDIAN_DAYS = "Dagen tot besluit (mediaan)", "Days to decision (median)";
    B_OUTCOMES = "Na de bespreking", "After the discussion";
    B_OUTCOME = "Besluit", "Decision";
    B_NO_OUTCOME = "(geen afloop vastgelegd)", "(no outcome recorded)";
    B_OUTCOMES_MEDIAN = "Van de notitie tot het eerste besluit: mediaan {days}.", "From the note to the first decision: median {days}.";
    B_DAY = "1 dag", "1 day";
    B_DAYS = "{days} dagen", "{days} days";
    B_STUCK = "Waar het het meest vastzit", "Where it is most stuck";
    B_STUCK_ROW = "Rij", "Row";
    B_ABOUT_FILES = " uit {files}", " from {files}";
    BUNDLE_META_FROM = "{cases}{about}. Uit anonieme exporten, zonder titels of vrije tekst (dus ook zonder de labels uit vrije tekst): een casus die in meer bestanden staat, telt één keer (de nieuwste versie); datums tellen per maand.", "{cases}{about}. From anonymous exports, without titles or free text (so also without the labels found in free text): a case found in more files counts once (the newest version); dates count by month.";
    // anonymous export and bundle --from (issue 10)
    ERR_ANON_NEEDS_ALL = "--anoniem exporteert alle notities samen: gebruik export --alle --anoniem", "--anonymous exports all notes together: use export --all --anonymous";
    ERR_ANON_JSON_ONLY = "een anonieme export is altijd JSON: laat --formaat weg of gebruik --formaat json", "an anonymous export is always JSON: leave out --format or use --format json";
    ERR_ANON_PERSONAL = "de anonieme export is niet geschreven: wat hierboven staat lijkt op persoonsgegevens. Haal het uit de notitie (driehoek bewerk ID) en exporteer opnieuw.", "the anonymous export was not written: what is listed above looks like personal data. Take it out of the note (driehoek edit ID) and export again.";
    ERR_ANON_NOT_EXPORT = "{file} is geen anonieme export van driehoek (verwacht: \"format\": \"driehoek-anoniem\")", "{file} is not an anonymous driehoek export (expected: \"format\": \"driehoek-anoniem\")";
    ERR_ANON_NEWER = "{file} is gemaakt door een nieuwere driehoek (formaatversie {version}); deze versie leest tot en met versie {max}. Werk driehoek bij om dit bestand te lezen.", "{file} was made by a newer driehoek (format version {version}); this version reads up to version {max}. Update driehoek to read this file.";
    ERR_ANON_VERSION = "{file}: formaatversie {version} bestaat niet", "{file}: format version {version} does not exist";
    ERR_ANON_RECORD = "{file}:{line}: casus {n}: {problem}", "{file}:{line}: case {n}: {problem}";
    ERR_ANON_OFF_SCALE = "veld `contrasts`: rij `{key}` heeft een plaats buiten {min} tot en met {max}", "field `contrasts`: row `{key}` has a place outside {min} to {max}";
    ERR_ANON_TWICE = "veld `{field}` noemt `{value}` twee keer", "field `{field}` names `{value}` twice";
    ERR_ANON_NEWER_FIELD = "veld `{field}` hoort bij formaatversie {since}, maar het bestand zegt een oudere versie", "field `{field}` belongs to format version {since}, but the file says an older version";
    ERR_ANON_PART = "{file}: een casus of de kop van het bestand is groter dan {max} bytes", "{file}: a case or the head of the file is larger than {max} bytes";
    ERR_ANON_FIELD = "veld `{field}` klopt niet", "field `{field}` is not valid";
    ERR_ANON_CONTROL = "veld `{field}` bevat stuur- of richtingstekens", "field `{field}` holds control or direction characters";
    ERR_ANON_MONTH = "maand '{month}' is geen maand; schrijf JJJJ-MM", "month '{month}' is not a month; write YYYY-MM";
    ERR_ANON_MONTH_RANGE = "maand '{month}' ligt niet tussen 1990 en 2100", "month '{month}' is not between 1990 and 2100";
    RECORD_LEFT_OUT_BUNDLE = "notitie {id} telt niet mee in de bundel: {problem}", "note {id} is not counted in the bundle: {problem}";
    RECORD_LEFT_OUT_EXPORT = "notitie {id} gaat niet mee in de export: {problem}", "note {id} is left out of the export: {problem}";
    ERR_ANON_TOO_LONG = "veld `{field}` is langer dan {max} tekens", "field `{field}` is longer than {max} characters";
    ERR_ANON_TOO_MANY = "veld `{field}` heeft meer dan {max} waarden", "field `{field}` has more than {max} values";
    ERR_JSON = "de JSON klopt hier niet", "the JSON is not valid here";
    ERR_FROM_FINDING = "  {file}: casus {n}, veld `{field}`: {kind}: {text}", "  {file}: case {n}, field `{field}`: {kind}: {text}";
    ERR_FROM_PERSONAL = "er is niets gebundeld: wat hierboven staat lijkt op persoonsgegevens. Vraag wie het bestand maakte om het uit de notitie te halen en opnieuw te exporteren.", "nothing was bundled: what is listed above looks like personal data. Ask whoever made the file to take it out of the note and export again.";
    ERR_EXPORT_KEY = "{path} is beschadigd of geen gewoon bestand: het moet 32 bytes bevatten. Zet een reservekopie terug. Een nieuwe sleutel (haal het bestand weg) maakt nieuwe vingerafdrukken, zodat casussen die al eerder anoniem geëxporteerd zijn in een bundel dubbel tellen.", "{path} is damaged or not a regular file: it must hold 32 bytes. Restore a backup. A new key (remove the file) makes new fingerprints, so cases exported anonymously before count twice in a bundle.";
    ERR_FROM_CHANGED = "{file} veranderde terwijl driehoek bundelde; er is niets gebundeld. Probeer het opnieuw.", "{file} changed while driehoek was bundling; nothing was bundled. Try again.";
    ERR_FROM_EMPTY = "{dir} bevat geen .json-bestanden om te bundelen", "{dir} holds no .json files to bundle";
    B_UNKNOWN_LAW = "onbekende wet of regel ‘{law}’; bedoel je ‘{nearest}’? Bekend: {known}", "unknown law or rule ‘{law}’; did you mean ‘{nearest}’? Known: {known}";
}

msgs! {
    // the label mirror
    LABEL = "label", "label";
    MIRROR = "Je schreef \"{label}\". {question}", "You wrote \"{label}\". {question}";
    H_LABELS = "Labels in deze notitie", "Labels in this note";
}

msgs! {
    // the limits of a coach's lexicon (issue 11 item 9)
    LEXICON_TOO_LARGE = "het lexicon {file} is {size}; een lexicon mag hoogstens {limit} zijn. Maak het kleiner.", "the lexicon {file} is {size}; a lexicon may be at most {limit}. Make it smaller.";
    LEXICON_TOO_MANY = "het lexicon {file} heeft {labels} labels met samen {phrases} zinnen; een lexicon mag hoogstens {limit} labels en {phrase_limit} zinnen hebben. Maak het kleiner.", "the lexicon {file} has {labels} labels with {phrases} phrases in all; a lexicon may have at most {limit} labels and {phrase_limit} phrases. Make it smaller.";
}

msgs! {
    H_ASK_BACK = "Vraag terug", "Ask back";
}

msgs! {
    PICTURES = "De waardendriehoek en het contrastprofiel", "The value triangle and the contrast profile";
}

msgs! {
    // practice
    PRACTICE_TITLE = "Oefening: {case}", "Practice: {case}";
    PRACTICE_META = "Jouw antwoorden naast wat een ervaren maatwerkcoach zou zoeken. Het gaat vooral om wat je ziet; bij de wetsvraag is er soms wel een goed of fout.", "Your answers beside what an experienced maatwerk coach would look for. It is mostly about what you see; on the law question there is sometimes a right or wrong.";
    H_YOU = "Jij", "You";
    H_COACH = "Coach", "Coach";
    H_REFLECTION = "Reflectie", "Reflection";
    PRACTICE_PICK = "Welke casus wil je oefenen?", "Which case do you want to practise?";
    PRACTICE_SITUATION = "De situatie", "The situation";
    PRACTICE_READY = "Klaar om de casus door te lopen?", "Ready to walk the case?";
    PRACTICE_START = "Beginnen", "Start";
    ERR_NO_CASE = "geen oefencasus '{key}'; kies uit: {keys}", "no practice case '{key}'; choose from: {keys}";
    H_CASE = "casus", "case";
    H_SUMMARY = "waar het over gaat", "what it is about";
    PRACTICE_SAVED = "Oefennotitie {id} opgeslagen (telt niet mee in bundel).", "Practice note {id} saved (not counted in bundle).";
}

msgs! {
    PRACTICE_MARK = "oefening", "practice";
}

msgs! {
    // The store: erasure that finishes, temp files, edits that overlap,
    // the retention period (issue 11).
    ERR_NOTE_TOO_LARGE = "de notitie zou {size} bytes worden; het maximum is {max} bytes. Maak lange antwoorden korter.", "the note would be {size} bytes; the limit is {max} bytes. Shorten long answers.";
    PURGE_CANCEL_DONE = "Afgebroken, maar notitie {id} was al helemaal gewist.", "Cancelled, but note {id} was already erased completely.";
    PURGE_CANCEL_LEFT = "Afgebroken tijdens het wissen van notitie {id}. Het wissen wordt afgemaakt bij de volgende opdracht, of met: driehoek verwijder {id} --voorgoed", "Cancelled while erasing note {id}. The erasure is finished by the next command, or with: driehoek delete {id} --purge";
    WARN_TIDY = "opruimen van wat een afgebroken opdracht achterliet lukte niet: {error}", "could not clean up what an interrupted command left behind: {error}";
    EDIT_CONFLICT = "Notitie {id} is veranderd sinds je begon (een andere bewerking sloeg eerst op); ze is niet overschreven. Je antwoorden staan in concept {draft}; ga verder met: driehoek hervat {draft} (de andere versie blijft dan in de geschiedenis).", "Note {id} changed since you began (another edit saved first); it was not overwritten. Your answers are in draft {draft}; continue with: driehoek resume {draft} (the other version then stays in the history).";
    EDIT_NOTE_GONE = "Notitie {id} is intussen gewist of weggegooid; de bewerking stopt en er is geen concept bewaard.", "Note {id} was erased or deleted meanwhile; the edit stops and no draft is kept.";
    CHECK_TEMP = "tijdelijk bestand (kan tekst van een notitie bevatten): {path}", "temp file (may hold a note's text): {path}";
    ERR_READ = "kan {file} niet lezen: {error}", "cannot read {file}: {error}";
    ERR_INPUT_TOO_LARGE = "{file} is groter dan {max} bytes, de grens voor zo'n bestand", "{file} is larger than {max} bytes, the limit for such a file";
    ERR_NOT_UTF8 = "{file} is geen tekst (UTF-8)", "{file} is not text (UTF-8)";
    ERR_NOT_REGULAR = "{file} is geen gewoon bestand (maar een symbolische link, map, FIFO of apparaat) en wordt niet gelezen", "{file} is not a regular file (but a symbolic link, folder, FIFO or device) and is not read";
    ERR_ID_NOT_FILE_NAME = "{file} draagt het id {inner}, niet {id} zoals de naam zegt; het is waarschijnlijk een kopie (van een synchronisatieprogramma, of een '-kopie') en wordt niet gebruikt. Houd de goede versie als notes/{inner}.toml en haal de andere weg.", "{file} holds id {inner}, not {id} as its name says; it is probably a copy (by a sync client, or a '-copy') and is not used. Keep the right version as notes/{inner}.toml and remove the other.";
    ERR_NO_RETENTION = "er is geen bewaartermijn ingesteld; zet bijvoorbeeld bewaartermijn = 12 (maanden) in config.toml (zie: driehoek config)", "no retention period is set; put for example bewaartermijn = 12 (months) in config.toml (see: driehoek config)";
    PRUNE_NONE = "Geen notities ouder dan de bewaartermijn van {months}.", "No notes older than the retention period of {months}.";
    RETENTION_MARK = "bewaartermijn voorbij", "past retention";
    CHECK_RETENTION = "{id} {title}: langer dan de bewaartermijn van {months} niet bijgewerkt (laatst {date})", "{id} {title}: not updated for longer than the retention period of {months} (last {date})";
    CFG_RETENTION_UNSET = "bewaartermijn = — (niet ingesteld; de AVG vraagt om een termijn, bijvoorbeeld: bewaartermijn = 12)", "bewaartermijn = — (not set; the GDPR asks for a period, for example: bewaartermijn = 12)";
    CFG_RETENTION = "bewaartermijn = {months} (maanden)", "bewaartermijn = {months} (months)";
    ERR_DRAFT_IDS = "{file} is geen bruikbaar concept: het id erin is niet de naam van het bestand, of het verwijst naar iets buiten de map met notities", "{file} is not a usable draft: the id inside is not the file's name, or it points outside the notes folder";
    PURGE_FINISHED = "Het afgebroken wissen van notitie {id} is afgemaakt.", "The interrupted erasure of note {id} is finished.";
    // Question set 2: costs with a period, exclusive choices, two walks.
    PERIOD_YEAR = "per jaar", "per year";
    PERIOD_ONCE = "eenmalig", "one-off";
    PERIOD_YEARS = "over {years}", "over {years}";
    COST_UNKNOWN = "weet ik niet", "don't know";
    ROUTE_SHORT = "Korte route: {short} vragen, ongeveer {short_min} minuten. Alle {full} vragen (ongeveer {full_min} minuten): driehoek nieuw --volledig. Een korte notitie verdiep je later met: driehoek bewerk ID --volledig.", "Short walk: {short} questions, about {short_min} minutes. All {full} questions (about {full_min} minutes): driehoek new --full. Deepen a short note later with: driehoek edit ID --full.";
    ROUTE_FULL = "Volledige route: {full} vragen, ongeveer {full_min} minuten. Alleen wat de bespreking nodig heeft ({short} vragen, ongeveer {short_min} minuten): driehoek nieuw --kort.", "Full walk: {full} questions, about {full_min} minutes. Only what the discussion needs ({short} questions, about {short_min} minutes): driehoek new --short.";
    ROUTE_DEEPEN = "Verdiepen: de {deepen} vragen die de korte route oversloeg, ongeveer {deepen_min} minuten. Je antwoorden uit de korte route blijven staan.", "Deepening: the {deepen} questions the short walk left out, about {deepen_min} minutes. Your answers from the short walk stay as they are.";
    ERR_CONFIG_WALK = "walk in config.toml is \"kort\" of \"volledig\"", "walk in config.toml is \"kort\" (short) or \"volledig\" (full)";
    UPGRADE_UNREADABLE = "niet bijgewerkt, want niet te lezen (het bestand blijft zoals het is): {error}", "not upgraded, as it cannot be read (the file stays as it is): {error}";
    UPGRADE_NOTHING = "Alle notities hebben al het huidige formaat; er is niets bij te werken.", "Every note already has today's format; there is nothing to upgrade.";
    UPGRADE_FORMAT = "notitieformaat {from} → {to}", "note format {from} → {to}";
    CHANGE_CASE = "draagt voortaan de eerste notitie van haar casus ({case}), zodat het weghalen van een versie de casus nooit splitst", "carries its case's first note from now on ({case}), so removing a version never splits the case";
    UPGRADE_DRY_RUN = "Proefdraai: bij te werken: {notes}; er is niets geschreven.", "Dry run: to upgrade: {notes}; nothing was written.";
    CONFIRM_UPGRADE = "Bijwerken: {notes}? De vorige versie blijft in de geschiedenis.", "Upgrade {notes}? The previous version stays in the history.";
    UPGRADE_KEPT = "Bijwerken gestopt; het formaat van {notes} is gebleven zoals het was.", "Upgrade stopped; the format of {notes} stayed as it was.";
    UPGRADE_FAILED = "notitie {id} niet bijgewerkt: {error}", "note {id} not upgraded: {error}";
    UPGRADED = "Bijgewerkt: {notes}; de vorige versies staan in de geschiedenis (driehoek geschiedenis ID).", "Upgraded: {notes}; the previous versions are in the history (driehoek history ID).";
    UPGRADE_LEFT = "Niet bijgewerkt: {notes}; zie hierboven waarom", "Not upgraded: {notes}; see above for why";
    CHANGE_COSTS = "kosten krijgen hun periode (huidige route per jaar; voorstel eenmalig of per jaar, zoals aangegeven)", "costs get their period (current route per year; proposal one-off or per year, as given)";
    CHANGE_ROOM = "ruimte om af te wijken: ja/nee wordt een keuze (ja, nee, weet ik nog niet)", "room to deviate: yes/no becomes a choice (yes, no, don't know yet)";
    CHANGE_BLOCKER = "wat blokkeert wordt een lijst (meer dan één keuze kan)", "what blocks becomes a list (more than one choice possible)";
    CHANGE_AWB = "Awb art. 4:84 verhuist van de wetten naar de routes om af te wijken", "Awb art. 4:84 moves from the laws to the routes to deviate";
    CHANGE_EXPERT = "het antwoord op ‘wat zou een ervaringsdeskundige vragen?’ blijft bewaard onder die vraag", "the answer to ‘what would an expert by experience ask?’ stays under that question";
    CHANGE_ASKED = "afloopverslagen: ‘aan wie voorgelegd’ wordt een lijst (meer dan één rol kan); het ene antwoord wordt een lijst van één", "outcome entries: ‘whom did you ask’ becomes a list (more than one role possible); the one answer becomes a list of one";
    CHANGE_NETWORK = "‘wat doet het netwerk?’ verhuist naar de netwerkvraag van de casus", "‘what does the network do?’ moves to the case's network question";
    CHANGE_SIGNAL = "het signaal als vrije tekst staat nu bij de toelichting op het signaal (vervolg.signaal_notitie); of er een signaal nodig is (ja / nee / weet ik nog niet), staat nog open", "the signal as free text is now the signal's note (vervolg.signaal_notitie); whether a signal is needed (yes / no / don't know yet) is still open";
    NO_PROFILE = "Geen contrastprofiel: de korte route plaatst de rijen niet.", "No contrast profile: the short walk places no row.";
    HINT_PROFILE = "De rijen plaatsen: driehoek bewerk {id} --volledig", "To place the rows: driehoek edit {id} --full";
    STUCK_ROW = "Zit het meest vast: {row}", "Most stuck: {row}";
    MIGRATED_ROOM = "Is er ruimte om af te wijken? (afgeleid bij het bijwerken: Awb art. 4:84 was gekozen als wet)", "Is there room to deviate? (derived when upgrading: Awb art. 4:84 was chosen as a law)";
    PERIOD_ASK = "Over welke periode gaat {amount}?", "Over which period is {amount}?";
    PERIOD_HELP = "Per jaar: kosten die elk jaar terugkomen. Eenmalig: één keer, zoals een schuld overnemen of een verhuizing. Over meer jaren: het totaal over een vast aantal jaren, zoals een traject van drie jaar. Zo kan driehoek de kosten eerlijk over dezelfde periode vergelijken.", "Per year: a cost that comes back every year. One-off: once, such as taking over a debt or paying for a move. Over several years: the total over a fixed number of years, such as a three-year programme. That way driehoek compares the costs fairly over the same period.";
    PERIOD_MORE_YEARS = "over meer jaren (totaal)", "over several years (total)";
    PERIOD_HOW_MANY = "Over hoeveel jaar? (1 tot en met 50)", "Over how many years? (1 to 50)";
    ERR_COST_AMOUNT_TYPED = "'{value}' is geen bedrag in euro's (bijvoorbeeld 24000 of 1.250,50); weet je het niet, typ dan: weet ik niet", "'{value}' is not an amount in euros (for example 24000 or 1250.50); if you don't know, type: weet ik niet (don't know)";
    COST_NOW = "Huidige route", "Current route";
    COST_NOW_OVER = "Huidige route over {years}", "Current route over {years}";
    COST_PROPOSED_OVER = "Voorstel over {years}", "Proposal over {years}";
    COST_DIFF = "Verschil", "Difference";
    COST_DIFF_OVER = "Verschil over {years}", "Difference over {years}";
    ERR_COST_TABLE = "een bedrag met periode schrijf je als { bedrag = \"24.000\", periode = \"jaar\" }, of \"weet ik niet\"", "write an amount with its period as { bedrag = \"24.000\", periode = \"jaar\" }, or \"weet ik niet\"";
    ERR_COST_KEY = "onbekende sleutel '{key}' bij een bedrag; gebruik bedrag en periode", "unknown key '{key}' in a cost; use bedrag and periode";
    ERR_COST_NO_AMOUNT = "bedrag ontbreekt: een getal, of \"weet ik niet\"", "bedrag is missing: a number, or \"weet ik niet\"";
    ERR_PERIOD = "'{value}' is geen periode; kies jaar, eenmalig of bijvoorbeeld \"3 jaar\" (1 tot en met 50 jaar)", "'{value}' is not a period; choose jaar (per year), eenmalig (one-off) or for example \"3 jaar\" (1 to 50 years)";
    ERR_COST_NO_PERIOD = "periode ontbreekt: jaar, eenmalig of bijvoorbeeld \"3 jaar\"", "periode is missing: jaar (per year), eenmalig (one-off) or for example \"3 jaar\"";
    ERR_EXCLUSIVE = "'{value}' kan niet samen met een andere keuze", "'{value}' cannot go together with another choice";
}

// ---- The reader's language, plurals and numbers (issue 12). ----

/// A message with a singular and a plural form in each language; `{count}`
/// is the number that chooses between them.
#[derive(Clone, Copy, Debug)]
pub struct Plural {
    pub one: Msg,
    pub many: Msg,
}

impl Plural {
    pub fn with(self, lang: Lang, count: usize, args: &[(&str, &str)]) -> String {
        let msg = if count == 1 { self.one } else { self.many };
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        msg.with(lang, &all)
    }

    pub fn count(self, lang: Lang, count: usize) -> String {
        self.with(lang, count, &[])
    }
}

macro_rules! plurals {
    ($($name:ident = $nl1:literal, $nl:literal, $en1:literal, $en:literal;)*) => {
        $(pub(crate) const $name: Plural = Plural {
            one: Msg { nl: $nl1, en: $en1 },
            many: Msg { nl: $nl, en: $en },
        };)*
    };
}

/// A number with `decimals` places, with the reader's decimal mark.
pub fn decimal(lang: Lang, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

plurals! {
    N_NOTES = "{count} notitie", "{count} notities", "{count} note", "{count} notes";
    N_CASES = "{count} casus", "{count} casussen", "{count} case", "{count} cases";
    N_FINDINGS = "{count} vondst", "{count} vondsten", "{count} finding", "{count} findings";
    N_PROBLEMS = "{count} fout", "{count} fouten", "{count} problem", "{count} problems";
    N_UNREADABLE = "{count} notitiebestand niet te lezen", "{count} notitiebestanden niet te lezen", "{count} unreadable note file", "{count} unreadable note files";
    WARN_NO_INITIALS = "let op: {count} casus heeft geen initialen; de notitie is gemaakt toen de instelling initials nog leeg was (driehoek config set initials AB).", "let op: {count} casussen hebben geen initialen; de notities zijn gemaakt toen de instelling initials nog leeg was (driehoek config set initials AB).", "careful: {count} case has no initials; its note was made while the initials setting was empty (driehoek config set initials AB).", "careful: {count} cases have no initials; their notes were made while the initials setting was empty (driehoek config set initials AB).";
    ANON_WROTE = "{count} casus anoniem geëxporteerd naar {path}: alleen wat een bundel telt, geen titels, geen vrije tekst.", "{count} casussen anoniem geëxporteerd naar {path}: alleen wat een bundel telt, geen titels, geen vrije tekst.", "{count} case exported anonymously to {path}: only what a bundle counts, no titles, no free text.", "{count} cases exported anonymously to {path}: only what a bundle counts, no titles, no free text.";
    EXPORTED = "{count} notitie geëxporteerd naar {dir}", "{count} notities geëxporteerd naar {dir}", "{count} note exported to {dir}", "{count} notes exported to {dir}";
    ERR_NOT_ALL_EXPORTED = "{count} notitie niet geëxporteerd; zie hierboven waarom", "{count} notities niet geëxporteerd; zie hierboven waarom", "{count} note not exported; see above for why", "{count} notes not exported; see above for why";
    DRAFTS_WAITING = "Er wacht {count} concept; ga verder met: driehoek hervat", "Er wachten {count} concepten; ga verder met: driehoek hervat", "{count} draft waiting; continue with: driehoek resume", "{count} drafts waiting; continue with: driehoek resume";
    ERR_PERSONAL_DATA = "{count} vondst die op persoonsgegevens lijkt; er is niets opgeslagen. Pas het bestand aan, of sla toch op met --persoonsgegevens-toestaan.", "{count} vondsten die op persoonsgegevens lijken; er is niets opgeslagen. Pas het bestand aan, of sla toch op met --persoonsgegevens-toestaan.", "{count} finding that looks like personal data; nothing was saved. Change the file, or save anyway with --allow-personal-data.", "{count} findings that look like personal data; nothing was saved. Change the file, or save anyway with --allow-personal-data.";
    CHECK_CLEAN = "Geen BSN, IBAN, telefoonnummer, e-mailadres, postcode met huisnummer of geboortedatum gevonden in {count} notitie, met haar afloop en bewaarde versies; namen herkent het alleen uit je lijst (driehoek instellingen namen toevoegen NAAM).", "Geen BSN, IBAN, telefoonnummer, e-mailadres, postcode met huisnummer of geboortedatum gevonden in {count} notities, met hun afloop en bewaarde versies; namen herkent het alleen uit je lijst (driehoek instellingen namen toevoegen NAAM).", "No BSN, IBAN, phone number, e-mail address, postcode with house number or date of birth found in {count} note, its outcome or its kept versions; names are recognised only from your list (driehoek config names add NAME).", "No BSN, IBAN, phone number, e-mail address, postcode with house number or date of birth found in {count} notes, their outcomes or their kept versions; names are recognised only from your list (driehoek config names add NAME).";
    CHECK_TEMPS = "{count} tijdelijk bestand over. Een opdracht die nog loopt gebruikt het misschien; wat een afgebroken opdracht achterliet, ruimt de volgende opdracht na een minuut op.", "{count} tijdelijke bestanden over. Een opdracht die nog loopt gebruikt ze misschien; wat een afgebroken opdracht achterliet, ruimt de volgende opdracht na een minuut op.", "{count} temp file remains. A command still running may use it; what an interrupted command left is cleaned up by the next command after a minute.", "{count} temp files remain. A command still running may use them; what an interrupted command left is cleaned up by the next command after a minute.";
    CONFIRM_PRUNE = "Deze {count} notitie, langer dan {months} niet bijgewerkt, met al haar versies voorgoed wissen? Dit kan niet ongedaan worden.", "Deze {count} notities, langer dan {months} niet bijgewerkt, met al hun versies voorgoed wissen? Dit kan niet ongedaan worden.", "Erase this {count} note, not updated for more than {months}, and all its versions for good? This cannot be undone.", "Erase these {count} notes, not updated for more than {months}, and all their versions for good? This cannot be undone.";
    PRUNED = "{count} notitie gewist.", "{count} notities gewist.", "{count} note erased.", "{count} notes erased.";
    PRUNE_KEPT = "Opschonen gestopt: de {count} notitie is bewaard gebleven, met al haar versies.", "Opschonen gestopt: alle {count} notities zijn bewaard gebleven, met al hun versies.", "Pruning stopped: the {count} note is kept, with all its versions.", "Pruning stopped: all {count} notes are kept, with all their versions.";
    RETENTION_LISTED = "{count} notitie is langer dan de bewaartermijn van {months} niet bijgewerkt; wis haar met: driehoek opschonen", "{count} notities zijn langer dan de bewaartermijn van {months} niet bijgewerkt; wis ze met: driehoek opschonen", "{count} note has not been updated for longer than the retention period of {months}; erase it with: driehoek prune", "{count} notes have not been updated for longer than the retention period of {months}; erase them with: driehoek prune";
    B_WITHOUT_PROFILE = "{count} notitie heeft geen contrastprofiel (korte route) en telt hier niet mee.", "{count} notities hebben geen contrastprofiel (korte route) en tellen hier niet mee.", "{count} note has no contrast profile (short walk) and is not counted here.", "{count} notes have no contrast profile (short walk) and are not counted here.";
    N_MONTHS = "{count} maand", "{count} maanden", "{count} month", "{count} months";
    N_RULES = "{count} regel met een signaal", "{count} regels met een signaal", "{count} rule with a signal", "{count} rules with a signal";
    N_DAYS = "{count} dag", "{count} dagen", "{count} day", "{count} days";
    N_FILES = "{count} bestand", "{count} bestanden", "{count} file", "{count} files";
    N_NAMES = "{count} naam", "{count} namen", "{count} name", "{count} names";
}

msgs! {
    // I/O, as the operating system reports it.
    IO_NOT_FOUND = "bestaat niet", "does not exist";
    IO_DENIED = "geen toestemming", "permission denied";
    IO_IS_DIR = "is een map", "is a folder";
    IO_NOT_DIR = "een deel van het pad is geen map", "a part of the path is not a folder";
    IO_FULL = "de schijf is vol", "the disk is full";
    IO_EXISTS = "bestaat al", "already exists";
    IO_READ_ONLY = "het bestandssysteem is alleen-lezen", "the file system is read-only";
    IO_QUOTA = "je schijfquotum is op", "your disk quota is used up";
    IO_TOO_LARGE = "het bestand is te groot", "the file is too large";
    IO_BROKEN_PIPE = "de lezer van de uitvoer is weg", "the reader of the output went away";
    IO_NOT_TEXT = "is geen tekst (UTF-8)", "is not text (UTF-8)";
    IO_OTHER = "systeemfout {code}", "system error {code}";
    IO_UNKNOWN = "onbekende systeemfout", "unknown system error";

    // Files.
    ERR_CANNOT_READ = "kan {path} niet lezen", "cannot read {path}";
    ERR_CANNOT_WRITE = "kan niet schrijven naar {path}", "cannot write {path}";
    ERR_CANNOT_MAKE_DIR = "kan map {path} niet maken", "cannot make folder {path}";
    ERR_CANNOT_REMOVE = "kan {path} niet verwijderen", "cannot remove {path}";
    ERR_CANNOT_LOCK = "kan {path} niet vergrendelen", "cannot lock {path}";
    ERR_CANNOT_KEEP_OLD = "kan de vorige versie niet bewaren in {path}", "cannot keep the old version in {path}";
    ERR_CANNOT_TRASH = "kan {path} niet naar de prullenbak verplaatsen", "cannot move {path} to the trash";
    ERR_NO_HOME = "geen thuismap gevonden voor de notities; zet DRIEHOEK_HOME", "cannot find a home folder for the notes; set DRIEHOEK_HOME";
    ERR_NO_FREE_ID = "geen vrij id gevonden voor de notitie", "could not find a free id for the note";
    ERR_NOT_A_NOTE = "geen geldige notitie", "not a valid note";
    ERR_NOT_A_DRAFT = "geen geldig concept", "not a valid draft";
    ERR_NO_NOTE_FORMAT = "{path} heeft geen notitieformaat (format)", "{path} has no note format version";
    ERR_TERMINAL = "kan niet met de terminal praten", "cannot talk to the terminal";
    ERR_EDITOR_TEMP = "kan geen tijdelijk bestand voor de editor maken", "cannot make a temp file for the editor";
    ERR_UNKNOWN_SET = "onbekende vragenlijst '{id}'; bekende vragenlijsten: {known}", "unknown question set '{id}'; known sets: {known}";
    ERR_TOML = "de TOML klopt hier niet", "the TOML is not valid here";
    ERR_MEETING_ON_PAGE = "--overleg hoort bij een pagina voor het overleg: Markdown of HTML, niet JSON of --anoniem", "--meeting belongs on a page for the meeting: Markdown or HTML, not JSON or --anonymous";
    ERR_DATE = "'{value}' is geen datum; schrijf 1-12-2026, 2026-12-01, 1-12 of 1 december (zonder jaar: de laatste), of een aantal dagen of weken terug: 30d, 2w", "'{value}' is not a date; write 1-12-2026, 2026-12-01, 1-12 or 1 December (without a year: the last one), or a number of days or weeks back: 30d, 2w";
    ERR_VERDICT_FORM = "'{value}': schrijf VRAAG=OORDEEL, bijvoorbeeld wet=nee", "'{value}': write QUESTION=VERDICT, for example law=no";
    ERR_VERDICT_CORNER = "'{value}' is niet wet, middelen of zelfregie", "'{value}' is not law, money or self (or wet, middelen, zelfregie)";
    ERR_VERDICT_VALUE = "'{value}' is niet ja, nee of twijfel", "'{value}' is not yes, no or doubt (or ja, nee, twijfel)";
    PROBLEMS_IN = "{problems} in {file}", "{problems} in {file}";
}

msgs! {
    // Help and usage errors: clap's words, in the reader's language.
    CLAP_USAGE = "Gebruik", "Usage";
    CLAP_OPTIONS = "Opties", "Options";
    CLAP_GLOBAL_OPTIONS = "Algemene opties", "Global options";
    CLAP_ARGUMENTS = "Argumenten", "Arguments";
    CLAP_COMMANDS = "Opdrachten", "Commands";
    CLAP_COMMAND_VALUE = "OPDRACHT", "COMMAND";
    CLAP_DEFAULT = "standaard", "default";
    CLAP_POSSIBLE = "mogelijke waarden", "possible values";
    CLAP_ENV = "omgevingsvariabele", "env";
    CLAP_ERROR = "fout", "error";
    CLAP_UNKNOWN_COMMAND = "onbekende opdracht '{value}'", "unrecognized subcommand '{value}'";
    CLAP_UNKNOWN_ARG = "onverwacht argument '{value}'", "unexpected argument '{value}' found";
    CLAP_NO_VALUE = "'{arg}' heeft een waarde nodig, maar kreeg er geen", "a value is required for '{arg}' but none was supplied";
    CLAP_BAD_VALUE = "ongeldige waarde '{value}' voor '{arg}'", "invalid value '{value}' for '{arg}'";
    CLAP_NEEDS_COMMAND = "'{arg}' heeft een opdracht nodig", "'{arg}' requires a subcommand";
    CLAP_TWICE = "'{arg}' mag maar één keer", "the argument '{arg}' cannot be used more than once";
    CLAP_CONFLICT = "'{arg}' gaat niet samen met '{other}'", "the argument '{arg}' cannot be used with '{other}'";
    CLAP_TOO_MANY = "onverwachte waarde '{value}' voor '{arg}'; meer waarden horen er niet bij", "unexpected value '{value}' for '{arg}'; no more were expected";
    CLAP_COUNT = "'{arg}' kreeg niet het goede aantal waarden", "'{arg}' got the wrong number of values";
    CLAP_NO_EQUALS = "geef '{arg}' zijn waarde met '=' mee", "'{arg}' takes its value after '='";
    CLAP_NOT_A_NUMBER = "dat is geen heel getal (0 of meer)", "that is not a whole number (0 or more)";
    HINT_NOTE_IDS = "De ids van je notities staan in: driehoek lijst", "The ids of your notes are in: driehoek list";
    CLAP_OUT_OF_RANGE = "kies een getal van {min} tot en met {max}", "choose a number from {min} to {max}";
    CLAP_NOT_TEXT = "een argument is geen geldige tekst (UTF-8)", "an argument is not valid text (UTF-8)";
    CLAP_WRONG = "deze opdrachtregel klopt niet", "this command line is not valid";
    CLAP_DID_YOU_MEAN = "bedoel je '{value}'?", "tip: did you mean '{value}'?";
    CLAP_MORE = "Meer weten? Typ '{command} --hulp'.", "For more information, try '{command} --help'.";
}

msgs! {
    // config set, get, names
    ERR_CONFIG_VALUE = "'{value}' kan niet voor {key}; geldig: {valid}", "'{value}' is not valid for {key}; valid: {valid}";
    CFG_VALID_LANG = "nl of en", "nl or en";
    CFG_VALID_SET = "het id van een vragenlijst (a-z, 0-9 en _)", "the id of a question set (a-z, 0-9 and _)";
    CFG_VALID_INITIALS = "1 tot 5 letters, bijvoorbeeld AB", "1 to 5 letters, for example AB";
    CFG_VALID_MONTHS = "een aantal maanden van 1 tot en met 1200, bijvoorbeeld 12", "a number of months from 1 to 1200, for example 12";
    CFG_VALID_WALK = "kort of volledig", "kort (short) or volledig (full)";
    CFG_VALID_TEAM = "de naam van je team, 1 tot 60 tekens, bijvoorbeeld \"Buurtteam Noord\"", "your team's name, 1 to 60 characters, for example \"Buurtteam Noord\"";
    CFG_VALID_PHONE = "een Nederlands telefoonnummer van 10 cijfers (020 123 45 67, 06 12345678, +31 20 123 45 67), een 0800- of 0900-nummer of 14 en het netnummer (14 020)", "a Dutch phone number of 10 digits (020 123 45 67, 06 12345678, +31 20 123 45 67), an 0800 or 0900 number, or 14 and the area code (14 020)";
    CFG_VALID_ADDRESS = "je of u", "je or u (the Dutch informal or formal you)";
    ERR_CONFIG_EMPTY_NAME = "een lege naam kan niet", "a name cannot be empty";
    ERR_CONFIG_NAMES = "names in config.toml is geen lijst; zet er een lijst van, bijvoorbeeld names = [\"Achternaam\"]", "names in config.toml is not a list; make it one, for example names = [\"Surname\"]";
    ERR_CONFIG_NO_NAME = "die naam staat niet in de lijst", "that name is not in the list";
    CFG_SAVED = "{key} = {value} opgeslagen in {path}", "{key} = {value} saved in {path}";
    CFG_NAME_ADDED = "Naam toegevoegd; de privacybewaker let nu op {names}.", "Name added; the privacy guard now looks for {names}.";
    CFG_NAME_REMOVED = "Naam weggehaald; de privacybewaker let nu op {names}.", "Name removed; the privacy guard now looks for {names}.";
    CFG_NOT_SET = "{key} is niet ingesteld", "{key} is not set";
    ERR_NO_CONFIG_DIR = "dit systeem heeft geen map voor instellingen", "this system has no folder for settings";
}

plurals! {
    CLAP_MISSING = "dit verplichte argument ontbreekt:", "deze verplichte argumenten ontbreken:", "the following required argument was not provided:", "the following required arguments were not provided:";
}

msgs! {
    // practice: the trainee beside the coach's model answers
    PRACTICE_CORNER = "jij: {you} · coach: {coach}", "you: {you} · coach: {coach}";
    H_THE_CASE = "De casus", "The case";
    H_NEXT_STEPS = "Vervolg", "Next steps";
    H_TEAM_QUESTION = "Vraag aan het team", "Question for the team";
}

msgs! {
    // The agenda of a meeting with several cases (issue 12).
    AGENDA_TITLE = "Casuïstiekbespreking", "Case discussion";
    H_AGENDA_QUESTION = "vraag aan het team", "question for the team";
    ERR_AGENDA_IDS_AND_FILTERS = "noem notities, of kies ze met filters, niet allebei", "name notes, or choose them with filters, not both";
    ERR_LIMIT_ZERO = "hoogstens 0 notities zou niets tonen; geef 1 of meer, of laat --hoogstens weg voor alle notities", "at most 0 notes would show nothing; give 1 or more, or leave out --limit for every note";
    ERR_AGENDA_EMPTY = "geen notities voor de agenda: de filters kiezen er geen (uitgevoerde casussen alleen met --status uitgevoerd)", "no notes for the agenda: the filters choose none (cases carried out only with --status uitgevoerd)";
    AGENDA_ON_SCREEN = "Dit is de bespreking om te lezen (Markdown). De pagina om af te drukken: voeg -o BESTAND toe (HTML).", "This is the meeting to read (Markdown). The page to print: add -o FILE (HTML).";
    // The page for the person (export --voor-persoon).
    PERSON_ON_SCREEN = "Dit is de pagina voor de persoon om te lezen (Markdown). De pagina om af te drukken: voeg -o BESTAND toe (HTML).", "This is the page for the person to read (Markdown). The page to print: add -o FILE (HTML).";
    PERSON_FILE = "voor de persoon", "for the person";
    ERR_PERSON_JSON = "--voor-persoon maakt een pagina om te lezen: HTML of Markdown, geen JSON", "--for-person makes a page to read: HTML or Markdown, not JSON";
    ERR_PERSON_SETTINGS = "de pagina voor de persoon zegt wie die kan bellen, maar {missing} nog niet in de instellingen. Zet eerst bijvoorbeeld: driehoek instellingen zet team \"Buurtteam Noord\" en driehoek instellingen zet telefoon \"020 123 45 67\"", "the page for the person says whom they can call, but {missing} not in the settings yet. First set, for example: driehoek config set team \"Buurtteam Noord\" and driehoek config set telefoon \"020 123 45 67\"";
    PERSON_MISSING_BOTH = "team en telefoon staan", "team and telefoon are";
    PERSON_MISSING_ONE = "{key} staat", "{key} is";
    ERR_PERSON_SETTING = "{key} in config.toml ('{value}') kan niet op de pagina voor de persoon; geldig: {valid}. Zet het opnieuw met driehoek instellingen zet {key} …", "{key} in config.toml ('{value}') cannot go on the page for the person; valid: {valid}. Set it again with driehoek config set {key} …";
    ERR_PERSON_UNFIT = "de pagina voor de persoon is niet gemaakt: er staan woorden in die de persoon niet hoort te lezen. Herschrijf ze (driehoek bewerk {id}) en probeer het opnieuw.", "the page for the person was not made: it holds words the person should not read. Rewrite them (driehoek edit {id}) and try again.";
    PERSON_UNFIT_LABEL = "{question} ({id}): '{word}' plakt een etiket op de persoon. {back}", "{question} ({id}): '{word}' puts a label on the person. {back}";
    PERSON_UNFIT_NAME = "{question} ({id}): '{word}' is een naam uit je lijst. Laat namen weg; de pagina gaat naar de persoon.", "{question} ({id}): '{word}' is a name from your list. Leave names out; the page goes to the person.";
    PERSON_UNFIT_WORD = "{question} ({id}): '{word}' is een vakwoord. Zeg in gewone woorden wat je bedoelt, of leg het uit tussen haakjes.", "{question} ({id}): '{word}' is a professional word. Say in plain words what you mean, or explain it in brackets.";
    ERR_AGENDA_HTML_ON_SCREEN = "de HTML-pagina is om af te drukken, niet om op het scherm te lezen: schrijf haar naar een bestand met -o BESTAND", "the HTML page is for printing, not for reading on the screen: write it to a file with -o FILE";
    ERR_AGENDA_INCOMPLETE = "niet alle gekozen notities staan in de agenda (niet te lezen: {count}); zie hierboven waarom", "not every chosen note is in the agenda (unreadable: {count}); see above for why";
}

msgs! {
    // The outcome log (afloop) and days.
    ERR_DAY = "'{value}' is geen datum; schrijf hem als 1-12-2026, 1-12 of 1 december", "'{value}' is not a date; write it as 1-12-2026, 1-12 or 1 December";
    OUTCOME_ADDED = "Verslag {n} toegevoegd aan notitie {id} (stand: {status}).", "Entry {n} added to note {id} (status: {status}).";
    OUTCOME_ADD = "Toevoegen", "Add";
    OUTCOME_DECIDED_BEFORE = "Let op: het besluit is gedateerd op {decided}, vóór de notitie ({noted}). Klopt die dag? Kies ‘Toevoegen’ als het klopt, of ga terug naar de vragen om de dag te verbeteren.", "Note: the decision is dated {decided}, before the note ({noted}). Is that day right? Choose ‘Add’ if it is, or go back to the questions to correct the day.";
    WARN_DECIDED_BEFORE = "let op: het besluit is gedateerd op {decided}, vóór de notitie ({noted}); het verslag is toegevoegd zoals het er staat. Klopt de dag niet, voeg dan een correctie toe (--corrigeert N).", "careful: the decision is dated {decided}, before the note ({noted}); the entry was added as it stands. If the day is wrong, add a correction (--corrects N).";
    OUTCOME_CONFIRM = "Dit verslag toevoegen aan de notitie? Daarna verandert het niet meer; een correctie is een nieuw verslag.", "Add this entry to the note? After that it no longer changes; a correction is a new entry.";
    ERR_OUTCOME_EMPTY = "het verslag zegt niets: vul ten minste het advies, aan wie je het voorlegde, het besluit, wat er daarna gebeurde of wat de persoon zegt in", "the entry says nothing: fill in at least the advice, whom you asked, the decision, what happened afterwards or what the person says";
    ERR_OUTCOME_NONE_YET = "notitie {id} heeft nog geen afloopverslagen om te corrigeren", "note {id} has no outcome entries to correct yet";
    ERR_OUTCOME_AHEAD = "[afloop.{key}] {day} ligt na vandaag; een verslag legt vast wat er al gebeurde. Schrijf de dag waarop het gebeurde, of voeg het verslag toe als het gebeurd is", "[afloop.{key}] {day} is after today; an entry records what already happened. Write the day it happened, or add the entry once it has";
    ERR_OUTCOME_NO_ENTRY = "notitie {id} heeft geen verslag {n}; de verslagen zijn genummerd van 1 tot en met {count}", "note {id} has no entry {n}; the entries are numbered 1 to {count}";
    H_OUTCOMES = "Afloop", "Outcome";
    OUTCOME_ENTRY = "Verslag {n} · {date}", "Entry {n} · {date}";
    OUTCOME_CORRECTS = "corrigeert verslag {n}", "corrects entry {n}";
    OUTCOME_CORRECTED = "gecorrigeerd door verslag {n}", "corrected by entry {n}";
    OUTCOME_DAYS = "{days} dagen van de notitie tot het eerste besluit", "{days} days from the note to the first decision";
    OUTCOME_DAY = "1 dag van de notitie tot het eerste besluit", "1 day from the note to the first decision";
    ERR_EDIT_OUTCOMES = "de afloopverslagen veranderen niet bij een bewerking; voeg een correctie toe met: driehoek afloop {id} --corrigeert N", "outcome entries do not change in an edit; add a correction with: driehoek outcome {id} --corrects N";
    H_STATUS = "stand", "status";
    OUT_ADVICE = "Advies van het team", "The team's advice";
    OUT_ASKED = "Voorgelegd aan", "Asked";
    OUT_DECISION = "Besluit", "Decision";
    OUT_ROUTE = "Afgeweken langs", "Deviated by";
    OUT_DECIDED_BY = "Besloten door", "Decided by";
    OUT_SIGNAL = "Signaal verstuurd", "Signal sent";
    OUT_SIGNAL_OWNER = "Eigenaar van het signaal", "Owner of the signal";
    OUT_REPLY = "Reactie", "Reply";
    OUT_RULE_STATUS = "De regel", "The rule";
    OUT_AFTER = "Daarna", "Afterwards";
    OUT_PERSON = "De persoon zegt", "The person says";
    STATUS_OPEN = "open", "open";
    STATUS_DECIDED = "besloten", "decided";
    STATUS_DONE = "uitgevoerd", "carried out";
    KIND_DATE = "een datum, bijvoorbeeld \"1-12-2026\"", "a date, for example \"1-12-2026\"";
}

msgs! {
    // Checking a coach's question set, lexicon and practice case.
    BANK_FORMAT = "vragenlijstformaat {found} wordt niet ondersteund; deze versie van driehoek leest formaat {known}", "question-set format {found} is not supported; this version of driehoek reads format {known}";
    BANK_SET_ID = "het id van een vragenlijst gebruikt alleen a-z, 0-9 en _", "a set id uses only a-z, 0-9 and _";
    BANK_SECTION_KEY = "de sleutel van onderdeel '{key}' mag alleen a-z, 0-9 en _ gebruiken", "section key '{key}' may use only a-z, 0-9 and _";
    BANK_SECTION_TWICE = "onderdeel '{key}' staat er twee keer in", "section '{key}' appears twice";
    BANK_QUESTION_KEY = "de sleutel van een vraag mag alleen a-z, 0-9 en _ gebruiken", "a question key may use only a-z, 0-9 and _";
    BANK_QUESTION_TWICE = "dit vraag-id staat er twee keer in", "this question id appears twice";
    BANK_NEEDS_CHOICES = "een vraag van soort {kind} heeft keuzes (choices) nodig", "a {kind} question needs choices";
    BANK_NO_CHOICES = "een vraag van soort {kind} heeft geen keuzes (choices)", "a {kind} question takes no choices";
    BANK_CHOICE_KEY = "keuzewaarde '{value}' mag alleen a-z, 0-9 en _ gebruiken", "choice value '{value}' may use only a-z, 0-9 and _";
    BANK_CHOICE_TWICE = "keuzewaarde '{value}' staat er twee keer in", "choice value '{value}' appears twice";
    BANK_SCALE_RANGE = "een schaal loopt van een lager naar een hoger getal tussen 0 en 10, niet van {min} tot {max}", "a scale runs from a lower to a higher number between 0 and 10, not {min} to {max}";
    BANK_SCALE_NEEDS = "een schaalvraag heeft min en max nodig", "a scale question needs min and max";
    BANK_NO_SCALE = "een vraag van soort {kind} heeft geen min, max, min_label of max_label", "a {kind} question takes no min, max or labels";
    BANK_WALK = "walk is \"kort\" of \"volledig\", niet '{value}'", "walk is \"kort\" or \"volledig\", not '{value}'";
    BANK_NO_QUESTIONS = "een vragenlijst heeft minstens één vraag nodig", "a question set needs at least one question";
    BANK_NOT_EARLIER = "vervolg op '{id}', maar dat is geen eerdere vraag", "follow-up of '{id}', which is not an earlier question";
    BANK_CONDITION_KIND = "een vervolgvraag kan alleen afhangen van een keuze-, ja/nee- of schaalvraag; '{id}' is van soort {kind}", "a follow-up can only depend on a choice, yes/no or scale question; '{id}' is {kind}";
    BANK_NOT_A_VALUE = "'{value}' is geen waarde van '{id}' (waarden: {values})", "'{value}' is not a value of '{id}' (values: {values})";
    BANK_APART_SCALES = "apart_from vergelijkt twee schaalvragen", "apart_from compares two scale questions";
    BANK_BY = "by is een heel getal vanaf 1", "by is a whole number from 1";
    BANK_AHEAD = "ahead geldt alleen voor een datumvraag, niet voor soort {kind}", "ahead applies to a date question only, not to kind {kind}";
    BANK_CONDITION_FORM = "een voorwaarde heeft óf `in = [...]`, óf `apart_from` en `by` samen", "a condition has either `in = [...]` or both `apart_from` and `by`";
    BANK_ROLE_MISSING = "rol {role} noemt '{id}', maar dat is geen vraag van deze vragenlijst", "role {role} names '{id}', which is not a question of this set";
    BANK_ROLE_KIND = "rol {role} heeft een vraag van soort {kinds} nodig, niet {kind}", "role {role} needs a {kinds} question, not {kind}";
    BANK_ROLE_VALUES = "rol {role} heeft een keuzevraag met de waarden {values} nodig", "role {role} needs a choice question with the values {values}";
    BANK_OR = " of ", " or ";
    BANK_TOO_MANY = "een vragenlijst heeft hoogstens {max} {what}; deze heeft er {count}", "a question set has at most {max} {what}; this one has {count}";
    BANK_SECTIONS = "delen", "sections";
    BANK_QUESTIONS = "vragen", "questions";
    BANK_ALL_CHOICES = "keuzes in totaal", "choices in all";
    BANK_CONTRASTS = "contrasten", "contrasts";
    BANK_TOO_MANY_CHOICES = "een vraag heeft hoogstens {max} keuzes; deze heeft er {count}", "a question has at most {max} choices; this one has {count}";
    LEX_FORMAT = "lexiconformaat {found} wordt niet ondersteund; deze versie van driehoek leest formaat {known}", "lexicon format {found} is not supported; this version of driehoek reads format {known}";
    LEX_KEY = "de sleutel van een label gebruikt alleen a-z, 0-9 en _", "a label key uses only a-z, 0-9 and _";
    LEX_TWICE = "label '{key}' staat er twee keer in", "label '{key}' appears twice";
    LEX_NO_PHRASE = "een label heeft minstens één uitdrukking nodig (nl of en)", "a label needs at least one phrase (nl or en)";
    LEX_QUESTION = "de wedervraag (question) heeft een tekst in nl en en nodig", "the question back needs a text in nl and en";
    LEX_PHRASE_TWICE = "uitdrukking '{phrase}' staat twee keer in dit label", "phrase '{phrase}' appears twice in this label";
    LEX_PHRASE_ELSEWHERE = "uitdrukking '{phrase}' staat al in label '{key}'; een uitdrukking hoort bij één label", "phrase '{phrase}' is already in label '{key}'; a phrase belongs to one label";
    LEX_PHRASE_EMPTY = "een uitdrukking kan niet leeg zijn", "a phrase cannot be empty";
    LEX_PHRASE_EDGE = "uitdrukking '{phrase}' moet met een letter of cijfer beginnen en eindigen", "phrase '{phrase}' must begin and end with a letter or digit";
    LEX_PHRASE_LONG = "een uitdrukking heeft hoogstens {max} tekens; deze heeft er {length}", "a phrase has at most {max} characters; this one has {length}";
    LEX_OFFICIAL = "officiële term '{term}' is geen van de uitdrukkingen van dit label", "official term '{term}' is not one of this label's phrases";
    CASE_FORMAT = "oefencasusformaat {found} wordt niet ondersteund; deze versie leest formaat 1 tot en met {known}", "practice-case format {found} is not supported; this version reads formats 1 to {known}";
    CASE_LEGAL_ID = "de sleutel (id) van een juridisch punt gebruikt alleen a-z, 0-9 en -", "a legal point's key (id) uses only a-z, 0-9 and -";
    CASE_LEGAL_TWICE = "juridisch punt '{id}' staat er twee keer in", "legal point '{id}' appears twice";
    CASE_LEGAL_CITE = "een juridisch punt noemt zijn wet (law) en artikel (article)", "a legal point names its law and article";
    CASE_LEGAL_TEXT = "een juridisch punt heeft een tekst in nl en in en nodig", "a legal point needs a text in nl and in en";
    CASE_LEGAL_UNUSED = "juridisch punt '{id}' wordt nergens genoemd; verwijs ernaar met [§{id}] in een coachnotitie", "legal point '{id}' is not referred to; refer to it with [§{id}] in a coach note";
    CASE_MARK_BAD = "'{found}' is geen verwijzing; schrijf [§sleutel], met alleen a-z, 0-9 en - in de sleutel", "'{found}' is not a reference; write [§key], with only a-z, 0-9 and - in the key";
    CASE_MARK_ONE_LANG = "{marker} staat maar in één taal; een verwijzing hoort in de tekst in nl en in en", "{marker} stands in one language only; a reference belongs in the nl and the en text";
    CASE_MARK_UNKNOWN = "{marker} noemt geen juridisch punt van deze casus; er zijn: {ids}", "{marker} names no legal point of this case; there are: {ids}";
    CASE_KEY = "de sleutel '{key}' moet de naam van het bestand zijn, '{stem}'", "the key '{key}' must be the file's name, '{stem}'";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_and_many_in_both_languages() {
        assert_eq!(N_NOTES.count(Lang::Nl, 1), "1 notitie");
        assert_eq!(N_NOTES.count(Lang::Nl, 2), "2 notities");
        assert_eq!(N_NOTES.count(Lang::Nl, 0), "0 notities");
        assert_eq!(N_CASES.count(Lang::Nl, 1), "1 casus");
        assert_eq!(N_CASES.count(Lang::Nl, 3), "3 casussen");
        assert_eq!(N_CASES.count(Lang::En, 1), "1 case");
        assert_eq!(
            DRAFTS_WAITING.count(Lang::Nl, 2),
            "Er wachten 2 concepten; ga verder met: driehoek hervat"
        );
        assert_eq!(
            EXPORTED.with(Lang::En, 1, &[("dir", "uit")]),
            "1 note exported to uit"
        );
    }

    #[test]
    fn dutch_numbers_have_a_decimal_comma() {
        assert_eq!(decimal(Lang::Nl, 1.25, 1), "1,2");
        assert_eq!(decimal(Lang::Nl, 1.35, 2), "1,35");
        assert_eq!(decimal(Lang::En, 1.35, 2), "1.35");
        assert_eq!(decimal(Lang::Nl, -0.5, 1), "-0,5");
    }

    #[test]
    fn no_message_leaves_its_plural_to_the_reader() {
        let src = include_str!("i18n.rs");
        for hedge in ["(s)", "(en)", "(sen)", "naam/namen", "(e) "] {
            let quoted = format!("{hedge}\"");
            let inside = src
                .lines()
                .filter(|l| l.contains(" = \"") && !l.contains("for hedge"));
            let found: Vec<&str> = inside
                .filter(|l| l.contains(hedge) || l.contains(&quoted))
                .collect();
            assert!(found.is_empty(), "{hedge} in {found:?}");
        }
    }
}

msgs! {
    // The man page.
    MAN_MANUAL = "Handleiding", "Manual";
    MAN_NAME = "NAAM", "NAME";
    MAN_SUMMARY = "denk een vastgelopen casus door met de waardendriehoek", "think a stuck case through with the value triangle";
    MAN_SYNOPSIS = "OVERZICHT", "SYNOPSIS";
    MAN_ARGS = "ARGUMENTEN", "ARGUMENTS";
    MAN_DESCRIPTION = "BESCHRIJVING", "DESCRIPTION";
    MAN_DESCRIPTION_TEXT = "driehoek stelt de vragen van de waardendriehoek uit de maatwerkmethode (mag het van de wet, gaan we handig om met publieke middelen, draagt het bij aan zelfregie) en bewaart wat je concludeert als notitie, voor de casuïstiekbespreking met je team.\n\nNotities zijn leesbaar voor jou alleen. Een id mag je afkorten tot elk uniek begin. Alle tekst komt in de gekozen taal: Nederlands, of Engels met --taal en.", "driehoek asks the questions of the value triangle of the maatwerk method (is it allowed by law, is it a sensible use of public money, does it support self-direction) and keeps what you conclude as a note, for the team's case discussion.\n\nNotes are readable by you alone. An id may be shortened to any unique beginning. All text comes in the chosen language: Dutch, or English with --lang en.";
    MAN_COMMANDS = "OPDRACHTEN", "COMMANDS";
    MAN_FILES = "BESTANDEN", "FILES";
    MAN_FILES_TEXT = "De notities staan in DRIEHOEK_HOME, of anders in de gegevensmap van je systeem (op Linux ~/.local/share/driehoek); de instellingen in de instellingenmap (op Linux ~/.config/driehoek).\n\nnotes/ID.toml\tEen notitie, leesbaar voor jou alleen.\ndrafts/ID.toml\tEen concept: een onderbroken ronde, verder met driehoek hervat.\nhistory/ID/\tDe vorige versies van een bewerkte notitie.\ntrash/ID/\tEen notitie die met driehoek verwijder naar de prullenbak ging.\npurging/\tWat een onderbroken wissing nog moet afmaken.\ncache/\tDe lijst- en zoekcache; ontbreekt hij, dan wordt hij opnieuw gemaakt.\ntmp/\tTijdelijke bestanden tijdens het schrijven.\nlock\tHoudt twee gelijktijdige schrijvers uit elkaar.\nconfig.toml\tDe instellingen (in de instellingenmap; zie driehoek config).\nquestions/*.toml\tEigen vragenlijsten (in de instellingenmap).\nlexicon.toml\tEigen labels (in de instellingenmap).\ncases/*.toml\tEigen oefencasussen (in de instellingenmap).", "Notes live in DRIEHOEK_HOME, or else in your system's data folder (on Linux ~/.local/share/driehoek); settings in the config folder (on Linux ~/.config/driehoek).\n\nnotes/ID.toml\tA note, readable by you alone.\ndrafts/ID.toml\tA draft: an interrupted walk, continued with driehoek resume.\nhistory/ID/\tThe earlier versions of an edited note.\ntrash/ID/\tA note moved to the trash with driehoek delete.\npurging/\tWhat an interrupted erasure still has to finish.\ncache/\tThe list and search cache; when missing, it is made again.\ntmp/\tTemporary files while writing.\nlock\tKeeps two writers at the same time apart.\nconfig.toml\tThe settings (in the config folder; see driehoek config).\nquestions/*.toml\tOwn question sets (in the config folder).\nlexicon.toml\tOwn labels (in the config folder).\ncases/*.toml\tOwn practice cases (in the config folder).";
    MAN_ENVIRONMENT = "OMGEVING", "ENVIRONMENT";
    MAN_ENVIRONMENT_TEXT = "DRIEHOEK_HOME\tDe map met de notities.\nDRIEHOEK_LANG\tDe taal: nl of en (--taal gaat voor).\nNO_COLOR\tNiet leeg: geen kleur.\nVISUAL\tDe editor voor :e en driehoek bewerk --editor.\nEDITOR\tDe editor als VISUAL niet gezet is (anders vi).", "DRIEHOEK_HOME\tThe folder with the notes.\nDRIEHOEK_LANG\tThe language: nl or en (--lang comes first).\nNO_COLOR\tNot empty: no colour.\nVISUAL\tThe editor for :e and driehoek edit --editor.\nEDITOR\tThe editor when VISUAL is not set (else vi).";
    MAN_EXIT = "AFSLUITSTATUS", "EXIT STATUS";
    MAN_EXIT_TEXT = "0\tGelukt.\n1\tFout, bijvoorbeeld een bestand dat niet te schrijven is.\n2\tVerkeerd gebruik of verkeerde invoer, of niet gevonden (een onbekend id); er is niets veranderd.\n130\tAfgebroken met Ctrl-C.", "0\tSuccess.\n1\tFailure, for example a file that cannot be written.\n2\tBad usage or bad input, or not found (an unknown id); nothing was changed.\n130\tCancelled with Ctrl-C.";
    MAN_EXAMPLES = "VOORBEELDEN", "EXAMPLES";
    MAN_EXAMPLES_TEXT = "driehoek nieuw\tLoop een nieuwe casus door.\ndriehoek lijst --sinds 30d\tDe notities van de laatste dertig dagen.\ndriehoek exporteer 7s -o bespreking/\tSchrijf notitie 7s… als Markdown in de map bespreking.\ndriehoek config set initials AB\tZet je initialen in elke nieuwe notitie.\ndriehoek hulp export\tDe hulp bij export.", "driehoek new\tWalk through a new case.\ndriehoek list --since 30d\tThe notes of the last thirty days.\ndriehoek export 7s -o meeting/\tWrite note 7s… as Markdown in the folder meeting.\ndriehoek config set initials AB\tPut your initials in every new note.\ndriehoek help export\tThe help of export.";
}

pub mod person;
mod web;
pub(crate) use web::*;
