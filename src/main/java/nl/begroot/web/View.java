package nl.begroot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.begroot.core.figures.Narratives;
import nl.begroot.core.figures.Table;
import nl.begroot.core.text.Dutch;
import nl.begroot.render.HtmlTableRenderer;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.Snapshot;

/**
 * What every page template gets: the words in the chosen language, the version being read (null on
 * pages that are not about one version), all versions for the switcher, the page's title and path,
 * and helpers that render tables and amounts the same way on every page.
 */
public final class View {
  private final I18n i18n;
  private final Snapshot snapshot;
  private final java.util.function.Supplier<List<StoredVersion>> versions;
  private final String title;
  private final String path;
  private final boolean exact;
  private String message;
  private nl.begroot.core.access.Actor user = nl.begroot.core.access.Actor.ANONYMOUS;
  private String csrf = "";
  private String signIn;
  private Snapshot nav;

  View(I18n i18n, Snapshot snapshot, List<StoredVersion> versions, String title, String path, boolean exact) {
    this(i18n, snapshot, () -> versions, title, path, exact);
  }

  View(I18n i18n, Snapshot snapshot, java.util.function.Supplier<List<StoredVersion>> versions, String title, String path, boolean exact) {
    this.i18n = i18n;
    this.snapshot = snapshot;
    this.versions = versions;
    this.title = title;
    this.path = path;
    this.exact = exact;
  }

  private Names names;

  /** The words for what Begroot keeps by id ({@link Names}, decision 210). */
  View names(Names names) {
    this.names = names;
    return this;
  }

  Names names() {
    return names;
  }

  /** A person by their name (an account id in words); the id itself on a page made without {@link Names}. */
  public String person(String accountId) {
    return names == null ? accountId : names.person(accountId);
  }

  /** The version at {@code slug} by its title (the slug stays in the address). */
  public String versionName(String slug) {
    return names == null ? slug : names.version(slug);
  }

  private List<nl.begroot.store.Organisations.Organisation> organisations = List.of();
  private String organisation;

  /** The installation's organisations and the one this page is about (the header shows it and offers a change when there are several). */
  View organisations(List<nl.begroot.store.Organisations.Organisation> all, String current) {
    this.organisations = all;
    this.organisation = current;
    return this;
  }

  public List<nl.begroot.store.Organisations.Organisation> organisations() {
    return organisations;
  }

  /** The name of the organisation this page is about; "" when the installation has only one. */
  public String organisationName() {
    return organisations.size() < 2 ? "" : organisations.stream().filter(o -> o.slug().equals(organisation)).map(
        nl.begroot.store.Organisations.Organisation::name).findFirst().orElse("");
  }

  public String organisation() {
    return organisation;
  }

  View user(nl.begroot.core.access.Actor user, String csrf) {
    this.user = user == null ? nl.begroot.core.access.Actor.ANONYMOUS : user;
    this.csrf = csrf == null ? "" : csrf;
    return this;
  }

  /** Who reads the page: the signed-in person, or the anonymous visitor. */
  public nl.begroot.core.access.Actor user() {
    return user;
  }

  public boolean signedIn() {
    return !user.anonymous();
  }

  /** The CSRF token every form sends back as {@code _csrf} (empty without a session cookie). */
  public String csrf() {
    return csrf;
  }

  /** On a refusal that signing in may help: the sign-in link (back to here afterwards). */
  View signIn(String link) {
    this.signIn = link;
    return this;
  }

  public String signIn() {
    return signIn;
  }

  private String further;
  private String furtherText;

  /** On a page that is not there: the link to what is there instead, and its words. */
  View further(String href, String text) {
    this.further = href;
    this.furtherText = text;
    return this;
  }

  public String further() {
    return further;
  }

  public String furtherText() {
    return furtherText;
  }

  /** Who reads this page. */
  public nl.begroot.core.access.Actor actor() {
    return user;
  }

