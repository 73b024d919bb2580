package io.signet.signature.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.signet.organization.CurrentAdmin;
import io.signet.signature.SignatureAsset;
import io.signet.signature.SignatureAssets;
import io.signet.signature.SignatureSettings;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Upload of signature images, the organisation's signature settings, and the public image endpoint. */
@RestController
@Tag(name = "Signature images and settings")
class AssetController {

    record AssetView(UUID id, String url, String contentType, int width, int height) {
    }

    private final SignatureAssets assets;
    private final String publicBaseUrl;

    AssetController(SignatureAssets assets,
            @org.springframework.beans.factory.annotation.Value("${signet.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.assets = assets;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @PostMapping(path = "/api/v1/signature-assets", consumes = {"image/png", "image/jpeg", "image/gif"})
    @PreAuthorize("hasRole('EDITOR')")
    @Operation(summary = "Upload an image (the body is the PNG, JPEG or GIF, at most 1 MB)")
    ResponseEntity<AssetView> upload(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody byte[] body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(assets.upload(orgId(), contentType, body)));
    }

    @GetMapping("/api/v1/signature-assets")
    List<AssetView> list() {
        return assets.list(orgId()).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/signature-assets/{id}")
    AssetView get(@PathVariable UUID id) {
        return view(assets.get(orgId(), id));
    }

    @DeleteMapping("/api/v1/signature-assets/{id}")
    @PreAuthorize("hasRole('EDITOR')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        assets.delete(orgId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/signature-settings")
    SignatureSettings settings() {
        return assets.settings(orgId());
    }

    @PutMapping("/api/v1/signature-settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Company name, website, logo and banner (asset ids) and banner link that templates show")
    SignatureSettings saveSettings(@RequestBody SignatureSettings request) {
        String website = blankToNull(request.website());
        String bannerLink = blankToNull(request.bannerLink());
        if (website != null && !website.matches("(?i)https?://\\S+")) {
            throw io.signet.web.ApiProblem.invalidField("website", "must be an http or https URL");
        }
        if (bannerLink != null && !bannerLink.matches("(?i)https?://\\S+")) {
            throw io.signet.web.ApiProblem.invalidField("bannerLink", "must be an http or https URL");
        }
        return assets.saveSettings(orgId(), new SignatureSettings(blankToNull(request.companyName()), website,
                request.logoAssetId(), request.bannerAssetId(), bannerLink));
    }

    /** Public and unauthenticated: the 128-bit random token is the secret. Content never changes. */
    @Hidden
    @GetMapping("/signature-assets/{token}")
    ResponseEntity<byte[]> image(@PathVariable String token) {
        AssetRepository.Content content = assets.content(token);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff").body(content.bytes());
    }

    private AssetView view(SignatureAsset a) {
        return new AssetView(a.id(), publicBaseUrl + "/signature-assets/" + a.token(), a.contentType(), a.width(),
                a.height());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static UUID orgId() {
        return CurrentAdmin.require().orgId();
    }
}
