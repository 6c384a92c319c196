package nl.begroot.web;

import io.javalin.http.Context;
import java.util.TreeSet;
import nl.begroot.core.access.Actor;
import nl.begroot.core.access.Role;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GET /api/me: who this request is (the session's person, or the anonymous visitor), with roles, units and member. */
final class MeApi {
  private MeApi() {}

  static void me(Context ctx) {
    Actor a = ctx.attribute(Pages.ACTOR);
    if (a == null) {
      a = Actor.ANONYMOUS;
    }
    ObjectNode n = Api.JSON.createObjectNode();
    n.put("signedIn", !a.anonymous());
    n.put("id", a.id());
    n.put("name", a.name());
    ArrayNode roles = n.putArray("roles");
    a.roles().stream().map(Role::code).sorted().forEach(roles::add);
    ArrayNode units = n.putArray("units");
    new TreeSet<>(a.units()).forEach(units::add);
    if (a.member() == null) {
      n.putNull("member");
    } else {
      n.put("member", a.member());
    }
    n.put("secondFactor", a.secondFactor());
    ctx.header("Cache-Control", "no-store");
    Api.json(ctx, n);
  }
}
