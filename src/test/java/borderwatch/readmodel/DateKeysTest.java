package borderwatch.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateKeysTest {

    @Test
    void readsEveryDayOfSomeYearsAsTheJdkDoes() {
        for (LocalDate d = LocalDate.of(1999, 12, 25); d.isBefore(LocalDate.of(2029, 1, 5)); d = d.plusDays(1)) {
            assertThat(DateKeys.parse(d.toString())).isEqualTo(d);
        }
    }

    @Test
    void leavesOtherShapesToTheJdkAndRefusesWhatIsNoDay() {
        assertThat(DateKeys.parse("+12025-01-01")).isEqualTo(LocalDate.parse("+12025-01-01"));
        for (String bad : new String[] {"2025-02-30", "2025-13-01", "2025-1-01", "2025-0a-01", "２０２５-01-01", ""}) {
            assertThatThrownBy(() -> DateKeys.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void aBadKeyFailsTheReadAsAFormatError() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new SimpleModule().addKeyDeserializer(LocalDate.class, new DateKeys()));
        TypeReference<Map<LocalDate, Integer>> days = new TypeReference<>() { };
        assertThat(mapper.convertValue(Map.of("2024-02-29", 1), days)).containsEntry(LocalDate.of(2024, 2, 29), 1);
        assertThatThrownBy(() -> mapper.readValue("{\"2023-02-29\":1}", days)).isInstanceOf(InvalidFormatException.class);
    }
}
