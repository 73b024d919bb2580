package io.signet.delivery.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The add-in's manifests for this deployment, its event script (which needs Signet's absolute URL: classic Outlook
 * runs it without a page), and the list of scripts allowed to call out and use SSO from event handlers.
 */
@RestController
@Hidden
class AddinFilesController {

    private final AddinManifests manifests;
    private final AddinSite site;

    AddinFilesController(AddinManifests manifests, AddinSite site) {
        this.manifests = manifests;
        this.site = site;
    }

    @GetMapping(value = "/addin/manifest.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> xmlManifest(@RequestParam(defaultValue = "false") boolean download) {
        return file(manifests.xml(), "signet-outlook-addin.xml", download);
    }

    @GetMapping(value = "/addin/manifest.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> unifiedManifest(@RequestParam(defaultValue = "false") boolean download) {
        return file(manifests.json(), "manifest.json", download);
    }

    /** The unified manifest as the admin center takes it: a zip of manifest.json and its two icons. */
    @GetMapping(value = "/addin/manifest.zip", produces = "application/zip")
    ResponseEntity<byte[]> unifiedPackage() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("signet-outlook-addin.zip").build().toString())
                .body(manifests.unifiedPackage());
    }

    @GetMapping(value = "/addin/commands.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> eventScript() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(manifests.eventScript());
    }

    @GetMapping(value = { "/addin/commands.html", "/addin/taskpane.html" }, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(jakarta.servlet.http.HttpServletRequest request) {
        String name = request.getRequestURI().endsWith("taskpane.html") ? "taskpane" : "commands";
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(manifests.page(name));
    }

    @GetMapping(value = "/.well-known/microsoft-officeaddins-allowed.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<String>> allowedScripts() {
        return Map.of("allowed", List.of(site.baseUrl() + "/addin/commands.js"));
    }

    private static ResponseEntity<String> file(String content, String filename, boolean download) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noCache());
        if (download) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        }
        return answer.body(content);
    }
}
