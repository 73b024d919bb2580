package io.signet.agent;

import java.util.List;

import io.signet.agent.install.OutlookFound;
import io.signet.agent.server.Signature;
import io.signet.agent.state.AgentState;

/**
 * Everything {@code status} shows: this agent and computer, where it syncs from and who is signed in, what Outlook
 * it found, what it installed at the last sync, and how the last syncs went.
 *
 * @param signedIn  who is signed in and where tokens are kept, in words
 * @param installed the signatures of the last answer installed (empty before the first sync)
 */
public record AgentStatus(HostFacts host, String server, String signedIn, OutlookFound outlook,
        List<Signature> installed, String settings, AgentState state) {
}
