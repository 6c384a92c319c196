package nl.begroot.web;

import nl.begroot.core.access.Actor;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.explain.Explanation;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.DistributionKey;
import nl.begroot.core.model.Member;
import nl.begroot.core.model.Programme;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.model.Unit;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.FieldError;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;

/**
 * What every HTML page shares: the data records the templates read, the view of a request, the
 * rendering and the response cache. The pages themselves live in rooms by purpose, each a subclass:
 * {@link ReadingPages} (reading a version), {@link ProvincePages}, {@link AuditPage},
 * {@link EditingPages} (proposals and keys) and {@link VersionPages} (the versions, import, compare).
 * Each handler reads from the workspace and renders one template.
 */
public abstract class Pages {
  /** The workspace, the templates and the response cache, shared by every room. */
  static final class Shared {
    final Workspace workspace;
    final Templates templates;
    final ResponseCache pages = new ResponseCache(400);

    Shared(Workspace workspace, Templates templates) {
      this.workspace = workspace;
      this.templates = templates;
    }
  }

  final Workspace workspace;
  final Templates templates;
  private final ResponseCache pages;

  Pages(Shared shared) {
    this.workspace = shared.workspace;
    this.templates = shared.templates;
    this.pages = shared.pages;
  }

  // ------------------------------------------------------------------ data records for templates

  /** The page budget against realised: the years with figures, the view, where each period comes from, an import's outcome. */
  public record ActualsData(int year, List<Integer> years, nl.begroot.core.actuals.BudgetVsRealised view,
      List<nl.begroot.store.ActualsStore.PeriodSource> sources, String message, List<String> problems) {}

  /** The overview's figures besides Tabel 1. */
  public record OverviewData(List<Integer> years, long[] balancing, long[] saldo, String chartSvg, String chartTableHtml, List<String> notes) {}

  /** A page of tables with an optional introduction and year navigation. */
  public record TablesData(String heading, List<String> intro, List<String> tablesHtml, List<Integer> years, int year, String yearBase) {}

  /** A programme page. */
  public record ProgrammeData(Programme programme, List<UnitData> units, String tableHtml, List<String> breakdownHtml) {}

  /** A unit with its proposals. */
  public record UnitData(Unit unit, List<Proposal> proposals, List<StoredProposal> withdrawn) {}

  /** A proposal page. */
  public record ProposalData(Proposal proposal, StoredProposal row, Programme programme, Unit unit, List<Integer> years,
      List<String> amountCells, List<String> figureIds, String breakdownHtml, List<FieldError> errors) {}

  /** The proposal form: values as typed, errors, a preview or a conflict. */
  public record FormData(boolean create, String proposalId, int revision, Map<String, String> values, Map<Integer, String> amounts,
      List<String> products, List<FieldError> errors, String previewHtml, EditResult.Conflict conflict, Budget budget) {
    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public List<FieldError> errorsFor(String field) {
      return errors.stream().filter(e -> e.field().equals(field)).toList();
    }

    public boolean hasError(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }
  }

  /** One sentence of the headline, with the link to the figure and its printed value. */
  public record Headline(int year, String text, String href, long printedThousands) {}

  /** A proposal behind the change: its name, link, the member's part and the proposal's amount. */
  public record ReasonRow(String title, String href, String memberPart, String proposalAmount) {}

  /** A member in the list: its change per year (as shown) and the figures' ids. */
  public record MemberRow(Member member, List<String> cells, List<String> figureIds) {}

  /** The provinces page. */
  public record ProvincesData(List<Integer> years, List<MemberRow> rows, String chartSvg, int budgetYear) {}

  /** The province page. */
  public record ProvinceData(Member member, Headline headline, List<Headline> later, List<ReasonRow> reasons, String rest, String passThrough,
      String keySentence, List<String> tablesHtml) {}

  /** A figure's explanation: the figure, its parts (each a link), and the amount it is a share of. */
  public record FigureData(String id, Explanation explanation, String value, String printed, List<Explanation> parts, Explanation basis,
      List<String> suggestions, String proposalId) {}

