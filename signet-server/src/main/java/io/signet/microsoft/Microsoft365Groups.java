package io.signet.microsoft;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import io.signet.web.ApiProblem;

/**
 * Finds the tenant's groups by name for the group picker, reads one group and checks a user's memberships; reads
 * Microsoft 365, never writes.
 */
@Service
public class Microsoft365Groups {

    /** The most groups one search answers. */
    public static final int LIMIT = 25;

    private final GraphDirectory directory;
    private final GraphAccessTokens tokens;

    Microsoft365Groups(GraphDirectory directory, GraphAccessTokens tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    /**
     * Groups with a word of their name starting with each word of {@code text}, with kind and member count;
     * empty for a blank text.
     *
     * @throws ApiProblem 409 {@code microsoft365-not-connected} when the organisation is not connected, 503
     *                    {@code microsoft365-unavailable} when Graph cannot answer now
     */
    public List<GraphGroup> search(UUID orgId, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return asked(orgId, "search its groups", "the group search", s -> s.searchGroups(text.trim(), LIMIT));
    }

    /**
     * The group as Microsoft 365 has it now; empty when the tenant has no such group.
     *
     * @throws ApiProblem as {@link #search}
     */
    public Optional<GraphGroup> group(UUID orgId, String groupId) {
        return asked(orgId, "read its groups", "the question about a group", s -> s.group(groupId));
    }

    /**
     * Which of {@code groupIds} the user is a member of now (nested groups included), asked of Microsoft 365.
     *
     * @throws ApiProblem as {@link #search}
     */
    public Set<String> memberGroups(UUID orgId, String userId, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Set.of();
        }
        return asked(orgId, "check group memberships", "the membership check", s -> s.memberGroups(userId, groupIds));
    }

    private <T> T asked(UUID orgId, String toDo, String what, Function<GraphSession, T> question) {
        try {
            tokens.requireConnected(orgId);
            try (GraphSession session = directory.open(orgId)) {
                return question.apply(session);
            }
        } catch (ReconnectRequiredException e) {
            throw ApiProblem.conflict("microsoft365-not-connected",
                    "Microsoft 365 is not connected: connect it (or reconnect) to " + toDo + ".");
        } catch (GraphReadException e) {
            throw ApiProblem.unavailable("microsoft365-unavailable",
                    "Microsoft 365 did not answer " + what + "; try again in a moment.");
        }
    }
}
