package nl.begroot.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import nl.begroot.core.figures.Figure;
import nl.begroot.core.figures.Table;
import nl.begroot.core.model.Member;
import nl.begroot.core.pipeline.MemberYears;
import nl.begroot.render.JsonRenderer;
import nl.begroot.store.Change;
import nl.begroot.workspace.Snapshot;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The API that reads a version's figures: tables, a figure's lineage, the audit, a member's figures, search and the change log. */
final class FiguresApi extends Api {
  FiguresApi(Workspace workspace) {
    super(workspace);
  }

  private final ResponseCache tables = new ResponseCache(200);

  void tables(Context ctx) {
    Snapshot s = snapshot(ctx);
    jsonText(ctx, JsonRenderer.compute(s.document(), s.printed(), s.document().tables()));
  }

  /**
   * One table, compact (format begroot-table/1): the version and the table exactly as in the
   * compute output's {@code tables}, without the rest of the document.
   */
  void table(Context ctx) {
    Snapshot s = snapshot(ctx);
    Table t = s.document().table(ctx.pathParam("table")).orElseThrow(() -> new Problems.Failure(404, "not-found", "No such table",
        "There is no table '" + ctx.pathParam("table") + "' in this version.", List.of()));
    byte[] body = tables.computeIfAbsent(ResponseCache.key(s.slug(), s.version().stamp(), "", t.id()),
        () -> JsonRenderer.table(s.document(), s.printed(), t));
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(body);
  }

  void explain(Context ctx) {
    Snapshot s = snapshot(ctx);
    String id = Optional.ofNullable(ctx.queryParam("id")).orElse("");
    var explainer = s.explainer();
    Optional<Figure> f = id.isEmpty() || id.length() > 500 ? Optional.empty() : explainer.resolve(id);
    if (f.isEmpty()) {
      ObjectNode extra = JSON.createObjectNode();
      ArrayNode sug = extra.putArray("suggestions");
      if (id.length() <= 500) {
        explainer.suggestions(id, 5).forEach(sug::add);
      }
      throw new Problems.Failure(404, "not-found", "No such figure", "There is no figure '" + Problems.shorten(id) + "'.", List.of(), extra);
    }
    jsonText(ctx, JsonRenderer.explanation(explainer.explain(f.get())));
  }

  void audit(Context ctx) {
    Snapshot s = snapshot(ctx);
    jsonText(ctx, JsonRenderer.audit(s.audit()));
  }

