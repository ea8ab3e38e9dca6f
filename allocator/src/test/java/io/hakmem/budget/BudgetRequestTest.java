package io.hakmem.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BudgetRequestTest {

    @Test
    void readsBudgetsInOrderWithTheirParameters() {
        Properties properties = new Properties();
        properties.setProperty("repeat", "3");
        properties.setProperty("budgets", "2");
        properties.setProperty("budget.0.name", "small");
        properties.setProperty("budget.0.workload", "scaling");
        properties.setProperty("budget.0.parameter.blocks", "1000");
        properties.setProperty("budget.0.parameter.size", "17");
        properties.setProperty("budget.1.name", "mine");
        properties.setProperty("budget.1.workload", "com.example.Mine");

        BudgetRequest request = BudgetRequest.from(properties);

        assertThat(request.repeat()).isEqualTo(3);
        assertThat(request.budgets())
                .containsExactly(
                        new BudgetRequest.Entry("small", "scaling", Map.of("blocks", "1000", "size", "17")),
                        new BudgetRequest.Entry("mine", "com.example.Mine", Map.of()));
    }

    @Test
    void aMissingKeyIsNamed() {
        Properties properties = new Properties();
        properties.setProperty("repeat", "1");
        properties.setProperty("budgets", "1");
        properties.setProperty("budget.0.name", "small");

        assertThatThrownBy(() -> BudgetRequest.from(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("budget request has no 'budget.0.workload'");
    }

    @Test
    void repeatBelowOneIsRejected() {
        Properties properties = new Properties();
        properties.setProperty("repeat", "0");
        properties.setProperty("budgets", "0");

        assertThatThrownBy(() -> BudgetRequest.from(properties)).hasMessage("repeat must be at least 1, was 0");
    }
}
