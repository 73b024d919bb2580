package io.signet.sync.internal.run;

import java.util.BitSet;
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

    /**
     * @param userIds   the users who are employees after this run's apply phase
     * @param unchanged which of them (by index) that phase counted as unchanged: a new photo makes them updated
     * @param alive     called after every chunk of users and every download (progress, the run's lock)
     */
    void run(UUID orgId, GraphSession graph, List<String> userIds, BitSet unchanged, SyncConfiguration config,
            PlanSettings settings, int seatsLeft, BatchPlanner.RunLookups lookups, RunProgress progress,
            Runnable alive) {
        progress.photosTotal = userIds.size();
        for (int from = 0; from < userIds.size(); from += CHUNK) {
            List<String> chunk = userIds.subList(from, Math.min(userIds.size(), from + CHUNK));
            MirrorPhotos.Checked checked = photos.refresh(orgId, graph, chunk, alive);
            if (!checked.changed().isEmpty()) {
                List<MirroredUser> users = mirror.usersByIds(orgId, checked.changed());
                // Only updates of employees that exist: whatever else the users need (a link or creation that
                // failed in the apply phase, say) is the next run's to do.
                List<SyncAction> actions = planner.plan(orgId, users, config, settings, seatsLeft, checked.refs(),
                        lookups).actions().stream().filter(a -> a.kind() == SyncAction.Kind.UPDATE).toList();
                // These users were counted once this run: a user counted unchanged moves to update (or failed);
                // one counted as created, updated or linked stays so, its photo change listed among the changes.
                List<String> kinds = recorder.record(orgId, false, actions, config.mapping(), progress, false);
                for (int i = 0; i < actions.size(); i++) {
                    int index = from + chunk.indexOf(actions.get(i).userId());
                    if (unchanged.get(index)) {
                        progress.counts.merge("unchanged", -1, Integer::sum);
                        progress.counts.merge(kinds.get(i), 1, Integer::sum);
                        unchanged.clear(index);
                    }
                }
            }
            progress.photosChecked += chunk.size();
            alive.run();
        }
    }
}
