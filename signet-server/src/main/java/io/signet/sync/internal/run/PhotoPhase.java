package io.signet.sync.internal.run;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.microsoft.GraphSession;
import io.signet.sync.MirroredUser;
import io.signet.sync.SyncConfiguration;
import io.signet.sync.internal.mirror.MirrorPhotos;
import io.signet.sync.internal.mirror.MirrorRepository;
import io.signet.sync.plan.PlanSettings;
import io.signet.sync.plan.SyncAction;

/**
 * The last phase of a run whose mapping uses photos: reads the photo versions of the users who are employees,
 * downloads the new and changed photos, and plans and applies those users again with them. It runs after the
 * employees are written, so a large first sync does not keep employees waiting for their photos.
 */
@Component
class PhotoPhase {

    static final int CHUNK = 500;

    private final MirrorPhotos photos;
    private final MirrorRepository mirror;
    private final BatchPlanner planner;
    private final BatchRecorder recorder;

    PhotoPhase(MirrorPhotos photos, MirrorRepository mirror, BatchPlanner planner, BatchRecorder recorder) {
        this.photos = photos;
        this.mirror = mirror;
        this.planner = planner;
        this.recorder = recorder;
    }

    /** @param afterChunk called after every chunk of users (progress, heartbeat) */
    void run(UUID orgId, GraphSession graph, List<String> userIds, SyncConfiguration config, PlanSettings settings,
            int seatsLeft, BatchPlanner.RunLookups lookups, RunProgress progress, Runnable afterChunk) {
        progress.photosTotal = userIds.size();
        for (int from = 0; from < userIds.size(); from += CHUNK) {
            List<String> chunk = userIds.subList(from, Math.min(userIds.size(), from + CHUNK));
            MirrorPhotos.Checked checked = photos.refresh(orgId, graph, chunk);
            if (!checked.changed().isEmpty()) {
                List<MirroredUser> users = mirror.usersByIds(orgId, checked.changed());
                // Only what the new photos change is recorded: these users were counted once already.
                List<SyncAction> actions = planner.plan(orgId, users, config, settings, seatsLeft, checked.refs(), lookups)
                        .actions().stream().filter(a -> a.kind() != SyncAction.Kind.UNCHANGED).toList();
                recorder.record(orgId, false, actions, config.mapping(), progress);
            }
            progress.photosChecked += chunk.size();
            afterChunk.run();
        }
    }
}
