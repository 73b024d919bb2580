package io.signet.microsoft.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentErrorsTest {

    @Test
    void aUserWhoNeedsAdminApprovalIsToldThatAnAdministratorMustConnect() {
        assertThat(ConsentErrors.explain("access_denied", "AADSTS90094: The grant requires admin permission."))
                .contains("administrator");
        assertThat(ConsentErrors.explain("consent_required", "AADSTS65001: The user or administrator has not consented"))
                .contains("administrator");
    }

    @Test
    void aDeclinedConsentIsCalledThat() {
        assertThat(ConsentErrors.explain("access_denied", "AADSTS65004: User declined to consent to access the app."))
                .contains("declined");
        assertThat(ConsentErrors.explain("access_denied", null)).contains("declined");
    }

    @Test
    void anyOtherErrorNamesMicrosoftsCodeAndFirstLineOnly() {
        String message = ConsentErrors.explain("invalid_request",
                "AADSTS50011: The redirect URI does not match.\r\nTrace ID: abc\r\nCorrelation ID: def");

        assertThat(message).contains("invalid_request").contains("AADSTS50011").doesNotContain("Trace ID");
    }
}
