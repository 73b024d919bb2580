package io.signet.delivery.internal;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.AgentSettings;
import io.signet.delivery.AgentSettingsService;
import io.signet.delivery.internal.MySignatures.Me;
import io.signet.delivery.internal.ServedSignatures.Served;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The desktop agent's API: all of the signed-in employee's signatures with their template names, the mailboxes
 * to install them for, and the organisation's agent settings, in one answer whose version is its ETag.
 */
@RestController
@Tag(name = "Desktop agent")
class MySignaturesController {

    record MySignaturesView(String version, EmployeeView employee, List<String> mailboxes,
            List<SignatureView> signatures, AgentSettings agent) {
    }

    record EmployeeView(String displayName, String email) {
    }

    record SignatureView(String type, String name, String html, String text, String version) {
        static SignatureView of(Served s) {
            return new SignatureView(s.type().code(), s.name(), s.html(), s.text(), s.version());
        }
    }

    private final AddinTokenVerifier tokens;
    private final MySignatures signatures;
    private final ServedSignatures served;
    private final AgentSettingsService settings;

    MySignaturesController(AddinTokenVerifier tokens, MySignatures signatures, ServedSignatures served,
            AgentSettingsService settings) {
        this.tokens = tokens;
        this.signatures = signatures;
        this.served = served;
        this.settings = settings;
    }

    @GetMapping("/api/v1/me/signatures")
    @Operation(summary = "All of the signed-in employee's signatures and the agent settings (bearer: a Microsoft "
            + "token for Signet's API)")
    ResponseEntity<MySignaturesView> mySignatures(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Me me = signatures.me(tokens.verifyHeader(authorization));
        String email = nonNull(me.employee().data().email());
        List<String> mailboxes = List.of(email);
        List<Served> available = served.of(me.orgId(), me.employee().id());
        AgentSettings agent = settings.get(me.orgId());
        String version = ServedSignatures.versionOf(me.employee(), mailboxes, available, agent);
        VersionedAnswer answer = VersionedAnswer.of(version, ifNoneMatch);
        if (answer.unchanged()) {
            return answer.builder().build();
        }
        return answer.builder().body(new MySignaturesView(version,
                new EmployeeView(nonNull(me.employee().data().displayName()), email), mailboxes,
                available.stream().map(SignatureView::of).toList(), agent));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
