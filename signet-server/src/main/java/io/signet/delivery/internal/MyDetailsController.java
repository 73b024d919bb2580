package io.signet.delivery.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.internal.MySignatures.Me;
import io.signet.directory.EmployeeData;
import io.signet.selfservice.MyDetail;
import io.signet.selfservice.MyDetails;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureType;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The add-in task pane's self-service API: the signed-in employee's editable fields, a preview of their signature
 * with proposed values, and saving them. Same bearer token and refusals as {@code /api/v1/me/signature}.
 */
@RestController
@Tag(name = "Outlook add-in")
class MyDetailsController {

    record DetailsView(List<MyDetail> fields) {
    }

    record SaveRequest(Map<String, String> values) {
    }

    record SavedView(List<MyDetail> fields, List<String> applied, List<String> pending) {
    }

    record PreviewRequest(String type, Map<String, String> values) {
    }

    record PreviewView(String html, String text) {
    }

    private final AddinTokenVerifier tokens;
    private final MySignatures signatures;
    private final MyDetails details;
    private final SignatureRenderer renderer;

    MyDetailsController(AddinTokenVerifier tokens, MySignatures signatures, MyDetails details,
            SignatureRenderer renderer) {
        this.tokens = tokens;
        this.signatures = signatures;
        this.details = details;
        this.renderer = renderer;
    }

    @GetMapping("/api/v1/me/details")
    @Operation(summary = "The signed-in employee's fields they may edit (bearer: a Microsoft token for Signet's API)")
    DetailsView myDetails(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Me me = me(authorization);
        return new DetailsView(details.details(me.orgId(), me.employee()));
    }

    @PostMapping("/api/v1/me/details/preview")
    @Operation(summary = "The employee's signature with proposed values; nothing is saved")
    PreviewView preview(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) PreviewRequest request) {
        Me me = me(authorization);
        if (request == null) {
            throw ApiProblem.badRequest("Send {\"type\":\"new\"|\"reply\",\"values\":{...}}.");
        }
        SignatureType type = parse(request.type());
        EmployeeData data = details.proposed(me.orgId(), me.employee(),
                request.values() == null ? Map.of() : request.values());
        RenderedSignature rendered = renderer.renderWith(me.orgId(), me.employee().id(), type, data);
        return new PreviewView(rendered.html(), rendered.text());
    }

    @PutMapping("/api/v1/me/details")
    @Operation(summary = "Save the employee's edits: applied at once, or pending an admin's approval; all or nothing")
    SavedView save(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) SaveRequest request) {
        Me me = me(authorization);
        MyDetails.Saved saved = details.save(me.orgId(), me.employee(), request == null ? null
                : request.values() == null ? null : new LinkedHashMap<>(request.values()));
        return new SavedView(saved.fields(), saved.applied(), saved.pending());
    }

    /** The token first, then the employee: a request without a genuine token learns nothing about the body. */
    private Me me(String authorization) {
        return signatures.me(tokens.verifyHeader(authorization));
    }

    private static SignatureType parse(String type) {
        if (type == null || type.equals("new")) {
            return SignatureType.NEW;
        }
        if (type.equals("reply")) {
            return SignatureType.REPLY;
        }
        throw ApiProblem.invalidField("type", "must be new or reply");
    }
}