  /** Whether the reader may do {@code permission} in this page's version (pages show only what the reader can do). */
  public boolean can(String permission) {
    return can(permission, null, null);
  }

  /** Whether the reader may do {@code permission} in this page's version, for a proposal of {@code unit} by {@code author}. */
  public boolean can(String permission, String unit, String author) {
    nl.begroot.core.access.Scope scope = snapshot == null ? nl.begroot.core.access.Scope.NONE
        : nl.begroot.workspace.Workspace.scope(snapshot.version()).unit(unit, author);
    return nl.begroot.core.access.Access.allows(user, nl.begroot.core.access.Permission.valueOf(permission), scope);
  }

  /** Whether the reader may do {@code permission} to the version {@code x} (the versions list). */
  public boolean can(String permission, StoredVersion x) {
    return nl.begroot.core.access.Access.allows(user, nl.begroot.core.access.Permission.valueOf(permission),
        nl.begroot.workspace.Workspace.scope(x));
  }

  /**
   * The version the navigation links to on a page that is not about one version (versions, compare,
   * sign-in): the built-in concept when the reader may read it, so the navigation is the same everywhere.
   */
  View nav(Snapshot version) {
    this.nav = version;
    return this;
  }

  /** The version the navigation's links go to: this page's, or the one {@link #nav(Snapshot)} gave; null when none. */
  public Snapshot navVersion() {
    return snapshot != null ? snapshot : nav;
  }

  /** A link inside the navigation's version. */
  public String nv(String rest) {
    return "/v/" + enc(navVersion().slug()) + rest;
  }

  /**
   * {@code "page"} when {@code href} is this page (its path, the query left out), for the
   * navigation's {@code aria-current}; null otherwise, which leaves the attribute out.
   */
  public String current(String href) {
    String here = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return here.equals(href) ? "page" : null;
  }

  /** Whether the reader may do {@code permission} outside any version (the log, the users page). */
  public boolean canAtAll(String permission) {
    return nl.begroot.core.access.Access.allows(user, nl.begroot.core.access.Permission.valueOf(permission),
        nl.begroot.core.access.Scope.NONE);
  }

  View message(String text) {
    this.message = text;
    return this;
  }

  public String message() {
    return message;
  }

  public String t(String key) {
    return terms(i18n.t(key));
  }

  /**
   * The page's words with the members called as the budget calls them (decision 164): a budget whose file gives
   * {@code member_term} ("gemeente") reads that word where the IPO's pages say "provincie"; in English "member".
   * A budget without it (the IPO's) keeps the words as they are.
   */
  String terms(String text) {
    Snapshot b = navVersion();
    if (text == null || b == null || !b.budget().organisation().namesMembers()) {
      return text;
    }
    var o = b.budget().organisation();
    if ("en".equals(i18n.lang())) {
      return text.replace("Provinces", "Members").replace("provinces", "members").replace("Province", "Member").replace("province", "member");
    }
    return text.replace("Provincies", capital(o.membersTerm())).replace("provincies", o.membersTerm())
        .replace("Provincie", capital(o.memberTerm())).replace("provincie", o.memberTerm());
  }

