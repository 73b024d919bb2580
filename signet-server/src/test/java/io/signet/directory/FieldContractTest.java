package io.signet.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one form of a value and the limits every path that stores or compares values keeps. */
class FieldContractTest {

    @Test
    void whitespaceControlCharactersAndCompositionAreNormalisedAndEmptyIsAbsent() {
        assertThat(FieldContract.normalize("  Jos\u0065\u0301 \t")).isEqualTo("Jos\u00e9");
        assertThat(FieldContract.normalize("a\nb\u0007c")).isEqualTo("a bc");
        assertThat(FieldContract.normalize(" \u3000\t")).isNull();
        assertThat(FieldContract.normalize("")).isNull();
        assertThat(FieldContract.normalize((String) null)).isNull();
        assertThat(FieldContract.normalize("\u05e9\u05dc\u05d5\u05dd \ud835\udd18")).isEqualTo("\u05e9\u05dc\u05d5\u05dd \ud835\udd18");
        assertThat(FieldContract.normalize("lone \ud800 surrogate")).isEqualTo("lone  surrogate");
    }

    @Test
    void addressesAreComparedIgnoringCaseInTheirNormalisedForm() {
        assertThat(FieldContract.key(" Jane.Doe@X.com ")).isEqualTo(FieldContract.key("jane.doe@x.COM"));
    }

    @Test
    void aValueOverItsFieldsLimitIsRefusedAndOneAtTheLimitIsKept() {
        assertThat(FieldContract.check("jobTitle", "x".repeat(128)).value()).hasSize(128);
        FieldContract.Checked tooLong = FieldContract.check("jobTitle", "x".repeat(129));
        assertThat(tooLong.refused()).isTrue();
        assertThat(tooLong.value()).isNull();
        assertThat(FieldContract.check("custom.costCenter", "x".repeat(1024)).refused()).isFalse();
        assertThat(FieldContract.limitOf("department")).isEqualTo(128);
        assertThatThrownBy(() -> FieldContract.limitOf("shoeSize")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySignetLimitIsAtLeastMicrosoftsOwnForTheDefaultSource() {
        // Microsoft Graph's documented limits (user resource): givenName/surname 64, displayName 256, jobTitle 128,
        // companyName 64, mobilePhone 64, streetAddress 1024, postalCode 40, city/state/country 128,
        // officeLocation 128, department 64, extension attributes 1024.
        assertThat(FieldContract.limitOf("firstName")).isGreaterThanOrEqualTo(64);
        assertThat(FieldContract.limitOf("lastName")).isGreaterThanOrEqualTo(64);
        assertThat(FieldContract.limitOf("displayName")).isGreaterThanOrEqualTo(256);
        assertThat(FieldContract.limitOf("jobTitle")).isGreaterThanOrEqualTo(128);
        assertThat(FieldContract.limitOf("company")).isGreaterThanOrEqualTo(64);
        assertThat(FieldContract.limitOf("mobilePhone")).isGreaterThanOrEqualTo(64);
        assertThat(FieldContract.limitOf("street")).isGreaterThanOrEqualTo(1024);
        assertThat(FieldContract.limitOf("postalCode")).isGreaterThanOrEqualTo(40);
        assertThat(FieldContract.limitOf("officeLocation")).isGreaterThanOrEqualTo(128);
        assertThat(FieldContract.limitOf("department")).isGreaterThanOrEqualTo(64);
        assertThat(FieldContract.limitOf("custom.anything")).isGreaterThanOrEqualTo(1024);
    }

    @Property(tries = 500)
    void normalisingTwiceChangesNothing(@ForAll("awkward") String value) {
        String once = FieldContract.normalize(value);

        assertThat(FieldContract.normalize(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> awkward() {
        // Leans towards what real tenants hold: spaces, controls, combining marks, RTL and astral characters.
        return Arbitraries.strings().withChars(" \t\r\n\u0000\u0085\u00a0\u3000e\u0301\u0065\u00e9A\u05e9\u0627")
                .withCharRange('\ud800', '\udbff').withChars("\udc00\ud835\udd18").ofMaxLength(12);
    }
}
