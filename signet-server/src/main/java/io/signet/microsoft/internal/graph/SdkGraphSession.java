package io.signet.microsoft.internal.graph;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.ProfilePhoto;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import com.microsoft.kiota.ApiException;

import io.signet.microsoft.DeltaRound;
import io.signet.microsoft.GraphGroup;
import io.signet.microsoft.GraphReadException;
import io.signet.microsoft.GraphSession;
import io.signet.microsoft.GraphUser;
import io.signet.microsoft.PhotoRefusedException;

/** {@link GraphSession} over the official Microsoft Graph SDK, on an HTTP client that only reads. */
final class SdkGraphSession implements GraphSession {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SdkGraphSession.class);

    private static final int PAGE_SIZE = 999;
    private static final String[] GROUP_SELECT = {"id", "displayName", "groupTypes", "mailEnabled", "securityEnabled"};
    /** Graph's limit of requests in one {@code $batch}. */
    private static final int BATCH_SIZE = 20;
    private static final int PHOTO_BATCHES_IN_FLIGHT = 4;

    private final GraphServiceClient graph;
    private final RequestCounter counter;
    private final DeltaNulls nulls;
    private ExecutorService photoReaders;

    SdkGraphSession(GraphServiceClient graph, RequestCounter counter, DeltaNulls nulls) {
        this.graph = graph;
        this.counter = counter;
        this.nulls = nulls;
    }

    @Override
    public DeltaRound userDelta(String deltaLink, Collection<String> select, Consumer<List<GraphUser>> page) {
        // An incremental round (and a full one that restarts from it) merges into the mirror: cleared properties
        // must be seen. A plain full round replaces each user's properties and needs no record of nulls.
        nulls.recording(deltaLink != null);
        try {
            return guarded("reading users", () -> delta(deltaLink, select, page));
        } finally {
            nulls.recording(false);
        }
    }

    private DeltaRound delta(String deltaLink, Collection<String> select, Consumer<List<GraphUser>> page) {
        if (deltaLink != null) {
            try {
                return new DeltaRound(readDelta(graph.users().delta().withUrl(deltaLink).get(), page), false, false);
            } catch (ApiException e) {
                if (!DeltaTokenRejection.is(e)) {
                    throw failure("reading the changes since the last sync", e);
                }
            }
        }
        try {
            DeltaGetResponse first = graph.users().delta().get(request -> {
                request.queryParameters.select = select.toArray(String[]::new);
                request.queryParameters.top = PAGE_SIZE;
            });
            return new DeltaRound(readDelta(first, page), true, deltaLink != null);
        } catch (ApiException e) {
            throw failure("reading all users", e);
        }
    }

    private String readDelta(DeltaGetResponse response, Consumer<List<GraphUser>> page) {
        DeltaGetResponse current = response;
        while (true) {
            List<GraphUser> users = new ArrayList<>();
            for (User user : nonNull(current.getValue())) {
                users.add(GraphUserReader.read(user, nulls.take(user.getId())));
            }
            page.accept(users);
            if (current.getOdataNextLink() == null) {
                if (current.getOdataDeltaLink() == null) {
                    throw new GraphReadException("Microsoft Graph ended a delta round without a delta link", null);
                }
                return current.getOdataDeltaLink();
            }
            current = graph.users().delta().withUrl(current.getOdataNextLink()).get();
        }
    }

    @Override
    public void transitiveUserIds(String groupId, Consumer<List<String>> page) {
        guarded("reading the members of group " + groupId, () -> {
            members(groupId, page);
            return null;
        });
    }

    private void members(String groupId, Consumer<List<String>> page) {
        try {
            UserCollectionResponse current = graph.groups().byGroupId(groupId).transitiveMembers().graphUser()
                    .get(request -> {
                        request.headers.add("ConsistencyLevel", "eventual");
                        request.queryParameters.count = true;
                        request.queryParameters.select = new String[] {"id"};
                        request.queryParameters.top = PAGE_SIZE;
                    });
            while (true) {
                page.accept(nonNull(current.getValue()).stream().map(User::getId).toList());
                if (current.getOdataNextLink() == null) {
                    return;
                }
                String next = current.getOdataNextLink();
                current = graph.groups().byGroupId(groupId).transitiveMembers().graphUser().withUrl(next)
                        .get(request -> request.headers.add("ConsistencyLevel", "eventual"));
            }
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return; // the group was deleted: it has no members, and the rules naming it match nobody
            }
            throw failure("reading the members of group " + groupId, e);
        }
    }

    @Override
    public List<GraphGroup> searchGroups(String text, int limit) {
        String words = text.replace("\"", " ").replace("\\", " ").trim();
        if (words.isEmpty()) {
            return List.of();
        }
        return guarded("searching groups", () -> {
            try {
                GroupCollectionResponse found = graph.groups().get(request -> {
                    request.headers.add("ConsistencyLevel", "eventual");
                    request.queryParameters.search = "\"displayName:" + words + "\"";
                    request.queryParameters.select = GROUP_SELECT;
                    request.queryParameters.top = limit;
                });
                List<GraphGroup> groups = new ArrayList<>();
                for (Group g : nonNull(found.getValue()).stream().limit(limit).toList()) {
                    Integer users = graph.groups().byGroupId(g.getId()).transitiveMembers().graphUser().count()
                            .get(request -> request.headers.add("ConsistencyLevel", "eventual"));
                    groups.add(groupOf(g, users));
                }
                return groups;
            } catch (ApiException e) {
                throw failure("searching groups", e);
            }
        });
    }

    @Override
    public Optional<GraphGroup> group(String groupId) {
        return guarded("reading group " + groupId, () -> {
            try {
                Group g = graph.groups().byGroupId(groupId).get(request -> request.queryParameters.select = GROUP_SELECT);
                return Optional.of(groupOf(g, null));
            } catch (ApiException e) {
                if (e.getResponseStatusCode() == 404) {
                    return Optional.<GraphGroup>empty();
                }
                throw failure("reading group " + groupId, e);
            }
        });
    }

    @Override
    public Set<String> memberGroups(String userId, Collection<String> groupIds) {
        String what = "checking the group memberships of user " + userId;
        return guarded(what, () -> {
            try {
                return MemberGroupsCheck.of(graph, userId, groupIds);
            } catch (ApiException e) {
                throw failure(what, e);
            }
        });
    }

    private static GraphGroup groupOf(Group g, Integer users) {
        return new GraphGroup(g.getId(), g.getDisplayName(),
                GraphGroup.kindOf(g.getGroupTypes(), g.getMailEnabled(), g.getSecurityEnabled()), users);
    }

    @Override
    public Optional<byte[]> photo(String userId) {
        return guarded("reading the photo of user " + userId, () -> photoOf(userId));
    }

    private Optional<byte[]> photoOf(String userId) {
        try (InputStream photo = graph.users().byUserId(userId).photo().content().get()) {
            return photo == null ? Optional.empty() : Optional.of(photo.readAllBytes());
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Optional.empty();
            }
            GraphReadException failure = failure("reading the photo of user " + userId, e);
            throw new PhotoRefusedException(failure.getMessage(), e);
        } catch (IOException e) {
            throw new GraphReadException("Reading the photo of user " + userId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public PhotoVersions photoVersions(List<String> userIds) {
        List<Future<PhotoVersions>> batches = new ArrayList<>();
        for (int from = 0; from < userIds.size(); from += BATCH_SIZE) {
            List<String> batch = List.copyOf(userIds.subList(from, Math.min(userIds.size(), from + BATCH_SIZE)));
            batches.add(photoReaders().submit(() -> guarded("reading photo versions", () -> photoVersionBatch(batch))));
        }
        Map<String, String> versions = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        try {
            for (Future<PhotoVersions> batch : batches) {
                versions.putAll(batch.get().versions());
                unreadable.addAll(batch.get().unreadable());
            }
            return new PhotoVersions(versions, unreadable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphReadException("Reading photo versions was interrupted", e);
        } catch (ExecutionException e) {
            batches.forEach(b -> b.cancel(false)); // never interrupt: a reader may be inside a database call
            throw e.getCause() instanceof RuntimeException r ? r : new GraphReadException(e.getCause().getMessage(), e);
        }
    }

    /** A few {@code $batch} requests in flight at once: photo metadata is one request per user, unlike the delta. */
    private synchronized ExecutorService photoReaders() {
        if (photoReaders == null) {
            AtomicInteger n = new AtomicInteger();
            photoReaders = Executors.newFixedThreadPool(PHOTO_BATCHES_IN_FLIGHT, r -> {
                Thread t = new Thread(r, "graph-photos-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return photoReaders;
    }

    private PhotoVersions photoVersionBatch(List<String> userIds) {
        Map<String, String> versions = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        try {
            BatchRequestContent batch = new BatchRequestContent(graph);
            Map<String, String> userOfStep = new HashMap<>();
            for (String userId : userIds) {
                userOfStep.put(batch.addBatchRequestStep(graph.users().byUserId(userId).photo()
                        .toGetRequestInformation()), userId);
            }
            BatchResponseContent answers = graph.getBatchRequestBuilder().post(batch, null);
            Map<String, Integer> statuses = answers.getResponsesStatusCode();
            for (Map.Entry<String, String> step : userOfStep.entrySet()) {
                int status = statuses.getOrDefault(step.getKey(), 0);
                String userId = step.getValue();
                if (status == 200) {
                    try (InputStream body = answers.getResponseStreamById(step.getKey())) {
                        versions.put(userId, PhotoVersion.of(body.readAllBytes()));
                    }
                } else if (status != 404) {
                    // Throttled or failed inside the batch: ask again alone, through the retrying client.
                    photoVersionAlone(userId, versions, unreadable);
                }
            }
            return new PhotoVersions(versions, unreadable);
        } catch (ApiException e) {
            throw failure("reading photo versions", e);
        } catch (IOException e) {
            throw new GraphReadException("Reading photo versions failed: " + e.getMessage(), e);
        }
    }

    private void photoVersionAlone(String userId, Map<String, String> versions, Set<String> unreadable) {
        try {
            ProfilePhoto photo = graph.users().byUserId(userId).photo().get();
            if (photo != null) {
                versions.put(userId, PhotoVersion.of(photo.getAdditionalData().get("@odata.mediaEtag"), photo.getId(),
                        photo.getWidth(), photo.getHeight()));
            }
        } catch (ApiException e) {
            if (e.getResponseStatusCode() != 404) {
                // One user's photo Graph will not describe (no mailbox, say) must not stop the run: it keeps
                // the photo it had.
                log.warn("Microsoft Graph did not describe the photo of user {} (HTTP {})", userId,
                        e.getResponseStatusCode());
                unreadable.add(userId);
            }
        }
    }

    @Override
    public long requestCount() {
        return counter.count();
    }

    @Override
    public synchronized void close() {
        // The HTTP client's connections are shared; only the photo readers belong to this session.
        if (photoReaders != null) {
            photoReaders.shutdown();
        }
    }

    /**
     * Failures that are not Graph answers: the retry budget ran out, the connection failed, or the grant is
     * gone (then the {@link io.signet.microsoft.ReconnectRequiredException} itself, however deeply wrapped).
     */
    private static <T> T guarded(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(what, e);
        }
    }

    static RuntimeException translate(String what, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.signet.microsoft.ReconnectRequiredException reconnect) {
                return reconnect;
            }
            if (cause instanceof GraphReadException read) {
                return read;
            }
            if (cause instanceof IOException io) {
                return new GraphReadException("Microsoft Graph failed " + what + ": " + io.getMessage(), io);
            }
        }
        return e;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static GraphReadException failure(String what, ApiException e) {
        String detail = e instanceof ODataError error && error.getError() != null
                ? error.getError().getCode() + ": " + error.getError().getMessage()
                : e.getMessage();
        return new GraphReadException("Microsoft Graph failed " + what + " (HTTP " + e.getResponseStatusCode() + ", "
                + detail + ")", e);
    }
}
