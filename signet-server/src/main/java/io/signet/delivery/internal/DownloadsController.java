package io.signet.delivery.internal;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.signet.delivery.AgentDownloads;
import io.signet.delivery.AgentDownloads.Download;
import io.signet.web.ApiProblem;
import io.swagger.v3.oas.annotations.Hidden;

/** Serves the desktop agent's jar and its guide when this build bundled them; 404 problem otherwise. */
@RestController
@Hidden
class DownloadsController {

    private final AgentDownloads downloads;

    DownloadsController(AgentDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/downloads/{file}")
    ResponseEntity<Resource> download(@PathVariable String file) {
        Download known = downloads.all().stream().filter(d -> d.file().equals(file)).findFirst()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "Signet offers no download named " + file + ".", java.util.List.of()));
        if (!known.available()) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", "The desktop agent is not bundled "
                    + "in this build of Signet, so " + file + " cannot be downloaded here.", java.util.List.of());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.parseMediaType(known.contentType()))
                .cacheControl(CacheControl.noCache());
        if (known.attachment()) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString());
        }
        return answer.body(downloads.resource(file));
    }
}
