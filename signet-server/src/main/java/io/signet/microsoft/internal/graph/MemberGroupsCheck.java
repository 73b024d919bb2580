package io.signet.microsoft.internal.graph;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostResponse;
import com.microsoft.kiota.ApiException;

/**
 * Graph's {@code POST /users/{id}/checkMemberGroups}: which of some groups a user is a member of, nested groups
 * included. A read in spite of the POST ({@link ReadOnlyGuard} lets exactly this action through).
 */
final class MemberGroupsCheck {

    /** Graph's limit of group ids in one request. */
    private static final int GROUPS_PER_REQUEST = 20;

    private MemberGroupsCheck() {
    }

    /**
     * The ids of {@code groupIds} the user is in; empty when Graph has no such user (404).
     *
     * @throws ApiException for any other error answer
     */
    static Set<String> of(GraphServiceClient graph, String userId, Collection<String> groupIds) {
        List<String> asked = groupIds.stream().distinct().toList();
        Set<String> members = new HashSet<>();
        try {
            for (int from = 0; from < asked.size(); from += GROUPS_PER_REQUEST) {
                CheckMemberGroupsPostRequestBody body = new CheckMemberGroupsPostRequestBody();
                body.setGroupIds(asked.subList(from, Math.min(asked.size(), from + GROUPS_PER_REQUEST)));
                CheckMemberGroupsPostResponse answer = graph.users().byUserId(userId).checkMemberGroups().post(body);
                if (answer != null && answer.getValue() != null) {
                    members.addAll(answer.getValue());
                }
            }
            return members;
        } catch (ApiException e) {
            if (e.getResponseStatusCode() == 404) {
                return Set.of(); // no such user (any more): a member of nothing
            }
            throw e;
        }
    }
}