  void member(Context ctx) {
    Snapshot s = snapshot(ctx);
    Member m = s.budget().members().stream().filter(x -> x.id().equalsIgnoreCase(ctx.pathParam("member")) || x.name().equalsIgnoreCase(ctx.pathParam("member")))
        .findFirst().orElseThrow(() -> new Problems.Failure(404, "not-found", "No such member", "There is no member '" + ctx.pathParam("member") + "'.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", m.id());
    n.put("name", m.name());
    s.budget().key(s.budget().annex().keyId()).map(k -> k.sharesPercent().get(m.id())).ifPresent(p -> n.put("key_share_percent", p.toPlainString()));
    ObjectNode years = n.putObject("years");
    MemberYears view = s.computed().memberYears(m);
    for (int y = 0; y < view.years().size(); y++) {
      ObjectNode yn = years.putObject(String.valueOf(view.years().get(y)));
      for (MemberYears.Column c : view.columns()) {
        String fid = c.figureIds().get(y);
        if (fid != null) {
          yn.putObject(c.id()).put("figure", fid).put("cents", s.document().graph().get(fid).cents())
              .put("printed", s.printed().value(true, fid).orElse(0));
        }
      }
    }
    summary(n.putObject("summary"), s, m);
    n.put("lines_href", "/api/versions/" + View.enc(s.slug()) + "/members/" + View.enc(m.id()) + "/lines");
    json(ctx, n);
  }

  /**
   * The core's member summary as JSON: the change per year (what the member pays more, positive, or
   * less, negative, than in the frame), the proposals behind the budget year's change with the
   * member's part, the third-party money per year, the key share.
   */
  private static void summary(ObjectNode n, Snapshot s, Member m) {
    nl.begroot.core.pipeline.MemberSummary sum = s.computed().memberSummary(m);
    n.put("budget_year", sum.budgetYear());
    ArrayNode change = n.putArray("change");
    for (nl.begroot.core.pipeline.MemberSummary.YearAmount a : sum.change()) {
      change.addObject().put("year", a.year()).put("figure", a.figureId()).put("cents", a.cents()).put("printed", a.printedThousands());
    }
    ArrayNode reasons = n.putArray("reasons");
    for (nl.begroot.core.pipeline.MemberSummary.Reason r : sum.reasons()) {
      String title = s.budget().proposal(r.proposalId()).map(p -> p.title()).orElse("");
      reasons.addObject().put("proposal", r.proposalId()).put("title", title).put("line_figure", r.lineFigureId())
          .put("proposal_cents", r.proposalCents()).put("member_cents", r.memberCents());
    }
    ObjectNode pass = n.putObject("pass_through");
    pass.put("title", sum.thirdPartyTitle());
    ArrayNode passYears = pass.putArray("years");
    for (nl.begroot.core.pipeline.MemberSummary.YearAmount a : sum.thirdParty()) {
      passYears.addObject().put("year", a.year()).put("figure", a.figureId()).put("cents", a.cents()).put("printed", a.printedThousands());
    }
    if (sum.key() != null) {
      n.putObject("key").put("id", sum.key().keyId()).put("title", sum.key().keyTitle()).put("percent", sum.key().percent().toPlainString())
          .put("sum_percent", sum.key().sumPercent().toPlainString())
          .put("effective_percent", sum.key().effectivePercent().toPlainString())
          .put("printed_percent", sum.key().printedPercent() == null ? null : sum.key().printedPercent().toPlainString());
    }
  }

  /**
   * A member's contribution lines for its own budget (docs/member-lines.md): per year and annex
   * column the exact change in cents, positive when the member pays more (debit), with D or C.
   */
  void memberLines(Context ctx) {
    Snapshot s = snapshot(ctx);
    Member m = s.budget().members().stream().filter(x -> x.id().equalsIgnoreCase(ctx.pathParam("member")) || x.name().equalsIgnoreCase(ctx.pathParam("member")))
        .findFirst().orElseThrow(() -> new Problems.Failure(404, "not-found", "No such member", "There is no member '" + ctx.pathParam("member") + "'.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("format", "begroot-member-lines/1");
    n.put("member", m.id());
    n.put("version", s.budget().version().id());
    n.put("sign", "positive: the member pays more than in the frame (debit); negative: less (credit)");
    ArrayNode lines = n.putArray("lines");
    for (nl.begroot.core.pipeline.MemberSummary.Line l : s.computed().memberSummary(m).lines()) {
      lines.addObject().put("year", l.year()).put("code", l.code()).put("description", l.description()).put("cents", l.cents())
          .put("amount", java.math.BigDecimal.valueOf(l.cents(), 2).toPlainString())
          .put("debit_credit", nl.begroot.publish.MemberLines.debitCredit(l.cents()))
          .put("kind", nl.begroot.publish.MemberLines.kind(l)).put("figure", l.figureId());
    }
    json(ctx, n);
  }

  void search(Context ctx) {
    Snapshot s = snapshot(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    ArrayNode hits = JSON.createArrayNode();
    for (Pages.Hit h : Search.find(s, new View(I18n.EN, s, List.of(), "", "", false), q)) {
      hits.addObject().put("kind", h.kind()).put("title", h.title()).put("href", h.href()).put("text", h.text());
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("query", q);
    root.set("hits", hits);
    json(ctx, root);
  }

  /** The largest page of the change log the API gives, and the page when none is asked. */
  static final int CHANGES_MAX = 500;
  static final int CHANGES_DEFAULT = 100;

  /**
   * One page of the change log, newest first: {@code limit} entries (default 100, at most 500)
   * older than the entry {@code before}; {@code next} is the address of the next page (null on the last).
   */
  void changes(Context ctx) {
    Snapshot s = snapshot(ctx);
    Long before = ChangePages.cursor(ctx.queryParam("before"), "before");
    int limit = ChangePages.limit(ctx.queryParam("limit"), CHANGES_DEFAULT, CHANGES_MAX);
    nl.begroot.store.AuditLog.Filter filter = ChangePages.apiFilter(ctx);
    List<Change> page = workspace.log().entries(filter.withVersion(s.version().id()), before, limit + 1);
    json(ctx, changesPage(page, limit, "/api/versions/" + View.enc(s.slug()) + "/changes?", filter));
  }

  /**
   * A page of log entries as JSON: each with its fields ({@code fields}: name, before, after, text,
   * from {@link nl.begroot.workspace.FieldChanges}) and {@code next}, the address of the next page.
   */
  static ObjectNode changesPage(List<Change> page, int limit, String base, nl.begroot.store.AuditLog.Filter filter) {
    ArrayNode list = JSON.createArrayNode();
    for (Change c : page.subList(0, Math.min(limit, page.size()))) {
      ObjectNode o = list.addObject().put("id", c.id()).put("at", String.valueOf(c.at())).put("actor", c.actor()).put("action", c.action())
          .put("target", c.target()).put("result", c.result()).put("version", c.versionSlug()).put("detail", c.detail())
          .put("before", c.before()).put("after", c.after());
      ArrayNode fields = o.putArray("fields");
      for (nl.begroot.workspace.FieldChanges.Field f : nl.begroot.workspace.FieldChanges.of(c)) {
        fields.addObject().put("field", f.name()).put("before", f.before()).put("after", f.after()).put("text", f.text());
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("changes", list);
    if (page.size() > limit) {
      root.put("next", base + "before=" + page.get(limit - 1).id() + "&limit=" + limit + ChangePages.apiQuery(filter));
    } else {
      root.putNull("next");
    }
    return root;
  }

  /** The organisation's log (READ_LOG), filtered and paged as a version's changes. */
  void log(Context ctx) {
    nl.begroot.core.access.Access.require(actor(ctx, null), nl.begroot.core.access.Permission.READ_LOG,
        nl.begroot.core.access.Scope.NONE);
    Long before = ChangePages.cursor(ctx.queryParam("before"), "before");
    int limit = ChangePages.limit(ctx.queryParam("limit"), CHANGES_DEFAULT, CHANGES_MAX);
    nl.begroot.store.AuditLog.Filter filter = ChangePages.apiFilter(ctx);
    json(ctx, changesPage(workspace.log().entries(filter, before, limit + 1), limit, "/api/log?", filter));
  }

  /** Verifies the log's hash chain (VERIFY_LOG): intact, entries, last, and the first broken entry and problem. */
  void verifyLog(Context ctx) {
    nl.begroot.core.access.Access.require(actor(ctx, null), nl.begroot.core.access.Permission.VERIFY_LOG,
        nl.begroot.core.access.Scope.NONE);
    nl.begroot.store.AuditLog.Verification v = workspace.log().verify();
    ObjectNode root = JSON.createObjectNode().put("intact", v.intact()).put("entries", v.entries()).put("last", v.lastId());
    if (v.brokenAt() != null) {
      root.put("broken_at", v.brokenAt());
    } else {
      root.putNull("broken_at");
    }
    root.put("problem", v.problem());
    json(ctx, root);
  }
}
