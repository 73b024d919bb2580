package io.signet.microsoft;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.signet.web.ApiProblem;

/** Finds the tenant's groups by name for the group picker; reads Microsoft 365, never writes. */
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
        try {
            tokens.requireConnected(orgId);
            try (GraphSession session = directory.open(orgId)) {
                return session.searchGroups(text.trim(), LIMIT);
            }
        } catch (ReconnectRequiredException e) {
            throw ApiProblem.conflict("microsoft365-not-connected",
                    "Microsoft 365 is not connected: connect it (or reconnect) to search its groups.");
        } catch (GraphReadException e) {
            throw ApiProblem.unavailable("microsoft365-unavailable",
                    "Microsoft 365 did not answer the group search; try again in a moment.");
        }
    }
}
