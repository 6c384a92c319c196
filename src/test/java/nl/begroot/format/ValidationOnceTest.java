package nl.begroot.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.begroot.core.engine.Engine;
import nl.begroot.core.generate.BudgetGenerator;
import nl.begroot.core.model.Budget;
import nl.begroot.core.model.Proposal;
import nl.begroot.core.pipeline.Pipeline;
import nl.begroot.core.validate.BudgetValidator;
import nl.begroot.core.validate.InvalidBudgetException;
import org.junit.jupiter.api.Test;

/**
 * A budget read from a file is validated once: by the core's validator, for the reader. The engine
 * still states its precondition, but a budget instance the validator has just found valid is not
 * checked again when it is computed.
 */
class ValidationOnceTest {
  @Test
  void aBudgetReadAndComputedIsValidatedOnce() {
    // a budget no other test has computed, so that the engine really runs for it
    Budget generated = BudgetGenerator.generate(System.nanoTime(), new BudgetGenerator.Size(60, 4, 5, 3, 4, 2));
    String text = BudgetWriter.write(generated);
    long validations = BudgetValidator.validations();
    long computations = Pipeline.computations();

    LoadResult result = BudgetReader.read("generated.yaml", text);
    assertThat(result).isInstanceOf(LoadResult.Loaded.class);
    Budget read = ((LoadResult.Loaded) result).budget();
    Pipeline.compute(read).printed();

    assertThat(Pipeline.computations() - computations).as("the engine ran (and so checked its precondition)").isEqualTo(1);
    assertThat(BudgetValidator.validations() - validations).as("validations per read and compute").isEqualTo(1);
  }

  @Test
  void theEngineStillRefusesABudgetNobodyValidated() {
    Budget valid = BudgetGenerator.generate(42, new BudgetGenerator.Size(12, 3, 3, 2, 2, 2));
    Proposal p = valid.proposals().get(0);
    Budget broken = valid.withProposals(List.of(p, p)); // the same id twice
    assertThat(BudgetValidator.validate(broken)).isNotEmpty();
    // found invalid: nothing remembered, the engine checks and refuses
    assertThatThrownBy(() -> Engine.compute(broken)).isInstanceOf(InvalidBudgetException.class);
  }
}
