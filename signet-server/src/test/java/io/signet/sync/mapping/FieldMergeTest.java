package io.signet.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.sync.mapping.FieldSource.UserAttribute;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FieldMergeTest {

    private static final DataMapping MAPPING = new DataMapping(List.of(
            new FieldMapping("jobTitle", new UserAttribute("jobTitle"), FieldPolicy.M365_WINS),
            new FieldMapping("mobilePhone", new UserAttribute("mobilePhone"), FieldPolicy.FILL_WHEN_EMPTY),
            new FieldMapping("website", new UserAttribute("x"), FieldPolicy.KEEP_LOCAL)));

    @Property(tries = 500)
    void applyingTheChangesThenMergingAgainChangesNothing(@ForAll("values") Map<String, String> current,
            @ForAll("values") Map<String, String> offered, @ForAll boolean overwrite) {
        Map<String, String> after = new HashMap<>(current);
        Map<String, Provenance> provenance = new HashMap<>();
        for (FieldChange change : FieldMerge.changes(current, Map.of(), offered, MAPPING, overwrite)) {
            after.put(change.field(), change.newValue());
            provenance.put(change.field(), Provenance.MICROSOFT365);
        }
        assertThat(FieldMerge.changes(after, provenance, offered, MAPPING, overwrite)).isEmpty();
    }

    @Property(tries = 500)
    void keepLocalIsNeverTouchedAndFillWhenEmptyNeverOverwrites(@ForAll("values") Map<String, String> current,
            @ForAll("values") Map<String, String> offered, @ForAll boolean overwrite) {
        for (FieldChange change : FieldMerge.changes(current, Map.of(), offered, MAPPING, overwrite)) {
            assertThat(change.field()).isNotEqualTo("website");
            if (change.field().equals("mobilePhone")) {
                assertThat(change.oldValue()).isNull();
            }
        }
    }

    @Test
    void aValueTypedByHandStaysUnlessMicrosoft365MayOverwriteManualData() {
        Map<String, String> current = Map.of("jobTitle", "Chief Happiness Officer");
        Map<String, String> offered = Map.of("jobTitle", "HR Manager");

        assertThat(FieldMerge.changes(current, Map.of("jobTitle", Provenance.MANUAL), offered, MAPPING, false)).isEmpty();
        assertThat(FieldMerge.changes(current, Map.of("jobTitle", Provenance.MANUAL), offered, MAPPING, true))
                .containsExactly(new FieldChange("jobTitle", "Chief Happiness Officer", "HR Manager",
                        "changed in Microsoft 365"));
        assertThat(FieldMerge.changes(current, Map.of("jobTitle", Provenance.MICROSOFT365), offered, MAPPING, false))
                .hasSize(1);
    }

    @Test
    void aValueClearedInMicrosoft365IsClearedInSignetWhenMicrosoft365Wins() {
        assertThat(FieldMerge.changes(Map.of("jobTitle", "Engineer"), Map.of("jobTitle", Provenance.MICROSOFT365),
                new HashMap<>(java.util.Collections.singletonMap("jobTitle", null)), MAPPING, false))
                .containsExactly(new FieldChange("jobTitle", "Engineer", null, "changed in Microsoft 365"));
    }

    @Provide
    Arbitrary<Map<String, String>> values() {
        Arbitrary<String> value = Arbitraries.of("", "a", "b", "Engineer", "+49 1");
        return Arbitraries.maps(Arbitraries.of("jobTitle", "mobilePhone", "website"), value).ofMaxSize(3);
    }
}
