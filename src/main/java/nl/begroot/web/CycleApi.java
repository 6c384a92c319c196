package nl.begroot.web;

import io.javalin.http.Context;
import java.util.List;
import nl.begroot.core.compare.Comparison;
import nl.begroot.core.cycle.ProposalMove;
import nl.begroot.core.cycle.VersionMove;
import nl.begroot.store.StoredProposal;
import nl.begroot.store.StoredVersion;
import nl.begroot.workspace.EditResult;
import nl.begroot.workspace.Workspace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API of the cycle: a version's steps ({@code POST /api/versions/{v}/submit|take-back|adopt|publish}),
 * a proposal's ({@code .../proposals/{p}/submit|approve|reject}), sharing a scenario, and the amendments
 * with their effect and the budget na wijziging. Who may take a step is the workspace's question to
 * {@code Access}; a refusal is 403 (401 for an anonymous caller), a wrong state or missing fact 422.
 */
final class CycleApi extends Api {
  CycleApi(Workspace workspace) {
    super(workspace);
  }

  /** The body when one was sent (a step without facts may send none). */
  private static ObjectNode optionalBody(Context ctx) {
    return ctx.bodyAsBytes().length == 0 ? null : body(ctx);
  }

  private static String field(ObjectNode body, String name) {
    if (body == null || body.get(name) == null || body.get(name).isNull()) {
      return null;
    }
    return body.get(name).isString() ? body.get(name).asString() : body.get(name).toString();
  }

  /** The cycle's fields of a version (status, adoption, scenario sharing, amendment number). */
  static void cycle(ObjectNode n, StoredVersion v) {
    n.put("status", v.status().code());
    if (v.status().adopted()) {
      ObjectNode a = n.putObject("adoption");
      a.put("date", String.valueOf(v.adoptedOn()));
      a.put("body", v.adoptedBody());
      a.put("reference", v.decisionRef());
      a.put("recorded_by", v.adoptedBy());
    }
    if (v.scenario()) {
      n.put("owner", v.owner());
      n.put("shared", v.shared());
    }
    if (v.amendment()) {
      n.put("amendment_number", v.amendmentNo());
    }
    n.put("kind", v.kind());
  }

  /** The cycle's fields of a proposal (status, author, reviewer, reason, reviewed at). */
  static void cycle(ObjectNode n, StoredProposal r) {
    n.put("status", r.status().code());
    n.put("author", r.author());
    n.put("reviewer", r.reviewer());
    n.put("reason", r.reviewReason());
    n.put("reviewed_at", r.reviewedAt() == null ? null : r.reviewedAt().toString());
  }

  void moveVersion(Context ctx, VersionMove move) {
    String slug = ctx.pathParam("version");
    ObjectNode body = optionalBody(ctx);
    EditResult r = workspace.moveVersion(slug, move, field(body, "date"), field(body, "body"), field(body, "reference"), actor(ctx, body));
    edited(ctx, r, 200, () -> {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", slug);
      cycle(n, workspace.version(slug).orElseThrow());
      json(ctx, n);
    });
  }

  void moveProposal(Context ctx, ProposalMove move) {
    String slug = ctx.pathParam("version");
    String id = ctx.pathParam("proposal");
    ObjectNode body = optionalBody(ctx);
    EditResult r = workspace.moveProposal(slug, id, move, field(body, "reason"), actor(ctx, body));
    edited(ctx, r, 200, () -> {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", id);
      workspace.snapshot(slug).flatMap(s -> s.row(id)).ifPresent(row -> {
        cycle(n, row);
        n.put("revision", row.revision());
      });
      json(ctx, n);
    });
  }

  void share(Context ctx, boolean shared) {
    String slug = ctx.pathParam("version");
    ObjectNode body = optionalBody(ctx);
    EditResult r = workspace.share(slug, shared, actor(ctx, body));
    edited(ctx, r, 200, () -> {
      ObjectNode n = JSON.createObjectNode();
      n.put("id", slug);
      cycle(n, workspace.version(slug).orElseThrow());
      json(ctx, n);
    });
  }

  void createAmendment(Context ctx) {
    String slug = ctx.pathParam("version");
    ObjectNode body = optionalBody(ctx);
    EditResult r = workspace.createAmendment(slug, actor(ctx, body));
    edited(ctx, r, 201, () -> {
      String made = ((EditResult.Saved) r).id();
      ctx.header("Location", "/api/versions/" + View.enc(made) + "/amendment");
      ObjectNode n = JSON.createObjectNode();
      n.put("id", made);
      cycle(n, workspace.version(made).orElseThrow());
      json(ctx, n);
    });
  }