  /** Search results. */
  public record SearchData(String query, List<Hit> hits) {}

  /** One search hit. */
  public record Hit(String kind, String title, String href, String text) {}

  /** The versions page. */
  /**
   * The versions page: the errors of a refused copy or import, or, after an import that came with
   * the reader's warnings, the new version ({@code imported}, its slug) and those warnings.
   */
  public record VersionsData(List<FieldError> errors, List<nl.begroot.format.Problem> problems, String copyName, String importName,
      String imported, List<nl.begroot.format.Problem> warnings) {
    public VersionsData(List<FieldError> errors, List<nl.begroot.format.Problem> problems, String copyName, String importName) {
      this(errors, problems, copyName, importName, null, List.of());
    }
  }

  /** The comparison page. */
  public record CompareData(String a, String b, Comparison comparison, String html) {}

  /** The keys page. */
  public record KeysData(List<DistributionKey> keys, String editing, Map<String, String> values, List<FieldError> errors,
      EditResult.Conflict conflict, int revision) {}

  /**
   * The ledger mapping page: the rows as stored or as typed (after a refusal), the problems by field
   * ({@code row.3.unit}), a conflict, the revision the form was read at, whether it was just saved.
   */
  public record MappingData(List<nl.begroot.workspace.Workspace.MappingRow> rows, List<FieldError> errors, EditResult.Conflict conflict,
      int revision, boolean saved) {
    /** The problem of a field, or null. */
    public FieldError error(int line, String field) {
      String name = "row." + line + "." + field;
      return errors.stream().filter(e -> e.field().equals(name)).findFirst().orElse(null);
    }
  }

  /** A proposal's row on the page, with the steps this person may take on it. */
  public record ProposalLine(StoredProposal row, List<nl.begroot.core.cycle.ProposalMove> moves) {}

  /** The page's data. */
  public record CycleData(nl.begroot.store.StoredVersion version, List<nl.begroot.core.cycle.VersionMove> moves, boolean mayShare, boolean mayAmend,
      List<nl.begroot.store.StoredVersion> amendments, nl.begroot.workspace.Workspace.Amendment amendment, String effectHtml, nl.begroot.workspace.Workspace.AfterAmendments after,
      List<ProposalLine> proposals, List<FieldError> errors, Map<String, String> typed, boolean mayDefine,
      nl.begroot.workspace.Workspace.Definitive definitive, boolean mayStartAccounts) {
    public String typed(String field) {
      return typed.getOrDefault(field, "");
    }
  }

  /** Next year's frame page: the version it comes from, and the frame with its check (or why there is none). */
  public record NextFrameData(nl.begroot.store.StoredVersion from, nl.begroot.core.cycle.NextYearFrame frame, String refused) {
    /** Euros with a decimal comma, as the tables print them. */
    public static String euros(long cents) {
      return nl.begroot.core.text.Dutch.euros(cents);
    }
  }

  // ------------------------------------------------------------------ helpers

  static String lang(Context ctx) {
    String c = ctx.cookie("lang");
    return "en".equals(c) ? "en" : "nl";
  }

  View view(Context ctx, Snapshot s, String title) {
    String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    String org = organisation(ctx, s);
    View v = new View(I18n.of(lang(ctx)), s, () -> workspace.versions().stream().filter(x -> x.organisation().equals(org)).toList(),
        title, path, "1".equals(ctx.queryParam("exact")))
        .user(actor(ctx), csrf(ctx)).organisations(workspace.organisations(), org).names(new Names(workspace, I18n.of(lang(ctx))));
    if (s == null) {
      Actor who = actor(ctx);
      workspace.conceptOf(org).flatMap(workspace::version)
          .filter(x -> nl.begroot.core.access.Access.allows(who, nl.begroot.core.access.Permission.READ_VERSION, Workspace.scope(x)))
          .flatMap(x -> workspace.snapshot(x.slug())).ifPresent(v::nav);
    }
    return v;
  }

  /** The cookie that keeps the person's choice of organisation (a slug; {@code /organisatie/{org}} sets it). */
  static final String ORGANISATION_COOKIE = "org";

