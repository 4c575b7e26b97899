//! The words of the browser pages (`driehoek web`).

use super::Msg;

msgs! {
    // Starting and stopping, in the terminal.
    WEB_OPENED = "driehoek opent in je browser (via {file}).", "driehoek opens in your browser (through {file}).";
    WEB_OPEN_FAILED = "De browser ging niet open ({error}). Open dit bestand in je browser: {file}", "The browser did not open ({error}). Open this file in your browser: {file}";
    WEB_NOT_OPENED = "Open dit bestand in je browser: {file}\nof dit adres (het werkt één keer, alleen op deze computer): {url}", "Open this file in your browser: {file}\nor this address (it works once, on this computer only): {url}";
    WEB_HOW_TO_STOP = "Stoppen: Ctrl-C hier, of de knop Stoppen onder aan de pagina. Na 60 minuten zonder gebruik stopt driehoek vanzelf.", "To stop: Ctrl-C here, or the Stop button at the foot of the page. After 60 minutes without use driehoek stops by itself.";
    WEB_CANNOT_LISTEN = "kan niet luisteren op poort {port}: {error}. Kies een andere met --poort, of laat --poort weg voor een vrije poort.", "cannot listen on port {port}: {error}. Choose another with --port, or leave --port out for a free one.";
    WEB_STOPPED_CTRL_C = "driehoek web is gestopt om {time} (Ctrl-C).", "driehoek web stopped at {time} (Ctrl-C).";
    WEB_STOPPED_BUTTON = "driehoek web is gestopt om {time} (de knop Stoppen in de browser).", "driehoek web stopped at {time} (the Stop button in the browser).";
    WEB_STOPPED_IDLE = "driehoek web is gestopt om {time}: 60 minuten lang kwam er niets binnen.", "driehoek web stopped at {time}: nothing came in for 60 minutes.";

    // Refusals.
    WEB_NO_COOKIE = "Deze pagina opent alleen via driehoek zelf. Start driehoek opnieuw (dubbelklik de snelkoppeling, of typ driehoek web in een terminal); je browser opent dan vanzelf de goede pagina.", "This page opens only through driehoek itself. Start driehoek again (double-click the shortcut, or type driehoek web in a terminal); your browser then opens the right page by itself.";
    WEB_WRONG_HOST = "Dit adres hoort niet bij driehoek op deze computer. Open driehoek via de snelkoppeling of met driehoek web.", "This address does not belong to driehoek on this computer. Open driehoek through the shortcut or with driehoek web.";
    WEB_OTHER_ORIGIN = "Dit formulier is geweigerd: het kwam niet van een pagina van driehoek.", "This form was refused: it did not come from a page of driehoek.";
    WEB_NO_TOKEN = "Dit formulier is geweigerd: het mist het kenmerk van driehoek. Laad de pagina opnieuw en probeer het nog eens.", "This form was refused: it lacks driehoek's mark. Reload the page and try again.";
    WEB_TOO_LARGE = "Dit formulier is te groot en is geweigerd.", "This form is too large and was refused.";
    WEB_BAD_REQUEST = "Dit verzoek is geweigerd: driehoek kan het niet lezen.", "This request was refused: driehoek cannot read it.";
    WEB_NOT_FOUND = "Deze pagina bestaat niet.", "This page does not exist.";
    WEB_ONWARD = "Verder naar driehoek", "On to driehoek";

    // Every page.
    WEB_NAV = "Hoofdmenu", "Main menu";
    WEB_NOTES = "Notities", "Notes";
    WEB_STOPS_AT = "driehoek stopt om {time} als er niets gebeurt.", "driehoek stops at {time} if nothing happens.";
    WEB_STOP = "Stoppen", "Stop";
    WEB_STOPPED_PAGE = "driehoek is gestopt. Je kunt dit tabblad sluiten.", "driehoek has stopped. You can close this tab.";

    // The home page.
    WEB_HOME_TITLE = "Casussen", "Cases";
    WEB_NEW_CASE = "Nieuwe casus", "New case";
    WEB_NEW_FULL = "of de volledige vragenlijst", "or the full walk";
    WEB_NO_NOTES = "Nog geen notities. Begin met de knop Nieuwe casus.", "No notes yet. Start with the New case button.";
    WEB_DRAFTS = "Concepten", "Drafts";
    WEB_UNTITLED = "(nog zonder titel)", "(no title yet)";
    WEB_SEARCH = "Zoeken", "Search";
    WEB_ANY = "alle", "any";
    WEB_STATUS = "Stand", "Status";
    WEB_SINCE = "Vanaf (datum)", "From (date)";
    WEB_UNTIL = "Tot en met (datum)", "Up to (date)";
    WEB_STRUCTURAL_ONLY = "Alleen structurele casussen", "Structural cases only";
    WEB_FILTER = "Toon", "Show";
}

msgs! {
    PERIOD_NEEDED = "Kies over welke periode het bedrag gaat.", "Choose the period the amount covers.";
}

