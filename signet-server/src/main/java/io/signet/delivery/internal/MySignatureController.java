package io.signet.delivery.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.internal.FromAddresses.From;
import io.signet.delivery.internal.FromAddresses.Kind;
import io.signet.delivery.internal.MySignatures.Me;
import io.signet.directory.Employee;
import io.signet.directory.FieldContract;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureType;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The add-in's API: the signed-in employee's signature, for a Microsoft-issued bearer token (not an admin's
 * credentials), optionally for the message's From address. Answers carry the signature's version as an ETag;
 * {@code If-None-Match} with it gives 304.
 */
@RestController
@Tag(name = "Outlook add-in")
class MySignatureController {

    private final AddinTokenVerifier tokens;
    private final MySignatures signatures;
    private final FromAddresses froms;
    private final FromSignatures fromSignatures;

    MySignatureController(AddinTokenVerifier tokens, MySignatures signatures, FromAddresses froms,
            FromSignatures fromSignatures) {
        this.tokens = tokens;
        this.signatures = signatures;
        this.froms = froms;
        this.fromSignatures = fromSignatures;
    }

    @GetMapping("/api/v1/me/signature")
    @Operation(summary = "The signed-in employee's signature, or the one for the message's From address (bearer: a "
            + "Microsoft token for Signet's API)")
    ResponseEntity<Map<String, Object>> mySignature(@RequestParam(defaultValue = "new") String type,
            @Parameter(description = "The message's From address: one of yours, a shared mailbox, or another")
            @RequestParam(required = false) String from,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        SignatureType signatureType = parse(type);
        if (from != null && from.length() > FieldContract.EMAIL) {
            throw ApiProblem.invalidField("from", "must be at most " + FieldContract.EMAIL + " characters");
        }
        Me me = signatures.me(tokens.verifyHeader(authorization));
        From sender = froms.resolve(me, from);
        RenderedSignature signature;
        String version;
        if (sender == null) {
            signature = signatures.find(me, signatureType).signature();
            version = signature.version();
        } else {
            FromSignatures.Answer answer = fromSignatures.find(me, signatureType, sender);
            signature = answer.signature();
            version = answer.version();
        }
        VersionedAnswer answer = VersionedAnswer.of(version, ifNoneMatch);
        if (answer.unchanged()) {
            return answer.builder().build();
        }
        return answer.builder().body(body(signatureType, signature, version, me.employee(), sender));
    }

    private static Map<String, Object> body(SignatureType type, RenderedSignature signature, String version,
            Employee employee, From sender) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.code());
        body.put("available", !signature.isNone());
        body.put("html", signature.html());
        body.put("text", signature.text());
        body.put("version", version);
        body.put("employee", Map.of("displayName", nonNull(employee.data().displayName()),
                "email", nonNull(employee.data().email())));
        if (sender != null) {
            Map<String, Object> from = new LinkedHashMap<>();
            from.put("address", sender.address());
            from.put("kind", sender.kind().code);
            switch (sender.kind()) {
                case OWN -> from.put("displayName", nonNull(employee.data().displayName()));
                case SHARED_MAILBOX -> from.put("displayName", sender.mailbox().values().displayName());
                default -> { }
            }
            body.put("from", from);
        }
        if (signature.isNone()) {
            body.put("reason", reason(sender));
        }
        return body;
    }

    private static String reason(From sender) {
        if (sender == null || sender.kind() == Kind.OWN) {
            return "No signature template applies to you. A Signet admin assigns one to you, to your department, or "
                    + "as the organisation's default.";
        }
        if (sender.kind() == Kind.SHARED_MAILBOX) {
            return "No signature template applies to the shared mailbox " + sender.address() + ". A Signet admin "
                    + "chooses one for it, or sets the organisation's default.";
        }
        return sender.address() + " is neither one of your addresses nor a shared mailbox registered in Signet, so "
                + "Signet has no signature for messages sent from it.";
    }

    private static SignatureType parse(String type) {
        return switch (type) {
            case "new" -> SignatureType.NEW;
            case "reply" -> SignatureType.REPLY;
            default -> throw ApiProblem.invalidField("type", "must be new or reply");
        };
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
