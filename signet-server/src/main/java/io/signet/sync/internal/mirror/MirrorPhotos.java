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

import io.signet.microsoft.GraphReadException;
import io.signet.microsoft.GraphSession;
import io.signet.microsoft.PhotoRefusedException;
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
    static final int REFUSED_IN_A_ROW = 20;

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

    /**
     * Checks the users' photos with Graph and stores the new or changed ones. A photo Graph will not describe or
     * hand over this time stays as it was.
     *
     * @param alive called after every download (they can take long under throttling): progress, the run's lock
     */
    public Checked refresh(UUID orgId, GraphSession graph, List<String> userIds, Runnable alive) {
        Map<String, StoredPhoto> stored = mirror.photos(orgId, userIds);
        GraphSession.PhotoVersions versions = userIds.isEmpty()
                ? new GraphSession.PhotoVersions(Map.of(), Set.of()) : graph.photoVersions(userIds);
        Map<String, String> refs = new HashMap<>();
        Set<String> changed = new HashSet<>();
        int refusedInARow = 0;
        for (String userId : userIds) {
            StoredPhoto before = stored.get(userId);
            String version = versions.versions().get(userId);
            StoredPhoto after = before;
            if (versions.unreadable().contains(userId)) {
                refusedInARow = refused(refusedInARow); // unknown this time: keep what is known
            } else if (version == null) {
                refusedInARow = 0;
                after = null; // no photo (any more)
            } else if (before == null || !before.version().equals(version)) {
                Optional<byte[]> image;
                try {
                    image = graph.photo(userId);
                } catch (PhotoRefusedException e) {
                    log.warn("The photo of Microsoft 365 user {} could not be read: {}", userId, e.getMessage());
                    image = null;
                }
                alive.run();
                if (image != null) {
                    refusedInARow = 0;
                    // Recorded even when the image could not be stored, so a broken photo is not fetched every run.
                    after = new StoredPhoto(version, image.flatMap(bytes -> store(orgId, userId, bytes)).orElse(null));
                } else {
                    refusedInARow = refused(refusedInARow);
                }
            } else {
                refusedInARow = 0;
            }
            if (!Objects.equals(before, after)) {
                mirror.savePhoto(orgId, userId, after);
                if (!Objects.equals(before == null ? null : before.ref(), after == null ? null : after.ref())) {
                    changed.add(userId);
                }
            }
            if (after != null && after.ref() != null) {
                refs.put(userId, after.ref());
            }
        }
        return new Checked(refs, changed);
    }

    /**
     * One user's refused photo is that user's problem; many in a row are the connection's (a permission
     * missing, say): the run then fails with the reason instead of warning once per user.
     */
    private static int refused(int inARow) {
        if (inARow + 1 >= REFUSED_IN_A_ROW) {
            throw new GraphReadException("Microsoft Graph refused the photos of " + REFUSED_IN_A_ROW
                    + " users in a row; see the log for the answers", null);
        }
        return inARow + 1;
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