msgs! {
    // The walk.
    WEB_PART = "deel {part} van {parts}", "part {part} of {parts}";
    WEB_NEXT = "Volgende", "Next";
    WEB_PREVIOUS = "Vorige", "Previous";
    WEB_REQUIRED_MARK = "(verplicht)", "(required)";
    WEB_HELP = "Uitleg", "Help";
    WEB_AMOUNT = "Bedrag in euro's (of: weet ik niet)", "Amount in euros (or: weet ik niet)";
    WEB_PERIOD = "Over welke periode?", "Over which period?";
    WEB_NO_ANSWER = "(geen antwoord)", "(no answer)";
    WEB_CHOOSE = "Kies een antwoord.", "Choose an answer.";
    WEB_TICK = "Vink minstens één antwoord aan.", "Tick at least one answer.";
    WEB_FOLLOW_UP = "Je antwoord vraagt om een vervolgvraag; die staat nu op deze pagina.", "Your answer calls for a follow-up question; it is on this page now.";
    WEB_CONFLICT = "Hier is intussen iets anders bewaard, in een ander tabblad of in de terminal.", "Something else was saved here meanwhile, in another tab or in the terminal.";
    WEB_CONFLICT_STORED = "Nu bewaard", "Saved now";
    WEB_CONFLICT_MINE = "Jouw versie", "Your version";
    WEB_CONFLICT_HOW = "Jouw versie staat in het veld. Kies Volgende om die te bewaren, of neem de bewaarde over in het veld.", "Your version is in the field. Choose Next to save it, or copy the saved one into the field.";
    WEB_CONFLICT_NOTICE = "Deze pagina is niet bewaard: een ander tabblad of de terminal bewaarde intussen andere antwoorden. Kijk bij de gemarkeerde vragen.", "This page was not saved: another tab or the terminal saved other answers meanwhile. See the marked questions.";
    WEB_STILL_OPEN = "Deze vragen moeten nog beantwoord worden voordat de notitie bewaard kan worden.", "These questions need an answer before the note can be saved.";
    WEB_DRAFT_GONE = "Dit concept bestaat niet meer", "This draft no longer exists";
    WEB_DRAFT_GONE_TYPED = "Het is opgeslagen of weggegooid, in een ander tabblad of in de terminal. Dit had je op deze pagina getypt:", "It was saved or discarded, in another tab or in the terminal. This is what you typed on this page:";
    WEB_TO_HOME = "Naar de casussen", "To the cases";
    WEB_NOTE_CHANGED = "De notitie is intussen veranderd", "The note changed meanwhile";
    WEB_NOTE_CHANGED_HOW = "Een ander tabblad of de terminal sloeg deze notitie op nadat jij begon. Jouw antwoorden staan in het concept. Sla jouw versie op (de andere blijft in de geschiedenis van de notitie), of bekijk eerst de notitie.", "Another tab or the terminal saved this note after you began. Your answers are in the draft. Save your version (the other stays in the note's history), or look at the note first.";
    WEB_QUESTION = "Vraag", "Question";
    WEB_SAVE_MINE = "Mijn versie opslaan", "Save my version";
    WEB_SEE_NOTE = "Bekijk de notitie", "See the note";
    WEB_DISCARD_ASK = "Concept '{title}' weggooien?", "Discard draft '{title}'?";
    WEB_KEEP_GOING = "Nee, verder met het concept", "No, back to the draft";
}

msgs! {
    // A note.
    WEB_PRINT = "Afdrukken", "Print";
    WEB_PRINT_HOW = "Afdrukken op papier of als pdf: kies Afdrukken (of Ctrl+P) en dan je printer of 'Opslaan als pdf'. De knoppen en menu's komen niet op papier.", "Print on paper or as a PDF: choose Print (or Ctrl+P), then your printer or 'Save as PDF'. The buttons and menus stay off the paper.";
    WEB_DOWNLOAD_MD = "Download als Markdown", "Download as Markdown";
    WEB_FOR_PERSON = "Pagina voor de persoon", "Page for the person";
    WEB_FOR_PERSON_HOW = "Een pagina in gewone woorden voor de persoon zelf, om af te drukken en mee te geven.", "A page in plain words for the person themselves, to print and hand over.";
    WEB_BACK_TO_NOTE = "Terug naar de notitie", "Back to the note";
    WEB_DOWNLOAD_JSON = "Download als JSON", "Download as JSON";
    WEB_ADD_OUTCOME = "Afloop toevoegen", "Add the outcome";
    WEB_DEEPEN = "Verdiepen", "Deepen";
    WEB_DELETE = "Verwijderen", "Delete";
}

msgs! {
    // The outcome log.
    WEB_OUTCOME_TITLE = "Afloop toevoegen: {title}", "Add the outcome: {title}";
    WEB_CORRECTS = "Corrigeert dit een eerder verslag? Welk nummer?", "Does this correct an earlier entry? Which number?";
    WEB_CORRECTS_NONE = "nee, dit is een nieuw verslag", "no, this is a new entry";
    WEB_CANCEL = "Terug naar de notitie", "Back to the note";
}

msgs! {
    // The meeting and the bundle.
    WEB_MEETING = "Bespreking", "Meeting";
    WEB_MEETING_HOW = "Kies de casussen voor het overleg. Je krijgt één pagina om af te drukken: eerst een overzicht, dan elke casus op een nieuw vel.", "Choose the cases for the meeting. You get one page to print: an overview first, then each case on a new sheet.";
    WEB_MEETING_CHOOSE = "Casussen voor de bespreking", "Cases for the meeting";
    WEB_MEETING_MAKE = "Maak de agenda", "Make the agenda";
    WEB_BUNDLE = "Bundel", "Bundle";
    WEB_DOWNLOAD_CSV = "Download als CSV", "Download as CSV";
}
