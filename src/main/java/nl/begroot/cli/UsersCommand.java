package nl.begroot.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import nl.begroot.core.access.Role;
import nl.begroot.store.AccountStore;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.store.StoreException;
import nl.begroot.workspace.People;
import nl.begroot.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code begroot users add|disable|enable|reset|list}: local accounts, on the database serve uses. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the local accounts (on the database 'serve' uses).",
    subcommands = {UsersCommand.Add.class, UsersCommand.Grant.class, UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.Reset.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Opens the database, runs {@code body} with the people, closes; the open's failure says what to do. */
  static int withPeople(String command, DatabaseOption database, CommandLine.Model.CommandSpec spec, Function<People, Integer> body) {
    return withWorkspace(command, database, spec, w -> body.apply(w.people()));
  }

  /**
   * The organisation {@code slug} names, checked against the database's (null: none named); prints why not and
   * returns empty when the database has no such organisation.
   */
  static Optional<String> organisation(String command, Workspace w, String slug, PrintWriter err) {
    if (slug == null) {
      return Optional.of("");
    }
    if (w.organisation(slug).isPresent()) {
      return Optional.of(slug);
    }
    List<String> known = w.organisations().stream().map(nl.begroot.store.Organisations.Organisation::slug).toList();
    err.println("begroot " + command + ": there is no organisation '" + slug + "'; the organisations are "
        + (known.isEmpty() ? "none yet (start 'begroot serve' once to seed them)" : String.join(", ", known)));
    return Optional.empty();
  }

  /** Opens the database, runs {@code body} with the workspace, closes; the open's failure says what to do. */
  static int withWorkspace(String command, DatabaseOption database, CommandLine.Model.CommandSpec spec, Function<Workspace, Integer> body) {
    PrintWriter err = spec.commandLine().getErr();
    Optional<DatabaseUrl> setting = database.url(command, err);
    if (setting.isEmpty()) {
      return Main.BAD_INPUT;
    }
    try (Database db = Database.open(setting.get())) {
      return body.apply(new Workspace(db));
    } catch (StoreException e) {
      String m = e.getMessage();
      if (!setting.get().isPostgres() && m.contains("already in use")) {
        m = "the embedded database in " + database.data + " is open in another process (a running 'begroot serve'?); stop it first,"
            + " or use the users page (/beheer/gebruikers) of the running server. " + m;
      }
      err.println("begroot " + command + ": " + m);
      return Main.BAD_INPUT;
    }
  }

  static void printOnce(PrintWriter out, String id, String once) {
    out.println("One-time password for " + id + " (shown once; it must be changed at the first sign-in at /aanmelden):");
    out.println("  " + once);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an account; prints its one-time password.")
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Parameters(index = "0", description = "the user name (lower-case letters, digits, '.', '_', '-')")
    String id;

    @Option(names = "--name", description = "the name people read (default: the user name)")
    String name;

    @Option(names = "--role", split = ",", description = "a role (repeat or comma-separate): lezer, lid, budgethouder, controller, bestuur, beheerder")
    List<String> roles = List.of();

    @Option(names = "--unit", split = ",", description = "for a budgethouder: a programme or unit code (\"2\", \"3.1\"); repeat or comma-separate")
    List<String> units = List.of();

    @Option(names = "--member", description = "for a lid: the member's code (\"GE\")")
    String member;

    @Option(names = {"--org", "--organisation"}, paramLabel = "SLUG",
        description = "the organisation where these roles hold (default: the first, the IPO on a seeded database); roles in further organisations: 'users grant'")
    String organisation;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Set<Role> rs = new LinkedHashSet<>();
      for (String r : roles) {
        Optional<Role> role = Role.of(r);
        if (role.isEmpty()) {
          err.println("begroot users add: unknown role '" + r + "'; the roles are lezer, lid, budgethouder, controller, bestuur, beheerder");
          return Main.BAD_INPUT;
        }
        rs.add(role.get());
      }
      String uid = id.strip().toLowerCase(java.util.Locale.ROOT);
      if (!People.validId(uid)) {
        err.println("begroot users add: a user name is 1 to 100 lower-case letters, digits, '.', '_' or '-', not '" + id + "'");
        return Main.BAD_INPUT;
      }
      if (member != null && member.length() > 20 || name != null && name.length() > 200) {
        err.println("begroot users add: --member is at most 20 characters, --name at most 200");
        return Main.BAD_INPUT;
      }
      Set<String> us = new LinkedHashSet<>();
      units.stream().map(String::strip).filter(u -> !u.isEmpty()).forEach(us::add);
      return withWorkspace("users add", database, spec, w -> {
        Optional<String> org = organisation("users add", w, organisation, err);
        if (org.isEmpty()) {
          return Main.BAD_INPUT;
        }
        People people = w.people();
        Optional<String> once = people.add(new AccountStore.Account(uid, name, rs, us, member, false,
            org.get().isEmpty() ? null : org.get(), null), "console");
        if (once.isEmpty()) {
          err.println("begroot users add: the user " + uid + " exists already");
          return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().println("added " + uid + " (" + (rs.isEmpty() ? "no roles" : String.join(", ", rs.stream().map(Role::code).toList())) + ")");
        printOnce(spec.commandLine().getOut(), uid, once.get());
        return Main.OK;
      });
    }
  }

  @Command(name = "grant", mixinStandardHelpOptions = true,
      description = "Give an account roles in a further organisation (a controller here may be a reader there); no --role takes them away.")
  static final class Grant implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Parameters(index = "0", description = "the user name")
    String id;

    @Option(names = {"--org", "--organisation"}, required = true, paramLabel = "SLUG", description = "the organisation")
    String organisation;

    @Option(names = "--role", split = ",", description = "a role there (repeat or comma-separate): lezer, lid, budgethouder, controller, bestuur")
    List<String> roles = List.of();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      Set<Role> rs = new LinkedHashSet<>();
      for (String r : roles) {
        Optional<Role> role = Role.of(r);
        if (role.isEmpty()) {
          err.println("begroot users grant: unknown role '" + r + "'; the roles are lezer, lid, budgethouder, controller, bestuur, beheerder");
          return Main.BAD_INPUT;
        }
        rs.add(role.get());
      }
      String uid = id.strip().toLowerCase(java.util.Locale.ROOT);
      return withWorkspace("users grant", database, spec, w -> {
        Optional<String> org = organisation("users grant", w, organisation, err);
        if (org.isEmpty()) {
          return Main.BAD_INPUT;
        }
        if (!w.people().grant(uid, org.get(), rs, "console")) {
          err.println("begroot users grant: there is no user " + uid);
          return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().println(uid + " in " + org.get() + ": "
            + (rs.isEmpty() ? "no roles" : String.join(", ", rs.stream().map(Role::code).toList())));
        return Main.OK;
      });
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account; its sessions end at once.")
  static final class Disable implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Parameters(index = "0", description = "the user name")
    String id;

    @Override
    public Integer call() {
      return withPeople("users disable", database, spec, people -> found(spec, "users disable", id, people.disable(id, true), "disabled "));
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account again.")
  static final class Enable implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Parameters(index = "0", description = "the user name")
    String id;

    @Override
    public Integer call() {
      return withPeople("users enable", database, spec, people -> found(spec, "users enable", id, people.disable(id, false), "enabled "));
    }
  }

  static int found(CommandLine.Model.CommandSpec spec, String command, String id, boolean found, String done) {
    if (!found) {
      spec.commandLine().getErr().println("begroot " + command + ": there is no user " + id);
      return Main.BAD_INPUT;
    }
    spec.commandLine().getOut().println(done + id);
    return Main.OK;
  }

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "Give an account a new one-time password (printed; its sessions end); --totp also removes its second factor.")
  static final class Reset implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Parameters(index = "0", description = "the user name")
    String id;

    @Option(names = "--totp", description = "also remove the second factor (TOTP): it is enrolled anew at the next sign-in")
    boolean totp;

    @Override
    public Integer call() {
      return withPeople("users reset", database, spec, people -> {
        Optional<String> once = people.reset(id, totp);
        if (once.isEmpty()) {
          spec.commandLine().getErr().println("begroot users reset: there is no user " + id);
          return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().println("reset " + id + (totp ? " (second factor removed)" : ""));
        printOnce(spec.commandLine().getOut(), id, once.get());
        return Main.OK;
      });
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts: user name, roles, units, member, status.")
  static final class ListUsers implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin DatabaseOption database = new DatabaseOption();

    @Override
    public Integer call() {
      return withPeople("users list", database, spec, people -> {
        PrintWriter out = spec.commandLine().getOut();
        for (AccountStore.Account a : people.accounts().accounts()) {
          out.println(a.id() + "\t" + a.name() + "\t" + String.join(",", a.roles().stream().map(Role::code).sorted().toList())
              + "\t" + String.join(",", a.units().stream().sorted().toList()) + "\t" + (a.member() == null ? "" : a.member())
              + "\t" + (a.disabled() ? "disabled" : "active") + (people.accounts().hasTotp(a.id()) ? "\ttotp" : ""));
        }
        return Main.OK;
      });
    }
  }
}
