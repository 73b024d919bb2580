package io.signet.sync.internal.mirror;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.signet.microsoft.GraphSession;
import io.signet.signature.SignatureAssets;
import io.signet.sync.internal.mirror.MirrorRepository.StoredPhoto;

/**
 * Users' photos, for a mapping that fills a field from the photo. Graph does not report photo changes in
 * the delta, so a photo's version is read from its metadata (20 users per request) and the image is
 * downloaded only when that version changed; Signet's copy is a signature asset, whose id is the photo
 * reference the mapping hands to the employee.
 */
@Component
public class MirrorPhotos {

    private static final Logger log = LoggerFactory.getLogger(MirrorPhotos.class);

    private final MirrorRepository mirror;
    private final SignatureAssets assets;

    MirrorPhotos(MirrorRepository mirror, SignatureAssets assets) {
        this.mirror = mirror;
        this.assets = assets;
    }

    /**
     * @param refs    each user's photo reference (absent: no photo)
     * @param changed the users whose photo reference changed
     */
    public record Checked(Map<String, String> refs, Set<String> changed) {
    }

    /** Checks the users' photos with Graph and stores the new or changed ones. */
    public Checked refresh(UUID orgId, GraphSession graph, List<String> userIds) {
        Map<String, StoredPhoto> stored = mirror.photos(orgId, userIds);
        Map<String, String> versions = userIds.isEmpty() ? Map.of() : graph.photoVersions(userIds);
        Map<String, StoredPhoto> changed = new HashMap<>();
        Map<String, String> refs = new HashMap<>();
        for (String userId : userIds) {
            String version = versions.get(userId);
            StoredPhoto before = stored.get(userId);
            if (version == null) {
                if (before != null) {
                    changed.put(userId, null); // the photo was removed in Microsoft 365
                }
            } else if (before != null && before.version().equals(version)) {
                if (before.ref() != null) {
                    refs.put(userId, before.ref());
                }
            } else {
                String ref = graph.photo(userId).flatMap(image -> store(orgId, userId, image)).orElse(null);
                // Recorded even when the image could not be stored, so a broken photo is not fetched every run.
                changed.put(userId, new StoredPhoto(version, ref));
                if (ref != null) {
                    refs.put(userId, ref);
                }
            }
        }
        mirror.savePhotos(orgId, changed);
        Set<String> refChanged = new HashSet<>();
        changed.forEach((userId, photo) -> {
            String before = stored.containsKey(userId) ? stored.get(userId).ref() : null;
            if (!Objects.equals(before, photo == null ? null : photo.ref())) {
                refChanged.add(userId);
            }
        });
        return new Checked(refs, refChanged);
    }

    /** The photo references as last stored, without asking Graph (a dry run). */
    public Map<String, String> stored(UUID orgId, List<String> userIds) {
        Map<String, String> refs = new HashMap<>();
        mirror.photos(orgId, userIds).forEach((userId, photo) -> {
            if (photo.ref() != null) {
                refs.put(userId, photo.ref());
            }
        });
        return refs;
    }

    private Optional<String> store(UUID orgId, String userId, byte[] image) {
        try {
            return Optional.of(assets.upload(orgId, contentType(image), image).id().toString());
        } catch (RuntimeException unusable) {
            log.warn("The photo of Microsoft 365 user {} was not stored: {}", userId, unusable.getMessage());
            return Optional.empty();
        }
    }

    /** Graph serves photos as JPEG; the type is read from the bytes all the same. */
    static String contentType(byte[] image) {
        if (image.length > 3 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "image/png";
        }
        if (image.length > 2 && image[0] == 'G' && image[1] == 'I' && image[2] == 'F') {
            return "image/gif";
        }
        return "image/jpeg";
    }
}
