package nl.begroot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.begroot.core.access.Role;
import nl.begroot.store.Database;
import nl.begroot.store.DatabaseUrl;
import nl.begroot.workspace.People;
import nl.begroot.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code begroot users} on an embedded database, and the first start's administrator. */
class UsersCommandTest {
  static String once(String out) {
    Matcher m = Pattern.compile("\\n +([a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3})\\r?\\n").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  /** The organisation a person's roles hold in (decision 166): --org on add, roles elsewhere with grant; an unknown slug is refused. */
  @Test
  void addAndGrantSelectTheOrganisation(@TempDir Path dir) {
    String data = dir.toString();
    try (Database db = Database.open(DatabaseUrl.h2File(dir))) {
      Workspace w = new Workspace(db);
      w.seedIfEmpty(((nl.begroot.format.LoadResult.Loaded) nl.begroot.format.BudgetFiles.loadBuiltIn()).budget(), nl.begroot.TestBudgets.SEED);
      w.seedExampleIfAbsent(() -> ((nl.begroot.format.LoadResult.Loaded) nl.begroot.format.BudgetFiles.loadExample()).budget(),
          nl.begroot.format.BudgetFiles.EXAMPLE_ORGANISATION, nl.begroot.TestBudgets.SEED);
    }
    CliTest.Run add = CliTest.run("users", "add", "gerda", "--role", "controller", "--org", "gr-voorbeeldregio", "--data", data);
    assertThat(add.code()).as(add.err()).isZero();
    CliTest.Run plain = CliTest.run("users", "add", "ivo", "--role", "controller", "--data", data);
    assertThat(plain.code()).as(plain.err()).isZero();
    CliTest.Run unknown = CliTest.run("users", "add", "x", "--role", "lezer", "--org", "bestaat-niet", "--data", data);
    assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("there is no organisation 'bestaat-niet'").contains("ipo, gr-voorbeeldregio");
    CliTest.Run grant = CliTest.run("users", "grant", "gerda", "--org", "ipo", "--role", "lezer", "--data", data);
    assertThat(grant.code()).as(grant.err()).isZero();
    try (Database db = Database.open(DatabaseUrl.h2File(dir))) {
      var accounts = new Workspace(db).people().accounts();
      var gerda = accounts.account("gerda").orElseThrow();
      assertThat(gerda.organisation()).isEqualTo("gr-voorbeeldregio");
      assertThat(gerda.elsewhere()).containsEntry("ipo", java.util.Set.of(Role.LEZER));
      assertThat(accounts.account("ivo").orElseThrow().organisation()).as("without --org: the first").isEqualTo("ipo");
      // as the core decides: a controller in the GR, a reader in the IPO
      var actor = gerda.actor(false);
      assertThat(actor.in("gr-voorbeeldregio").has(Role.CONTROLLER)).isTrue();
      assertThat(actor.in("ipo").roles()).containsExactly(Role.LEZER);
    }
  }

  @Test
  void addListDisableEnableReset(@TempDir Path dir) {
    String data = dir.toString();
    CliTest.Run add = CliTest.run("users", "add", "carla", "--name", "Carla de Controller", "--role", "controller,budgethouder", "--unit", "2",
        "--unit", "3.1", "--data", data);
    assertThat(add.code()).as(add.err()).isZero();
    String first = once(add.out());
    assertThat(CliTest.run("users", "add", "carla", "--data", data).err()).contains("exists already");
    assertThat(CliTest.run("users", "add", "x", "--role", "koning", "--data", data).err()).contains("unknown role 'koning'");
    assertThat(CliTest.run("users", "add", "Bad Name", "--data", data).err()).contains("a user name is");
    CliTest.Run lid = CliTest.run("users", "add", "lid-ge", "--role", "lid", "--member", "GE", "--data", data);
    assertThat(lid.code()).isZero();

    CliTest.Run list = CliTest.run("users", "list", "--data", data);
    assertThat(list.out()).contains("carla\tCarla de Controller\tbudgethouder,controller\t2,3.1\t\tactive")
        .contains("lid-ge\tlid-ge\tlid\t\tGE\tactive");

    try (Database db = Database.open(DatabaseUrl.h2File(dir))) {
      People people = new Workspace(db).people();
      assertThat(people.signIn("carla", first, "test").step()).isEqualTo(People.Step.NEW_PASSWORD);
      String session = people.accounts().startSession("carla", false).orElseThrow();
      db.close();
      assertThat(CliTest.run("users", "disable", "carla", "--data", data).out()).contains("disabled carla");
      try (Database again = Database.open(DatabaseUrl.h2File(dir))) {
        assertThat(new Workspace(again).people().session(session)).as("disabling ends the sessions").isEmpty();
      }
    }
    assertThat(CliTest.run("users", "list", "--data", data).out()).contains("carla\tCarla de Controller\tbudgethouder,controller\t2,3.1\t\tdisabled");
    assertThat(CliTest.run("users", "enable", "carla", "--data", data).code()).isZero();
    assertThat(CliTest.run("users", "disable", "nobody", "--data", data).err()).contains("there is no user nobody");

    CliTest.Run reset = CliTest.run("users", "reset", "carla", "--totp", "--data", data);
    assertThat(reset.code()).isZero();
    assertThat(reset.out()).contains("second factor removed");
    String second = once(reset.out());
    assertThat(second).isNotEqualTo(first);
    try (Database db = Database.open(DatabaseUrl.h2File(dir))) {
      People people = new Workspace(db).people();
      assertThat(people.signIn("carla", first, "test").step()).as("the old one-time password is gone").isEqualTo(People.Step.WRONG);
      assertThat(people.signIn("carla", second, "test").step()).isEqualTo(People.Step.NEW_PASSWORD);
      assertThat(people.accounts().account("carla").orElseThrow().roles()).containsExactlyInAnyOrder(Role.CONTROLLER, Role.BUDGETHOUDER);
    }
  }

  @Test
  void theFirstStartCreatesTheAdministratorAndPrintsItsPasswordOnce() {
    try (Database db = Database.open(DatabaseUrl.h2Memory("first-start-" + System.nanoTime()))) {
      Workspace workspace = new Workspace(db);
      StringWriter out = new StringWriter();
      assertThat(ServeCommand.firstStart(workspace, new PrintWriter(out), "http://localhost:8080")).isTrue();
      String printed = out.toString();
      assertThat(printed).contains("http://localhost:8080/aanmelden").contains("'beheerder'");
      String password = once(printed);
      StringWriter later = new StringWriter();
      assertThat(ServeCommand.firstStart(workspace, new PrintWriter(later), "http://localhost:8080")).isFalse();
      assertThat(later.toString()).as("the next start prints nothing").isEmpty();
      People people = workspace.people();
      assertThat(people.accounts().account("beheerder").orElseThrow().roles()).containsExactly(Role.BEHEERDER);
      assertThat(people.signIn("beheerder", password, "test").step()).as("a one-time password: a new one first")
          .isEqualTo(People.Step.NEW_PASSWORD);
    }
  }
}