  /**
   * The ONE place the web resolves which organisation a page is about (decision 166): the version's when the page
   * is about one (a version's address says its organisation), else the person's choice, else the first.
   */
  String organisation(Context ctx, Snapshot s) {
    return s != null ? s.version().organisation() : workspace.organisationOr(ctx.cookie(ORGANISATION_COOKIE));
  }

  Snapshot snapshot(Context ctx) {
    String slug = ctx.pathParam("version");
    return workspace.snapshot(slug).orElseThrow(() -> new NotFound("versie " + slug, new Words("Er is geen versie met het adres '" + slug + "'.",
        "There is no version at the address '" + slug + "'.", "/versies", "Naar de versies", "Go to the versions")));
  }

  /** A page or resource that does not exist; rendered as 404, in the reader's words when it has {@link Words}. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** What the reader is told, or null (then the page names {@code what}). */
    final transient Words words;

    NotFound(String what) {
      this(what, null);
    }

    NotFound(String what, Words words) {
      super(what, null, false, false);
      this.words = words;
    }
  }

  /**
   * What a reader is told instead of a page that is not there (decision 203): a sentence in each language that names
   * the version by its title and says what it is not, and a link to what is there (its words in each language).
   */
  record Words(String nl, String en, String href, String linkNl, String linkEn) {
    String text(String lang) {
      return "en".equals(lang) ? en : nl;
    }

    String link(String lang) {
      return "en".equals(lang) ? linkEn : linkNl;
    }
  }

  /** The words of a cycle page asked of a version that is of another kind: its title, what it is not ({@code kind}: a {@code versions.step.*} key), where to go. */
  Words notA(Actor reader, StoredVersion version, String kind) {
    String dutch = version.name() + " is geen " + I18n.NL.t("versions.step." + kind).toLowerCase(java.util.Locale.ROOT) + ".";
    String english = version.name() + " is not " + article(I18n.EN.t("versions.step." + kind).toLowerCase(java.util.Locale.ROOT)) + ".";
    // what is there: the version's own product of that kind when it has one the reader may read, else the version itself
    java.util.Optional<StoredVersion> own = workspace.versions().stream()
        .filter(x -> x.kind().equals(kind) && x.basedOn() != null && x.basedOn() == version.id())
        .filter(x -> nl.begroot.core.access.Access.allows(reader, nl.begroot.core.access.Permission.READ_VERSION, Workspace.scope(x)))
        .max(java.util.Comparator.comparingLong(StoredVersion::id));
    if (own.isPresent()) {
      return new Words(dutch + " Wel begonnen vanuit deze versie: " + own.get().name() + ".", english + " Started from this version: " + own.get().name() + ".", View.productHref(own.get()),
          own.get().name(), own.get().name());
    }
    return new Words(dutch, english, View.productHref(version), "Naar " + version.name(), "Go to " + version.name());
  }

  private static String article(String noun) {
    return (noun.matches("^[aeiou].*") ? "an " : "a ") + noun;
  }

  void render(Context ctx, String template, View v, Object data) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("v", v);
    if (data != null) {
      params.put("d", data);
    }
    String html = templates.render(template, params);
    if (v.s() != null && Boolean.TRUE.equals(ctx.attribute(CACHEABLE)) && ctx.statusCode() == 200) {
      ctx.contentType("text/html; charset=utf-8").result(pages.put(cacheKey(ctx, v.s()), html));
      return;
    }
    ctx.html(html);
  }

  /**
   * A cached page is kept per reader as well: what a page shows (its actions, the versions in the
   * switcher) depends on who reads it, so one person's page is never served to another. Every
   * anonymous visitor is one reader; a signed-in person is their account with its roles and units.
   */
  private String cacheKey(Context ctx, Snapshot s) {
    return ResponseCache.key(s.slug(), s.version().stamp(), lang(ctx), ctx.path() + "?" + ctx.queryString() + (htmx(ctx) ? "|hx" : ""))
        + "|" + reader(actor(ctx)) + "|" + csrf(ctx) + "|" + versionsMark(s.version().organisation());
  }

  /**
   * What the navigation of a page reads from the organisation's other versions (the group Cyclus, Vergelijken:
   * which versions there are, their names, kinds and status; decision 201), as one number: a cached page is not
   * served once another version of the organisation is started, renamed, adopted or shared.
   */
  private long versionsMark(String organisation) {
    return workspace.versionsMark(organisation);
  }

  /** Who a page is rendered for, as far as it can differ: anonymous, or the person with their roles, units, member and second factor. */
  static String reader(Actor a) {
    if (a.anonymous()) {
      return "-";
    }
    return a.id() + "/" + new java.util.TreeSet<>(a.roles()) + "/" + new java.util.TreeSet<>(a.units()) + "/" + a.member() + "/" + a.secondFactor();
  }

  private static final String CACHEABLE = "begroot.cacheable";

  /**
   * A version's read-only page, served from the response cache when it was rendered at this stamp
   * (and kept there when it is rendered now). The key holds the session's CSRF token: a signed-in
   * person's pages (their name, their forms' token) are cached for them alone.
   */
  io.javalin.http.Handler cachedPage(io.javalin.http.Handler page) {
    return ctx -> {
      byte[] html = pages.get(cacheKey(ctx, snapshot(ctx)));
      if (html != null) {
        ctx.contentType("text/html; charset=utf-8").result(html);
        return;
      }
      ctx.attribute(CACHEABLE, true);
      page.handle(ctx);
    };
  }

  /** The request attribute that holds the signed-in {@link Actor} (set from the session cookie before the route runs). */
  static final String ACTOR = "begroot.actor";
  /** The request attribute that holds the CSRF token of the request's session cookie (absent without one). */
  static final String CSRF = "begroot.csrf";

  /**
   * Who asks: the person the request's session signs in, or the anonymous visitor. A typed name
   * signs nobody in (deny by default: a person is who their session says).
   */
  static Actor actor(Context ctx) {
    Actor signedIn = ctx.attribute(ACTOR);
    return signedIn != null ? signedIn : Actor.ANONYMOUS;
  }

  /** The CSRF token forms on this request's pages send back ("" without a session cookie). */
  static String csrf(Context ctx) {
    String c = ctx.attribute(CSRF);
    return c == null ? "" : c;
  }

  /**
   * A path on this server to go back to, or "/": only "/" followed by characters that cannot make
   * a browser leave the site ("//host", "/\\host", "/<tab>/host" would).
   */
  static String localPath(String back) {
    return back != null && back.matches("/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]*") ? back : "/";
  }

  static boolean htmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  static int parseInt(String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * GET of a report's file (the Tussenrapportage's, the Jaarrekening's; {@link nl.begroot.publish.ReportDocument}):
   * {@code file} must be one of {@code files} (else 404 before anything is computed); the document is made
   * only then. Every file but the HTML is an attachment named after the version.
   */
  static void download(Context ctx, Snapshot s, String page, String file, List<String> files,
      java.util.function.Supplier<? extends nl.begroot.publish.ReportDocument> document) {
    String slug = s.slug();
    if (!files.contains(file)) {
      String name = s.version().name();
      throw new NotFound("download " + file, new Words(name + " heeft geen bestand '" + file + "'; de bestanden staan op de pagina.",
          name + " has no file '" + file + "'; the files are on its page.", "/v/" + View.enc(slug) + page, "Naar " + name, "Go to " + name));
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      document.get().write(file, out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ctx.contentType(nl.begroot.publish.ReportDocument.contentType(file));
    if (!file.endsWith(".html")) {
      ctx.header("Content-Disposition", "attachment; filename=\"" + slug + "-" + file + "\"");
    }
    ctx.result(out.toByteArray());
  }

  /** The date a version's document carries: its adoption, else the day it last changed (in Amsterdam); never the day of the download. */
  static java.time.LocalDate documentDate(nl.begroot.store.StoredVersion v) {
    return v.adoptedOn() != null ? v.adoptedOn() : v.updatedAt().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate();
  }
}