  void amendments(Context ctx) {
    String slug = snapshot(ctx).slug();
    ArrayNode list = JSON.createArrayNode();
    for (StoredVersion a : workspace.amendments(slug)) {
      ObjectNode n = list.addObject();
      n.put("id", a.slug());
      n.put("name", a.name());
      cycle(n, a);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set("amendments", list);
    json(ctx, root);
  }

  /** GET /api/versions/{amendment}/amendment: the amendment's own proposals and its effect. */
  void amendment(Context ctx) {
    String slug = snapshot(ctx).slug();
    Workspace.Amendment a = workspace.amendment(slug).orElseThrow(() -> new Problems.Failure(404, "not-found", "Not an amendment",
        "'" + Problems.shorten(slug) + "' is no budget amendment.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", slug);
    n.put("amends", a.adopted().slug());
    n.put("starts_from", a.basis().slug());
    cycle(n, a.amendment());
    ArrayNode own = n.putArray("own_proposals");
    a.own().forEach(r -> own.add(r.proposalId()));
    Comparison c = a.effect();
    n.set("balancing_change_cents", perYear(c, c.balancing()));
    ObjectNode members = n.putObject("member_change_cents");
    for (Comparison.Line m : c.members()) {
      members.set(m.id(), perYear(c, m));
    }
    json(ctx, n);
  }

  private static ObjectNode perYear(Comparison c, Comparison.Line line) {
    ObjectNode o = JSON.createObjectNode();
    for (int y = 0; y < c.years().size(); y++) {
      o.put(String.valueOf(c.years().get(y)), line.delta(y));
    }
    return o;
  }

  /** GET /api/versions/{v}/after-amendments: the budget na wijziging. */
  void afterAmendments(Context ctx) {
    String slug = snapshot(ctx).slug();
    Workspace.AfterAmendments after = workspace.afterAmendments(slug).orElseThrow(() -> new Problems.Failure(404, "not-found",
        "No budget after amendments", "'" + Problems.shorten(slug) + "' is a scenario, an amendment or a mid-year report itself.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", slug);
    ArrayNode applied = n.putArray("applied_amendments");
    after.applied().forEach(applied::add);
    ArrayNode midyears = n.putArray("applied_midyear_reports");
    after.midyears().forEach(midyears::add);
    n.put("read_as", after.readAs());
    ObjectNode balancing = n.putObject("balancing_cents");
    var comp = after.document().computation();
    for (int y = 0; y < comp.yearCount(); y++) {
      balancing.put(String.valueOf(comp.years().get(y)), comp.balancing(y));
    }
    json(ctx, n);
  }

  /** POST /api/versions/{concept}/definitive: starts the definitive budget of an adopted concept (201, Location: the new version). */
  void createDefinitive(Context ctx) {
    String slug = ctx.pathParam("version");
    ObjectNode body = optionalBody(ctx);
    EditResult r = workspace.createDefinitive(slug, actor(ctx, body));
    edited(ctx, r, 201, () -> {
      String made = ((EditResult.Saved) r).id();
      ctx.header("Location", "/api/versions/" + View.enc(made));
      ObjectNode n = JSON.createObjectNode();
      n.put("id", made);
      n.put("name", workspace.version(made).orElseThrow().name());
      n.put("starts_from", slug);
      n.put("compare", "/api/compare?a=" + View.enc(slug) + "&b=" + View.enc(made));
      cycle(n, workspace.version(made).orElseThrow());
      json(ctx, n);
    });
  }

  /**
   * GET /api/versions/{adopted}/next-frame: the frame of next year's concept, per programme and year in cents,
   * the one-off amounts that end, and the check against the adopted multi-year estimate (409 when the version
   * is not an adopted budget).
   */
  void nextFrame(Context ctx) {
    String slug = snapshot(ctx).slug();
    Workspace.NextFrame next = workspace.nextFrame(slug).orElseThrow(() -> new Problems.Failure(404, "not-found", "Not found",
        "There is no version '" + Problems.shorten(slug) + "'.", List.of()));
    if (next.frame() == null) {
      throw new Problems.Failure(409, "not-adopted", "Not an adopted budget", next.refused().en(), List.of());
    }
    nl.begroot.core.cycle.NextYearFrame f = next.frame();
    ObjectNode n = JSON.createObjectNode();
    n.put("from", slug);
    n.put("budget_year", f.budgetYear());
    ArrayNode years = n.putArray("years");
    f.years().forEach(years::add);
    ArrayNode programmes = n.putArray("programmes");
    for (nl.begroot.core.cycle.NextYearFrame.ProgrammeFrame p : f.programmes()) {
      ObjectNode o = programmes.addObject();
      o.put("id", p.programmeId());
      o.put("title", p.title());
      o.set("lasten_cents", byYear(f.years(), p.lastenCents()));
      o.set("baten_cents", byYear(f.years(), p.batenCents()));
      o.set("overhead_share_cents", byYear(f.years(), p.overheadCents()));
    }
    ArrayNode ending = n.putArray("ending_one_off");
    for (nl.begroot.core.cycle.NextYearFrame.Ending e : f.ending()) {
      ObjectNode o = ending.addObject();
      o.put("proposal", e.proposalId());
      if (e.component() != null) {
        o.put("component", e.component());
      }
      o.put("unit", e.unit());
      o.put("side", e.side().name().toLowerCase(java.util.Locale.ROOT));
      o.put("year", e.year());
      o.put("cents", e.cents());
      o.put("nl", e.nl());
      o.put("en", e.en());
    }
    n.put("agrees_with_estimate", f.agrees());
    ArrayNode differences = n.putArray("differences");
    for (nl.begroot.core.cycle.NextYearFrame.Difference d : f.differences()) {
      ObjectNode o = differences.addObject();
      if (d.programmeId() != null) {
        o.put("programme", d.programmeId());
      }
      o.put("side", d.side().name().toLowerCase(java.util.Locale.ROOT));
      o.put("year", d.year());
      if (d.frameCents() != null) {
        o.put("frame_cents", d.frameCents());
      }
      if (d.estimateCents() != null) {
        o.put("estimate_cents", d.estimateCents());
      }
      o.put("nl", d.nl());
      o.put("en", d.en());
    }
    json(ctx, n);
  }

  private static ObjectNode byYear(List<Integer> years, long[] cents) {
    ObjectNode o = JSON.createObjectNode();
    for (int y = 0; y < years.size(); y++) {
      o.put(String.valueOf(years.get(y)), cents[y]);
    }
    return o;
  }
}
