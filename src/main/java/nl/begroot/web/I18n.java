package nl.begroot.web;

import java.util.HashMap;
import java.util.Map;

/** The UI's words in Dutch (the default) and English. A missing key shows itself, so tests catch it. */
public final class I18n {
  private static final Map<String, String[]> WORDS = new HashMap<>();

  static {
    w("app.name", "Begroot", "Begroot");
    w("cycle.title", "Cyclus", "Cycle");
    w("nav.cycle", "Cyclus", "Cycle");
    w("cycle.status", "Status", "Status");
    w("status.concept", "concept", "draft");
    w("status.ingediend", "ingediend", "submitted");
    w("status.vastgesteld", "vastgesteld", "adopted");
    w("status.gepubliceerd", "gepubliceerd", "published");
    w("pstatus.concept", "concept", "draft");
    w("pstatus.ingediend", "ingediend", "submitted");
    w("pstatus.goedgekeurd", "goedgekeurd", "approved");
    w("pstatus.afgewezen", "afgewezen", "rejected");
    w("proposal.withdrawn.short", "ingetrokken", "withdrawn");
    w("cycle.amendment", "Begrotingswijziging", "Budget amendment");
    w("cycle.adopted.on", "Datum besluit", "Date of the decision");
    w("cycle.adopted.body", "Vastgesteld door", "Adopted by (body)");
    w("cycle.adopted.reference", "Kenmerk besluit", "Decision reference");
    w("cycle.adopted.by", "Vastgelegd door", "Recorded by");
    w("cycle.owner", "Maker", "Author");
    w("cycle.shared", "gedeeld", "shared");
    w("cycle.private", "niet gedeeld", "not shared");
    w("cycle.share", "Delen", "Share");
    w("cycle.unshare", "Niet meer delen", "Stop sharing");
    w("cycle.final", "Deze versie is vastgesteld en verandert niet meer. Wijzigen gaat via een begrotingswijziging.",
        "This version is adopted and no longer changes. Changes go through a budget amendment.");
    w("cycle.amend", "Begrotingswijziging beginnen", "Start a budget amendment");
    w("cycle.amendments", "Begrotingswijzigingen", "Budget amendments");
    w("cycle.define", "Definitieve begroting beginnen", "Start the definitive budget");
    w("cycle.definitive", "Definitieve begroting", "Definitive budget");
    w("cycle.definitive.of", "Begint bij de vastgestelde conceptbegroting", "Starts from the adopted concept budget");
    w("cycle.definitive.compare", "Vergelijk met de conceptbegroting", "Compare with the concept budget");
    w("cycle.next", "Kader voor volgend jaar", "Next year's frame");
    w("next.title", "Kader voor volgend jaar", "Next year's frame");
    w("next.intro", "Het kader van de conceptbegroting van volgend jaar, afgeleid uit de vastgestelde begroting (inclusief meerjarenraming): "
        + "de jaren schuiven een jaar op, het nieuwe laatste jaar zet de structurele bedragen voort en de incidentele lopen af.",
        "The frame of next year's concept budget, derived from the adopted budget (with its multi-year estimate): the years move on "
        + "one, the new last year continues the recurring amounts and the one-off amounts end.");
    w("next.budgetyear", "Begrotingsjaar", "Budget year");
    w("next.programme", "Programma", "Programme");
    w("next.overhead", "waarvan aandeel bedrijfsvoering", "of which share of operations");
    w("next.check", "Controle tegen de vastgestelde meerjarenraming", "Check against the adopted multi-year estimate");
    w("next.agrees", "Elk programma en het totaal komen in elk jaar tot op de cent overeen met de vastgestelde meerjarenraming.",
        "Every programme and the total agree to the cent with the adopted multi-year estimate in every year.");
    w("next.ending", "Incidentele bedragen die aflopen", "One-off amounts that end");
    w("next.ending.none", "Geen: elk bedrag van het laatste jaar is structureel.", "None: every amount of the last year is recurring.");
    w("next.api", "Als JSON", "As JSON");
    w("cycle.after", "Begroting na wijziging", "Budget after amendments");
    w("cycle.after.none", "nog geen vastgestelde wijzigingen", "no adopted amendments yet");
    w("cycle.after.with", "met de vastgestelde", "with the adopted");
    w("cycle.after.amendment", "begrotingswijziging", "budget amendment");
    w("cycle.effect", "Effect van de wijziging", "Effect of the amendment");
    w("cycle.own", "Eigen voorstellen", "Its own proposals");
    w("cycle.own.none", "nog geen", "none yet");
    w("cycle.proposals", "Voorstellen en hun status", "Proposals and their status");
    w("cycle.author", "Opgesteld door", "Author");
    w("cycle.review", "Beoordeling", "Review");
    w("cycle.actions", "Acties", "Actions");
    w("cycle.reason", "Reden", "Reason");
    w("move.indienen", "Indienen", "Submit");
    w("move.terughalen", "Terughalen naar concept", "Take back to draft");
    w("move.vaststellen", "Vaststellen", "Adopt");
    w("move.publiceren", "Publiceren", "Publish");
    w("pmove.submit", "Indienen", "Submit");
    w("pmove.approve", "Goedkeuren", "Approve");
    w("pmove.reject", "Afwijzen", "Reject");
    w("pmove.path.submit", "indienen", "indienen");
    w("pmove.path.approve", "goedkeuren", "goedkeuren");
    w("pmove.path.reject", "afwijzen", "afwijzen");
    w("confirm.title", "Bevestigen", "Confirm");
    w("confirm.withdraw", "Ja, trek dit voorstel in", "Yes, withdraw this proposal");
    w("confirm.delete", "Ja, verwijder deze versie", "Yes, delete this version");
    w("confirm.needed", "Vink eerst aan dat u het zeker weet; er is nog niets gewijzigd.", "First tick that you are sure; nothing has changed yet.");

    w("skip", "Naar de inhoud", "Skip to content");
    w("nav", "Hoofdmenu", "Main menu");
    w("nav.overview", "Overzicht", "Overview");
    w("nav.programmes", "Programma's", "Programmes");
    w("nav.annex", "Bijlage 1", "Annex 1");
    w("nav.provinces", "Provincies", "Provinces");
    w("organisations.title", "Organisaties", "Organisations");
    w("organisations.intro", "Deze installatie houdt de begrotingen van meer organisaties bij. Kies de organisatie waarvan u de versies wilt zien; een versie zelf hoort altijd bij haar eigen organisatie.",
        "This installation keeps the budgets of several organisations. Choose the organisation whose versions you want to see; a version itself always belongs to its own organisation.");
    w("organisations.current", "gekozen", "selected");
    w("organisations.change", "Andere organisatie", "Other organisation");
    w("nav.passthrough", "Kassiersfunctie", "Pass-through budget");
    w("nav.structural", "Structureel saldo", "Structural balance");
    w("nav.audit", "Controle", "Audit");
    w("nav.glossary", "Afkortingen", "Abbreviations");
    w("nav.versions", "Versies", "Versions");
    w("nav.compare", "Vergelijken", "Compare");
    w("nav.keys", "Verdeelsleutels", "Distribution keys");
    w("nav.changes", "Wijzigingen", "Change log");
    w("nav.group.budget", "Begroting", "Budget");
    w("nav.group.contributions", "Bijdragen", "Contributions");
    w("nav.group.control", "Controle", "Control");
    w("nav.group.cycle", "Cyclus", "Cycle");
    w("nav.group.admin", "Beheer", "Administration");
    w("nav.log", "Logboek", "Log");
    w("table.scroll", "Schuif de tabel opzij voor de andere kolommen →", "Scroll the table sideways for the other columns →");
    w("search", "Zoeken", "Search");
    w("search.label", "Zoek provincies, programma's, beleidsterreinen, voorstellen en afkortingen", "Search provinces, programmes, units, proposals and abbreviations");
    w("search.none", "Niets gevonden voor", "Nothing found for");
    w("search.results", "Resultaten voor", "Results for");
    w("lang.switch", "English", "Nederlands");
    w("version", "Versie", "Version");
    w("version.choose", "Kies een versie", "Choose a version");
    w("exact", "Exacte bedragen (euro's)", "Exact amounts (euros)");
    w("thousands", "Bedragen in duizenden", "Amounts in thousands");
    w("overview.title", "Overzicht", "Overview");
    w("overview.balance", "Sluitpost en saldo per jaar", "Balancing item and balance per year");
    w("overview.unbalanced", "Het kader sluit in {year} niet: lasten min baten is {amount}. De bedragen van het kader zijn overgenomen uit afgeronde cijfers; het verschil blijft in het saldo staan en wordt niet door de bijdrage van de leden gedekt (zie Controle).",
        "The frame does not balance in {year}: expenditure minus revenue is {amount}. The frame was entered from rounded figures; the difference stays in the balance and is not covered by the members' contribution (see Audit).");
    w("overview.chart", "Lasten en baten per programma", "Expenditure and revenue per programme");
    w("overview.chart.per", "per programma (x € 1.000)", "per programme (x € 1,000)");
    w("overview.chart.alt", "Staafdiagram van de lasten en baten per programma per jaar; de cijfers staan in de tabel eronder.",
        "Bar chart of expenditure and revenue per programme per year; the figures are in the table below it.");
    w("overview.chart.overhead", "Programma {programme} staat niet in de grafiek: die lasten zitten al in de andere programma's.",
        "Programme {programme} is not in the chart: its costs are already inside the other programmes.");
    w("year", "Jaar", "Year");
    w("balancing", "Sluitpost (bijdrage leden)", "Balancing item (members' contribution)");
    w("saldo", "Saldo nieuw kader", "Balance of the new frame");
    w("programme", "Programma", "Programme");
    w("units", "Beleidsterreinen", "Units");
    w("unit", "Beleidsterrein", "Unit");
    w("proposals", "Begrotingsvoorstellen", "Budget proposals");
    w("proposal", "Voorstel", "Proposal");
    w("proposal.new", "Nieuw voorstel", "New proposal");
    w("proposal.edit", "Wijzigen", "Edit");
    w("proposal.withdraw", "Intrekken", "Withdraw");
    w("proposal.reinstate", "Terugzetten", "Reinstate");
    w("proposal.withdrawn", "Ingetrokken voorstellen", "Withdrawn proposals");
    w("proposal.withdrawn.one", "Dit voorstel is ingetrokken en telt niet mee.", "This proposal is withdrawn and does not count.");
    w("proposal.computed", "Berekende regel: volgt uit de andere voorstellen.", "Computed line: follows from the other proposals.");
    w("proposal.amounts", "Bedragen", "Amounts");
    w("proposal.lastchange", "Laatst gewijzigd door", "Last changed by");
    w("field.id", "Code", "Id");
    w("field.id.hint", "Letters, cijfers, punten en streepjes, bijvoorbeeld 2.3-nieuw", "Letters, digits, dots and dashes, e.g. 2.3-new");
    w("field.unit", "Beleidsterrein", "Unit");
    w("field.title", "Titel", "Title");
    w("field.side", "Lasten of baten", "Expenditure or revenue");
    w("field.nature", "Aard", "Nature");
    w("field.category", "Categorie", "Category");
    w("field.products", "Producten", "Products");
    w("field.amount", "Bedrag", "Amount");
    w("field.amounts.hint", "In euro's, bijvoorbeeld 1.250.000 of -347.000; pm voor pro memorie; leeg voor geen bedrag.",
        "In euros, e.g. 1.250.000 or -347.000; pm for pro memoria; empty for no amount.");
    w("field.explanation", "Toelichting", "Explanation");
    w("side.lasten", "Lasten", "Expenditure (lasten)");
    w("side.baten", "Baten", "Revenue (baten)");
    w("nature.recurring", "Structureel", "Recurring");
    w("nature.one_off", "Incidenteel", "One-off");
    w("none", "(geen)", "(none)");
    w("preview", "Effect bekijken", "Preview effect");
    w("save", "Opslaan", "Save");
    w("cancel", "Annuleren", "Cancel");
    w("preview.title", "Effect van deze wijziging", "Effect of this change");
    w("preview.none", "Deze wijziging verandert geen bedragen.", "This change does not change any amounts.");
    w("preview.balancing", "Sluitpost per jaar", "Balancing item per year");
    w("preview.tabel1", "Tabel 1", "Table 1");
    w("preview.members", "Bijdrage per provincie (totaal Bijlage 1)", "Contribution per province (total of Annex 1)");
    w("before", "Nu", "Now");
    w("after", "Na wijziging", "After");
    w("delta", "Verschil", "Difference");
    w("errors.title", "Er is iets niet goed ingevuld", "Something was not filled in correctly");
    w("errors.nothing", "Er is niets opgeslagen.", "Nothing was saved.");
    w("saved", "Opgeslagen.", "Saved.");
    w("conflict.title", "Iemand anders heeft dit intussen gewijzigd", "Someone else changed this in the meantime");
    w("conflict.text", "Uw wijziging is niet opgeslagen. Hieronder staan beide versies; uw invoer staat nog in het formulier. Neem over wat u wilt houden en sla opnieuw op.",
        "Your change was not saved. Both versions are shown below; your input is still in the form. Take what you want to keep and save again.");
    w("conflict.theirs", "Nu opgeslagen (door", "Stored now (by");
    w("conflict.yours", "Uw versie", "Your version");
    w("conflict.compare", "Beide versies per veld", "Both versions, field by field");
    w("conflict.field", "Veld", "Field");
    w("conflict.differs", "verschilt", "differs");
    w("conflict.status", "Status", "Status");
    w("conflict.withdrawn", "ingetrokken", "withdrawn");
    w("conflict.text.raw", "Tekst", "Text");
    w("annex.title", "Bijlage 1: bijdragen per provincie", "Annex 1: contributions per province");
    w("province.title", "Wat deze begroting betekent voor", "What this budget means for");
    w("province.total", "Verandering van de bijdrage (totaal)", "Change in contribution (total)");
    w("province.lvvn", "LVVN-middelen", "LVVN money");
    w("province.share", "Aandeel in de verdeelsleutel", "Share in the distribution key");
    w("province.columns", "Per kolom van Bijlage 1", "Per column of Annex 1");
    w("explain.title", "Herkomst van een bedrag", "Where a figure comes from");
    w("explain.value", "Waarde", "Value");
    w("explain.printed", "Gedrukt", "Printed");
    w("explain.how", "Hoe", "How");
    w("explain.parts", "Opgebouwd uit", "Made of");
    w("explain.basis", "Verdeeld bedrag", "Amount that was split");
    w("explain.notfound", "Geen bedrag met deze code", "No figure with this id");
    w("explain.close", "Sluiten", "Close");
    w("withdraw.quoted", "Intrekken laat een bedrag uit dit voorstel vervallen in", "Withdrawing makes an amount of this proposal lapse in");
    w("withdraw.lapsed", "Een bedrag uit dit voorstel is vervallen in", "An amount of this proposal has lapsed in");
    w("withdraw.shows", "daar staat", "it reads");
    w("withdraw.back", "terugzetten brengt het bedrag terug", "reinstating brings the amount back");
    w("explain.technical", "Technische details", "Technical details");
    w("explain.id", "Code van het bedrag", "Figure id");
    w("explain.ruleLabel", "Naam in de rekenkern", "Name in the computation");
    w("audit.title", "Rekenkundige controle", "Arithmetic audit");
    w("audit.none", "Geen bevindingen: elk gedrukt bedrag klopt.", "No findings: every printed figure is right.");
    w("audit.noprinted", "Deze versie heeft geen gepubliceerd document; gecontroleerd is de eigen rekenkunde.", "This version has no published document; its own arithmetic was checked.");
    w("glossary.title", "Lijst van afkortingen", "List of abbreviations");
    // the months (a Tussenrapportage's period) and the sides of the budget, in the page's language
    w("month.1", "januari", "January");
    w("month.2", "februari", "February");
    w("month.3", "maart", "March");
    w("month.4", "april", "April");
    w("month.5", "mei", "May");
    w("month.6", "juni", "June");
    w("month.7", "juli", "July");
    w("month.8", "augustus", "August");
    w("month.9", "september", "September");
    w("month.10", "oktober", "October");
    w("month.11", "november", "November");
    w("month.12", "december", "December");
    w("side.lasten", "lasten", "expenditure");
    w("side.baten", "baten", "revenue");
    // the annual accounts (docs/accounts.md)
    w("accounts.title", "Jaarrekening", "Annual accounts");
    w("accounts.opendata", "Open data (Fiscal Data Package, zip)", "Open data (Fiscal Data Package, zip)");
    w("accounts.downloads", "Downloaden", "Download");
    w("accounts.audit", "Controle", "Audit");
    w("accounts.audit.none", "Geen bevindingen: elke afwijking boven de drempel is toegelicht en elke tabel telt op.",
        "No findings: every deviation over the threshold is explained and every table foots.");
    w("accounts.start", "Jaarrekening beginnen", "Start the annual accounts");
    w("accounts.start.year", "Jaar", "Year");
    w("accounts.open", "Jaarrekening", "Annual accounts");
    w("accounts.back", "Terug naar de cyclus", "Back to the cycle");
    w("accounts.back.page", "Terug naar de jaarrekening", "Back to the annual accounts");
    w("accounts.source", "Gezet tegen de begroting na wijziging van", "Set against the budget after amendments of");
    w("accounts.year", "jaar", "year");
    w("accounts.reserves.illustration", "De reserves zijn een illustratie: de bron noemt geen reserves.",
        "The reserves are an illustration: the source names no reserves.");
    w("accounts.notsaved", "Niet opgeslagen:", "Not saved:");
    w("accounts.contents", "Inhoud", "Contents");
    w("accounts.deviations", "Afwijkingen en hun toelichting", "Deviations and their explanation");
    w("accounts.tables", "Realisatie, resultaat en resultaatbestemming (x € 1.000)", "Realisation, result and its appropriation (x € 1,000)");
    w("accounts.members", "Afrekening per lid", "Settlement per member");
    w("accounts.threshold", "Toelichten: elke afwijking boven", "Explain: every deviation over");
    w("accounts.or", "of", "or");
    w("accounts.required", "afwijkingen vragen een toelichting", "deviations need an explanation");
    w("accounts.missing", "zonder toelichting", "without one");
    w("accounts.threshold.euros", "Drempel in euro's", "Threshold in euros");
    w("accounts.threshold.percent", "Drempel in procenten", "Threshold in percent");
    w("accounts.threshold.save", "Drempel opslaan", "Save the threshold");
    w("accounts.reserves", "Reserves", "Reserves");
    w("accounts.reserves.intro", "De reserves met de toevoeging en onttrekking die de resultaatbestemming voorstelt. Bedragen in euro's, bijvoorbeeld 2.500.000 of 2.500.000,00; een lege toevoeging of onttrekking is nul. Wat aan een reserve wordt toegevoegd, wordt niet met de leden van haar kolom verrekend; wat eraan wordt onttrokken wel.",
        "The reserves with the addition and withdrawal the appropriation of the result proposes. Amounts in euros, written the Dutch way (full stops between the thousands, or none, and a comma before the cents); an empty addition or withdrawal is zero. What is added to a reserve is not settled with the members of its column; what is withdrawn is.");
    w("accounts.reserves.none", "Deze jaarrekening heeft geen reserves.", "These annual accounts have no reserves.");
    w("accounts.reserves.row", "Reserve", "Reserve");
    w("accounts.reserves.name", "Naam", "Name");
    w("accounts.reserves.kind", "Soort", "Kind");
    w("accounts.reserves.kind.algemeen", "Algemene reserve", "General reserve");
    w("accounts.reserves.kind.bestemming", "Bestemmingsreserve", "Earmarked reserve");
    w("accounts.reserves.column", "Kolom bijlage", "Annex column");
    w("accounts.reserves.opening", "Stand 1 januari (€)", "Opening balance (€)");
    w("accounts.reserves.addition", "Toevoeging (€)", "Addition (€)");
    w("accounts.reserves.withdrawal", "Onttrekking (€)", "Withdrawal (€)");
    w("accounts.reserves.remove", "Verwijderen", "Remove");
    w("accounts.reserves.add", "Rij toevoegen", "Add a row");
    w("accounts.reserves.save", "Reserves opslaan", "Save the reserves");
    w("accounts.reserves.saved", "De reserves zijn opgeslagen; de resultaatbestemming en de afrekening zijn herberekend.",
        "The reserves are saved; the appropriation and the settlement are computed again.");
    w("accounts.side", "Kant", "Side");
    w("accounts.deviation", "Afwijking", "Deviation");
    w("accounts.explanation", "Toelichting", "Explanation");
    w("accounts.explanation.missing", "Toelichting ontbreekt", "Explanation missing");
    w("accounts.explanation.given", "Toegelicht", "Explained");
    w("accounts.explanation.save", "Toelichting opslaan", "Save the explanation");
    w("accounts.notrequired", "Onder de drempel", "Under the threshold");
    w("accounts.column", "Kolom", "Column");
    w("accounts.settled.column", "Te verrekenen", "To settle");
    w("accounts.key", "Sleutel", "Key");
    w("accounts.member.part", "Deel van het lid", "The member's part");
    w("accounts.member.own", "Verenigingsbegroting", "Association budget");
    w("accounts.member.total", "Totaal", "Total");
    w("accounts.member.gets", "krijgt", "gets");
    w("accounts.member.back", "terug over", "back for");
    w("accounts.member.pays", "betaalt", "pays");
    w("accounts.member.extra", "bij over", "extra for");
    w("accounts.member.how", "Positief: het lid krijgt het terug; negatief: het lid betaalt bij. Elke kolom is over de leden verdeeld met haar sleutel, naar grootste rest: de delen tellen precies op tot de kolom.",
        "Positive: the member gets it back; negative: the member pays. Each column is split over the members by its key, by largest remainder: the parts add up exactly to the column.");
    w("actuals.title", "Begroting en realisatie", "Budget and realised");
    w("actuals.illustration", "Illustratie: de meegeleverde realisatiecijfers zijn verzonnen (plausibel bij de begroting), niet de werkelijke cijfers van de vereniging.",
        "Illustration: the shipped realised figures are made up (plausible for the budget), not the association's real figures.");
    w("actuals.none", "Voor dit jaar zijn geen realisatiecijfers ingelezen.", "No realised figures have been imported for this year.");
    w("actuals.years", "Jaren", "Years");
    w("actuals.upto", "Gerealiseerd tot en met periode", "Realised up to and including period");
    w("actuals.programme", "Programma / eenheid", "Programme / unit");
    w("actuals.budget", "Begroting", "Budget");
    w("actuals.realised", "Realisatie", "Realised");
    w("actuals.left", "Restant", "Left");
    w("actuals.thirdparty", "waarvan derden", "of which third-party");
    w("actuals.passthrough", "Kassiersfunctie (apart gerealiseerd)", "Pass-through (kassiersfunctie, realised apart)");
    w("actuals.import", "Realisatie inlezen (XAF 3.2 of CSV)", "Import realised figures (XAF 3.2 or CSV)");
    w("actuals.imported", "Ingelezen", "Imported");
    // the Tussenrapportage (mid-year report, docs/midyear.md)
    w("midyear.title", "Tussenrapportage", "Mid-year report");
    w("midyear.illustration", "Illustratie: de realisatie en de prognoses zijn verzonnen (plausibel bij de begroting), niet de werkelijke cijfers van de vereniging.",
        "Illustration: the realised figures and the forecasts are made up (plausible for the budget), not the association's real figures.");
    w("midyear.intro", "Per programma de begroting na wijziging, de realisatie tot en met de periode, de prognose voor het hele jaar en de verwachte afwijking (prognose min begroting na wijziging). De begroting stelt kaders per programma; per eenheid staan realisatie en prognose.",
        "Per programme the budget after amendments, the realised figures up to the period, the forecast for the whole year and the expected deviation (forecast minus budget after amendments). The budget sets frames per programme; per unit the realised figures and the forecast are shown.");
    w("midyear.basedon", "Rapporteert over", "Reports on");
    w("midyear.incomplete", "Nog niet elke eenheid heeft een prognose: prognose en afwijking van haar programma blijven leeg.", "Not every unit has a forecast yet: its programme's forecast and deviation stay empty.");
    w("midyear.forecasts", "Prognoses per eenheid", "Forecasts per unit");
    w("midyear.unit", "Eenheid", "Unit");
    w("midyear.lasten", "Prognose lasten (hele euro's)", "Forecast expenditure (lasten, whole euros)");
    w("midyear.baten", "Prognose baten (hele euro's)", "Forecast revenue (baten, whole euros)");
    w("midyear.reason", "Reden", "Reason");
    w("midyear.save", "Prognose opslaan", "Save forecast");
    w("midyear.saved", "De prognose is opgeslagen.", "The forecast is saved.");
    w("midyear.conflict", "Iemand anders heeft deze prognose intussen gewijzigd; uw invoer staat nog in het formulier, wat nu is opgeslagen staat hieronder. Kijk het na en sla opnieuw op.",
        "Someone else changed this forecast in the meantime; what you typed is still in the form, what is stored now is below. Check it and save again.");
    w("midyear.proposals", "Voorstellen in de tussenrapportage en hun effect", "Proposals in the mid-year report and their effect");
    w("midyear.proposals.how", "Voorstellen maakt en wijzigt u in deze versie zoals in elke versie; ze veranderen het lopende jaar en eventueel latere jaren. Indienen en vaststellen gaat via de cyclus.",
        "Proposals are made and changed in this version like in any version; they change the current year and possibly later years. Submitting and adopting go through the cycle.");
    w("midyear.noproposals", "Deze tussenrapportage doet (nog) geen begrotingsvoorstellen.", "This mid-year report makes no budget proposals (yet).");
    w("midyear.audit", "Controle", "Audit");
    w("midyear.audit.none", "Geen bevindingen: elke eenheid met een begroting of realisatie heeft een prognose met reden en elke tabel telt op.",
        "No findings: every unit with a budget or realised figures has a forecast with a reason and every table foots.");
    w("midyear.downloads", "Downloaden", "Download");
    w("midyear.start", "Tussenrapportage beginnen", "Start the mid-year report");
    w("midyear.period", "Realisatie tot en met maand", "Realised up to month");
    w("midyear.existing", "Deze begroting heeft een tussenrapportage:", "This budget has a mid-year report:");
    w("midyear.cannot", "Een tussenrapportage begint een controller bij een vastgestelde begroting (definitief, anders de vastgestelde conceptbegroting).",
        "A controller starts a mid-year report from an adopted budget (the definitive one, else the adopted concept).");
    w("actuals.refused", "Niet ingelezen (er is niets ingelezen):", "Not imported (nothing was imported):");
    w("actuals.sources", "Herkomst per periode", "Source per period");
    w("versions.title", "Versies", "Versions");
    w("versions.copy", "Kopiëren naar een scenario", "Copy into a scenario");
    w("versions.name", "Naam van het scenario", "Name of the scenario");
    w("versions.import", "Begroting inlezen", "Import a budget");
    w("versions.import.file", "Begrotingsbestand (YAML, formaat begroot/1)", "Budget file (YAML, format begroot/1)");
    w("versions.import.name", "Naam van de nieuwe versie", "Name of the new version");
    w("versions.imported", "Het bestand is ingelezen als versie", "The file was imported as version");
    w("versions.imported.warnings", "Waarschuwingen van de lezer (het bestand is wel ingelezen; kijk ze na):",
        "The reader's warnings (the file was imported; have a look at them):");
    w("versions.export", "Downloaden (YAML)", "Download (YAML)");
    w("versions.delete", "Verwijderen", "Delete");
    w("versions.kind", "Soort", "Kind");
    w("versions.changed", "Gewijzigd", "Changed");
    w("versions.basedon", "Gebaseerd op", "Based on");
    w("kind.frame", "Kader", "Frame");
    w("kind.concept", "Concept", "Draft");
    w("kind.scenario", "Scenario", "Scenario");
    w("kind.import", "Ingelezen", "Imported");
    w("versions.none", "In deze organisatie kunt u (nog) geen versie lezen. Rollen gelden per organisatie: vraag de beheerder om een rol hier, of kies een andere organisatie.",
        "You cannot read any version of this organisation (yet). Roles hold per organisation: ask the administrator for a role here, or choose another organisation.");
    w("versions.cycle", "De planning & control-cyclus", "The planning & control cycle");
    w("versions.cycle.intro", "Elke stap begint bij de vastgestelde versie ervoor. De versies met (illustratie) in de naam zijn een meegeleverd voorbeeld met verzonnen cijfers: zo ziet u de hele cyclus.",
        "Each step starts from the adopted version before it. The versions with (illustratie) in their name are a shipped example with made-up figures, showing the whole cycle.");
    w("versions.cycle.concept", "de begroting zoals het bestuur haar aanbiedt; na vaststelling begint daar de definitieve begroting.",
        "the budget as the board proposes it; once adopted, the definitive budget starts from it.");
    w("versions.cycle.definitive", "de vastgestelde begroting van het jaar (begint op de Cyclus-pagina van een vastgestelde conceptbegroting).",
        "the adopted budget of the year (started on the Cycle page of an adopted concept budget).");
    w("versions.cycle.amendment", "een wijziging na vaststelling, met eigen voorstellen (begint op de Cyclus-pagina van een vastgestelde begroting).",
        "a change after adoption, with its own proposals (started on the Cycle page of an adopted budget).");
    w("versions.cycle.midyear", "begroting na wijziging, realisatie tot een periode en prognose per eenheid (begint op de Tussenrapportage-pagina van een vastgestelde begroting).",
        "budget after amendments, realised figures up to a period and a forecast per unit (started on the Mid-year report page of an adopted budget).");
    w("versions.cycle.accounts", "realisatie tegen de begroting na wijziging, afwijkingen, resultaat en verrekening (begint op de Cyclus-pagina van een vastgestelde begroting).",
        "realised figures against the budget after amendments, deviations, the result and its settlement (started on the Cycle page of an adopted budget).");
    w("versions.step.concept", "Conceptbegroting", "Concept budget");
    w("versions.step.definitive", "Definitieve begroting", "Definitive budget");
    w("versions.step.amendment", "Begrotingswijziging", "Budget amendment");
    w("versions.step.midyear", "Tussenrapportage", "Mid-year report");
    w("versions.step.accounts", "Jaarrekening", "Annual accounts");
    w("versions.cycle.none", "nog geen.", "none yet.");
    w("overview.cycle", "Alle stappen van de cyclus", "Every step of the cycle");
    w("kind.definitive", "Definitieve begroting", "Definitive budget");
    w("kind.amendment", "Begrotingswijziging", "Budget amendment");
    w("kind.midyear", "Tussenrapportage", "Mid-year report");
    w("kind.accounts", "Jaarrekening", "Annual accounts");
    w("compare.title", "Versies vergelijken", "Compare versions");
    w("compare.a", "Versie A (voor)", "Version A (before)");
    w("compare.b", "Versie B (na)", "Version B (after)");
    w("compare.go", "Vergelijken", "Compare");
    w("compare.same", "Geen verschillen.", "No differences.");
    w("compare.proposals", "Voorstellen die het verschil verklaren", "Proposals that explain the difference");
    w("status.ADDED", "nieuw", "added");
    w("status.REMOVED", "vervallen", "removed");
    w("status.CHANGED", "gewijzigd", "changed");
    w("status.UNCHANGED", "gelijk", "unchanged");
    w("keys.title", "Verdeelsleutels", "Distribution keys");
    w("keys.share", "Aandeel (%)", "Share (%)");
    w("keys.sum", "Som", "Sum");
    w("mapping.title", "Grootboekindeling", "Ledger mapping");
    w("mapping.intro", "Welke grootboekrekening (en kostenplaats) realisatie is van welke eenheid, lasten of baten, en van wie het geld is. Een import van realisatiecijfers boekt elke regel van de financiële administratie volgens deze indeling; een rekening die er niet in staat, weigert het bestand.",
        "Which ledger account (and cost centre) is realised lasten or baten of which unit, and whose money it is. An import of realised figures books every line of the bookkeeping by this mapping; an account it does not have refuses the file.");
    w("mapping.rows", "regels", "rows");
    w("mapping.row", "Regel", "Row");
    w("mapping.account", "Rekening", "Account");
    w("mapping.costCentre", "Kostenplaats", "Cost centre");
    w("mapping.anyCostCentre", "elke", "any");
    w("mapping.unit", "Eenheid", "Unit");
    w("mapping.side", "Lasten of baten", "Lasten or baten");
    w("mapping.money", "Geld", "Money");
    w("mapping.money.own", "eigen geld", "own money");
    w("mapping.money.pass-through", "kassiersfunctie", "pass-through");
    w("mapping.money.third-party", "geld van derden", "third-party money");
    w("mapping.thirdParty", "Derde", "Third party");
    w("mapping.hint", "Een nieuwe regel vult u in een lege regel in; een lege kostenplaats geldt voor elke kostenplaats. Opslaan vervangt de hele indeling, of niets als een regel niet klopt.",
        "Add a row in an empty row; an empty cost centre means any cost centre. Saving replaces the whole mapping, or nothing when a row is wrong.");
    w("member", "Provincie", "Province");
    w("changes.title", "Wijzigingen", "Change log");
    w("changes.at", "Wanneer", "When");
    w("changes.who", "Wie", "Who");
    w("changes.what", "Wat", "What");
    w("changes.pages", "Bladeren door de wijzigingen", "Pages of the change log");
    w("changes.newest", "Nieuwste wijzigingen", "Newest changes");
    w("changes.older", "Oudere wijzigingen", "Older changes");
    w("log.title", "Logboek", "Log");
    w("log.intro", "Alles wat in Begroot gebeurt: wijzigingen, aanmeldingen en geweigerde verzoeken, nieuwste eerst.",
        "Everything that happens in Begroot: changes, sign-ins and refused requests, newest first.");
    w("log.deleted-version", "verwijderde versie", "deleted version");
    w("log.proposal", "voorstel", "proposal");
    w("log.id", "code", "id");
    w("actor.begroot", "Begroot (eerste start)", "Begroot (first start)");
    w("actor.seed", "Begroot (eerste start)", "Begroot (first start)");
    w("actor.restore", "Begroot (terugzetten)", "Begroot (restore)");
    w("actor.console", "Begroot (opdrachtregel)", "Begroot (command line)");
    w("actor.anoniem", "anonieme bezoeker", "anonymous visitor");
    w("actor.onbekend", "onbekend", "unknown");
    w("log.filter", "Filteren", "Filter");
    w("log.person", "Persoon", "Person");
    w("log.object", "Object (voorstel, sleutel, account of versie)", "Object (proposal, key, account or version)");
    w("log.from", "Van (datum)", "From (date)");
    w("log.to", "Tot en met (datum)", "To (date, inclusive)");
    w("log.apply", "Toon", "Show");
    w("log.fields", "Velden", "Fields");
    w("log.result.refused", "geweigerd", "refused");
    w("log.result.failed", "mislukt", "failed");
    w("log.admin.title", "Logboek controleren", "Verify the log");
    w("log.admin.intro", "Elke regel van het logboek bevat de hash van de vorige. De controle rekent de hele keten na en noemt"
        + " de eerste regel die gewijzigd, verwijderd of ingevoegd is.", "Each log entry holds the hash of the one before. The check"
        + " recomputes the whole chain and names the first entry that was changed, removed or inserted.");
    w("log.verify", "Controleer de keten", "Verify the chain");
    w("log.intact", "De keten is intact:", "The chain is intact:");
    w("log.entries", "regels", "entries");
    w("log.broken", "De keten is verbroken", "The chain is broken");
    w("log.at", "bij regel", "at entry");
    w("action.session.sign-in", "aanmelding", "sign-in");
    w("action.session.sign-out", "afmelding", "sign-out");
    w("action.request.refused", "verzoek geweigerd", "request refused");
    w("action.account.create", "account aangemaakt", "account created");
    w("error.notfound", "Niet gevonden", "Not found");
    // a sign-in's step and result as the log records them ("password: wrong"; SignInEvents), in words
    w("signin.step.password", "wachtwoord", "password");
    w("signin.step.new-password", "nieuw wachtwoord", "new password");
    w("signin.step.code", "code van de tweede factor", "second-factor code");
    w("signin.step.enrol", "tweede factor instellen", "second-factor enrolment");
    w("signin.step.oidc", "aanmelden via de identiteitsprovider", "sign-in through the identity provider");
    w("signin.step.sign-out", "afmelden", "sign-out");
    w("signin.result.ok", "gelukt", "succeeded");
    w("signin.result.wrong", "onjuist", "wrong");
    w("signin.result.throttled", "te veel pogingen, even tegengehouden", "too many attempts, held back for a while");
    w("signin.result.disabled", "account geblokkeerd", "account disabled");
    w("signin.result.refused", "geweigerd", "refused");
    w("signin.result.replay", "code al eerder gebruikt", "code used before");
    w("signin.result.provider_unreachable", "identiteitsprovider niet bereikbaar", "identity provider unreachable");
    w("signin.result.bad_state", "aanmelding niet (meer) geldig", "sign-in not valid (any more)");
    w("signin.result.expired_attempt", "aanmelding duurde te lang", "sign-in took too long");
    w("signin.result.denied", "afgebroken of geweigerd bij de identiteitsprovider", "cancelled or refused at the identity provider");
    w("signin.result.provider_error", "fout bij de identiteitsprovider", "error at the identity provider");
    w("signin.result.token_refused", "identiteitsprovider weigerde af te ronden", "identity provider refused to complete");
    w("signin.result.token_invalid", "bewijs van de identiteitsprovider ongeldig", "identity provider's proof not valid");
    w("signin.result.account_disabled", "account geblokkeerd", "account disabled");
    w("signin.title", "Aanmelden", "Sign in");
    w("signin.link", "Aanmelden", "Sign in");
    w("signin.out", "Afmelden", "Sign out");
    w("signin.as", "Aangemeld als", "Signed in as");
    w("signin.login", "Gebruikersnaam", "User name");
    w("signin.password", "Wachtwoord", "Password");
    w("signin.submit", "Aanmelden", "Sign in");
    w("signin.oidc", "Aanmelden met", "Sign in with");
    w("signin.oidc.yours", "uw organisatie", "your organisation");
    w("signin.continue", "Verder", "Continue");
    w("signin.help", "Nog geen account, of wachtwoord vergeten? Vraag het de beheerder van Begroot in uw organisatie.",
        "No account yet, or forgot your password? Ask your organisation's Begroot administrator.");
    w("signin.wrong", "Onbekende gebruikersnaam of verkeerd wachtwoord.", "Unknown user name or wrong password.");
    w("signin.throttled", "Te veel mislukte pogingen. Probeer het over {seconds} seconden opnieuw.",
        "Too many failed attempts. Try again in {seconds} seconds.");
    w("signin.expired", "Het aanmelden duurde te lang of is afgebroken; begin opnieuw.", "Signing in took too long or was interrupted; please start again.");
    w("signin.newpassword.intro", "U meldde zich aan met een eenmalig wachtwoord. Kies nu uw eigen wachtwoord: minstens 12 tekens, geen veelgebruikt wachtwoord.",
        "You signed in with a one-time password. Choose your own password now: at least 12 characters, not a common password.");
    w("signin.newpassword", "Nieuw wachtwoord", "New password");
    w("signin.repeat", "Nieuw wachtwoord nogmaals", "New password again");
    w("signin.code.intro", "Vul de code van zes cijfers in uit uw authenticator-app.", "Enter the six-digit code from your authenticator app.");
    w("signin.code", "Code", "Code");
    w("signin.enrol.intro", "Uw rol vraagt een tweede factor. Voeg Begroot toe aan een authenticator-app (TOTP) met de geheime sleutel of de otpauth-link hieronder, en vul daarna de code in die de app toont.",
        "Your role needs a second factor. Add Begroot to an authenticator app (TOTP) with the secret key or the otpauth link below, then enter the code the app shows.");
    w("signin.enrol.secret", "Geheime sleutel", "Secret key");
    w("signin.enrol.uri", "otpauth-link", "otpauth link");
    w("csrf.title", "Verzoek geweigerd", "Request refused");
    w("csrf.detail", "Dit formulier is verlopen of kwam niet van deze pagina (het CSRF-token ontbreekt of klopt niet). Laad de pagina opnieuw en probeer het nog eens.",
        "This form has expired or did not come from this page (the CSRF token is missing or wrong). Reload the page and try again.");
    w("users.title", "Gebruikers", "Users");
    w("users.name", "Naam", "Name");
    w("users.roles", "Rollen", "Roles");
    w("users.units", "Eenheden (budgethouder)", "Units (budget holder)");
    w("users.member", "Lid (provinciecode)", "Member (province code)");
    w("users.status", "Status", "Status");
    w("users.actions", "Acties", "Actions");
    w("users.enabled", "actief", "active");
    w("users.disabled", "uitgeschakeld", "disabled");
    w("users.enable", "Inschakelen", "Enable");
    w("users.disable", "Uitschakelen", "Disable");
    w("users.resetbutton", "Nieuw eenmalig wachtwoord", "New one-time password");
    w("users.cleartotp", "ook de tweede factor opnieuw", "second factor anew too");
    w("users.add", "Gebruiker toevoegen", "Add a user");
    w("users.added", "Gebruiker {id} is toegevoegd.", "User {id} was added.");
    w("users.reset", "Gebruiker {id} heeft een nieuw eenmalig wachtwoord; de sessies van {id} zijn beëindigd.",
        "User {id} has a new one-time password; the sessions of {id} were ended.");
    w("users.once", "Eenmalig wachtwoord (wordt maar één keer getoond; geef het veilig door):", "One-time password (shown this once; pass it on safely):");
    w("users.notself", "U kunt uw eigen account niet uitschakelen.", "You cannot disable your own account.");
    w("error.title", "Er ging iets mis", "Something went wrong");
    w("error.back", "Terug naar het overzicht", "Back to the overview");
    w("access.signin.title", "Meld u aan", "Sign in");
    w("access.signin", "Aanmelden", "Sign in");
    w("access.denied.title", "Geen toegang", "Not allowed");
    w("access.none", "Er is geen versie die u zonder aanmelden kunt lezen: gepubliceerde begrotingen staan hier zodra ze er zijn. Meld u aan om verder te lezen.",
        "There is no version you can read without signing in: published budgets appear here once there are any. Sign in to read further.");
    w("download", "Downloaden", "Download");
    w("figure.link", "Herkomst", "Origin");
    w("downloads", "Publicaties", "Publications");
    w("action.accounts.reserves", "reserves van de jaarrekening gewijzigd", "reserves of the annual accounts changed");
    w("action.accounts.threshold", "drempel van de jaarrekening gewijzigd", "threshold of the annual accounts changed");
    w("action.accounts.explain", "toelichting op een afwijking gewijzigd", "explanation of a deviation changed");
    w("action.proposal.create", "voorstel toegevoegd", "proposal added");
    w("action.proposal.change", "voorstel gewijzigd", "proposal changed");
    w("action.proposal.withdraw", "voorstel ingetrokken", "proposal withdrawn");
    w("action.proposal.reinstate", "voorstel teruggezet", "proposal reinstated");
    w("action.key.change", "verdeelsleutel gewijzigd", "distribution key changed");
    w("action.version.seed", "versie aangemaakt bij de eerste start", "version created on first start");
    w("action.version.copy", "versie gekopieerd", "version copied");
    w("action.version.delete", "versie verwijderd", "version deleted");
    w("action.version.import", "versie ingelezen uit een bestand", "version imported from a file");
    w("action.version.import-proposals", "versie ingelezen uit een Excel-werkmap", "version imported from an Excel workbook");
    w("action.version.submit", "versie ingediend", "version submitted");
    w("action.version.take-back", "versie teruggenomen", "version taken back");
    w("action.version.adopt", "versie vastgesteld", "version adopted");
    w("action.version.publish", "versie gepubliceerd", "version published");
    w("action.proposal.submit", "voorstel ingediend", "proposal submitted");
    w("action.proposal.approve", "voorstel goedgekeurd", "proposal approved");
    w("action.proposal.reject", "voorstel afgewezen", "proposal rejected");
    w("action.scenario.share", "scenario gedeeld", "scenario shared");
    w("action.scenario.unshare", "scenario niet meer gedeeld", "scenario no longer shared");
    w("action.amendment.create", "begrotingswijziging begonnen", "budget amendment started");
    w("action.definitive.create", "definitieve begroting begonnen", "definitive budget started");
    w("action.midyear.create", "Tussenrapportage begonnen", "mid-year report started");
    w("action.midyear.forecast", "prognose vastgelegd", "forecast entered");
    w("action.accounts.create", "jaarrekening begonnen", "annual accounts started");
    w("action.actuals.import", "realisatie ingelezen", "realised figures imported");
    w("action.mapping.change", "grootboekkoppeling gewijzigd", "ledger mapping changed");
    w("action.account.grant", "rollen toegekend", "roles granted");
    w("audit.count", "bevindingen", "findings");
    w("audit.findings", "Bevindingen, de zwaarste eerst", "Findings, the most serious first");
    w("versions.all", "Alle versies in deze database", "All versions in this database");
    w("audit.where", "Plaats in het document", "Place in the document");
    w("audit.kind", "Soort", "Kind");
    w("audit.message", "Toelichting", "Explanation");
    w("audit.detail", "Technische details (Engels)", "Technical details");
    w("audit.summary", "Samenvatting", "Summary");
    w("audit.action", "Actie nodig: het document spreekt zichzelf tegen of bevat fouten.",
        "Action needed: the document contradicts itself or contains errors.");
    w("audit.noaction", "Geen actie nodig: alleen afrondingen en wijzigingen sinds publicatie.",
        "No action needed: only rounding and changes since publication.");
    w("audit.kind.ERROR", "fout", "error");
    w("audit.kind.INCONSISTENCY", "inconsistentie in het document", "inconsistency in the document");
    w("audit.kind.CHANGED_SINCE_PUBLICATION", "gewijzigd sinds publicatie", "changed since publication");
    w("audit.kind.ROUNDING", "afronding", "rounding");
    w("audit.check.VALUE", "bedrag", "value");
    w("audit.check.FOOTING", "optelling", "footing");
    w("audit.check.CROSS_TABLE", "tussen tabellen", "across tables");
    w("audit.check.KEY", "verdeelsleutel", "key");
    w("audit.check.FRAME_BALANCE", "kader sluit niet", "frame balance");
    w("audit.check.EXPLANATION", "toelichting ontbreekt", "explanation missing");
    w("audit.check.FORECAST", "prognose ontbreekt", "forecast missing");
    w("audit.check.EFFECT", "effect van de voorstellen", "effect of the proposals");
    w("withdrawn.done", "Ingetrokken; het voorstel telt niet meer mee.", "Withdrawn; the proposal no longer counts.");
    w("reinstated.done", "Teruggezet; het voorstel telt weer mee.", "Reinstated; the proposal counts again.");
    w("province.share.normalised", "in Bijlage 1, na deling door de som van de sleutel", "in Annex 1, after division by the key's sum");
    w("download.html", "Begroting als webpagina (HTML)", "Budget as a web page (HTML)");
    w("download.pdf", "Begroting als PDF", "Budget as PDF");
    w("download.xlsx", "Begroting als Excel-werkmap (met sjabloon voor voorstellen)", "Budget as an Excel workbook (with a proposals template)");
    w("download.fdp", "Open data (Fiscal Data Package, CSV)", "Open data (Fiscal Data Package, CSV)");
    // the province page and the provinces list (issue 12, the province officer)
    w("province.frame", "Begroting {year}", "Budget {year}");
    w("province.headline.more", "{member} betaalt in {year} {amount} meer dan volgens de {frame}.",
        "{member} pays {amount} more in {year} than under the {frame}.");
    w("province.headline.less", "{member} betaalt in {year} {amount} minder dan volgens de {frame}.",
        "{member} pays {amount} less in {year} than under the {frame}.");
    w("province.headline.same", "{member} betaalt in {year} evenveel als volgens de {frame}.",
        "{member} pays the same in {year} as under the {frame}.");
    w("province.later", "De jaren daarna", "The years after");
    w("province.printed", "in Bijlage 1: {amount} x € 1.000", "in Annex 1: {amount} x € 1,000");
    w("province.reasons", "Waar het verschil vandaan komt", "Where the difference comes from");
    w("province.reasons.intro", "De vijf begrotingsvoorstellen met het grootste deel in de wijziging van {year}:",
        "The five budget proposals with the largest part in the change of {year}:");
    w("province.reasons.part", "Deel van {member}", "Part of {member}");
    w("province.reasons.amount", "Bedrag van het voorstel", "Amount of the proposal");
    w("province.side.lasten", "lasten", "expenditure");
    w("province.side.baten", "baten", "revenue");
    w("province.reasons.rest", "De overige {count} voorstellen samen (met de afronding van de delen op de cent): {amount}.",
        "The other {count} proposals together (with the rounding of the parts to the cent): {amount}.");
    w("province.reasons.note", "Het deel per voorstel is het bedrag van het voorstel maal het aandeel van de provincie in elke kolom van Bijlage 1 waar het in valt, afgerond op de cent.",
        "A proposal's part is its amount times the province's share of each column of Annex 1 it falls in, rounded to the cent.");
    w("province.passthrough.title", "Doorgegeven geld (apart van de bijdrage)", "Money passed on (apart from the contribution)");
    w("province.passthrough", "Daarnaast geeft {member} in {year} {amount} door ({title}). Dat geld komt van het Rijk via het provinciefonds en staat los van de bijdrage hierboven.",
        "Besides, {member} passes on {amount} in {year} ({title}). That money comes from the State through the provinces fund and is apart from the contribution above.");
    w("province.key.title", "Verdeelsleutel", "Distribution key");
    w("province.key", "{member} draagt {share} bij volgens de {key}", "{member} contributes {share} under the {key}");
    w("province.key.normalised", "(de aandelen tellen op tot {sum}, dus {effective} van elk te verdelen bedrag)",
        "(the shares add up to {sum}, so {effective} of each amount to distribute)");
    w("province.key.other", "Kolom {column} gebruikt de {key}: {share}.", "Column {column} uses the {key}: {share}.");
    w("province.table", "Alle cijfers per kolom van Bijlage 1", "All figures per column of Annex 1");
    w("province.lines", "Bijdrageregels voor de eigen begroting", "Contribution lines for your own budget");
    w("province.lines.text", "Alle regels per jaar en kolom, in euro's met centen, om in te lezen in het financiële systeem van de provincie (uitleg in docs/member-lines.md):",
        "All lines per year and column, in euros with cents, to read into the province's finance system (explained in docs/member-lines.md):");
    w("provinces.intro", "De wijziging van de bijdrage van elke provincie ten opzichte van de Begroting {frameYear} (totaal van Bijlage 1).",
        "The change in each province's contribution compared with the Budget {frameYear} (total of Annex 1).");
    w("provinces.table", "Wijziging van de bijdrage per provincie en jaar", "Change in contribution per province and year");
    w("provinces.member", "Provincie", "Province");
    w("provinces.chart", "Wijziging van de bijdrage in {year} per provincie (x € 1.000)", "Change in contribution in {year} per province (x € 1,000)");
    w("provinces.chart.alt", "Staafdiagram van de wijziging van de bijdrage per provincie; de cijfers staan bij de staven en in de tabel.",
        "Bar chart of the change in contribution per province; the figures are beside the bars and in the table.");
    w("search.member", "Provincie", "Province");
    w("download.statement", "Verklaring voor deze provincie", "Statement for this province");
    w("workbook.import", "Voorstellen uit een Excel-werkmap inlezen", "Import proposals from an Excel workbook");
    w("workbook.file", "Werkmap (.xlsx) met het ingevulde sjabloonblad", "Workbook (.xlsx) with the filled-in template sheet");
    w("workbook.base", "Kader en sleutels van versie", "Frame and keys of version");
    w("workbook.hint", "De werkmap van de downloadknop bevat het sjabloon. Alle voorstellen worden vervangen door die uit de werkmap; een werkmap met één fout verandert niets.",
        "The workbook from the download button contains the template. All proposals are replaced by those in the workbook; a workbook with a single error changes nothing.");
  }

  private static void w(String key, String nl, String en) {
    WORDS.put(key, new String[] {nl, en});
  }

  private final String lang;

  private I18n(String lang) {
    this.lang = lang;
  }

  public static final I18n NL = new I18n("nl");
  public static final I18n EN = new I18n("en");

  public static I18n of(String lang) {
    return "en".equals(lang) ? EN : NL;
  }

  public String lang() {
    return lang;
  }

  public String t(String key) {
    String[] w = WORDS.get(key);
    if (w == null) {
      return "??" + key + "??";
    }
    return "en".equals(lang) ? w[1] : w[0];
  }

  static boolean has(String key) {
    return WORDS.containsKey(key);
  }
}