  private static String capital(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  public String lang() {
    return i18n.lang();
  }

  public String otherLang() {
    return "en".equals(i18n.lang()) ? "nl" : "en";
  }

  public Snapshot s() {
    return snapshot;
  }

  public boolean hasVersion() {
    return snapshot != null;
  }

  public String slug() {
    return snapshot == null ? "" : snapshot.slug();
  }

  /**
   * The navigation's link to Vergelijken: {@code /vergelijk} (the frame against the concept) when the reader may read
   * both, else the first two versions they may read; null, and no link, when they may read fewer than two (an
   * administrator reads no concept: the plain link answered 403).
   */
  public String compareHref() {
    if (compareHref == null) {
      compareHref = java.util.Optional.ofNullable(compareLink());
    }
    return compareHref.orElse(null);
  }

  /** Asked once per page (the navigation asks three times). */
  private java.util.Optional<String> compareHref;

  private String compareLink() {
    List<StoredVersion> readable = versions();
    if (readable.size() < 2) {
      return null;
    }
    boolean defaults = readable.stream().anyMatch(x -> x.slug().equals(nl.begroot.workspace.Workspace.FRAME))
        && readable.stream().anyMatch(x -> x.slug().equals(nl.begroot.workspace.Workspace.CONCEPT));
    return defaults ? "/vergelijk" : "/vergelijk?a=" + enc(readable.get(0).slug()) + "&b=" + enc(readable.get(1).slug());
  }

  /** A product of the planning &amp; control cycle in the navigation: its kind ({@code versions.step.*}), its version's name, its page. */
  public record Step(String kind, String name, String href) {}

  /** The kinds of the cycle's products, in the cycle's order. */
  static final List<String> CYCLE = List.of("concept", StoredVersion.DEFINITIVE, StoredVersion.AMENDMENT, StoredVersion.MIDYEAR, StoredVersion.ACCOUNTS);

  /** The page that shows a version as its product: a Tussenrapportage's report, the accounts' Jaarrekening, else the budget's overview. */
  public static String productHref(StoredVersion x) {
    return "/v/" + enc(x.slug()) + (x.midyear() ? "/tussenrapportage" : x.accounts() ? "/jaarrekening" : "");
  }

  private List<Step> cycle;

  /**
   * The navigation's group Cyclus (decision 201), the ONE owner of which cycle products it offers: per kind
   * (concept, definitive budget, amendment, Tussenrapportage, Jaarrekening) the newest version the reader may
   * read of the navigation version's own cycle (the versions that descend from the same concept), else the
   * organisation's newest of that kind; each links to the page that shows it as its product. A step whose page
   * is the navigation's overview is left out (the group Begroting links it). Without any Tussenrapportage the
   * step links to the navigation version's Tussenrapportage page, which says how one starts.
   */
  public List<Step> cycleSteps() {
    if (cycle == null) {
      cycle = cycleOf();
    }
    return cycle;
  }

  private List<Step> cycleOf() {
    Snapshot nav = navVersion();
    if (nav == null) {
      return List.of();
    }
    java.util.Map<Long, StoredVersion> byId = new java.util.HashMap<>();
    for (StoredVersion x : versions.get()) {
      byId.put(x.id(), x);
    }
    long root = root(nav.version(), byId);
    List<StoredVersion> readable = versions();
    List<Step> steps = new java.util.ArrayList<>();
    for (String kind : CYCLE) {
      List<StoredVersion> ofKind = readable.stream().filter(x -> x.kind().equals(kind)).toList();
      java.util.Comparator<StoredVersion> newest = java.util.Comparator.comparingLong(StoredVersion::id);
      java.util.Optional<StoredVersion> pick = ofKind.stream().filter(x -> root(x, byId) == root).max(newest)
          .or(() -> ofKind.stream().max(newest));
      if (pick.isPresent()) {
        String href = productHref(pick.get());
        if (!href.equals(nv(""))) {
          steps.add(new Step(kind, pick.get().name(), href));
        }
      } else if (kind.equals(StoredVersion.MIDYEAR)) {
        steps.add(new Step(kind, t("versions.step." + kind), nv("/tussenrapportage")));
      }
    }
    return steps;
  }

  /** The concept a version of the cycle descends from (its id): up the versions it is based on, scenarios not followed. */
  private static long root(StoredVersion x, java.util.Map<Long, StoredVersion> byId) {
    StoredVersion at = x;
    for (int hops = 0; hops < 64 && at.basedOn() != null; hops++) {
      StoredVersion up = byId.get(at.basedOn());
      if (up == null || up.scenario()) {
        break;
      }
      at = up;
    }
    return at.id();
  }

  /** The versions the reader may read. */
  public List<StoredVersion> versions() {
    return versions.get().stream().filter(x -> can("READ_VERSION", x)).toList();
  }

  public String title() {
    return terms(title);
  }

  public String fullTitle() {
    String v = snapshot == null ? "" : " · " + snapshot.version().name();
    return title() + v + " · Begroot";
  }

  public String path() {
    return path;
  }

  public boolean exact() {
    return exact;
  }

  /** A link inside the current version, e.g. {@code v("/programma/2")}. */
  public String v(String rest) {
    return "/v/" + enc(slug()) + rest;
  }

  /** The link that switches between printed thousands and exact euros on this page. */
  public String toggleExact() {
    String base = path.replaceAll("([?&])exact=1&?", "$1").replaceAll("[?&]$", "");
    if (exact) {
      return base;
    }
    return base + (base.contains("?") ? "&" : "?") + "exact=1";
  }

  public String langSwitch() {
    return "/taal/" + otherLang() + "?terug=" + enc(path);
  }

  /** A figure's name for people, in the document's words; its id goes only in the technical details. */
  public String label(String figureId) {
    return snapshot.labels().figure(figureId);
  }

  public String figureHref(String figureId) {
    return v("/figuur?id=" + enc(figureId));
  }

  /** One of Begroot's own table labels ("Totaal", "Totaal wijziging lasten") in the page's language ({@link TableWords}); a name unchanged. */
  public String words(String label) {
    return "en".equals(lang()) ? TableWords.english(label) : label;
  }

  /** A side of the budget in the page's language: lasten (expenditure) or baten (revenue). */
  public String side(boolean lasten) {
    return t(lasten ? "side.lasten" : "side.baten");
  }

  /** A table of the current version, each figure a link to its explanation. */
  public String table(Table table) {
    HtmlTableRenderer.Options options = HtmlTableRenderer.Options.linked(exact, this::figureHref);
    return HtmlTableRenderer.render(snapshot.document(), snapshot.printed(), table, inLanguage(options));
  }

  /** Table options for this page's language: its words ({@link TableWords}) and its figures ({@link PageNumbers}). */
  HtmlTableRenderer.Options inLanguage(HtmlTableRenderer.Options options) {
    return "en".equals(lang()) ? options.inLanguage(TableWords::english, this::figures) : options;
  }

  /** A text with figures in Dutch format in this page's language (decision 211: {@link PageNumbers}). */
  public String figures(String dutch) {
    return PageNumbers.figures(lang(), dutch);
  }

  /** The language of the budget's own texts (its narratives, names): Dutch; an English page marks them so. */
  public String budgetLang() {
    return "nl";
  }

  /** A chart (SVG) with its labels' figures in this page's language. */
  public String chart(String svg) {
    return PageNumbers.chart(lang(), svg);
  }

  /** An amount for a reader in this page's language: {@code "€ 1.234,56"}, in English {@code "€ 1,234.56"}. */
  public String euro(long cents) {
    return figures(euros(cents));
  }

  /** Cents as euros with cents, in this page's language. */
  public String exactCents(long cents) {
    return figures(cents(cents));
  }

  /** A change with its sign written once, in this page's language. */
  public String change(long cents) {
    return figures(signed(cents));
  }

  /** A whole number with thousands separators, in this page's language. */
  public String whole(long value) {
    return figures(Dutch.whole(value));
  }

  public String table(String tableId) {
    return snapshot.document().table(tableId).map(this::table).orElse("");
  }

  /** An amount for a reader: {@code "€ 1.234,56"}, {@code "− € 1.234,56"} (the one formatter: {@link Dutch#money}). */
  public static String euros(long cents) {
    return Dutch.money(cents);
  }

  /**
   * A narrative text of the current version as paragraphs (split at blank lines) of spans: literal
   * text, or a referenced figure's amount with its id, so that the page links it to the figure's
   * explanation. The amounts come from {@link Narratives}, as in the published document.
   */
  public List<List<Narratives.Span>> paragraphs(Narratives.Place place, String text) {
    if (text == null || text.isBlank() || snapshot == null) {
      return new java.util.ArrayList<>();
    }
    return paragraphs(Narratives.of(snapshot.document()).inEnglish("en".equals(lang())).spans(place, text));
  }

  private static List<List<Narratives.Span>> paragraphs(List<Narratives.Span> spans) {
    List<List<Narratives.Span>> result = new java.util.ArrayList<>();
    List<Narratives.Span> current = new java.util.ArrayList<>();
    for (Narratives.Span span : spans) {
      if (span.figureId() != null) {
        current.add(span);
        continue;
      }
      String[] pieces = span.text().split("\n\n", -1);
      for (int i = 0; i < pieces.length; i++) {
        if (i > 0) {
          result.add(current);
          current = new java.util.ArrayList<>();
        }
        if (!pieces[i].isEmpty()) {
          current.add(new Narratives.Span(pieces[i], null));
        }
      }
    }
    result.add(current);
    result.removeIf(List::isEmpty);
    return result;
  }

  /** A unit's texts (narrative, developments, priorities), one paragraph list. */
  public List<List<Narratives.Span>> narrative(nl.begroot.core.model.Unit u) {
    List<List<Narratives.Span>> result = new java.util.ArrayList<>();
    for (Narratives.Text t : Narratives.texts(u)) {
      result.addAll(paragraphs(t.place(), t.text()));
    }
    return result;
  }

  public List<List<Narratives.Span>> intro(nl.begroot.core.model.Programme p) {
    return paragraphs(Narratives.Place.intro(p), p.intro());
  }

  /**
   * The texts of this version that quote a proposal's figures (its own explanation aside), in words of
   * the page's language: what withdrawing it makes lapse, or what shows it as lapsed.
   */
  public List<String> quotedBy(String proposalId) {
    if (snapshot == null) {
      return List.of();
    }
    boolean en = "en".equals(lang());
    return snapshot.quoting(proposalId).stream().map(p -> switch (p.kind()) {
      case PROGRAMME_INTRO -> (en ? "the introduction of programme " : "de inleiding van programma ") + p.id();
      case UNIT_NARRATIVE, UNIT_DEVELOPMENTS, UNIT_PRIORITIES -> (en ? "the text of unit " : "de tekst bij ") + p.id();
      case PROPOSAL_EXPLANATION -> (en ? "the explanation of proposal " : "de toelichting bij voorstel ") + p.id();
    }).toList();
  }

  /** The marker a quoted amount of a withdrawn proposal shows, in the page's language. */
  public String lapsed(String proposalId) {
    return Narratives.lapsed(proposalId, "en".equals(lang()));
  }

  /** A proposal's explanation; for a withdrawn proposal its own amounts fill the references to its line. */
  public List<List<Narratives.Span>> explanation(nl.begroot.core.model.Proposal p) {
    if (snapshot != null && p.explanation() != null && snapshot.budget().proposal(p.id()).isEmpty()) {
      return paragraphs(Narratives.of(snapshot.document()).inEnglish("en".equals(lang())).spansOfAbsent(p));
    }
    return paragraphs(Narratives.Place.explanation(p), p.explanation());
  }

  /** Cents as whole euros when there are no cents, else with cents. */
  public static String amount(long cents) {
    return Dutch.amount(cents);
  }

  /** Cents in thousands, rounded half away from zero (for a single figure outside a footing table). */
  public static String thousands(long cents) {
    long q = cents / 100_000;
    long r = Math.abs(cents % 100_000);
    if (r * 2 >= 100_000) {
      q += cents < 0 ? -1 : 1;
    }
    return Dutch.whole(q);
  }

  /** A figure in the page's unit: exact euros, or thousands. */
  public String money(long cents) {
    return figures(exact ? Dutch.euros(cents) : thousands(cents));
  }

  /** The unit of this page's figures, in its language ({@link PageNumbers}). */
  public String unit() {
    return exact ? "x € 1" : PageNumbers.unit(lang(), false, true);
  }

  /** A change with its sign written once: {@code "+ € 10,00"}, {@code "− € 10.888,84"} ({@link Dutch#change}). */
  public static String signed(long cents) {
    return Dutch.change(cents);
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** How a figure was made, in the page's language where a Dutch wording exists. */
  public String how(nl.begroot.core.explain.Explanation e) {
    if (!"en".equals(lang()) && snapshot != null) {
      String nl = HowText.dutch(e.figure(), snapshot.document());
      if (nl != null) {
        return nl;
      }
    }
    return e.how();
  }

  /** The language of {@link #how}'s text, for the lang attribute. */
  public String howLang(nl.begroot.core.explain.Explanation e) {
    return !"en".equals(lang()) && snapshot != null && HowText.dutch(e.figure(), snapshot.document()) != null ? "nl" : "en";
  }

  /**
   * An audit finding in a sentence of the page's language, from its fields (the core's message,
   * in English, has the detail and is shown with it). The place is named apart, in the document's
   * own words ({@link nl.begroot.core.audit.Finding#label()}).
   */
  public String finding(nl.begroot.core.audit.Finding f) {
    return figures(findingText(f));
  }

  private String findingText(nl.begroot.core.audit.Finding f) {
    boolean en = "en".equals(lang());
    nl.begroot.core.audit.Finding.Kind kind = f.kind();
    String changed = kind == nl.begroot.core.audit.Finding.Kind.CHANGED_SINCE_PUBLICATION
        ? (en ? "; changed since publication" : "; gewijzigd sinds publicatie") + edits(f) : "";
    return switch (f.check()) {
      case VALUE -> {
        if (f.computed().isEmpty()) {
          yield f.column().isEmpty()
              ? (en ? "the printed line is no longer in Begroot's table" : "de gedrukte regel staat niet meer in de tabel van Begroot") + changed
              : en ? "printed '" + f.printed() + "', which Begroot does not compute here" : "gedrukt '" + f.printed() + "', wat Begroot hier niet berekent";
        }
        if (!changed.isEmpty()) {
          yield (en ? "printed " + f.printed() + ", now " + f.computed() : "gedrukt " + f.printed() + ", nu " + f.computed()) + changed;
        }
        if (f.printed().equals(f.computed())) {
          yield en ? "printed " + f.printed() + " as Begroot does, which is not the nearest thousand of the exact value: the totals need it to add up"
              : "gedrukt " + f.printed() + " zoals Begroot, niet het dichtstbijzijnde duizendtal van de exacte waarde: de totalen hebben het nodig om te kloppen";
        }
        boolean rounding = kind == nl.begroot.core.audit.Finding.Kind.ROUNDING;
        yield en ? "printed " + f.printed() + ", Begroot prints " + f.computed() + (rounding ? "; the difference lies within rounding" : "; more than rounding explains")
            : "gedrukt " + f.printed() + ", Begroot drukt " + f.computed() + (rounding ? "; het verschil valt binnen de afronding" : "; meer dan afronding verklaart");
      }
      case FOOTING -> en ? "the printed total " + f.printed() + " is not the sum of its printed parts (" + f.computed() + ")"
          : "het gedrukte totaal " + f.printed() + " is niet de som van de gedrukte delen (" + f.computed() + ")";
      case CROSS_TABLE -> en ? "the same figure is printed differently in another table" : "hetzelfde bedrag staat in een andere tabel anders gedrukt";
      case KEY -> kind == nl.begroot.core.audit.Finding.Kind.INCONSISTENCY
          ? (en ? "the shares add up to " + (f.table().startsWith("key:") ? f.printed() : f.computed()) + ", not 100 %"
              : "de aandelen tellen op tot " + (f.table().startsWith("key:") ? f.printed() : f.computed()) + ", niet 100 %")
          : (en ? "key share printed as " + f.printed() + ", Begroot: " + f.computed() : "aandeel gedrukt als " + f.printed() + ", Begroot: " + f.computed())
              + changed;
      case FRAME_BALANCE -> en ? "the frame does not balance in " + f.column() + " (" + f.computed() + " euros)"
          : "het kader sluit niet in " + f.column() + " (" + f.computed() + " euro)";
      case EXPLANATION -> en ? f.message() : "de afwijking van " + f.label() + " (" + f.computed() + ") is groter dan de drempel en heeft geen toelichting";
      case FORECAST -> en ? f.message() : "de eenheid " + f.label() + (f.computed().isEmpty() ? " heeft geen prognose" : " heeft een prognose zonder reden");
      case EFFECT -> en ? f.message() : f.row().equals("sluitpost")
          ? "de wijziging van de sluitpost in " + f.column() + " staat als " + f.printed() + ", maar de eigen bedragen van de voorstellen geven "
              + f.computed() + " (de wijziging van de lasten min die van alle andere baten)"
          : "de wijzigingen per lid in " + f.column() + " tellen op tot " + f.printed() + ", maar het te verdelen bedrag verandert met " + f.computed();
    };
  }

  /** Who changed what and when, for a finding that changed since publication. */
  private String edits(nl.begroot.core.audit.Finding f) {
    StringBuilder sb = new StringBuilder();
    for (nl.begroot.core.audit.SincePublication.Edit e : f.edits()) {
      sb.append(sb.length() == 0 ? ("en".equals(lang()) ? " by " : " door ") : "; ")
          .append(person(e.actor())).append(' ').append("en".equals(lang()) ? "on " : "op ").append(when(e.at()))
          .append(" (").append(action(e.action())).append(' ').append(targetName(e.subject())).append(')');
    }
    return sb.toString();
  }

  /** The findings in the order a controller acts on them: errors, inconsistencies, changes, rounding. */
  public static List<nl.begroot.core.audit.Finding> bySeverity(List<nl.begroot.core.audit.Finding> findings) {
    return findings.stream().sorted(java.util.Comparator.comparing(nl.begroot.core.audit.Finding::kind)).toList();
  }

  /** The summary line in the page's language: how many findings of each kind. */
  public String auditSummary(List<nl.begroot.core.audit.Finding> findings) {
    nl.begroot.core.audit.AuditSummary s = nl.begroot.core.audit.AuditSummary.of(findings);
    StringBuilder sb = new StringBuilder();
    for (nl.begroot.core.audit.Finding.Kind k : nl.begroot.core.audit.Finding.Kind.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(t("audit.kind." + k.name())).append(": ").append(s.count(k));
    }
    return sb.toString();
  }

  /**
   * What a change was made to, in words: a proposal's title or a key's title in this page's version
   * (withdrawn proposals included); the id itself when the version has no such thing (or on a page
   * about no version). The id stays in the API and in the link.
   */
  public String targetName(String target) {
    if (snapshot == null || target == null) {
      return target;
    }
    return Names.proposalOrKey(snapshot, target).orElse(target);
  }

  /** A change log action in words. */
  public String action(String code) {
    return I18n.has("action." + code) ? t("action." + code) : code;
  }

  /** A category's title, or its id when the budget does not name it. */
  public String category(String id) {
    return snapshot == null || id == null ? id
        : snapshot.budget().categories().stream().filter(c -> c.id().equals(id)).map(c -> c.title()).findFirst().orElse(id);
  }

  /** Cents as euros with cents, always (columns of exact amounts line up). */
  public static String cents(long cents) {
    return Dutch.euros(cents);
  }

  public String kind(String kind) {
    return I18n.has("kind." + kind) ? t("kind." + kind) : kind;
  }

  public String when(java.time.Instant at) {
    return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy HH:mm")
        .withZone(java.time.ZoneId.systemDefault()).format(at);
  }
}
