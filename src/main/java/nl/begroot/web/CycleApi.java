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
        "No budget after amendments", "'" + Problems.shorten(slug) + "' is a scenario or an amendment itself.", List.of()));
    ObjectNode n = JSON.createObjectNode();
    n.put("id", slug);
    ArrayNode applied = n.putArray("applied_amendments");
    after.applied().forEach(applied::add);
    n.put("read_as", after.readAs());
    ObjectNode balancing = n.putObject("balancing_cents");
    var comp = after.document().computation();
    for (int y = 0; y < comp.yearCount(); y++) {
      balancing.put(String.valueOf(comp.years().get(y)), comp.balancing(y));
    }
    json(ctx, n);
  }
}
