package borderwatch.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import borderwatch.testing.Contract;
import org.junit.jupiter.api.Test;

/** The check every test client applies to its answers catches what the document would let slip. */
class ContractTest {

    private final Contract contract = Contract.get();

    @Test
    void anEmptyObjectIsNoBoardAndAnUnlistedStatusIsNoAnswer() {
        assertThat(contract.violations("GET", "/api/v1/board", 200, "application/json", "{}"))
                .as("a 2xx schema names its required fields").isNotEmpty();
        assertThat(contract.violations("GET", "/api/v1/board", 418, "application/json", "{}"))
                .singleElement().asString().contains("does not list this status");
        assertThat(contract.violations("GET", "/api/v1/board?x=1", 400, "application/json",
                "{\"errors\":[{\"field\":\"x\",\"message\":\"unknown\"}]}")).isEmpty();
    }

    @Test
    void anImportsErrorIsExactlyOneOfItsTwoShapes() {
        assertThat(contract.violations("POST", "/api/v1/imports", 400, "application/json",
                "{\"errors\":[{\"line\":3,\"field\":\"date\",\"message\":\"not a date\"}]}")).isEmpty();
        assertThat(contract.violations("POST", "/api/v1/imports", 400, "application/json",
                "{\"errors\":[{\"field\":\"body\",\"message\":\"is empty\"}]}")).isEmpty();
        assertThat(contract.violations("POST", "/api/v1/imports", 400, "application/json",
                "{\"errors\":[{\"row\":3,\"message\":\"?\"}]}")).isNotEmpty();
    }

    @Test
    void pathsFindTheirTemplateAndOthersAreLeftAlone() {
        assertThat(contract.violations("POST", "/api/v1/drills/d-1/gates/tan-thanh/plans/activate", 418, null, null))
                .singleElement().asString().startsWith("POST /api/v1/drills/{id}/gates/{gate}/plans/activate → 418");
        assertThat(contract.violations("GET", "/js/app.js", 200, "text/javascript", "x")).isEmpty();
        assertThat(contract.operations()).hasSizeGreaterThan(30);
    }
}
