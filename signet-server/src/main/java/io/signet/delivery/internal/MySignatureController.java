package io.signet.delivery.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.internal.MySignatures.MySignature;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureType;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The add-in's API: the signed-in employee's signature, for a Microsoft-issued bearer token (not an admin's
 * credentials). Answers carry the signature's version as an ETag; {@code If-None-Match} with it gives 304.
 */
@RestController
@Tag(name = "Outlook add-in")
class MySignatureController {

    private final AddinTokenVerifier tokens;
    private final MySignatures signatures;

    MySignatureController(AddinTokenVerifier tokens, MySignatures signatures) {
        this.tokens = tokens;
        this.signatures = signatures;
    }

    @GetMapping("/api/v1/me/signature")
    @Operation(summary = "The signed-in employee's signature (bearer: a Microsoft token for Signet's API)")
    ResponseEntity<Map<String, Object>> mySignature(@RequestParam(defaultValue = "new") String type,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        SignatureType signatureType = parse(type);
        MySignature mine = signatures.find(tokens.verifyHeader(authorization), signatureType);
        RenderedSignature signature = mine.signature();
        String etag = "\"" + signature.version() + "\"";
        boolean unchanged = ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
                .eTag(etag).cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        if (unchanged) {
            return answer.build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", signatureType.code());
        body.put("available", !signature.isNone());
        body.put("html", signature.html());
        body.put("text", signature.text());
        body.put("version", signature.version());
        body.put("employee", Map.of("displayName", nonNull(mine.employee().data().displayName()),
                "email", nonNull(mine.employee().data().email())));
        if (signature.isNone()) {
            body.put("reason", "No signature template applies to you. A Signet admin assigns one to you, to your "
                    + "department, or as the organisation's default.");
        }
        return answer.body(body);
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
